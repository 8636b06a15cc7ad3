"""One scan at a time per user, across processes, and a window onto the scan that is running.

The running scan holds an exclusive OS lock (:mod:`app.core.foundation.filelock`) on ``scan.lock`` in the data
folder; the OS drops it when the process ends, so a crashed scan never blocks the next one. Beside
it, ``scan-progress.json`` holds the latest :class:`JobProgress`, written at most twice a second, so
a second request (the console while the CLI scans, or the other way round) can be told what is
running and show its progress with :func:`running_scan`.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.foundation.fileio import replace_with_retry
from app.core.foundation.filelock import LockBusy, file_lock
from app.core.foundation.paths import Paths
from app.core.scanning.progress import JobProgress
from app.core.text.messages import Message, translate

log = logging.getLogger(__name__)

LOCK_NAME, PROGRESS_NAME = "scan.lock", "scan-progress.json"
PUBLISH_INTERVAL_S = 0.5
# :func:`running_scan` asks by taking the lock for an instant (the Scan page and the scheduler ask
# often): a scan starting in that instant waits this long for it instead of being refused.
ACQUIRE_WAIT_S = 1.0

_BUSY = {
    "quick": translate("Scan", "A quick scan is already running. Wait for it to finish, or cancel it where it was started."),
    "full": translate("Scan", "A full scan is already running. Wait for it to finish, or cancel it where it was started."),
    "custom": translate("Scan", "A scan of chosen files and folders is already running. Wait for it to finish, "
                                "or cancel it where it was started."),
}
_BUSY_ANY = translate("Scan", "A scan is already running. Wait for it to finish, or cancel it where it was started.")


class ScanBusy(RingfenceError):
    """Another scan runs for this user; :attr:`running` is its progress (``None`` if not readable yet)."""

    def __init__(self, running: JobProgress | None) -> None:
        message: Message = _BUSY.get(running.kind, _BUSY_ANY) if running else _BUSY_ANY
        super().__init__(message)
        self.running = running


def _read_progress(paths: Paths) -> JobProgress | None:
    for attempt in range(3):  # Windows refuses a read for a moment while the file is being replaced
        try:
            data = json.loads((paths.data_dir / PROGRESS_NAME).read_text(encoding="utf-8"))
            return JobProgress.from_json(data) if isinstance(data, dict) else None
        except PermissionError:
            time.sleep(0.02 * (attempt + 1))
        except (OSError, ValueError, TypeError):
            return None
    return None


class ScanLock:
    """Held by the one running scan: :meth:`acquire` raises :class:`ScanBusy` if another scan holds it."""

    def __init__(self, paths: Paths) -> None:
        self.paths = paths
        self._held = ExitStack()
        self._locked = False
        self._published = 0.0

    def acquire(self) -> None:
        try:
            self._held.enter_context(file_lock(self.paths.data_dir / LOCK_NAME, wait=ACQUIRE_WAIT_S,
                                                 busy=_BUSY_ANY))
        except LockBusy:
            raise ScanBusy(_read_progress(self.paths)) from None
        except OSError as exc:  # a full disk must not stop a scan: it runs, unguarded
            log.error("scan lock unavailable, scanning without it: %s", exc)
            return
        self._locked = True

    def publish(self, progress: JobProgress, force: bool = False) -> None:
        """Share the progress with other processes (at most twice a second unless ``force``)."""
        now = time.monotonic()
        if not self._locked or (not force and now - self._published < PUBLISH_INTERVAL_S):
            return
        self._published = now
        target = self.paths.data_dir / PROGRESS_NAME
        tmp = ""
        try:  # no fsync: after a crash the lock says no scan runs, whatever this file holds
            fd, tmp = tempfile.mkstemp(dir=self.paths.data_dir, prefix=f".{PROGRESS_NAME}.", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(progress.to_json(), handle)
            replace_with_retry(Path(tmp), target)
        except OSError as exc:  # a full disk must not stop the scan
            log.warning("scan progress not shared: %s", exc)
            if tmp:
                Path(tmp).unlink(missing_ok=True)

    def release(self) -> None:
        if self._locked:
            (self.paths.data_dir / PROGRESS_NAME).unlink(missing_ok=True)
            self._locked = False
        self._held.close()


def running_scan(ctx: Context) -> JobProgress | None:
    """The progress of the scan running for this user (in any process), or ``None`` when none runs."""
    try:
        with file_lock(ctx.paths.data_dir / LOCK_NAME, wait=0, busy=_BUSY_ANY):
            return None
    except LockBusy:
        return _read_progress(ctx.paths) or JobProgress(state="starting", kind="")
    except OSError:
        return None
