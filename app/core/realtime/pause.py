"""Pausing real-time protection: for 15 minutes, an hour or until Ringfence restarts — never forever.

While paused the watcher keeps running and only *remembers* which folders changed; nothing is
scanned. On resume (by the user or at the deadline) those changes are swept and scanned. The state
is in memory on purpose: a restart of Ringfence ends any pause.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

#: The durations offered (seconds; ``None`` = until Ringfence restarts).
DURATIONS: dict[str, float | None] = {"15m": 15 * 60.0, "1h": 3600.0, "restart": None}


@dataclass(frozen=True)
class PauseInfo:
    paused: bool
    until: float | None = None  # wall-clock time of the automatic resume; None = until restart


class PauseState:
    """Thread-safe pause with a deadline on an injectable monotonic clock."""

    def __init__(self, clock: Callable[[], float] = time.monotonic,
                 wall: Callable[[], float] = time.time) -> None:
        self.clock = clock
        self.wall = wall
        self._lock = threading.Lock()
        self._paused = False
        self._deadline: float | None = None  # monotonic

    def pause(self, seconds: float | None) -> PauseInfo:
        if seconds is not None and seconds <= 0:
            raise ValueError("a pause must last a positive time")
        with self._lock:
            self._paused = True
            self._deadline = None if seconds is None else self.clock() + seconds
        return self.info()

    def resume(self) -> bool:
        """End the pause; True if it was paused."""
        with self._lock:
            was, self._paused, self._deadline = self._paused, False, None
            return was

    def expired(self) -> bool:
        """True (and the pause ends) once the deadline has passed."""
        with self._lock:
            if self._paused and self._deadline is not None and self.clock() >= self._deadline:
                self._paused, self._deadline = False, None
                return True
            return False

    def seconds_left(self) -> float | None:
        with self._lock:
            if not self._paused or self._deadline is None:
                return None
            return max(0.0, self._deadline - self.clock())

    @property
    def paused(self) -> bool:
        with self._lock:
            return self._paused

    def info(self) -> PauseInfo:
        left = self.seconds_left()
        with self._lock:
            return PauseInfo(self._paused, None if left is None else self.wall() + left)
