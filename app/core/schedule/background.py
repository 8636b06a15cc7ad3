"""A scheduled scan stays in the background: at most about half a core on average.

Its engine worker runs at background priority (:func:`app.core.desktop.priority.lower_priority`). CPU
priority alone does not keep a machine responsive, and a low-priority scan on an idle machine
still takes a whole core, hence the duty cycle: :class:`DutyCycle` pauses the scan whenever the
worker's CPU time runs ahead of ``share`` of one core, and resumes it once the budget is back.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

SHARE = 0.5
PERIOD_S = 0.5


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
        self.last_cpu = 0.0  # the newest CPU reading (seconds)
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
        self.last_cpu = used
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
