"""The freedesktop.org desktop entry: how Linux menus and the XDG autostart start the console.

:func:`launch_command` is the command that starts the console from this installation (the frozen
bundle's executable, an installed ``ringfence-gui`` script, or this checkout's Python);
:func:`entry_text` the ``.desktop`` file for it (it takes files: "Open with Ringfence" scans them);
:func:`install` puts the entry and the icons where the menus look (``$XDG_DATA_HOME``, normally
``~/.local/share``), :func:`uninstall` takes them away. ``scripts/install-desktop`` runs them.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

from app.core.foundation.fileio import atomic_write_bytes
from app.core.foundation.resources import resource_path

APP_ID = "ringfence"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def launch_command(minimized: bool = False) -> list[str]:
    """The argv that starts the console from this installation."""
    extra = ["--minimized"] if minimized else []
    if getattr(sys, "frozen", False):
        return [sys.executable, *extra]
    script = Path(sys.executable).with_name("ringfence-gui")
    if script.is_file():
        return [str(script), *extra]
    return [sys.executable, "-m", "app.ui.gui", *extra]


def exec_line(argv: list[str]) -> str:
    # The Exec key's quoting: arguments with reserved characters in double quotes (shlex's quoting fits
    # for paths; '%' must be doubled because field codes start with it).
    return " ".join(shlex.quote(a).replace("%", "%%") for a in argv)


def entry_text(argv: list[str], *, autostart: bool = False) -> str:
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=Ringfence",
        "GenericName=Security console",
        "GenericName[de]=Sicherheitszentrale",
        "Comment=Scan for threats, keep the quarantine and definitions, see why the PC crashed",
        "Comment[de]=Nach Bedrohungen suchen, Quarantäne und Definitionen verwalten, Abstürze verstehen",
        f"Exec={exec_line(argv)}" + ("" if autostart else " --scan %F"),  # "Open with Ringfence" scans the files
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=System;Security;",
        "Keywords=antivirus;malware;scanner;quarantine;security;",
        f"StartupWMClass={APP_ID}",
    ]
    if autostart:
        lines += ["X-GNOME-Autostart-enabled=true", "X-Ringfence-Autostart=true"]
    return "\n".join(lines) + "\n"


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def install(target: Path | None = None) -> list[Path]:
    """Install the menu entry and icons under ``target`` (default ``$XDG_DATA_HOME``); returns the files."""
    root = target or data_home()
    written = []
    entry = root / "applications" / f"{APP_ID}.desktop"
    entry.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(entry, entry_text(launch_command()).encode(), mode=0o644)
    written.append(entry)
    icons = root / "icons" / "hicolor"
    svg = icons / "scalable" / "apps" / f"{APP_ID}.svg"
    svg.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(resource_path("icons", "app.svg"), svg)
    written.append(svg)
    for size in PNG_SIZES:
        png = icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        png.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(resource_path("icons", "png", f"{APP_ID}-{size}.png"), png)
        written.append(png)
    return written


def uninstall(target: Path | None = None) -> list[Path]:
    """Remove what :func:`install` put under ``target``; returns the files removed."""
    root = target or data_home()
    icons = root / "icons" / "hicolor"
    candidates = [root / "applications" / f"{APP_ID}.desktop", icons / "scalable" / "apps" / f"{APP_ID}.svg",
                  *(icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png" for size in PNG_SIZES)]
    removed = []
    for path in candidates:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path)
    return removed
