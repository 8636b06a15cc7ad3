""""Scan with Ringfence" in the file managers' menus: installed and removed cleanly under a temporary HOME
(Nautilus, Dolphin, Thunar with the user's own actions kept), and Explorer's per-user keys against the
recorded layout (and in the real registry on Windows)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.core.desktop import scan_menu
from app.core.desktop.scan_menu import WindowsScanMenu, XdgScanMenu
from app.core.foundation.settings import Settings
from tests.conftest import ROOT

ARGV = ["/opt/ring fence/ringfence-gui"]
USER_ACTION = """<?xml version="1.0" encoding="UTF-8"?>
<actions>
<action>
  <icon>utilities-terminal</icon>
  <name>Open Terminal Here</name>
  <unique-id>1700000000000000-1</unique-id>
  <command>exo-open --working-directory %f --launch TerminalEmulator</command>
  <patterns>*</patterns>
  <directories/>
</action>
</actions>
"""
linux_only = pytest.mark.skipif(sys.platform == "win32", reason="the Linux file managers' menus")


@pytest.fixture
def home(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "etc-xdg"))  # the system's defaults, for Thunar
    return home


def _files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


def _thunar_ids(path: Path) -> list[str]:
    return [a.findtext("unique-id") or "" for a in ET.parse(path).getroot().findall("action")]


@linux_only
def test_the_entries_are_installed_and_removed_without_a_trace(home: Path) -> None:
    menu = XdgScanMenu()
    assert not menu.installed()
    written = menu.install(ARGV)
    assert menu.installed()
    script = home / ".local" / "share" / "nautilus" / "scripts" / "Scan with Ringfence"
    dolphin = home / ".local" / "share" / "kio" / "servicemenus" / "ringfence-scan.desktop"
    thunar = home / ".config" / "Thunar" / "uca.xml"
    assert set(written) == {str(script), str(dolphin), str(thunar)}
    assert os.access(script, os.X_OK) and os.access(dolphin, os.X_OK)  # Nautilus and KDE 6 run only these
    assert "exec '/opt/ring fence/ringfence-gui' '--scan' \"$@\"" in script.read_text()
    assert "Exec='/opt/ring fence/ringfence-gui' --scan %F" in dolphin.read_text()
    assert "Name[de]=Mit Ringfence prüfen" in dolphin.read_text()
    assert _thunar_ids(thunar) == ["ringfence-scan"]
    command = ET.parse(thunar).getroot().find("action/command")
    assert command is not None and command.text == "'/opt/ring fence/ringfence-gui' '--scan' %F"
    menu.install(ARGV)  # again: still one action
    assert _thunar_ids(thunar) == ["ringfence-scan"]
    menu.remove()
    assert not menu.installed()
    assert _files(home) == set()


@linux_only
def test_thunar_keeps_the_users_actions_and_the_systems_defaults(home: Path, tmp_path: Path) -> None:
    system = tmp_path / "etc-xdg" / "Thunar" / "uca.xml"
    system.parent.mkdir(parents=True)
    system.write_text(USER_ACTION)
    thunar = home / ".config" / "Thunar" / "uca.xml"
    menu = XdgScanMenu()
    menu.install(ARGV)  # no file of the user's yet: the system's actions come along, ours added
    assert _thunar_ids(thunar) == ["1700000000000000-1", "ringfence-scan"]
    menu.remove()
    assert not thunar.exists()  # nothing in it the user added: gone, Thunar reads the system's file again

    thunar.parent.mkdir(parents=True, exist_ok=True)
    mine = USER_ACTION.replace("Open Terminal Here", "My own action")
    thunar.write_text(mine)
    menu.install(ARGV)
    assert _thunar_ids(thunar) == ["1700000000000000-1", "ringfence-scan"]
    menu.remove()
    assert _thunar_ids(thunar) == ["1700000000000000-1"]
    assert "My own action" in thunar.read_text()

    thunar.write_text("<actions><action>broken")  # a file Thunar cannot read either is never written over
    menu.install(ARGV)
    assert thunar.read_text() == "<actions><action>broken"


@linux_only
def test_a_users_own_script_of_that_name_is_left_alone(home: Path) -> None:
    script = home / ".local" / "share" / "nautilus" / "scripts" / "Scan with Ringfence"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\necho mine\n")
    menu = XdgScanMenu()
    menu.install(ARGV)
    menu.remove()
    assert script.read_text() == "#!/bin/sh\necho mine\n"


@linux_only
def test_install_desktop_adds_the_menus_and_remove_takes_everything_away(home: Path) -> None:
    env = dict(os.environ, PYTHON=sys.executable)
    result = subprocess.run([str(ROOT / "scripts" / "install-desktop")], capture_output=True, text=True,
                            check=False, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    entry = home / ".local" / "share" / "applications" / "ringfence.desktop"
    assert next(line for line in entry.read_text().splitlines() if line.startswith("Exec=")).endswith(" --scan %F")
    if tool := shutil.which("desktop-file-validate"):
        dolphin = home / ".local" / "share" / "kio" / "servicemenus" / "ringfence-scan.desktop"
        checked = subprocess.run([tool, str(entry)], capture_output=True, text=True, check=False)
        assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout
        assert dolphin.is_file()
    settings = Settings(home / "settings.json", {"ui.scan_menu": False})
    scan_menu.reflect(settings)
    assert settings["ui.scan_menu"] is True  # the console's setting shows what the script did
    result = subprocess.run([str(ROOT / "scripts" / "install-desktop"), "--remove"], capture_output=True,
                            text=True, check=False, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert {p for p in _files(home) if "icon-theme.cache" not in p.name and "mimeinfo.cache" not in p.name} == set()


class RecordedRegistry:
    """HKEY_CURRENT_USER as a dict of keys to values, the layout Explorer reads."""

    def __init__(self) -> None:
        self.keys: dict[str, dict[str, str]] = {}

    def set_value(self, key: str, name: str, value: str) -> None:
        self.keys.setdefault(key.lower(), {})[name] = value

    def get_value(self, key: str, name: str) -> str | None:
        return self.keys.get(key.lower(), {}).get(name)

    def delete_tree(self, key: str) -> None:
        prefix = key.lower()
        for k in [k for k in self.keys if k == prefix or k.startswith(prefix + "\\")]:
            del self.keys[k]


EXE = r"C:\Users\Anna Berg\AppData\Local\Programs\Ringfence\Ringfence.exe"
RECORDED = {  # as regedit exports it, lower-cased key names
    r"software\classes\*\shell\ringfence.scan": {"": "Scan with Ringfence", "Icon": EXE + ",0",
                                                 "MultiSelectModel": "Player"},
    r"software\classes\*\shell\ringfence.scan\command": {"": f'"{EXE}" --scan "%1"'},
    r"software\classes\directory\shell\ringfence.scan": {"": "Scan with Ringfence", "Icon": EXE + ",0",
                                                         "MultiSelectModel": "Player"},
    r"software\classes\directory\shell\ringfence.scan\command": {"": f'"{EXE}" --scan "%1"'},
    r"software\classes\directory\background\shell\ringfence.scan": {"": "Scan with Ringfence", "Icon": EXE + ",0",
                                                                    "MultiSelectModel": "Player"},
    r"software\classes\directory\background\shell\ringfence.scan\command": {"": f'"{EXE}" --scan "%V"'},
    r"software\classes\drive\shell\ringfence.scan": {"": "Scan with Ringfence", "Icon": EXE + ",0",
                                                     "MultiSelectModel": "Player"},
    r"software\classes\drive\shell\ringfence.scan\command": {"": f'"{EXE}" --scan %1'},
}


def test_explorer_entries_match_the_recorded_layout_and_leave_nothing_behind() -> None:
    registry = RecordedRegistry()
    registry.set_value(r"Software\Classes\*\shell\open", "", "someone else's verb")
    menu = WindowsScanMenu(registry)
    assert not menu.installed()
    menu.install([EXE])
    assert menu.installed()
    assert {k: v for k, v in registry.keys.items() if "ringfence" in k} == RECORDED
    menu.remove()
    assert registry.keys == {r"software\classes\*\shell\open": {"": "someone else's verb"}}


def test_the_installer_writes_the_same_keys() -> None:
    script = (ROOT / "installer" / "ringfence.nsi").read_text(encoding="utf-8")
    layout = scan_menu.windows_layout([EXE])  # a folder with a space: the program comes quoted, as NSIS writes it
    for cls in scan_menu.WINDOWS_TARGETS:
        command = layout[f"Software\\Classes\\{cls}\\shell\\{scan_menu.VERB}\\command"][""]
        command = command.replace(f'"{EXE}"', '"$INSTDIR\\Ringfence.exe"')
        assert f'"Software\\Classes\\{cls}\\shell\\${{SCAN_VERB}}\\command" "" \'{command}\'' in script
        assert f'DeleteRegKey HKCU "Software\\Classes\\{cls}\\shell\\${{SCAN_VERB}}"' in script
    assert f'!define SCAN_VERB "{scan_menu.VERB}"' in script


@pytest.mark.skipif(sys.platform != "win32", reason="the real registry of Windows")
def test_explorer_entries_in_the_real_registry() -> None:  # pragma: no cover - Windows and Wine
    menu = WindowsScanMenu(scan_menu.WinregRegistry())
    try:
        menu.install([EXE])
        assert menu.installed()
        registry = scan_menu.WinregRegistry()
        for key, values in RECORDED.items():
            for name, value in values.items():
                assert registry.get_value(key, name) == value
    finally:
        menu.remove()
    assert not menu.installed()
    assert scan_menu.WinregRegistry().get_value(r"Software\Classes\Drive\shell\Ringfence.Scan", "") is None
