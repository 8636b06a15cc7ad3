"""The console starts, shows its window, follows the journal and stops cleanly."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core import events as journal
from app.core.context import Context
from app.ui import startup
from app.ui.application import ConsoleApp
from app.ui.main_window import PAGES, available_pages
from tests.ui.conftest import make_console


def test_console_starts_and_shows_the_window(qtbot: QtBot, console: ConsoleApp) -> None:
    console.start()
    qtbot.waitExposed(console.window)
    assert console.window.isVisible()
    assert console.window.windowTitle() == "Ringfence"
    assert console.window.page_names() == [name for name, _cls in available_pages()]
    assert set(console.window.page_names()) <= {name for name, _m, _c in PAGES}


def test_minimized_start_stays_in_the_tray(qtbot: QtBot, tray_console: ConsoleApp) -> None:
    tray_console.start(minimized=True)
    qtbot.wait(50)
    assert not tray_console.window.isVisible()
    tray_console.tray.open_requested.emit()  # type: ignore[union-attr]
    qtbot.waitExposed(tray_console.window)


def test_minimized_without_a_tray_still_shows_the_window(qtbot: QtBot, console: ConsoleApp) -> None:
    console.start(minimized=True)
    qtbot.waitExposed(console.window)


def test_closing_without_a_tray_quits(qtbot: QtBot, console: ConsoleApp) -> None:
    console.start()
    qtbot.waitExposed(console.window)
    console.window.close()
    assert console.quitting and not console.window.isVisible()


def test_closing_with_a_tray_hides_and_says_so_once(qtbot: QtBot, tray_console: ConsoleApp, rf_home: Path) -> None:
    tray = tray_console.tray
    assert tray is not None
    told: list[str] = []
    tray.tray.messageClicked.connect(lambda: None)
    original = tray.notify
    tray.notify = lambda title, text, critical=False: (told.append(title), original(title, text, critical))  # type: ignore[method-assign]
    tray_console.start()
    qtbot.waitExposed(tray_console.window)
    tray_console.window.close()
    assert not tray_console.window.isVisible() and not tray_console.quitting
    qtbot.waitUntil(lambda: len(told) == 1)
    tray_console.open_window()
    tray_console.window.close()
    qtbot.wait(300)
    assert told == ["Ringfence keeps running"]
    assert (rf_home / "data" / startup.TRAY_HINT_FILE).exists()


def test_scans_from_any_process_turn_the_tray_to_scanning(qtbot: QtBot, tray_console: ConsoleApp, ctx: Context) -> None:
    tray_console.start()
    qtbot.waitUntil(lambda: tray_console.watcher.last_id is not None)
    with qtbot.waitSignal(tray_console.scanning_changed, timeout=5000) as started:
        journal.record(ctx.store, "scan.started", scan_kind="quick", scan_id="s1")
    assert started.args == [True]
    assert tray_console.tray is not None and tray_console.tray.state == "scanning"
    with qtbot.waitSignal(tray_console.scanning_changed, timeout=5000) as ended:
        journal.record(ctx.store, "scan.finished", scan_id="s1", files=3, threats=0, errors=0)
    assert ended.args == [False]
    assert tray_console.tray.state != "scanning"


def test_journal_events_reach_the_pages_signal(qtbot: QtBot, console: ConsoleApp, ctx: Context) -> None:
    journal.record(ctx.store, "quarantine.restored", path="/old")  # before the start: not news
    console.start()
    qtbot.waitUntil(lambda: console.watcher.last_id is not None)
    with qtbot.waitSignal(console.events, timeout=5000) as arrived:
        journal.record(ctx.store, "quarantine.deleted", path="/tmp/x")
    assert [e.code for e in arrived.args[0]] == ["quarantine.deleted"]


def test_tray_actions_reach_the_application(qtbot: QtBot, tray_console: ConsoleApp) -> None:
    ran: list[str] = []
    tray_console.register_action("scan.quick", lambda arg: ran.append("scan.quick"))
    tray_console.register_action("update.check", lambda arg: ran.append("update.check"))
    tray_console.start(minimized=True)
    tray = tray_console.tray
    assert tray is not None
    tray.scan_action.trigger()
    tray.update_action.trigger()
    assert ran == ["scan.quick", "update.check"]
    tray.open_action.trigger()
    qtbot.waitExposed(tray_console.window)
    tray.quit_action.trigger()
    assert tray_console.quitting and not tray_console.window.isVisible()


def test_an_unknown_action_says_so_and_keeps_running(qtbot: QtBot, console: ConsoleApp) -> None:
    console.start()
    console.run_action("no.such.action")
    assert console.window.statusBar().currentMessage() == "This action is not available in this version."
    assert not console.quitting


def test_quit_stops_the_workers(qtbot: QtBot, qapp: QApplication, rf_home: Path) -> None:
    app = make_console(qapp)
    app.start()
    qtbot.waitUntil(lambda: app.watcher.last_id is not None)
    app.quit()
    assert app.workers.pool.activeThreadCount() == 0
