"""The update poller: checks at start-up and every few hours, on a thread of its own.

Whatever hosts Ringfence for a long time (the desktop console, a background service) starts one
poller. After a short random start-up delay it finishes or undoes an interrupted update and applies
known revocations (:meth:`UpdateService.startup`), checks the channel, and from then on checks again
whenever the jittered interval — or a server's ``Retry-After`` — has passed. "Check now" wakes it for
a manual check, which still respects pause and Pinned: installing anyway is the separate, explicit
:meth:`UpdateService.apply`, run by whoever asks (a worker thread), not by the poller. Offline is a
normal outcome, and so is "busy" (another updater holds the lock: this round is skipped); no failure
ever ends the loop. :meth:`Poller.stop` returns promptly; a check in flight is left to finish on its
daemon thread (every update step is safe to cut off when the process exits).
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable

from app.core.foundation.errors import RingfenceError
from app.core.updates.check_schedule import startup_delay
from app.core.updates.service import CheckResult, UpdateService

log = logging.getLogger(__name__)

MAX_SLEEP_S = 600.0  # re-evaluate at least this often (a changed setting or clock takes effect)
MIN_GAP_S = 60.0  # never check again sooner on its own: a failed or busy check does not move the schedule
UNCONFIGURED_GAP_S = 900.0  # no channel yet: look for one (set up from the command line) this often


class Poller:
    def __init__(self, make_service: Callable[[], UpdateService], *,
                 on_result: Callable[[CheckResult], None] | None = None,
                 first_delay: float | None = None, rng: random.Random | None = None) -> None:
        self._make_service = make_service
        self._on_result = on_result
        self._rng = rng or random.Random()
        self._first_delay = startup_delay(self._rng) if first_delay is None else first_delay
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._asked = threading.Event()  # a person asked: "check now"
        self._thread = threading.Thread(target=self._run, name="update-poller", daemon=True)
        self.checks = 0

    def start(self) -> None:
        self._thread.start()

    def check_now(self) -> None:
        """Check as soon as possible (respecting pause and Pinned; see :meth:`UpdateService.check`)."""
        self._asked.set()
        self._wake.set()

    def stop(self, timeout: float = 2.0) -> bool:
        """Stop the loop; wait at most ``timeout`` s. True when the thread has ended (False: a check is
        still finishing on the daemon thread; it stops there)."""
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
        return not self._thread.is_alive()

    def _sleep(self, seconds: float) -> None:
        self._wake.wait(max(0.0, min(seconds, MAX_SLEEP_S)))

    def _run(self) -> None:
        self._sleep(self._first_delay)
        if self._stop.is_set():
            return
        # The service (and its database connection) belongs to this thread alone.
        service = self._make_service()
        try:
            service.startup()
        except RingfenceError as exc:
            log.error("update start-up step failed: %s", exc)
        while not self._stop.is_set():
            self._wake.clear()
            manual = self._asked.is_set()
            self._asked.clear()
            started = service.clock()
            outcome = self._check(service, manual)
            if self._stop.is_set():
                break
            gap = UNCONFIGURED_GAP_S if outcome == "not_configured" else MIN_GAP_S
            self._sleep(max(service.next_check_at(), started + gap) - service.clock())

    def _check(self, service: UpdateService, manual: bool) -> str | None:
        """One check; its outcome, or None when it failed (logged)."""
        try:
            result = service.check(manual=manual)
        except RingfenceError as exc:
            log.error("update check failed: %s", exc)
            return None
        except Exception:  # the poller must outlive any bug in one check
            log.exception("update check failed unexpectedly")
            return None
        self.checks += 1
        log.info("update check: %s (%s)", result.outcome, result.message)
        if self._on_result is not None:
            self._on_result(result)
        return result.outcome
