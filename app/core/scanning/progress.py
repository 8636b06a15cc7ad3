"""How far a scan is: files done against a running count of what is to scan, speed and time left.

The total comes from :class:`FileCounter`, a second walk of the same roots with the same exclusions
on a thread of its own. It only lists folders (no file is opened), so it normally finishes long before
the scan, and it never holds the scan up: until it is done, :attr:`JobProgress.total_final` is false
and :attr:`JobProgress.percent` is ``None`` (the console shows a busy bar and the count so far).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import asdict, dataclass
from typing import Any

from app.engine.walker import Walker, WalkOptions

#: States of a scan job, in the order they normally come.
STATES = ("starting", "running", "paused", "cancelling", "finished", "cancelled", "failed")
RATE_WINDOW_S = 10.0


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
                    self.files += 1  # one writer; readers may see a slightly old value, which is fine
                    self.bytes += item.size
        finally:
            if not self._stop.is_set():
                self.done.set()


class ProgressMeter:
    """Turns the engine's running counts into :class:`JobProgress` snapshots (speed over the last seconds)."""

    def __init__(self, kind: str, pid: int) -> None:
        self.kind, self.pid = kind, pid
        self.started_at = time.time()
        self._start = time.monotonic()
        self._samples: deque[tuple[float, int]] = deque()
        self._lock = threading.Lock()
        self.counter: FileCounter | None = None
        self.scan_id = 0
        self.files_done = self.bytes_done = self.detections = self.errors = 0
        self.current = ""

    def update(self, files: int, bytes_: int, current: str, detections: int, errors: int) -> None:
        now = time.monotonic()
        with self._lock:
            self.files_done, self.bytes_done, self.current = files, bytes_, current or self.current
            self.detections, self.errors = detections, errors
            self._samples.append((now, files))
            while len(self._samples) > 2 and now - self._samples[0][0] > RATE_WINDOW_S:
                self._samples.popleft()

    def restart_rate(self) -> None:
        """Forget the speed measured so far (after a pause, the time paused is not the scan's speed)."""
        with self._lock:
            self._samples.clear()

    def _rate(self, now: float) -> float:
        if len(self._samples) >= 2 and self._samples[-1][0] - self._samples[0][0] >= 0.5:
            (t0, f0), (t1, f1) = self._samples[0], self._samples[-1]
            return (f1 - f0) / (t1 - t0)
        elapsed = now - self._start
        return self.files_done / elapsed if elapsed > 0.5 else 0.0

    def snapshot(self, state: str) -> JobProgress:
        now = time.monotonic()
        with self._lock:
            counter = self.counter
            final = counter is not None and counter.done.is_set()
            total = max(counter.files if counter else 0, self.files_done if final else 0)
            total_bytes = counter.bytes if counter else 0
            rate = self._rate(now)
            percent: float | None = None
            remaining: float | None = None
            if state == "finished":
                percent, remaining = 100.0, 0.0
            elif final:
                percent = 100.0 * min(self.files_done, total) / total if total else 100.0
                left = max(0, total - self.files_done)
                remaining = left / rate if rate > 0 and state == "running" else None
            return JobProgress(
                state=state, kind=self.kind, scan_id=self.scan_id, started_at=self.started_at,
                elapsed_s=round(now - self._start, 3), files_done=self.files_done, files_total=total,
                total_final=final, bytes_done=self.bytes_done, bytes_total=total_bytes,
                percent=None if percent is None else round(percent, 1), files_per_s=round(rate, 1),
                remaining_s=None if remaining is None else round(remaining, 1), current=self.current,
                detections=self.detections, errors=self.errors, pid=self.pid,
            )
