"""What quick and full scans cover, per platform.

Quick scan: where malware lands for a home user — Downloads, Desktop, temp folders, autostart
locations — plus the executables of running processes. Full scan: every local fixed filesystem.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

LOCAL_FS_TYPES = frozenset({
    "ext2", "ext3", "ext4", "xfs", "btrfs", "f2fs", "jfs", "reiserfs", "zfs", "vfat", "exfat", "ntfs",
    "ntfs3", "fuseblk", "apfs", "hfs", "hfsplus", "bcachefs", "overlay", "NTFS", "ReFS", "FAT32", "exFAT", "FAT",
})


def quick_targets(home: Path | None = None, environ: dict[str, str] | None = None) -> list[str]:
    """Folders of a quick scan that exist, then running processes' executables (deduplicated)."""
    env = dict(os.environ if environ is None else environ)
    home = home or Path.home()
    candidates: list[Path] = []
    import platformdirs  # imported here: start-up time counts for every scan

    if sys.platform == "win32":
        profile = Path(env.get("USERPROFILE", str(home)))
        appdata = Path(env.get("APPDATA", str(profile / "AppData" / "Roaming")))
        local = Path(env.get("LOCALAPPDATA", str(profile / "AppData" / "Local")))
        program_data = Path(env.get("ProgramData", r"C:\ProgramData"))
        candidates += [
            profile / "Downloads", profile / "Desktop", Path(env.get("TEMP", str(local / "Temp"))),
            local / "Temp", appdata / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup",
            program_data / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "StartUp",
            Path(env.get("SystemRoot", r"C:\Windows")) / "Temp",
        ]
    else:
        downloads = Path(platformdirs.user_downloads_dir()) if home == Path.home() else home / "Downloads"
        desktop = Path(platformdirs.user_desktop_dir()) if home == Path.home() else home / "Desktop"
        candidates += [downloads, desktop, Path("/tmp"), Path("/var/tmp"), home / ".config" / "autostart",
                       home / ".local" / "bin", Path("/etc/xdg/autostart")]
        if sys.platform == "darwin":
            candidates += [home / "Library" / "LaunchAgents", Path("/Library/LaunchAgents"),
                           Path("/Library/LaunchDaemons")]
    seen: set[str] = set()
    targets = []
    for path in candidates:
        key = os.path.normcase(str(path))
        if key not in seen and path.is_dir():
            seen.add(key)
            targets.append(str(path))
    for exe in process_executables():
        key = os.path.normcase(exe)
        if key not in seen:
            seen.add(key)
            targets.append(exe)
    return targets


def process_executables() -> list[str]:
    """Executables of running processes that this user can see."""
    import psutil

    found = set()
    for proc in psutil.process_iter():
        try:
            exe = proc.exe()
        except (psutil.Error, OSError):
            continue  # gone, access denied, or refused by the system (Wine): skipped, never fatal
        if exe and os.path.isfile(exe):
            found.add(exe)
    return sorted(found)


def full_targets() -> list[str]:
    """Mount points (or drive roots) of every local, fixed filesystem."""
    import psutil

    roots = []
    for part in psutil.disk_partitions(all=False):
        if sys.platform == "win32":
            if "fixed" in part.opts:
                roots.append(part.mountpoint)
        elif part.fstype in LOCAL_FS_TYPES:
            roots.append(part.mountpoint)
    return sorted(set(roots)) or [os.path.abspath(os.sep)]
