""""Scan with Ringfence" in the file manager's menu (the ``ui.scan_menu`` setting), one backend per platform.

Every entry starts the console with the chosen paths (``ringfence-gui --scan PATH…``, the bundle's
``Ringfence.exe --scan PATH…``); a console already running gathers the launches of one selection into
one scan (:mod:`app.ui.single_instance`).

- Windows: per-user verbs under ``HKCU\\Software\\Classes`` (no administrator) for files (``*``), folders
  (``Directory``), the background of a folder window (``Directory\\Background``) and drives (``Drive``),
  all under one key name, :data:`VERB`, that nothing else uses; removing deletes exactly those keys.
  Explorer starts one process per selected item; ``MultiSelectModel=Player`` lets the entry show for
  any number of items. The installer writes the same keys (``installer/ringfence.nsi``).
- Linux: a Nautilus script and a Dolphin service menu (files of our own, written whether or not those
  file managers are installed now, so they work once they are), and a Thunar custom action in the
  user's ``Thunar/uca.xml``, which holds the user's own actions too: only our ``<action>`` (unique id
  :data:`THUNAR_ID`) is added or removed; a file that Ringfence created and that holds nothing the user
  added is removed with it. The menu's own desktop entry takes files as well (``%F``: "Open with").
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from app.core.desktop.desktop_entry import APP_ID, data_home, exec_line, launch_command
from app.core.foundation.errors import RingfenceError
from app.core.foundation.fileio import atomic_write_bytes
from app.core.text.messages import translate

VERB = "Ringfence.Scan"
LABEL = "Scan with Ringfence"
LABEL_DE = "Mit Ringfence prüfen"
CLASSES = r"Software\Classes"
# class -> the argument Explorer fills in. A drive comes unquoted: "%1" would end in \" ("C:\") and reach
# the program as C:" (the command-line rules read \" as a quote).
WINDOWS_TARGETS = {"*": '"%1"', "Directory": '"%1"', "Directory\\Background": '"%V"', "Drive": "%1"}
NAUTILUS_NAME = LABEL
DOLPHIN_NAME = f"{APP_ID}-scan.desktop"
THUNAR_ID = f"{APP_ID}-scan"
MARK = "X-Ringfence-Scan-Menu"
SCAN = "--scan"  # the console's option: scan the paths that follow


def _failed(exc: OSError) -> RingfenceError:
    return RingfenceError(translate("ScanMenu", "\"Scan with Ringfence\" could not be changed in the file "
                                                "manager's menu: %1").arg(exc.strerror or str(exc)))


class ScanMenu(Protocol):
    def installed(self) -> bool: ...

    def install(self, argv: list[str]) -> list[str]: ...

    def remove(self) -> None: ...


# -- Windows -----------------------------------------------------------------------------------------

class Registry(Protocol):
    """The few calls on ``HKEY_CURRENT_USER`` the Windows backend needs."""

    def set_value(self, key: str, name: str, value: str) -> None: ...

    def get_value(self, key: str, name: str) -> str | None: ...

    def delete_tree(self, key: str) -> None: ...


class WinregRegistry:  # pragma: no cover - runs on Windows only (and under Wine)
    def __init__(self) -> None:
        import winreg

        self._winreg: Any = winreg  # typeshed hides winreg's names off Windows

    def set_value(self, key: str, name: str, value: str) -> None:
        w = self._winreg
        with w.CreateKeyEx(w.HKEY_CURRENT_USER, key, 0, w.KEY_SET_VALUE) as handle:
            w.SetValueEx(handle, name, 0, w.REG_SZ, value)

    def get_value(self, key: str, name: str) -> str | None:
        w = self._winreg
        try:
            with w.OpenKey(w.HKEY_CURRENT_USER, key, 0, w.KEY_READ) as handle:
                value, _kind = w.QueryValueEx(handle, name)
        except FileNotFoundError:
            return None
        return str(value)

    def delete_tree(self, key: str) -> None:
        w = self._winreg
        try:
            with w.OpenKey(w.HKEY_CURRENT_USER, key, 0, w.KEY_READ | w.KEY_SET_VALUE) as handle:
                while True:
                    try:
                        child = w.EnumKey(handle, 0)
                    except OSError:
                        break
                    self.delete_tree(f"{key}\\{child}")
            w.DeleteKey(w.HKEY_CURRENT_USER, key)
        except FileNotFoundError:
            pass


def windows_layout(argv: list[str]) -> dict[str, dict[str, str]]:
    """The keys and values (``""`` = the key's default value) the Explorer entry is made of."""
    program = subprocess.list2cmdline([*argv, SCAN])
    layout: dict[str, dict[str, str]] = {}
    for cls, target in WINDOWS_TARGETS.items():
        verb = f"{CLASSES}\\{cls}\\shell\\{VERB}"
        layout[verb] = {"": LABEL, "Icon": f"{argv[0]},0", "MultiSelectModel": "Player"}
        layout[f"{verb}\\command"] = {"": f"{program} {target}"}
    return layout


class WindowsScanMenu:
    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    def installed(self) -> bool:
        return self.registry.get_value(f"{CLASSES}\\*\\shell\\{VERB}\\command", "") is not None

    def install(self, argv: list[str]) -> list[str]:
        layout = windows_layout(argv)
        try:
            for key, values in layout.items():
                for name, value in values.items():
                    self.registry.set_value(key, name, value)
        except OSError as exc:
            raise _failed(exc) from exc
        return [f"HKEY_CURRENT_USER\\{key}" for key in layout]

    def remove(self) -> None:
        try:
            for cls in WINDOWS_TARGETS:
                self.registry.delete_tree(f"{CLASSES}\\{cls}\\shell\\{VERB}")
        except OSError as exc:
            raise _failed(exc) from exc


# -- Linux file managers -------------------------------------------------------------------------------

def _config_home() -> Path:
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")


def _config_dirs() -> list[Path]:
    return [Path(p) for p in (os.environ.get("XDG_CONFIG_DIRS") or "/etc/xdg").split(os.pathsep) if p]


def nautilus_script(argv: list[str]) -> str:
    # Nautilus runs the script in the folder shown, with the selected names as arguments.
    program = " ".join(_sh_quote(a) for a in [*argv, SCAN])
    return f'#!/bin/sh\n# {MARK}: made by Ringfence, removed with its menu entry\nexec {program} "$@"\n'


def _sh_quote(text: str) -> str:
    return "'" + text.replace("'", "'\"'\"'") + "'"


def dolphin_menu(argv: list[str]) -> str:
    return "\n".join([
        "[Desktop Entry]",
        "Type=Service",
        "MimeType=all/all;",
        "Actions=ringfenceScan;",
        "X-KDE-ServiceTypes=KonqPopupMenu/Plugin",
        f"{MARK}=true",
        "",
        "[Desktop Action ringfenceScan]",
        f"Name={LABEL}",
        f"Name[de]={LABEL_DE}",
        f"Icon={APP_ID}",
        f"Exec={exec_line([*argv, SCAN])} %F",
    ]) + "\n"


def thunar_action(argv: list[str]) -> ET.Element:
    action = ET.Element("action")
    for tag, value in (("icon", APP_ID), ("name", LABEL), ("unique-id", THUNAR_ID),
                       ("command", " ".join(_sh_quote(a) for a in [*argv, SCAN]) + " %F"),
                       ("description", "Check the selected files and folders for threats"), ("patterns", "*")):
        ET.SubElement(action, tag).text = value
    ET.SubElement(action, "name", {"xml:lang": "de"}).text = LABEL_DE
    ET.SubElement(action, "description", {"xml:lang": "de"}).text = "Die gewählten Dateien und Ordner prüfen"
    for kind in ("directories", "audio-files", "image-files", "other-files", "text-files", "video-files"):
        ET.SubElement(action, kind)
    return action


def _ours(action: ET.Element) -> bool:
    return (action.findtext("unique-id") or "") == THUNAR_ID


def _canonical(element: ET.Element) -> tuple[Any, ...]:
    """An element without the layout's whitespace (indenting the file changes nothing that counts)."""
    return (element.tag, sorted(element.attrib.items()), (element.text or "").strip(),
            [_canonical(child) for child in element])


def _serialized(root: ET.Element) -> list[str]:
    return sorted(repr(_canonical(a)) for a in root.findall("action") if not _ours(a))


class XdgScanMenu:
    def __init__(self, data: Path | None = None, config: Path | None = None,
                 config_dirs: Sequence[Path] | None = None) -> None:
        self.data = data or data_home()
        self.config = config or _config_home()
        self.config_dirs = list(config_dirs) if config_dirs is not None else _config_dirs()
        self.nautilus = self.data / "nautilus" / "scripts" / NAUTILUS_NAME
        self.dolphin = self.data / "kio" / "servicemenus" / DOLPHIN_NAME
        self.thunar = self.config / "Thunar" / "uca.xml"

    def _system_thunar(self) -> Path | None:
        return next((d / "Thunar" / "uca.xml" for d in self.config_dirs if (d / "Thunar" / "uca.xml").is_file()), None)

    def _read_thunar(self, path: Path) -> ET.Element | None:
        try:
            root = ET.fromstring(path.read_bytes())
        except (OSError, ET.ParseError):
            return None
        return root if root.tag == "actions" else None

    def _mine(self, path: Path) -> bool:
        try:
            return MARK in path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False

    def installed(self) -> bool:
        root = self._read_thunar(self.thunar) if self.thunar.is_file() else None
        return self._mine(self.nautilus) or self._mine(self.dolphin) or (
            root is not None and any(_ours(a) for a in root.findall("action")))

    def install(self, argv: list[str]) -> list[str]:
        written = []
        try:
            for path, content, mode in ((self.nautilus, nautilus_script(argv), 0o755),
                                        (self.dolphin, dolphin_menu(argv), 0o755)):
                if path.exists() and not self._mine(path):
                    continue  # the user's own file of that name stays as it is
                path.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_bytes(path, content.encode(), mode=mode)
                written.append(str(path))
            if self._install_thunar(argv):
                written.append(str(self.thunar))
        except OSError as exc:
            raise _failed(exc) from exc
        return written

    def _install_thunar(self, argv: list[str]) -> bool:
        if self.thunar.exists():
            root = self._read_thunar(self.thunar)
            if root is None:
                return False  # a file Thunar could not read either: never written over
        else:
            system = self._system_thunar()
            root = (self._read_thunar(system) if system is not None else None) or ET.Element("actions")
        for action in [a for a in root.findall("action") if _ours(a)]:
            root.remove(action)
        root.append(thunar_action(argv))
        ET.indent(root)
        self.thunar.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(self.thunar, b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root) + b"\n",
                           mode=0o644)
        return True

    def remove(self) -> None:
        try:
            for path in (self.nautilus, self.dolphin):
                if self._mine(path):
                    path.unlink()
            self._remove_thunar()
        except OSError as exc:
            raise _failed(exc) from exc

    def _remove_thunar(self) -> None:
        root = self._read_thunar(self.thunar) if self.thunar.is_file() else None
        if root is None or not any(_ours(a) for a in root.findall("action")):
            return
        for action in [a for a in root.findall("action") if _ours(a)]:
            root.remove(action)
        system = self._system_thunar()
        original = self._read_thunar(system) if system is not None else None
        if _serialized(root) == (_serialized(original) if original is not None else []):
            self.thunar.unlink()  # nothing in it the user added: Thunar falls back to the system's file
            return
        ET.indent(root)
        atomic_write_bytes(self.thunar, b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root) + b"\n",
                           mode=0o644)


def backend_for(platform: str = sys.platform) -> ScanMenu:
    if platform == "win32":
        return WindowsScanMenu(WinregRegistry())
    return XdgScanMenu()


def apply(enabled: bool, backend: ScanMenu | None = None) -> None:
    """Make the file manager's menu match the setting."""
    backend = backend or backend_for()
    if enabled:
        backend.install(launch_command())
    elif backend.installed():
        backend.remove()


def reflect(settings: Any, backend: ScanMenu | None = None) -> None:
    """``settings["ui.scan_menu"]`` (in memory) says what the system has: the installer and
    ``scripts/install-desktop`` add the entries outside the settings."""
    try:
        actual = (backend or backend_for()).installed()
    except OSError:
        return
    if settings["ui.scan_menu"] != actual:
        settings.set("ui.scan_menu", actual)
