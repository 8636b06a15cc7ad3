"""An exclusive lock between Ringfence processes: the one lock file implementation.

The OS holds the lock on an open file (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on one byte at
offset 0 on Windows) and releases it when the process dies, so a crash never leaves a stale lock
behind. Both platforms take it the same way: a non-blocking attempt, retried every ``POLL`` seconds
until ``wait`` has passed, then the caller's ``busy`` message — never an endless wait or spin.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from app.core.foundation.errors import RingfenceError
from app.core.text.messages import Message

POLL = 0.05


class LockBusy(RingfenceError):
    """Another process held the lock for longer than the caller was willing to wait."""


def _posix_try(fd: int) -> bool:
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _posix_release(fd: int) -> None:
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def _windows_try(fd: int) -> bool:
    import msvcrt

    os.lseek(fd, 0, os.SEEK_SET)  # msvcrt.locking locks from the current offset
    try:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
    except OSError:  # held by another process (EACCES / EDEADLOCK)
        return False
    return True


def _windows_release(fd: int) -> None:
    import msvcrt

    os.lseek(fd, 0, os.SEEK_SET)
    try:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
    except OSError:
        pass  # closing the descriptor releases it as well


def _primitives(platform: str) -> tuple[Callable[[int], bool], Callable[[int], None]]:
    if platform == "win32":
        return _windows_try, _windows_release
    return _posix_try, _posix_release


@contextmanager
def file_lock(path: Path, *, wait: float, busy: Message, platform: str = sys.platform) -> Iterator[None]:
    """Hold the lock file ``path`` for the ``with`` block; raise :class:`LockBusy` (``busy``) after ``wait`` s."""
    try_lock, release = _primitives(platform)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    try:
        deadline = time.monotonic() + wait
        while not try_lock(fd):
            if time.monotonic() >= deadline:
                raise LockBusy(busy, detail=str(path))
            time.sleep(POLL)
        try:
            yield
        finally:
            release(fd)
    finally:
        os.close(fd)
