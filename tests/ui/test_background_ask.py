"""The action "ask" for what finds threats in the background — real-time protection and scheduled scans —
end to end (real watcher, real engine, the console's journal watcher): a file left in place is asked about
without blocking anything, and the choice is carried out; the Scan page's own scans are not asked twice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core import quarantine as q
from app.core.context import Context
from app.core.foundation.paths import get_paths
from app.core.journal import events
from app.core.scanning.job import ScanRequest
from app.core.schedule.scheduler import run_in_background
from app.ui.application import ConsoleApp
from app.ui.dialogs.threat_choice import ThreatChoiceDialog
from app.ui.pages.scan import ScanPage
from tests.engine.helpers import EICAR


def _asking_console(qapp: QApplication, watched: Path, *, protect: bool = True) -> ConsoleApp:
    watched.mkdir()
    with Context.open() as ctx:
        ctx.settings.set("realtime.roots", [str(watched)])
        ctx.settings.set("scan.action", "ask")
        ctx.settings.save()
    return ConsoleApp(qapp, get_paths(), use_tray=False, poll_updates=False, protect=protect)


def _protecting(qtbot: QtBot, app: ConsoleApp) -> None:
    app.start()
    qtbot.waitUntil(lambda: app.protection is not None and app.protection.realtime is not None
                    and app.protection.realtime.status().state == "on", timeout=30_000)


def _names(dialog: ThreatChoiceDialog) -> list[str]:
    return [dialog.list.topLevelItem(i).text(0) for i in range(dialog.list.topLevelItemCount())]  # type: ignore[union-attr]


def test_a_file_left_in_place_is_asked_about_and_each_choice_is_carried_out(
        qapp: QApplication, qtbot: QtBot, rf_home: Path, tmp_path: Path) -> None:
    watched = tmp_path / "Downloads"
    app = _asking_console(qapp, watched)
    try:
        _protecting(qtbot, app)
        first, second, third = (watched / name for name in ("invoice.pdf.exe", "game-tool.exe", "sample.com"))
        for path in (first, second, third):
            path.write_bytes(EICAR)
        qtbot.waitUntil(lambda: app.background_ask.dialog is not None
                        and len(_names(app.background_ask.dialog)) == 3, timeout=20_000)
        dialog = app.background_ask.dialog
        assert dialog is not None and dialog.isVisible() and not dialog.isModal()
        assert sorted(_names(dialog)) == ["game-tool.exe", "invoice.pdf.exe", "sample.com"]
        assert first.exists() and second.exists() and third.exists()  # left in place until the user decides

        def pick(name: str) -> None:
            dialog.list.clearSelection()
            for i in range(dialog.list.topLevelItemCount()):
                item = dialog.list.topLevelItem(i)
                assert item is not None
                item.setSelected(item.text(0) == name)

        pick("invoice.pdf.exe")
        dialog.quarantine.click()
        qtbot.waitUntil(lambda: not first.exists(), timeout=20_000)
        pick("game-tool.exe")
        dialog.allow.click()
        dialog.leave.click()  # the rest
        qtbot.waitUntil(lambda: len(app.background_ask.outcomes) == 3, timeout=20_000)
        assert not dialog.isVisible()
        assert set(app.background_ask.outcomes) == {f"{first} was moved to the quarantine.",
                                                  f"{second} is allowed and will not be reported again.",
                                                  f"{third} was left in place."}
        with Context.open() as ctx:
            assert [item.original_path for item in q.list_items(ctx)] == [str(first)]
            assert [entry.name for entry in q.allowed_entries(ctx)] == ["game-tool.exe"]
        assert second.read_bytes() == EICAR and third.read_bytes() == EICAR
    finally:
        app.quit()


def test_a_file_gone_before_the_choice_gets_one_clear_message(qapp: QApplication, qtbot: QtBot, rf_home: Path,
                                                              tmp_path: Path) -> None:
    watched = tmp_path / "Desktop"
    app = _asking_console(qapp, watched)
    try:
        _protecting(qtbot, app)
        sample = watched / "dropper.exe"
        sample.write_bytes(EICAR)
        qtbot.waitUntil(lambda: app.background_ask.dialog is not None and app.background_ask.dialog.isVisible(),
                        timeout=20_000)
        sample.unlink()  # the user deleted it meanwhile
        assert app.background_ask.dialog is not None
        app.background_ask.dialog.quarantine.click()
        qtbot.waitUntil(lambda: len(app.background_ask.outcomes) == 1, timeout=20_000)
        assert app.background_ask.outcomes == [f"{sample} does not exist."]
        assert app.window.statusBar().currentMessage() == f"{sample} does not exist."
        assert not app.quitting
    finally:
        app.quit()


def _background_scan(ctx: Context, root: str) -> str:
    return run_in_background(ctx, ScanRequest(kind="custom", paths=[root])).outcome


def test_a_scheduled_scans_finding_is_asked_about_and_recorded(qapp: QApplication, qtbot: QtBot, rf_home: Path,
                                                               tmp_path: Path) -> None:
    folder = tmp_path / "Documents"
    app = _asking_console(qapp, folder, protect=False)
    try:
        app.start()
        sample = folder / "macro.doc.exe"
        sample.write_bytes(EICAR)
        done = app.workers.submit("scheduled scan", _background_scan, str(folder))  # as the scheduler runs it
        with qtbot.waitSignal(done.finished, timeout=60_000) as ran:
            pass
        assert ran.args == ["finished"]
        qtbot.waitUntil(lambda: app.background_ask.dialog is not None and app.background_ask.dialog.isVisible(),
                        timeout=20_000)
        dialog = app.background_ask.dialog
        assert dialog is not None and _names(dialog) == ["macro.doc.exe"] and sample.exists()
        dialog.quarantine.click()
        qtbot.waitUntil(lambda: app.background_ask.outcomes == [f"{sample} was moved to the quarantine."],
                        timeout=20_000)
        assert not sample.exists()
        with Context.open() as ctx:
            assert [item.original_path for item in q.list_items(ctx)] == [str(sample)]
            [(action,)] = ctx.store.conn.execute("SELECT action FROM detections").fetchall()
            assert action == "quarantined"  # the scan's history says what was done
    finally:
        app.quit()


def test_the_scan_pages_own_scan_is_asked_about_once(qapp: QApplication, qtbot: QtBot, rf_home: Path,
                                                     tmp_path: Path) -> None:
    folder = tmp_path / "Downloads"
    app = _asking_console(qapp, folder, protect=False)
    try:
        app.start()
        (folder / "one.com").write_bytes(EICAR)
        page = app.window.pages["scan"]
        assert isinstance(page, ScanPage)
        assert page.action.currentData() == "ask"  # the setting
        page.start_scan("custom", [str(folder)])
        qtbot.waitUntil(lambda: not page.running and page.summary is not None, timeout=60_000)
        qtbot.waitUntil(lambda: page.asking is not None and page.asking.isVisible(), timeout=10_000)
        with Context.open() as ctx:  # let the journal watcher deliver the scan's events
            last = events.latest_id(ctx.store)
        qtbot.waitUntil(lambda: (app.watcher.last_id or 0) >= last, timeout=20_000)
        assert app.background_ask.dialog is None
    finally:
        app.quit()
