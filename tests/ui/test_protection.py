"""The console runs real-time protection and the scan scheduler: started off the GUI thread, paused and
resumed through its actions, turned off and on by the setting, stopped at quit (real watcher, real engine)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.context import Context
from app.core.paths import get_paths
from app.core.realtime.status import read_status_file, status_path
from app.ui.application import ConsoleApp
from tests.engine.helpers import EICAR


def test_the_console_protects_pauses_resumes_and_stops(qapp: QApplication, qtbot: QtBot, rf_home: Path,
                                                       tmp_path: Path) -> None:
    watched = tmp_path / "Downloads"
    watched.mkdir()
    with Context.open() as ctx:
        ctx.settings.set("realtime.roots", [str(watched)])
        ctx.settings.save()
    app = ConsoleApp(qapp, get_paths(), use_tray=False, poll_updates=False, protect=True)
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
