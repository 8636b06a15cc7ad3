"""OS-critical and Ringfence's own files: never quarantined automatically.

A false positive on a system file can stop a PC from starting (McAfee DAT 5958 quarantined
``svchost.exe`` in 2010), and quarantining Ringfence's own files would break the product itself. Such
a detection is reported as ``skipped-protected``; only an explicit ``--force`` from the user moves it.

The rules are plain data per platform, chosen in :func:`rules_for_this_system`; the matching is
pure string logic on ``PureWindowsPath``/``PurePosixPath`` so the Windows rules are tested on any OS.
"""

from __future__ import annotations

import ntpath
import os
import posixpath
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

from app.core.foundation.paths import Paths
from app.core.text.messages import QT_TRANSLATE_NOOP

SYSTEM = QT_TRANSLATE_NOOP("Quarantine", "an operating-system file")
OWN = QT_TRANSLATE_NOOP("Quarantine", "one of Ringfence's own files")

POSIX_SYSTEM_DIRS = ("/bin", "/sbin", "/usr", "/lib", "/lib32", "/lib64", "/libx32", "/boot", "/etc")
DARWIN_SYSTEM_DIRS = (*POSIX_SYSTEM_DIRS, "/System", "/Library/Apple", "/private/etc")
WINDOWS_BOOT_ENTRIES = ("bootmgr", "BOOTNXT", "Boot", "EFI", "Recovery", "pagefile.sys", "hiberfil.sys",
                        "swapfile.sys", "DumpStack.log.tmp")


@dataclass(frozen=True)
class ProtectedRules:
    """Folders (and files) under which nothing is quarantined without force, each with its reason."""

    windows: bool
    entries: tuple[tuple[PurePath, str], ...]

    def _normalise(self, path: str) -> PurePath:
        if self.windows:
            if path.startswith(("\\\\?\\", "\\\\.\\")):
                path = path[4:]
                if path[:4].upper() == "UNC\\":
                    path = "\\\\" + path[4:]
            return PureWindowsPath(ntpath.normpath(path))
        return PurePosixPath(posixpath.normpath(path))

    def reason(self, path: str) -> str | None:
        """Why ``path`` is protected, or None. Windows paths compare case-insensitively."""
        candidate = self._normalise(path)
        for root, why in self.entries:
            if candidate == root or root in candidate.parents:
                return why
        return None


def windows_rules(environ: Mapping[str, str], own_dirs: Iterable[str]) -> ProtectedRules:
    """Rules for Windows: all of %SystemRoot% (System32, SysWOW64, drivers...) and the boot files."""
    system_root = PureWindowsPath(ntpath.normpath(environ.get("SystemRoot") or environ.get("windir") or r"C:\Windows"))
    system_drive = PureWindowsPath((environ.get("SystemDrive") or system_root.drive or "C:") + "\\")
    entries: list[tuple[PurePath, str]] = [(system_root, SYSTEM)]
    entries += [(system_drive / name, SYSTEM) for name in WINDOWS_BOOT_ENTRIES]
    entries += [(PureWindowsPath(ntpath.normpath(d)), OWN) for d in own_dirs]
    return ProtectedRules(True, tuple(entries))


def posix_rules(system_dirs: Iterable[str], own_dirs: Iterable[str]) -> ProtectedRules:
    entries: list[tuple[PurePath, str]] = [(PurePosixPath(d), SYSTEM) for d in system_dirs]
    entries += [(PurePosixPath(posixpath.normpath(d)), OWN) for d in own_dirs]
    return ProtectedRules(False, tuple(entries))


def own_dirs(paths: Paths) -> list[str]:
    """Ringfence's install folder and its data folders."""
    import app

    dirs = [Path(app.__file__).resolve().parent]
    if getattr(sys, "frozen", False):
        dirs.append(Path(sys.executable).resolve().parent)
    dirs += [paths.config_dir, paths.data_dir, paths.cache_dir, paths.log_dir]
    found: list[str] = []
    for d in dirs:
        found.append(str(d.absolute()))
        try:
            found.append(os.path.realpath(d))
        except OSError:
            pass
    return list(dict.fromkeys(found))


def rules_for_this_system(paths: Paths) -> ProtectedRules:
    """The one place the platform is chosen."""
    if os.name == "nt":
        return windows_rules(os.environ, own_dirs(paths))
    return posix_rules(DARWIN_SYSTEM_DIRS if sys.platform == "darwin" else POSIX_SYSTEM_DIRS, own_dirs(paths))


def protection_reason(paths: Paths, path: str | os.PathLike[str]) -> str | None:
    """Why ``path`` must not be quarantined automatically, or None. Links and ``..`` are resolved
    first, so ``/home/u/link-to-etc/passwd`` is recognised as ``/etc/passwd``."""
    rules = rules_for_this_system(paths)
    text = os.fspath(path)
    absolute = os.path.abspath(text)
    candidates = {absolute}
    try:
        candidates.add(os.path.realpath(absolute))
    except OSError:
        pass
    for candidate in candidates:
        reason = rules.reason(candidate)
        if reason:
            return reason
    return None
