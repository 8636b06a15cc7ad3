"""Which folders real-time protection watches, and which it never watches.

Defaults per platform are where a home user's new files land — Downloads, Desktop, Documents, the
temp folders and the autostart locations — and the user may replace them (``realtime.roots``).
Ringfence's own folders (quarantine, state, logs, caches) are never watched: scanning our own writes
would feed back into the watcher, and the quarantine holds malware by design.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.core.context import Context
from app.core.scanning.exclusions import own_paths


def default_roots(home: Path | None = None, environ: dict[str, str] | None = None,
                  platform: str = sys.platform) -> list[str]:
    """The platform's default protected folders (whether or not they exist)."""
    env = dict(os.environ if environ is None else environ)
    home = home or Path.home()
    if platform == "win32":
        profile = Path(env.get("USERPROFILE", str(home)))
        appdata = Path(env.get("APPDATA", str(profile / "AppData" / "Roaming")))
        local = Path(env.get("LOCALAPPDATA", str(profile / "AppData" / "Local")))
        program_data = Path(env.get("ProgramData", r"C:\ProgramData"))
        found = [profile / "Downloads", profile / "Desktop", profile / "Documents",
                 Path(env.get("TEMP", str(local / "Temp"))),
                 appdata / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup",
                 program_data / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "StartUp"]
        return _unique([str(p) for p in found], case_insensitive=True)
    found = [home / "Downloads", home / "Desktop", home / "Documents", Path(env.get("TMPDIR", "/tmp")),
             Path("/var/tmp"), home / ".config" / "autostart", home / ".local" / "bin"]
    if platform == "darwin":
        found += [home / "Library" / "LaunchAgents"]
    return _unique([str(p) for p in found], case_insensitive=False)


def _unique(paths: list[str], *, case_insensitive: bool) -> list[str]:
    seen: set[str] = set()
    result = []
    for path in paths:
        key = path.lower() if case_insensitive else path
        if key not in seen:
            seen.add(key)
            result.append(path)
    return result


def own_folders(ctx: Context) -> list[str]:
    """Ringfence's own folders, never watched nor scanned by real-time protection."""
    return [os.path.realpath(p) for p in own_paths(ctx)]


def protected_roots(ctx: Context, override: list[str] | None = None) -> list[str]:
    """The existing folders to watch: ``override`` (``ringfence watch PATH…``), the user's
    ``realtime.roots`` or the defaults; resolved, de-nested, and never one of our own folders."""
    chosen = override or list(ctx.settings["realtime.roots"]) or default_roots()
    own = own_folders(ctx)
    roots: list[str] = []
    for raw in chosen:
        path = os.path.realpath(os.path.expanduser(raw))
        if not os.path.isdir(path) or any(_inside(path, o) for o in own):
            continue
        roots.append(path)
    # A folder inside another protected folder is already watched through its parent.
    roots = sorted(set(roots), key=len)
    return [r for i, r in enumerate(roots) if not any(_inside(r, parent) for parent in roots[:i])]


def _inside(path: str, folder: str) -> bool:
    a, b = os.path.normcase(path), os.path.normcase(folder)
    return a == b or a.startswith(b.rstrip(os.sep) + os.sep)
