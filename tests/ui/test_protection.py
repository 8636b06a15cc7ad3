"""The console runs real-time protection and the scan scheduler: started off the GUI thread, paused and
resumed through its actions, turned off and on by the setting, stopped at quit (real watcher, real engine)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.context import Context
from app.core.foundation.paths import get_paths
from app.core.realtime.realtime_status import read_status_file, status_path
from app.ui.application import ConsoleApp
from tests.engine.helpers import EICAR


def protecting_console(qapp: QApplication, watched: Path, *, use_tray: bool) -> ConsoleApp:
    """A console with real-time protection on ``watched`` only."""
    watched.mkdir()
    with Context.open() as ctx:
        ctx.settings.set("realtime.roots", [str(watched)])
        ctx.settings.save()
    return ConsoleApp(qapp, get_paths(), use_tray=use_tray, poll_updates=False, protect=True)


def test_the_console_protects_pauses_resumes_and_stops(qapp: QApplication, qtbot: QtBot, rf_home: Path,
                                                       tmp_path: Path) -> None:
    watched = tmp_path / "Downloads"
    app = protecting_console(qapp, watched, use_tray=False)
    try:
        app.start(minimized=True)
        assert app.protection is not None
        qtbot.waitUntil(lambda: app.protection is not None and app.protection.realtime is not None
                        and app.protection.realtime.status().state == "on", timeout=30_000)
        service = app.protection.realtime
        assert service.roots == [str(watched.resolve())]
        sample = watched / "invoice.pdf.exe"
        sample.write_bytes(EICAR)
        qtbot.waitUntil(lambda: not sample.exists(), timeout=5_000)

        app.run_action("realtime.pause:900")
        qtbot.waitUntil(lambda: (read_status_file(status_path(app.paths)) or {}).get("state") == "paused", timeout=5_000)
        app.run_action("realtime.resume")
        qtbot.waitUntil(lambda: service.status().state == "on", timeout=5_000)

        app.save_settings({"realtime.enabled": False})  # turned off in the settings: the service stops
        qtbot.waitUntil(lambda: app.protection is not None and app.protection.realtime is None, timeout=5_000)
        qtbot.waitUntil(lambda: service.status().state == "off", timeout=15_000)
        app.run_action("realtime.resume")  # the verdict's fix turns it back on
        qtbot.waitUntil(lambda: app.protection is not None and app.protection.realtime is not None, timeout=30_000)
        assert app.settings["realtime.enabled"]
    finally:
        app.quit()
    assert not os.path.exists(status_path(app.paths))  # stopped at quit: no process claims to protect


def test_the_tray_pauses_for_a_while_and_resumes(qapp: QApplication, qtbot: QtBot, rf_home: Path,
                                                tmp_path: Path) -> None:
    app = protecting_console(qapp, tmp_path / "Desktop", use_tray=True)
    try:
        app.start(minimized=True)
        protection, tray = app.protection, app.tray
        assert protection is not None and tray is not None
        qtbot.waitUntil(lambda: protection.realtime is not None and protection.realtime.status().state == "on",
                        timeout=30_000)
        tray.menu.aboutToShow.emit()  # what the user sees when opening the tray menu
        pause = protection.pause_menu.menuAction()
        assert pause in tray.menu.actions() and pause.isVisible() and pause.isEnabled()
        assert not protection.resume_action.isVisible()
        texts = [action.text() for action in protection.pause_menu.actions()]
        assert texts == ["For 15 minutes", "For 1 hour", "Until Ringfence restarts"]
        assert tray.menu.actions().index(pause) < tray.menu.actions().index(tray.quit_action)
        assert not any("off" in action.text().lower() for action in tray.menu.actions())  # no "off forever"

        protection.pause_actions[1].trigger()  # one hour
        status = protection.realtime.status()
        assert status.state == "paused" and status.paused_until is not None
        tray.menu.aboutToShow.emit()
        assert not pause.isVisible() and protection.resume_action.isVisible()
        assert protection.resume_action.text() == "Resume real-time protection"

        protection.resume_action.trigger()
        qtbot.waitUntil(lambda: protection.realtime.status().state == "on", timeout=5_000)
        tray.menu.aboutToShow.emit()
        assert pause.isVisible() and not protection.resume_action.isVisible()
    finally:
        app.quit()


def test_the_pause_choices_speak_german(german: None) -> None:
    from app.ui.protection import PAUSES, pause_label

    assert [pause_label(minutes) for _arg, minutes in PAUSES] == ["Für 15 Minuten", "Für 1 Stunde",
                                                                  "Bis Ringfence neu startet"]
