"""One updater at a time: python-tuf's metadata cache is single-instance (reference §2.3).

An exclusive OS lock on a file (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows) that the OS
releases when the process dies, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from types import TracebackType

from app.core.errors import RingfenceError


class UpdateLock:
    def __init__(self, path: Path, wait: float = 10.0) -> None:
        self.path, self.wait = path, wait
        self._fd: int | None = None

    def _try(self, fd: int) -> bool:
        try:
            if sys.platform != "win32":
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            else:  # pragma: no cover - Windows
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def __enter__(self) -> UpdateLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + self.wait
        while not self._try(fd):
            if time.monotonic() > deadline:
                os.close(fd)
                raise RingfenceError("Another Ringfence process is updating the definitions right now; try again in a minute.")
            time.sleep(0.1)
        self._fd = fd
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._fd is not None:
            if sys.platform == "win32":  # pragma: no cover - Windows
                import msvcrt

                try:
                    msvcrt.locking(self._fd, msvcrt.LK_UNLCK, 1)
                except OSError:
                    pass
            os.close(self._fd)
            self._fd = None
