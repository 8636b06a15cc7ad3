"""Start at log-in, switched on outside Ringfence (by the Windows installer's option, or by the user in
the system's start-up list), shows in the settings and survives saving them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.desktop import autostart
from app.core.desktop.desktop_entry import launch_command
from app.core.foundation.paths import get_paths
from app.core.foundation.settings import Settings
from app.ui.dialogs.settings import SettingsDialog
from tests.ui.conftest import make_console


def test_reflect_follows_the_system_and_saves_nothing(desktop_dirs: Path) -> None:
    settings = Settings.load(get_paths().settings_file)
    backend = autostart.XdgAutostart()
    autostart.reflect(settings, backend)
    assert settings["ui.autostart"] is False
    backend.enable(launch_command(minimized=True))
    autostart.reflect(settings, backend)
    assert settings["ui.autostart"] is True
    assert not get_paths().settings_file.exists()  # shown, not written
    backend.disable()
    autostart.reflect(settings, backend)
    assert settings["ui.autostart"] is False


def test_an_entry_made_before_the_console_started_is_shown_and_kept(qtbot: QtBot, qapp: QApplication,
                                                                  desktop_dirs: Path) -> None:
    entry = desktop_dirs / "xdg-config" / "autostart" / "ringfence.desktop"
    autostart.XdgAutostart().enable(launch_command(minimized=True))  # what an installer's option does
    app = make_console(qapp)
    try:
        dialog = SettingsDialog(app)
        assert dialog.fields["ui.autostart"].value() is True
        with qtbot.waitSignal(app.settings_changed, timeout=5000):
            assert dialog.save()  # saving other settings must not switch it off
        assert entry.is_file()
        assert Settings.load(get_paths().settings_file)["ui.autostart"] is True
    finally:
        app.quit()
