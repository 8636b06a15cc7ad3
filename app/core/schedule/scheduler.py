"""Runs the scheduled scans: the slot rules applied to the clock, the battery and a running scan.

:meth:`Scheduler.tick` is the whole behaviour, with an injectable clock, power reading, "is a scan
running" check and scan runner, so that tests can simulate months in milliseconds.
:class:`SchedulerThread` calls it every 30 seconds in the long-running app.

- A slot that comes while another scan runs waits, and runs when that scan ends.
- On battery below ``schedule.min_battery_percent`` (0 = never skip) the slot is skipped, and the
  journal says so.
- Every slot is handled once: run, caught up, or skipped — never twice.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo
from typing import TYPE_CHECKING

from app.core.context import Context
from app.core.journal import events
from app.core.schedule import rows
from app.core.schedule.slots import decide

if TYPE_CHECKING:
    from app.core.scanning.job import ScanJob, ScanRequest

log = logging.getLogger(__name__)
TICK_S = 30.0


@dataclass(frozen=True)
class Power:
    on_battery: bool
    percent: float | None = None


def read_power() -> Power:
    import psutil

    try:
        battery = psutil.sensors_battery()
    except (OSError, RuntimeError):  # no battery interface (a desktop, a VM)
        battery = None
    if battery is None:
        return Power(False)
    return Power(not battery.power_plugged, float(battery.percent))


@dataclass(frozen=True)
class Ran:
    schedule_id: int
    kind: str
    catch_up: bool
    at: float
    outcome: str  # "finished", "cancelled", "failed", "skipped-battery"
    covers: float  # the newest slot this run stood for


ScanRunner = Callable[[Context, str, bool], str]  # (ctx, kind, catch_up) -> outcome; "busy" = try later


class Scheduler:
    def __init__(self, ctx: Context, run_scan: ScanRunner, *, clock: Callable[[], float] = time.time,
                 power: Callable[[], Power] = read_power, busy: Callable[[Context], bool] | None = None,
                 tz: tzinfo | None = None) -> None:
        self.ctx = ctx
        self.run_scan = run_scan
        self.clock = clock
        self.power = power
        self.busy = busy or _scan_running
        self.tz = tz
        self._noticed: dict[int, float] = {}

    def tick(self) -> list[Ran]:
        """Look at every schedule once; run (blocking) what is due. Returns what ran or was skipped."""
        done: list[Ran] = []
        for schedule in rows.load(self.ctx.store, self.clock()):
            now = self.clock()
            decision = decide(schedule, now, self._noticed.get(schedule.id), self.tz)
            if decision.run_at is None:
                self._noticed.pop(schedule.id, None)
                continue
            self._noticed.setdefault(schedule.id, now)
            if now < decision.run_at or self.busy(self.ctx):
                continue  # not yet, or another scan runs: the slot waits
            minimum = int(self.ctx.settings["schedule.min_battery_percent"])
            power = self.power()
            if minimum and power.on_battery and power.percent is not None and power.percent < minimum:
                rows.mark_handled(self.ctx.store, schedule.id, decision.covers, last_outcome="skipped-battery")
                events.record(self.ctx.store, "schedule.skipped_battery", percent=round(power.percent))
                self._noticed.pop(schedule.id, None)
                done.append(Ran(schedule.id, schedule.kind, decision.catch_up, now, "skipped-battery", decision.covers))
                continue
            rows.mark_handled(self.ctx.store, schedule.id, schedule.last_slot, last_started=now)
            log.info("scheduled %s scan starts%s", schedule.kind, " (catch-up)" if decision.catch_up else "")
            outcome = self.run_scan(self.ctx, schedule.kind, decision.catch_up)
            if outcome == "busy":  # a scan started in between: wait for it
                continue
            rows.mark_handled(self.ctx.store, schedule.id, decision.covers, last_finished=self.clock(),
                              last_outcome=outcome)
            self._noticed.pop(schedule.id, None)
            done.append(Ran(schedule.id, schedule.kind, decision.catch_up, now, outcome, decision.covers))
        return done


def _scan_running(ctx: Context) -> bool:
    from app.core.scanning.lock import running_scan

    return running_scan(ctx) is not None


def run_background_scan(ctx: Context, kind: str, catch_up: bool) -> str:
    """A scheduled scan through the scan job: low priority, duty-cycled to about half a core."""
    from app.core.scanning.job import ScanRequest

    del catch_up  # a catch-up is an ordinary scheduled scan, only later
    return run_in_background(ctx, ScanRequest(kind=kind)).outcome


@dataclass(frozen=True)
class BackgroundRun:
    outcome: str  # "finished", "cancelled", "failed" or "busy"
    wall_s: float
    worker_cpu_s: float  # CPU time of the engine worker(s) during the scan
    paused_s: float  # time the duty cycle held the scan


def run_in_background(ctx: Context, request: ScanRequest,
                      on_job: Callable[[ScanJob | None], None] | None = None) -> BackgroundRun:
    """Run ``request`` (a :class:`~app.core.scanning.job.ScanRequest`) as a background scan (blocking).
    ``on_job`` gets the job when it starts and ``None`` when it ended (so that it can be cancelled)."""
    from app.core.desktop.priority import cpu_seconds, lower_priority
    from app.core.foundation.errors import RingfenceError
    from app.core.scanning.job import ScanJob
    from app.core.scanning.lock import ScanBusy
    from app.core.schedule.background import DutyCycle

    job = ScanJob(ctx, request)
    if on_job is not None:
        on_job(job)
    worker = [0]
    spent = [0.0]

    def started(pid: int) -> None:
        if worker[0]:
            spent[0] += cpu_seconds(worker[0]) or 0.0  # a restarted worker: keep what the old one used
        worker[0] = pid
        lower_priority(pid)

    def cpu() -> float | None:
        if not worker[0]:
            return None
        used = cpu_seconds(worker[0])
        return None if used is None else spent[0] + used

    job.on_worker_started = started
    throttle = DutyCycle(cpu, job.control.pause,
                         lambda: None if job.progress.state == "paused" else job.control.resume())
    began = time.monotonic()
    throttle.start()
    outcome = "finished"
    try:
        summary = job.run()
        outcome = "cancelled" if summary.cancelled else "finished"
    except ScanBusy:
        outcome = "busy"
    except RingfenceError as exc:
        log.error("scheduled %s scan failed: %s", request.kind, exc.message)
        outcome = "failed"
    finally:
        throttle.stop()
        if on_job is not None:
            on_job(None)
    used = throttle.last_cpu
    return BackgroundRun(outcome, time.monotonic() - began, used, throttle.paused_s)


class SchedulerThread:
    """Calls :meth:`Scheduler.tick` every ``TICK_S`` on its own thread with its own context."""

    def __init__(self, ctx: Context, run_scan: ScanRunner | None = None) -> None:
        self.paths, self.settings, self.log_file = ctx.paths, ctx.settings, ctx.log_file
        self.run_scan = run_scan or self._background_scan
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._job: ScanJob | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="scheduler", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop between ticks; a running scheduled scan is cancelled (blocks until it ended, at most
        ``timeout`` seconds)."""
        self._stop.set()
        with self._lock:
            job = self._job
        if job is not None:
            job.cancel()
        if self._thread is not None:
            self._thread.join(timeout)

    def _background_scan(self, ctx: Context, kind: str, catch_up: bool) -> str:
        from app.core.scanning.job import ScanRequest

        del catch_up
        if self._stop.is_set():
            return "busy"  # quitting: the slot stays pending for the next start

        def keep(job: ScanJob | None) -> None:
            with self._lock:
                self._job = job
            if job is not None and self._stop.is_set():
                job.cancel()

        return run_in_background(ctx, ScanRequest(kind=kind), keep).outcome

    def _loop(self) -> None:
        ctx = Context(self.paths, self.settings, self.log_file)
        scheduler = Scheduler(ctx, self.run_scan)
        try:
            while not self._stop.is_set():
                try:
                    scheduler.tick()
                except Exception:
                    log.exception("scheduler tick failed")
                self._stop.wait(TICK_S)
        finally:
            ctx.close()
