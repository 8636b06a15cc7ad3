"""The settings dialog is generated from SCHEMA and round-trips every setting through settings.json."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.core.foundation.paths import get_paths
from app.core.foundation.settings import SCHEMA, Setting, Settings
from app.ui.application import ConsoleApp
from app.ui.dialogs.settings import SettingsDialog


def _other_value(setting: Setting) -> Any:
    """A valid value different from the default, for every kind of setting."""
    if setting.type is bool:
        return not setting.default
    if setting.type is int:
        return setting.default + 1 if setting.maximum is None or setting.default < setting.maximum else setting.default - 1
    if setting.choices:
        return next(c for c in setting.choices if c not in (setting.default, "de"))
    return {"scan.exclude_paths": ["/srv/media", "/home/user/VMs"], "scan.exclude_globs": ["*.iso", "*.vdi"],
            "scan.exclude_extensions": [".iso", ".vmdk"], "realtime.roots": ["/home/user/Downloads"]}[setting.key]


def _save(qtbot: QtBot, console_app: ConsoleApp, dialog: SettingsDialog) -> None:
    with qtbot.waitSignal(console_app.settings_changed, timeout=5000):
        assert dialog.save()


@pytest.mark.skipif(sys.platform == "win32", reason="the setting would write the user's real Run key; the Windows "
                    "backend is tested with an in-memory key in tests/test_desktop.py")
def test_every_setting_round_trips(qtbot: QtBot, console_app: ConsoleApp, desktop_dirs: Path) -> None:
    dialog = SettingsDialog(console_app)
    assert set(dialog.fields) == {s.key for s in SCHEMA}
    wanted = {s.key: _other_value(s) for s in SCHEMA}
    for key, value in wanted.items():
        dialog.fields[key].set(value)
    _save(qtbot, console_app, dialog)
    on_disk = Settings.load(get_paths().settings_file)
    assert on_disk.warnings == []
    assert dict(on_disk.values) == wanted
    assert dict(console_app.settings.values) == wanted
    assert (desktop_dirs / "xdg-config" / "autostart" / "ringfence.desktop").is_file()  # ui.autostart took effect
    assert (desktop_dirs / "xdg-data" / "nautilus" / "scripts" / "Scan with Ringfence").is_file()  # ui.scan_menu too
    again = SettingsDialog(console_app)
    assert again.values() == wanted


def test_a_bad_value_is_explained_beside_its_field_and_nothing_is_saved(qtbot: QtBot, console_app: ConsoleApp) -> None:
    dialog = SettingsDialog(console_app)
    dialog.show()
    dialog.fields["scan.exclude_paths"].set(["relative/folder"])
    assert not dialog.save()
    message = dialog.fields["scan.exclude_paths"].message
    assert message.isVisible() and "relative/folder" in message.text()
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Exclusions"
    assert not get_paths().settings_file.exists()


def test_reset_puts_back_the_default(qtbot: QtBot, console_app: ConsoleApp) -> None:
    dialog = SettingsDialog(console_app)
    field = dialog.fields["updates.poll_hours"]
    field.set(12)
    field.reset.click()
    assert field.value() == field.setting.default
    dialog.fields["scan.jobs"].set(7)
    dialog.tabs.setCurrentIndex(0)
    dialog.restore_defaults()
    assert dialog.fields["scan.jobs"].value() == 0


def test_settings_open_action_selects_the_tab(qtbot: QtBot, console_app: ConsoleApp) -> None:
    console_app.start()
    console_app.run_action("settings.open:updates")
    dialog = console_app.window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Updates"
    dialog.reject()


@pytest.mark.skipif(sys.platform == "win32", reason="the setting would write the user's real Run key; the Windows "
                    "backend is tested with an in-memory key in tests/test_desktop.py")
def test_autostart_that_cannot_be_changed_is_explained_and_nothing_is_saved(
        qtbot: QtBot, console_app: ConsoleApp, desktop_dirs: Path) -> None:
    mine = desktop_dirs / "xdg-config" / "autostart" / "ringfence.desktop"
    mine.parent.mkdir(parents=True)
    mine.write_text("[Desktop Entry]\nType=Application\nName=Mine\nExec=/opt/mine\n")
    dialog = SettingsDialog(console_app)
    dialog.fields["ui.autostart"].set(True)
    dialog.fields["scan.jobs"].set(3)
    with qtbot.waitSignal(console_app.settings_changed, timeout=3000, raising=False) as changed:
        assert dialog.save()
        qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=5000)
    assert not changed.signal_triggered
    assert "was not made by Ringfence" in dialog.error.text()
    assert not get_paths().settings_file.exists() and mine.read_text().endswith("/opt/mine\n")
    assert dialog.buttons.isEnabled()
    dialog.reject()
