"""The desktop entry, the icons and starting at log-in, all under a temporary HOME."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.desktop import autostart
from app.core.desktop.desktop_entry import entry_text, launch_command
from app.core.foundation.errors import RingfenceError
from tests.conftest import ROOT


def _validate(path: Path) -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (scripts/setup installs it)")
    result = subprocess.run([tool, str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="XDG desktop entries and autostart are the Linux desktop's; Windows uses the Run key")
def test_autostart_writes_and_removes_the_xdg_entry(home: Path) -> None:
    entry = home / ".config" / "autostart" / "ringfence.desktop"
    autostart.apply(True)
    assert entry.is_file()
    text = entry.read_text()
    assert "--minimized" in text and "X-GNOME-Autostart-enabled=true" in text
    _validate(entry)
    assert autostart.backend_for("linux").enabled()
    autostart.apply(True)  # again: still one entry, still valid
    _validate(entry)
    autostart.apply(False)
    assert not entry.exists()
    autostart.apply(False)  # nothing to remove is fine


@pytest.mark.skipif(sys.platform == "win32", reason="XDG desktop entries and autostart are the Linux desktop's; Windows uses the Run key")
def test_an_entry_the_user_made_is_never_overwritten_or_removed(home: Path) -> None:
    entry = home / ".config" / "autostart" / "ringfence.desktop"
    entry.parent.mkdir(parents=True)
    entry.write_text("[Desktop Entry]\nType=Application\nName=My own\nExec=/opt/mine\n")
    with pytest.raises(RingfenceError, match="was not made by Ringfence"):
        autostart.apply(True)
    autostart.apply(False)
    assert entry.read_text().endswith("Exec=/opt/mine\n")


@pytest.mark.skipif(sys.platform == "win32", reason="XDG desktop entries and autostart are the Linux desktop's; Windows uses the Run key")
def test_xdg_config_home_is_honoured(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "cfg"))
    autostart.apply(True)
    assert (home / "cfg" / "autostart" / "ringfence.desktop").is_file()


class _RunKey:
    """HKCU\\...\\Run as a dictionary: the RunKey protocol's contract, without a Windows registry here."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


def test_windows_run_key_holds_a_quoted_command_line() -> None:
    key = _RunKey()
    backend = autostart.WindowsAutostart(key)
    backend.enable([r"C:\Program Files\Ringfence\Ringfence.exe", "--minimized"])
    assert key.values == {"Ringfence": r'"C:\Program Files\Ringfence\Ringfence.exe" --minimized'}
    assert backend.enabled()
    autostart.apply(False, backend)
    assert key.values == {}


def test_the_launch_command_starts_the_console_minimized() -> None:
    argv = launch_command(minimized=True)
    assert argv[-1] == "--minimized"
    assert argv[0] == sys.executable or Path(argv[0]).name == "ringfence-gui"


@pytest.mark.skipif(sys.platform == "win32", reason="XDG desktop entries and autostart are the Linux desktop's; Windows uses the Run key")
def test_install_desktop_puts_the_entry_and_icons_in_the_menu(home: Path) -> None:
    result = subprocess.run([str(ROOT / "scripts" / "install-desktop")], capture_output=True, text=True, check=False,
                            env=dict(os.environ, PYTHON=sys.executable), timeout=120)
    assert result.returncode == 0, result.stderr
    share = home / ".local" / "share"
    entry = share / "applications" / "ringfence.desktop"
    _validate(entry)
    assert "Icon=ringfence" in entry.read_text()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "ringfence.svg").is_file()
    assert (share / "icons" / "hicolor" / "48x48" / "apps" / "ringfence.png").is_file()


def test_exec_line_quotes_paths_with_spaces_and_percent() -> None:
    text = entry_text(["/opt/my apps/ringfence-gui", "--minimized", "100%"])
    assert "Exec='/opt/my apps/ringfence-gui' --minimized 100%%" in text
