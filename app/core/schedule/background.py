"""A scheduled scan stays in the background: low priority and at most about half a core on average.

Priority is lowered on the engine worker only (never on the console): on Linux ``nice`` 10 and the
idle I/O class (an ordinary user may set it; the disk then serves the scan only when nobody else
asks); on Windows the idle priority class and very low I/O priority, which psutil sets from outside
the process (``PROCESS_MODE_BACKGROUND_BEGIN`` itself can only be entered by a process for itself).
CPU priority alone does not keep a machine responsive, and a low-priority scan on an idle machine
still takes a whole core, hence the duty cycle: :class:`DutyCycle` pauses the scan whenever the
worker's CPU time runs ahead of ``share`` of one core, and resumes it once the budget is back.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable

import psutil

log = logging.getLogger(__name__)

SHARE = 0.5
PERIOD_S = 0.5


def lower_priority(pid: int, platform: str = sys.platform) -> bool:
    """Put process ``pid`` into the background; False (and a log line) where the OS refused."""
    try:
        proc = psutil.Process(pid)
        if platform == "win32":
            proc.nice(psutil.IDLE_PRIORITY_CLASS)
            proc.ionice(psutil.IOPRIO_VERYLOW)
        else:
            proc.nice(10)
            if hasattr(psutil, "IOPRIO_CLASS_IDLE"):
                proc.ionice(psutil.IOPRIO_CLASS_IDLE)
        return True
    except (psutil.Error, OSError) as exc:
        log.warning("could not lower the priority of the engine worker %s: %s", pid, exc)
        return False


def cpu_seconds(pid: int) -> float | None:
    try:
        times = psutil.Process(pid).cpu_times()
    except (psutil.Error, OSError):
        return None
    return float(times.user + times.system)


class DutyCycle:
    """Keeps the average CPU of a process at or below ``share`` of one core by pausing its work.

    ``cpu`` returns the process's CPU seconds so far (``None`` while there is no process);
    ``pause``/``resume`` act on the scan. :meth:`step` is the rule (plain code, tested with a fake
    clock); :meth:`start` runs it on a thread until :meth:`stop`.
    """

    def __init__(self, cpu: Callable[[], float | None], pause: Callable[[], None], resume: Callable[[], None], *,
                 share: float = SHARE, period_s: float = PERIOD_S, clock: Callable[[], float] = time.monotonic) -> None:
        self.cpu, self.pause, self.resume = cpu, pause, resume
        self.share, self.period_s, self.clock = share, period_s, clock
        self.debt = 0.0  # CPU seconds used beyond the allowance
        self.paused = False
        self.paused_s = 0.0
        self._last: tuple[float, float] | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def step(self) -> float:
        """Account for the time since the last step; returns how long to stay paused (0 = run)."""
        now, used = self.clock(), self.cpu()
        if used is None:  # between worker processes
            self._last = None
            return 0.0
        if self._last is not None:
            elapsed, spent = now - self._last[0], max(0.0, used - self._last[1])
            # a short credit, so that a scan waiting on the disk can catch up a little, no more
            self.debt = max(-self.share * self.period_s, self.debt + spent - self.share * elapsed)
        self._last = (now, used)
        return self.debt / self.share if self.debt > 0 else 0.0

    def _loop(self) -> None:
        while not self._stop.wait(self.period_s):
            wait = self.step()
            if wait > 0:
                self.pause()
                self.paused = True
                self._stop.wait(wait)
                self.paused_s += wait
                self.resume()
                self.paused = False

    def start(self) -> DutyCycle:
        self._thread = threading.Thread(target=self._loop, name="scan-duty-cycle", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
