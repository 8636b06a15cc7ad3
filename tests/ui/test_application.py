"""The console starts, shows its window, follows the journal and stops cleanly."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.context import Context
from app.core.journal import events as journal
from app.ui import startup
from app.ui.application import ConsoleApp
from app.ui.i18n import text
from app.ui.main_window import PAGES, available_pages
from tests.ui.conftest import make_console


def test_console_starts_and_shows_the_window(qtbot: QtBot, console_app: ConsoleApp) -> None:
    console_app.start()
    qtbot.waitExposed(console_app.window)
    assert console_app.window.isVisible()
    assert console_app.window.windowTitle() == "Ringfence"
    assert console_app.window.page_names() == [name for name, _cls in available_pages()]
    assert set(console_app.window.page_names()) <= {name for name, _m, _c in PAGES}


def test_minimized_start_stays_in_the_tray(qtbot: QtBot, tray_app: ConsoleApp) -> None:
    tray_app.start(minimized=True)
    qtbot.wait(50)
    assert not tray_app.window.isVisible()
    tray_app.tray.open_requested.emit()  # type: ignore[union-attr]
    qtbot.waitExposed(tray_app.window)


def test_minimized_without_a_tray_still_shows_the_window(qtbot: QtBot, console_app: ConsoleApp) -> None:
    console_app.start(minimized=True)
    qtbot.waitExposed(console_app.window)


def test_closing_without_a_tray_quits(qtbot: QtBot, console_app: ConsoleApp) -> None:
    console_app.start()
    qtbot.waitExposed(console_app.window)
    console_app.window.close()
    assert console_app.quitting and not console_app.window.isVisible()


def test_closing_with_a_tray_hides_and_says_so_once(qtbot: QtBot, tray_app: ConsoleApp, rf_home: Path) -> None:
    tray = tray_app.tray
    assert tray is not None
    told: list[str] = []
    tray.tray.messageClicked.connect(lambda: None)
    original = tray.notify
    tray.notify = lambda title, text, critical=False: (told.append(title), original(title, text, critical))  # type: ignore[method-assign]
    tray_app.start()
    qtbot.waitExposed(tray_app.window)
    tray_app.window.close()
    assert not tray_app.window.isVisible() and not tray_app.quitting
    qtbot.waitUntil(lambda: len(told) == 1)
    tray_app.open_window()
    tray_app.window.close()
    qtbot.wait(300)
    assert told == ["Ringfence keeps running"]
    assert (rf_home / "data" / startup.TRAY_HINT_FILE).exists()


def test_scans_from_any_process_turn_the_tray_to_scanning(qtbot: QtBot, tray_app: ConsoleApp, ctx: Context) -> None:
    tray_app.start()
    qtbot.waitUntil(lambda: tray_app.watcher.last_id is not None)
    with qtbot.waitSignal(tray_app.scanning_changed, timeout=5000) as started:
        journal.record(ctx.store, "scan.started", scan_kind="quick", scan_id="s1")
    assert started.args == [True]
    assert tray_app.tray is not None and tray_app.tray.state == "scanning"
    with qtbot.waitSignal(tray_app.scanning_changed, timeout=5000) as ended:
        journal.record(ctx.store, "scan.finished", scan_id="s1", files=3, threats=0, errors=0)
    assert ended.args == [False]
    assert tray_app.tray.state != "scanning"


def test_journal_events_reach_the_pages_signal(qtbot: QtBot, console_app: ConsoleApp, ctx: Context) -> None:
    journal.record(ctx.store, "quarantine.restored", path="/old")  # before the start: not news
    console_app.start()
    qtbot.waitUntil(lambda: console_app.watcher.last_id is not None)
    with qtbot.waitSignal(console_app.events, timeout=5000) as arrived:
        journal.record(ctx.store, "quarantine.deleted", path="/tmp/x")
    assert [e.code for e in arrived.args[0]] == ["quarantine.deleted"]


def test_tray_actions_reach_the_application(qtbot: QtBot, tray_app: ConsoleApp) -> None:
    ran: list[str] = []
    tray_app.register_action("scan.quick", lambda arg: ran.append("scan.quick"))
    tray_app.register_action("update.check", lambda arg: ran.append("update.check"))
    tray_app.start(minimized=True)
    tray = tray_app.tray
    assert tray is not None
    tray.scan_action.trigger()
    tray.update_action.trigger()
    assert ran == ["scan.quick", "update.check"]
    tray.open_action.trigger()
    qtbot.waitExposed(tray_app.window)
    tray.quit_action.trigger()
    assert tray_app.quitting and not tray_app.window.isVisible()


def test_an_unknown_action_says_so_and_keeps_running(qtbot: QtBot, console_app: ConsoleApp) -> None:
    console_app.start()
    console_app.run_action("no.such.action")
    assert console_app.window.statusBar().currentMessage() == "This action is not available in this version."
    assert not console_app.quitting


def test_quit_stops_the_workers(qtbot: QtBot, qapp: QApplication, rf_home: Path) -> None:
    app = make_console(qapp)
    app.start()
    qtbot.waitUntil(lambda: app.watcher.last_id is not None)
    app.quit()
    assert app.workers.pool.activeThreadCount() == 0


def test_the_tray_icon_follows_the_verdict(qtbot: QtBot, tray_app: ConsoleApp, ctx: Context) -> None:
    from app.core.status.verdict import Verdict

    tray_app.start()
    tray = tray_app.tray
    assert tray is not None
    qtbot.waitUntil(lambda: tray_app.verdict is not None, timeout=20_000)
    verdict = tray_app.verdict
    assert tray.state == verdict.level
    assert text(verdict.reasons[0].message) in tray.tray.toolTip()
    alert_icon = tray.icon().pixmap(32, 32).toImage()
    with qtbot.waitSignal(tray_app.scanning_changed, timeout=5000):
        journal.record(ctx.store, "scan.started", scan_kind="full", scan_id="s2")
    assert tray.state == "scanning" and tray.icon().pixmap(32, 32).toImage() != alert_icon
    with qtbot.waitSignal(tray_app.scanning_changed, timeout=5000):
        journal.record(ctx.store, "scan.cancelled", scan_id="s2", files=4)
    assert tray.state == verdict.level
    # Whatever core decides next, the icon and tooltip show it.
    for level in ("ok", "attention", "alert"):
        with qtbot.waitSignal(tray_app.verdict_changed):
            tray_app._verdict_arrived(Verdict(level, ()))  # type: ignore[arg-type]
        assert tray.state == level
    assert "Your PC is protected." in tray.tray.toolTip() or tray.state != "ok"


def test_a_rollback_written_by_another_process_raises_a_notification(qtbot: QtBot, tray_app: ConsoleApp,
                                                                      ctx: Context) -> None:
    tray_app.start(minimized=True)
    qtbot.waitUntil(lambda: tray_app.watcher.last_id is not None)
    journal.record(ctx.store, "updates.rolled_back", version="3", to_version="2",
                   trigger="Version 3 suddenly found 40 threats in 300 files (a likely false alarm).")
    qtbot.waitUntil(lambda: bool(tray_app.notifier.shown), timeout=10_000)
    title, body, critical = tray_app.notifier.shown[0]
    assert title == "Definitions update undone" and not critical
    assert "rolled back to 2" in body and "40 threats" in body


def test_quit_during_a_scan_stops_the_engine_cleanly(qtbot: QtBot, console_app: ConsoleApp, tmp_path: Path) -> None:
    import psutil

    page = console_app.window.pages.get("scan")
    if page is None:
        return  # no Scan page in this build: nothing can start a scan from the window
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(3000):
        (folder / f"file-{n}.txt").write_text(f"ordinary text number {n}\n" * 40)
    console_app.start()

    def engines() -> list[psutil.Process]:
        found = []
        for child in psutil.Process().children(recursive=True):
            try:
                if "--engine" in " ".join(child.cmdline()):
                    found.append(child)
            except psutil.Error:  # gone, or a zombie left by another test's subprocess
                pass
        return found

    page.start_scan("custom", [str(folder)])  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bool(engines()), timeout=30_000)
    running = engines()
    console_app.quit()
    assert console_app.workers.pool.activeThreadCount() == 0  # quit waited for the scan to end
    _gone, alive = psutil.wait_procs(running, timeout=15)
    assert alive == [] and engines() == []
