"""What a quick drive scan looks at: where malware on a stick starts, not the holiday photos.

The top levels (the drive's root and the folders directly in it): ``autorun.inf``, programs, scripts,
shortcuts and disk images, and any file there that starts like a program (``MZ``, ELF, ``#!``) whatever
its name; each up to :data:`QUICK_MAX_FILE_MB`, at most :data:`QUICK_MAX_FILES` files. A full drive scan
is the whole drive with the usual limits.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field

QUICK_DEPTH = 2  # the root, and the folders in it
QUICK_MAX_FILE_MB = 64
QUICK_MAX_FILES = 5000
RISKY_EXTENSIONS = frozenset({
    # programs
    ".exe", ".dll", ".scr", ".com", ".pif", ".cpl", ".sys", ".msi", ".msp", ".msix", ".appx", ".jar", ".appimage",
    ".run", ".bin", ".elf", ".so", ".apk",
    # scripts
    ".bat", ".cmd", ".ps1", ".psm1", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".wsh", ".hta", ".reg", ".sh", ".py",
    ".pl", ".desktop",
    # shortcuts, autorun and containers that hide them
    ".lnk", ".url", ".inf", ".iso", ".img", ".vhd", ".vhdx",
})
PROGRAM_MAGIC = (b"MZ", b"\x7fELF", b"#!")


@dataclass
class Selection:
    files: list[str] = field(default_factory=list)
    too_large: int = 0  # risky files over the size cap, left for a full scan
    more: int = 0  # risky files beyond the count cap


def _looks_like_a_program(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            head = handle.read(4)
    except OSError:
        return False
    return head.startswith(PROGRAM_MAGIC)


def quick_selection(root: str, *, depth: int = QUICK_DEPTH, max_file_mb: int = QUICK_MAX_FILE_MB,
                    max_files: int = QUICK_MAX_FILES) -> Selection:
    """The files of a quick scan of the drive at ``root``. Links are not followed (a stick can point
    anywhere); a folder that cannot be read is skipped."""
    selection = Selection()
    limit = max_file_mb * 1024 * 1024
    folders = [(root, 1)]
    while folders:
        folder, level = folders.pop(0)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISDIR(info.st_mode):
                if level < depth:
                    folders.append((entry.path, level + 1))
                continue
            if not stat.S_ISREG(info.st_mode):
                continue
            name = entry.name.lower()
            if not (name == "autorun.inf" or os.path.splitext(name)[1] in RISKY_EXTENSIONS
                    or (info.st_size <= limit and _looks_like_a_program(entry.path))):
                continue
            if info.st_size > limit:
                selection.too_large += 1
            elif len(selection.files) >= max_files:
                selection.more += 1
            else:
                selection.files.append(entry.path)
    return selection
