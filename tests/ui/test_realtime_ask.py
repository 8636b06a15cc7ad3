"""Real-time protection with the action "ask", end to end (real watcher, real engine, the console's journal
watcher): a file left in place is asked about without blocking anything, and the choice is carried out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core import quarantine as q
from app.core.context import Context
from app.core.paths import get_paths
from app.ui.application import ConsoleApp
from app.ui.dialogs.threat_choice import ThreatChoiceDialog
from tests.engine.helpers import EICAR


def _asking_console(qapp: QApplication, watched: Path) -> ConsoleApp:
    watched.mkdir()
    with Context.open() as ctx:
        ctx.settings.set("realtime.roots", [str(watched)])
        ctx.settings.set("scan.action", "ask")
        ctx.settings.save()
    return ConsoleApp(qapp, get_paths(), use_tray=False, poll_updates=False, protect=True)


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
        qtbot.waitUntil(lambda: app.realtime_ask.dialog is not None
                        and len(_names(app.realtime_ask.dialog)) == 3, timeout=20_000)
        dialog = app.realtime_ask.dialog
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
        qtbot.waitUntil(lambda: len(app.realtime_ask.outcomes) == 3, timeout=20_000)
        assert not dialog.isVisible()
        assert set(app.realtime_ask.outcomes) == {f"{first} was moved to the quarantine.",
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
        qtbot.waitUntil(lambda: app.realtime_ask.dialog is not None and app.realtime_ask.dialog.isVisible(),
                        timeout=20_000)
        sample.unlink()  # the user deleted it meanwhile
        assert app.realtime_ask.dialog is not None
        app.realtime_ask.dialog.quarantine.click()
        qtbot.waitUntil(lambda: len(app.realtime_ask.outcomes) == 1, timeout=20_000)
        assert app.realtime_ask.outcomes == [f"{sample} does not exist."]
        assert app.window.statusBar().currentMessage() == f"{sample} does not exist."
        assert not app.quitting
    finally:
        app.quit()
