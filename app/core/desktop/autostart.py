"""Start Ringfence when the user logs in (the ``ui.autostart`` setting), one small backend per platform.

Linux and other XDG desktops: a desktop entry in ``$XDG_CONFIG_HOME/autostart``. Windows: a value in
``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``. Both start the console ``--minimized``
(in the tray). The platform is chosen in :func:`backend_for`; the Windows backend talks to the
registry through the :class:`RunKey` protocol (``winreg`` on Windows).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from app.core.desktop.desktop_entry import APP_ID, entry_text, launch_command
from app.core.foundation.errors import RingfenceError
from app.core.foundation.fileio import atomic_write_bytes
from app.core.text.messages import translate

if TYPE_CHECKING:
    from app.core.foundation.settings import Settings

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
VALUE_NAME = "Ringfence"
OURS = "X-Ringfence-Autostart=true"


class Autostart(Protocol):
    def enabled(self) -> bool: ...

    def enable(self, argv: list[str]) -> None: ...

    def disable(self) -> None: ...


def _failed(exc: OSError) -> RingfenceError:
    return RingfenceError(translate("Autostart", "Starting Ringfence at log-in could not be changed: %1").arg(
        exc.strerror or str(exc)))


class XdgAutostart:
    """``$XDG_CONFIG_HOME/autostart/ringfence.desktop`` (a same-named entry the user made is left alone)."""

    def __init__(self, config_home: Path | None = None) -> None:
        base = config_home or Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
        self.path = base / "autostart" / f"{APP_ID}.desktop"

    def _ours(self) -> bool:
        try:
            return OURS in self.path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return False

    def enabled(self) -> bool:
        return self._ours()

    def enable(self, argv: list[str]) -> None:
        if self.path.exists() and not self._ours():
            raise RingfenceError(translate("Autostart", "%1 exists and was not made by Ringfence; it was left as it is.")
                                 .arg(str(self.path)))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, entry_text(argv, autostart=True).encode(), mode=0o644)
        except OSError as exc:
            raise _failed(exc) from exc

    def disable(self) -> None:
        if not self._ours():
            return
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise _failed(exc) from exc


class RunKey(Protocol):
    """The few registry calls the Windows backend needs (HKCU\\...\\Run)."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


class WinregRunKey:  # pragma: no cover - runs on Windows only
    def __init__(self) -> None:
        import winreg

        self._winreg: Any = winreg  # typeshed hides winreg's names off Windows

    def _open(self, access: int) -> Any:
        return self._winreg.CreateKeyEx(self._winreg.HKEY_CURRENT_USER, RUN_KEY, 0, access)

    def get(self, name: str) -> str | None:
        with self._open(self._winreg.KEY_READ) as key:
            try:
                value, _kind = self._winreg.QueryValueEx(key, name)
            except FileNotFoundError:
                return None
            return str(value)

    def set(self, name: str, value: str) -> None:
        with self._open(self._winreg.KEY_SET_VALUE) as key:
            self._winreg.SetValueEx(key, name, 0, self._winreg.REG_SZ, value)

    def delete(self, name: str) -> None:
        with self._open(self._winreg.KEY_SET_VALUE) as key:
            try:
                self._winreg.DeleteValue(key, name)
            except FileNotFoundError:
                pass


class WindowsAutostart:
    def __init__(self, key: RunKey) -> None:
        self.key = key

    def enabled(self) -> bool:
        return self.key.get(VALUE_NAME) is not None

    def enable(self, argv: list[str]) -> None:
        try:
            self.key.set(VALUE_NAME, subprocess.list2cmdline(argv))
        except OSError as exc:
            raise _failed(exc) from exc

    def disable(self) -> None:
        try:
            self.key.delete(VALUE_NAME)
        except OSError as exc:
            raise _failed(exc) from exc


def backend_for(platform: str = sys.platform) -> Autostart:
    if platform == "win32":
        return WindowsAutostart(WinregRunKey())
    return XdgAutostart()


def apply(enabled: bool, backend: Autostart | None = None) -> None:
    """Make starting at log-in match the setting (a no-op when it already does)."""
    backend = backend or backend_for()
    if enabled:
        backend.enable(launch_command(minimized=True))
    elif backend.enabled():
        backend.disable()


def reflect(settings: Settings, backend: Autostart | None = None) -> None:
    """Let ``settings["ui.autostart"]`` (in memory) say what the system does: the installer's "start at
    log-in" choice and the user's own in the system's start-up list are made outside Ringfence. When the
    system cannot be asked, the saved value stays."""
    try:
        actual = (backend or backend_for()).enabled()
    except OSError:
        return
    if settings["ui.autostart"] != actual:
        settings.set("ui.autostart", actual)
