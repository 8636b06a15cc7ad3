"""How far a scan is: files and bytes done against a running count of what is to scan, speed and time left.

The total comes from :class:`FileCounter`, a second walk of the same roots with the same exclusions
on a thread of its own. It only lists folders (no file is opened), so it normally finishes long before
the scan, and it never holds the scan up: until it is done, :attr:`JobProgress.total_final` is false
and :attr:`JobProgress.percent` and :attr:`JobProgress.remaining_s` are ``None`` (the console shows a
busy bar and the count so far). The walk is deterministic and the engine reports files in walk order,
so the counter also knows how many bytes the first *n* files hold: the scan's place in bytes, whether
its files were read or answered from the scan cache. :class:`~app.core.scanning.estimate.ScanEstimator`
turns the places into a percentage, a speed and a smoothed time left.
"""

from __future__ import annotations

import threading
import time
from array import array
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from app.core.scanning.estimate import ScanEstimator
from app.engine.walker import Walker, WalkOptions

#: States of a scan job, in the order they normally come.
STATES = ("starting", "running", "paused", "cancelling", "finished", "cancelled", "failed")


@dataclass(frozen=True)
class JobProgress:
    """A snapshot of one scan job (immutable: safe to hand to another thread or write as JSON)."""

    state: str
    kind: str
    scan_id: int = 0
    started_at: float = 0.0  # wall-clock time
    elapsed_s: float = 0.0
    files_done: int = 0
    files_total: int = 0  # counted so far (final once total_final)
    total_final: bool = False
    bytes_done: int = 0
    bytes_total: int = 0
    percent: float | None = None  # 0..100, None while the total is still being counted
    files_per_s: float = 0.0
    bytes_per_s: float = 0.0  # bytes read and matched (files answered by the scan cache are not read)
    remaining_s: float | None = None
    current: str = ""
    detections: int = 0
    errors: int = 0
    pid: int = 0  # the process running the scan

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> JobProgress:
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)


class FileCounter:
    """Counts the files (and their bytes) a scan of ``roots`` will meet, on a daemon thread."""

    def __init__(self, roots: list[str], options: WalkOptions) -> None:
        self._walker = Walker(roots, options)
        self._stop = threading.Event()
        self.files = 0
        self.bytes = 0
        self._ends = array("q")  # bytes of the first n + 1 files (the walk's order is the scan's)
        self.done = threading.Event()
        self._thread = threading.Thread(target=self._count, name="scan-count", daemon=True)

    def start(self) -> FileCounter:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def _count(self) -> None:
        try:
            for item in self._walker:
                if self._stop.is_set():
                    return
                if item.kind == "file":
                    self.bytes += item.size
                    self._ends.append(self.bytes)  # before the count, so files_before(files) is known
                    self.files += 1  # one writer; readers may see a slightly old value, which is fine
        finally:
            if not self._stop.is_set():
                self.done.set()

    def bytes_before(self, files: int) -> int:
        """The bytes of the first ``files`` files of the walk (as far as it is counted yet)."""
        counted = min(files, self.files)
        return self._ends[counted - 1] if counted > 0 else 0


class ProgressMeter:
    """Turns the engine's running counts into :class:`JobProgress` snapshots (``clock``: for tests)."""

    def __init__(self, kind: str, pid: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.kind, self.pid = kind, pid
        self.clock = clock
        self.started_at = time.time()
        self._start = clock()
        self._lock = threading.Lock()
        self._estimator = ScanEstimator()
        self.counter: FileCounter | None = None
        self.scan_id = 0
        self.files_done = self.bytes_done = self.detections = self.errors = 0
        self.current = ""

    def _walked(self) -> int:
        """The scan's place in bytes: the sizes of the files done (the engine's count until the counter
        has got that far, which it nearly always has)."""
        counter = self.counter
        if counter is None or counter.files < self.files_done:
            return self.bytes_done
        return counter.bytes_before(self.files_done)

    def update(self, files: int, bytes_: int, current: str, detections: int, errors: int) -> None:
        now = self.clock()
        with self._lock:
            self.files_done, self.bytes_done, self.current = files, bytes_, current or self.current
            self.detections, self.errors = detections, errors
            self._estimator.observe(now, files, self._walked(), bytes_)

    def pause(self) -> None:
        """The time until :meth:`resume` is not scanning time (for the speed and the time left)."""
        with self._lock:
            self._estimator.pause(self.clock())

    def resume(self) -> None:
        with self._lock:
            self._estimator.resume(self.clock())

    def snapshot(self, state: str) -> JobProgress:
        now = self.clock()
        with self._lock:
            counter = self.counter
            final = counter is not None and counter.done.is_set()
            total = max(counter.files if counter else 0, self.files_done if final else 0)
            total_bytes = counter.bytes if counter else 0
            walked = self._walked()
            estimate = self._estimator.estimate(now, self.files_done, walked, files_total=total,
                                                bytes_total=max(total_bytes, walked), final=final)
            percent, remaining = estimate.percent, estimate.remaining_s
            if state == "finished":
                percent, remaining = 100.0, 0.0
            elif state not in ("running", "paused"):
                remaining = None
            return JobProgress(
                state=state, kind=self.kind, scan_id=self.scan_id, started_at=self.started_at,
                elapsed_s=round(now - self._start, 3), files_done=self.files_done, files_total=total,
                total_final=final, bytes_done=self.bytes_done, bytes_total=total_bytes,
                percent=None if percent is None else round(percent, 1), files_per_s=round(estimate.files_per_s, 1),
                bytes_per_s=round(estimate.bytes_per_s), remaining_s=None if remaining is None else round(remaining, 1),
                current=self.current, detections=self.detections, errors=self.errors, pid=self.pid,
            )
