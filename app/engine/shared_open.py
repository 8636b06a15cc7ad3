"""Opening a file to scan it without getting in anyone's way.

On Windows, Python's ``os.open`` shares read and write access but not *delete* access, so while the
engine reads a file another program cannot rename or delete it — the classic "file is in use by
another process" that users blame on anti-virus software. :func:`open_for_scan` opens it with
``CreateFileW`` and all three share flags instead (the wide-character API, so any name works), then
turns the handle into a C file descriptor. Elsewhere it is ``os.open`` (POSIX never locks a file
against rename or delete), reaching a path longer than the system's limit through the folders above
it (:mod:`app.engine.longpath`).
"""

from __future__ import annotations

import ntpath
import os
import sys

from app.engine.longpath import open_long

POSIX_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)

GENERIC_READ = 0x80000000
FILE_SHARE_ALL = 0x1 | 0x2 | 0x4  # FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE
OPEN_EXISTING = 3
FILE_FLAG_SEQUENTIAL_SCAN = 0x08000000
FILE_FLAG_OPEN_REPARSE_POINT = 0x00200000  # like O_NOFOLLOW: a link is not followed
INVALID_HANDLE_VALUE = -1


def open_for_scan(path: str) -> int:
    """A read-only file descriptor for ``path`` that lets others rename and delete the file meanwhile."""
    if sys.platform != "win32":
        return open_long(path, POSIX_FLAGS)
    return _open_windows(path)


def _open_windows(path: str) -> int:  # pragma: no cover - runs on Windows only
    import ctypes
    import msvcrt
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    create = kernel32.CreateFileW
    create.argtypes = [wintypes.LPCWSTR, wintypes.DWORD, wintypes.DWORD, wintypes.LPVOID, wintypes.DWORD,
                       wintypes.DWORD, wintypes.HANDLE]
    create.restype = wintypes.HANDLE
    handle = create(long_path(path), GENERIC_READ, FILE_SHARE_ALL, None, OPEN_EXISTING,
                    FILE_FLAG_SEQUENTIAL_SCAN | FILE_FLAG_OPEN_REPARSE_POINT, None)
    if handle is None or handle == INVALID_HANDLE_VALUE or handle == ctypes.c_void_p(-1).value:
        error = ctypes.get_last_error()  # type: ignore[attr-defined]
        raise OSError(None, ctypes.FormatError(error).strip(), path, error)  # type: ignore[attr-defined]
    try:
        return msvcrt.open_osfhandle(handle, os.O_RDONLY | os.O_BINARY)  # type: ignore[attr-defined]
    except OSError:
        kernel32.CloseHandle(handle)
        raise


def long_path(path: str) -> str:
    """``\\\\?\\`` form for absolute paths, so names longer than 260 characters open too."""
    if path.startswith("\\\\?\\") or not ntpath.isabs(path):
        return path
    if path.startswith("\\\\"):
        return "\\\\?\\UNC\\" + path[2:]
    return "\\\\?\\" + ntpath.normpath(path)
