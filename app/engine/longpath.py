"""Files and folders whose path is longer than the system accepts in one call.

On Linux a path handed to ``open``, ``stat`` or ``opendir`` may be at most ``PATH_MAX`` (4,096) bytes,
but a folder tree may nest deeper than that, and a file hidden there would be out of every scan's reach.
Such a path is reached relative to an open folder instead: its longest leading part the system
still accepts is opened by name, and every further folder with ``os.open(name, dir_fd=…)`` and
``O_NOFOLLOW``, so no link on the way is followed. Paths the system accepts are used as they are (no
extra calls for the ordinary walk). Windows has no ``dir_fd`` and opens long paths in the ``\\\\?\\``
form instead (:mod:`app.engine.shared_open`), so nothing here is used there.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from typing import TypeVar


def _limit() -> int:
    """Encoded length from which a path is reached through folder handles: PATH_MAX (4,096 on Linux,
    1,024 on macOS, counting the terminating NUL) with a margin for systems that count differently."""
    try:
        return min(4000, os.pathconf("/", "PC_PATH_MAX") - 96)
    except (OSError, ValueError, AttributeError):  # no pathconf (Windows) or no answer: Linux's limit
        return 4000


LONG = _limit()
SUPPORTED = os.open in os.supports_dir_fd and os.scandir in os.supports_fd
DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)

T = TypeVar("T")


def too_long(path: str) -> bool:
    """Whether ``path`` is too long to hand to the system in one call (POSIX with ``dir_fd`` only)."""
    if not SUPPORTED or len(path) * 4 < LONG:  # at most four bytes a character: cheap for every file
        return False
    return len(os.fsencode(path)) >= LONG


def split_short(path: str) -> tuple[str, list[str]]:
    """The longest leading folder of ``path`` the system accepts, and the names below it."""
    encoded = os.fsencode(path)
    cut = encoded.rfind(b"/", 0, LONG - 1)
    if cut <= 0:  # a single name longer than the limit, or a relative path: start at the root / here
        base, rest = (b"/", encoded.lstrip(b"/")) if encoded.startswith(b"/") else (b".", encoded)
    else:
        base, rest = encoded[:cut], encoded[cut + 1:]
    return os.fsdecode(base), [os.fsdecode(part) for part in rest.split(b"/") if part]


def at_parent(path: str, action: Callable[[str, int], T]) -> T:
    """``action(name, folder_fd)`` with the folder holding ``path`` opened through handles."""
    base, names = split_short(path)
    if not names:
        raise OSError(errno.EINVAL, "Not a file inside a folder", path)
    fd = os.open(base, DIR_FLAGS & ~getattr(os, "O_NOFOLLOW", 0))  # the leading part may be a link the user chose
    try:
        for name in names[:-1]:
            inner = os.open(name, DIR_FLAGS, dir_fd=fd)
            os.close(fd)
            fd = inner
        return action(names[-1], fd)
    finally:
        os.close(fd)


def open_long(path: str, flags: int) -> int:
    """``os.open(path, flags)`` for a path of any length (no folder past the limit is a followed link)."""
    if not too_long(path):
        return os.open(path, flags)
    return at_parent(path, lambda name, fd: os.open(name, flags, dir_fd=fd))


def lstat_long(path: str) -> os.stat_result:
    """``os.lstat(path)`` for a path of any length."""
    if not too_long(path):
        return os.lstat(path)
    return at_parent(path, lambda name, fd: os.stat(name, dir_fd=fd, follow_symlinks=False))


def lexists_long(path: str) -> bool:
    """``os.path.lexists(path)`` for a path of any length."""
    if not too_long(path):
        return os.path.lexists(path)
    try:
        lstat_long(path)
    except OSError:
        return False
    return True


def unlink_long(path: str) -> None:
    """``os.unlink(path)`` for a path of any length."""
    if not too_long(path):
        os.unlink(path)
        return
    at_parent(path, lambda name, fd: os.unlink(name, dir_fd=fd))


def fsync_parent_long(path: str) -> None:
    """Make the removal of ``path`` (of any length) from its folder durable (POSIX)."""
    at_parent(path, lambda _name, fd: os.fsync(fd))


class FolderCursor:
    """Opens long folders of a depth-first walk relative to the folders above them.

    The folders on the way down stay open (at most :attr:`keep` of them), so the next folder of the
    walk, usually a child or a sibling of the last one, costs one ``openat``. The handle returned by
    :meth:`open` stays valid until the next call or :meth:`close`.
    """

    def __init__(self, keep: int = 64) -> None:
        self.keep = keep
        self._open: list[tuple[str, int]] = []  # (path, fd), outermost first, each inside the one before

    def open(self, path: str) -> int:
        while self._open and not _within(path, self._open[-1][0]):
            os.close(self._open.pop()[1])
        if self._open:
            fd = self._open[-1][1]
            names = [n for n in path[len(self._open[-1][0]):].split("/") if n]
        else:
            base, names = split_short(path)
            fd = os.open(base, DIR_FLAGS & ~getattr(os, "O_NOFOLLOW", 0))
            self._push(base, fd)
        walked = self._open[-1][0]
        for name in names:
            fd = os.open(name, DIR_FLAGS, dir_fd=fd)
            walked = walked.rstrip("/") + "/" + name
            self._push(walked, fd)
        return fd

    def _push(self, path: str, fd: int) -> None:
        self._open.append((path, fd))
        if len(self._open) > self.keep:
            os.close(self._open.pop(0)[1])

    def close(self) -> None:
        while self._open:
            os.close(self._open.pop()[1])


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip("/") + "/")
