"""The one lock file implementation: real contention between processes on Linux, and the Windows
branch's bounded retry.

``msvcrt`` does not exist on Linux, so the Windows branch runs against a stand-in module that behaves
as the Python documentation describes ``msvcrt.locking``: ``LK_NBLCK`` raises ``OSError`` while another
process holds the byte, and the lock applies to the bytes from the descriptor's current offset.
"""

from __future__ import annotations

import subprocess
import sys
import time
import types
from pathlib import Path

import pytest

from app.core.foundation import filelock
from app.core.foundation.filelock import LockBusy, file_lock
from app.core.text.messages import translate

BUSY = translate("Test", "busy")
HOLDER = """
import sys, time
from pathlib import Path
from app.core.foundation.filelock import file_lock
from app.core.text.messages import translate
with file_lock(Path(sys.argv[1]), wait=5, busy=translate("Test", "busy")):
    print("held", flush=True)
    time.sleep(60)
"""


def _holder(path: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True,
                            cwd=Path(__file__).resolve().parents[1])
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_a_held_lock_makes_another_process_wait_a_bounded_time_then_says_why(tmp_path: Path) -> None:
    path = tmp_path / "locks" / "x.lock"
    holder = _holder(path)
    try:
        started = time.monotonic()
        with pytest.raises(LockBusy) as caught, file_lock(path, wait=0.4, busy=BUSY):
            pass
        assert 0.4 <= time.monotonic() - started < 5
        assert caught.value.msg == BUSY
    finally:
        holder.kill()
        holder.wait()
    # The OS released the lock of the killed process: no stale lock file blocks the next one.
    with file_lock(path, wait=0.0, busy=BUSY):
        assert path.exists()


def test_the_lock_is_released_after_the_block_even_on_an_error(tmp_path: Path) -> None:
    path = tmp_path / "y.lock"
    with pytest.raises(ValueError), file_lock(path, wait=1, busy=BUSY):
        raise ValueError("boom")
    with file_lock(path, wait=0.0, busy=BUSY):
        pass


class _Msvcrt(types.ModuleType):
    """Behaves like ``msvcrt.locking`` for one byte at offset 0, held or not by another process."""

    LK_UNLCK, LK_LOCK, LK_NBLCK = 0, 1, 2

    def __init__(self, held_by_other: bool) -> None:
        super().__init__("msvcrt")
        self.held_by_other = held_by_other
        self.calls: list[tuple[int, int]] = []

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        import os

        self.calls.append((mode, os.lseek(fd, 0, os.SEEK_CUR)))
        assert nbytes == 1
        if mode == self.LK_LOCK:
            raise AssertionError("the blocking mode retries inside the C runtime and must not be used")
        if mode == self.LK_NBLCK and self.held_by_other:
            raise OSError(13, "Permission denied")


def test_the_windows_branch_gives_up_after_the_wait_instead_of_spinning(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _Msvcrt(held_by_other=True)
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    monkeypatch.setattr(filelock, "POLL", 0.01)
    started = time.monotonic()
    with pytest.raises(LockBusy), file_lock(tmp_path / "w.lock", wait=0.2, busy=BUSY, platform="win32"):
        pass
    assert time.monotonic() - started < 5
    assert len(fake.calls) >= 2 and {mode for mode, _ in fake.calls} == {fake.LK_NBLCK}


def test_the_windows_branch_locks_and_unlocks_the_first_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _Msvcrt(held_by_other=False)
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    path = tmp_path / "w.lock"
    with file_lock(path, wait=1, busy=BUSY, platform="win32"):
        assert fake.calls == [(fake.LK_NBLCK, 0)]
    assert fake.calls == [(fake.LK_NBLCK, 0), (fake.LK_UNLCK, 0)]
