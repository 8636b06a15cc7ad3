"""Real-time protection as a service a console (or ``ringfence watch``) drives.

Threads: watchdog's observer threads only filter and queue (they never wait); the *engine* thread
takes batches from the queue and scans them through the supervised engine worker; the *keeper*
thread sets up the watches, sweeps (at start, on overflow, when the watcher died, after a pause,
after sleep, every 15 minutes, for each new folder), ends pauses at their deadline, and writes the
journal. Each thread opens its own state-database connection.

Which calls block:

- :meth:`start` returns at once (watches are set up on the keeper thread).
- :meth:`pause`, :meth:`resume`, :meth:`request_sweep`, :meth:`status` never block; a Qt worker or
  even the GUI thread may call them.
- :meth:`stop` blocks until the threads and the engine worker have ended (normally well under a
  second; at most ``timeout`` seconds plus the engine's shutdown) — call it from a worker.
- :meth:`wait_idle` blocks by design (tests and benchmarks).
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.foundation.paths import Paths
from app.core.foundation.settings import Settings
from app.core.journal import events
from app.core.realtime.backoff import Backoff
from app.core.realtime.engine_link import EngineLink
from app.core.realtime.filters import Exclusions, is_partial
from app.core.realtime.pause import PauseState
from app.core.realtime.realtime_messages import OVERFLOW_REASONS, watch_failure
from app.core.realtime.realtime_status import Status, StatusFile, status_path
from app.core.realtime.roots import protected_roots
from app.core.realtime.stability import StabilityTracker
from app.core.realtime.sweep import CacheView, sweep
from app.core.realtime.watcher import Watcher
from app.core.realtime.workqueue import WorkQueue

log = logging.getLogger(__name__)

SWEEP_INTERVAL_S = 15 * 60.0
SLEEP_JUMP_S = 60.0  # wall clock ahead of the monotonic clock by this much = the PC slept
TICK_S = 2.0  # the keeper's idle wake-up (pause deadlines, sleep detection, watcher health)
WATCHER_RESTART_S = 60.0
ENGINE_WAIT_S = 5.0  # the engine thread sleeps on the queue; a put or stop wakes it at once
BATCH = 256


class RealtimeService:
    """Watches the protected folders and scans what changes. Thread-safe."""

    def __init__(self, ctx: Context, roots: list[str] | None = None, *, queue_capacity: int = 100_000,
                 sweep_interval_s: float = SWEEP_INTERVAL_S, platform: str = sys.platform,
                 clock: Callable[[], float] = time.monotonic, wall: Callable[[], float] = time.time) -> None:
        self.paths: Paths = ctx.paths
        self.settings = ctx.settings
        self.log_file = ctx.log_file
        self.roots = protected_roots(ctx, roots)
        self.exclusions = Exclusions.from_settings(ctx)
        self.queue = WorkQueue(queue_capacity)
        self.sweep_interval_s = sweep_interval_s
        self.platform = platform
        self.clock, self.wall = clock, wall
        self.pause_state = PauseState(clock, wall)
        self.stability = StabilityTracker(clock=clock)
        self.backoff = Backoff(clock=clock)
        self.watcher = Watcher(self.roots, self, platform)
        self.status_file = StatusFile(status_path(self.paths))
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._idle = threading.Condition(self._lock)
        self._threads: list[threading.Thread] = []
        self._overflows: list[str] = []   # reasons waiting for a sweep
        self._sweep_all = False
        self._dirty_dirs: set[str] = set()
        self._notes: list[tuple[str, dict[str, Any]]] = []
        self._policy: str | None = None
        self._last_event = 0.0  # monotonic time of the watcher's last word (wait_idle lets it settle)
        self._watcher_restarted = float("-inf")
        self.engine: EngineLink | None = None  # set while the engine thread runs
        self._in_flight = 0
        self._sweeping = False
        self._state = "off"
        self.counters = {"scanned": 0, "detections": 0, "overflows": 0, "sweeps": 0, "engine_errors": 0}
        self.last_sweep: float | None = None

    # -- the API a console drives ----------------------------------------------------------------

    def start(self) -> None:
        with self._lock:
            if self._threads:
                return
            self._state = "starting"
            self._stop.clear()
            self._threads = [threading.Thread(target=self._guard, args=(self._engine_loop,), name="realtime-engine",
                                              daemon=True),
                             threading.Thread(target=self._guard, args=(self._keeper_loop,), name="realtime-keeper",
                                              daemon=True)]
        for thread in self._threads:
            thread.start()

    def apply_settings(self, settings: Settings) -> None:
        """Settings just saved: the exclusions apply to the next file seen, without a restart."""
        ctx = Context(self.paths, settings, self.log_file)
        try:
            exclusions = Exclusions.from_settings(ctx)
        finally:
            ctx.close()
        self.settings = settings
        self.exclusions.take(exclusions)  # the object a running sweep holds decides anew as well

    def stop(self, timeout: float = 10.0) -> None:
        with self._lock:
            threads, self._threads = self._threads, []
        if not threads:
            return
        self._stop.set()
        self._wake.set()
        self.queue.wake()
        for thread in threads:
            thread.join(timeout)
        with self._lock:
            self._state = "off"

    def pause(self, seconds: float | None) -> None:
        """Pause for ``seconds`` (``None``: until Ringfence restarts). Changes are checked on resume."""
        info = self.pause_state.pause(seconds)
        if info.until is None:
            self._note("realtime.paused_restart", {})
        else:
            self._note("realtime.paused", {"until": info.until})  # a timestamp: the reader's locale writes it

    def resume(self) -> None:
        if self.pause_state.resume():
            self._resumed()

    def request_sweep(self) -> None:
        """Check every protected folder again (stat only) soon."""
        with self._lock:
            self._sweep_all = True
        self._wake.set()

    def status(self) -> Status:
        with self._lock:
            state = self._state
            if state == "on" and self.pause_state.paused:
                state = "paused"
            return Status(state=state, roots=tuple(self.roots),
                          unwatched=tuple(root for root, _ in self.watcher.failed),
                          paused_until=self.pause_state.info().until,
                          pending=len(self.queue) + self._in_flight + len(self.stability) + self.backoff.held(),
                          sweeping=self._sweeping, last_sweep=self.last_sweep, **self.counters)

    def wait_idle(self, timeout: float, settle: float = 0.3) -> bool:
        """Wait until nothing is queued, scanning or sweeping, and no event came for ``settle`` seconds
        (True), or ``timeout`` passed (False)."""
        deadline = time.monotonic() + timeout
        with self._idle:
            while not (self._is_idle() and time.monotonic() - self._last_event >= settle):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._idle.wait(min(left, 0.05))
            return True

    def _is_idle(self) -> bool:
        return (self._state == "on" and not self._sweeping and self._in_flight == 0 and len(self.queue) == 0
                and not self.queue.overflowed
                and not self._overflows and not self._sweep_all and not self._dirty_dirs and len(self.stability) == 0
                and self.backoff.held() == 0)

    # -- the watcher's sink (called on watchdog's threads: never wait here) -----------------------

    def file(self, path: str) -> None:
        self._last_event = time.monotonic()
        if self.pause_state.paused or is_partial(path) or self.exclusions.excluded(path):
            return
        if not self.backoff.admit(path):  # it keeps changing: held, checked when its wait is over
            return
        if not self.queue.put(path):
            self._wake.set()

    def touched(self, path: str) -> None:
        self._last_event = time.monotonic()
        if not (self.pause_state.paused or is_partial(path) or self.exclusions.excluded(path)):
            self.stability.touched(path)
            self._wake.set()

    def directory(self, path: str) -> None:
        self._last_event = time.monotonic()
        if not self.pause_state.paused and not self.exclusions.excluded(path):
            with self._lock:
                self._dirty_dirs.add(path)
            self._wake.set()

    def overflow(self, reason: str) -> None:
        self._last_event = time.monotonic()
        with self._lock:
            self._overflows.append(reason)
        self._wake.set()

    # -- threads ---------------------------------------------------------------------------------

    def _guard(self, loop: Callable[[Context], None]) -> None:
        ctx = Context(self.paths, self.settings, self.log_file)
        try:
            loop(ctx)
        except Exception:
            log.exception("real-time protection thread %s failed", threading.current_thread().name)
            with self._lock:
                self._state = "error"
        finally:
            ctx.close()

    def _engine_loop(self, ctx: Context) -> None:
        link = self.engine = EngineLink(ctx)
        try:
            self._start_engine(link)
            while not self._stop.is_set():
                if self.pause_state.paused:
                    self._stop.wait(TICK_S)
                    continue
                batch = self.queue.take(BATCH, timeout=ENGINE_WAIT_S)
                if not batch:
                    if link.refresh():
                        self._definitions_changed(link)
                    self._notify_idle()
                    continue
                self._scan(link, batch)
        finally:
            link.close()

    def _start_engine(self, link: EngineLink) -> None:
        while not self._stop.is_set():
            try:
                link.start()
                break
            except RingfenceError as exc:
                log.error("real-time protection cannot start the engine: %s", exc.message)
                self._count("engine_errors")
                self._stop.wait(5.0)
        with self._lock:
            self._policy = link.policy
        self._wake.set()

    def _scan(self, link: EngineLink, batch: list[str]) -> None:
        with self._lock:
            self._in_flight = len(batch)
        try:
            result = link.scan(batch)
            for path in batch:
                self.backoff.checked(path)
            for path in result.retry:  # queued before the batch counts as done: wait_idle never sees a gap
                self.queue.put(path)
        except RingfenceError as exc:
            # The engine cannot run right now: keep every file and try again shortly.
            log.error("real-time scan failed, %d file(s) kept for later: %s", len(batch), exc.message)
            self._count("engine_errors")
            for path in batch:
                self.queue.put(path)
            self._stop.wait(2.0)
            return
        finally:
            with self._lock:
                self._in_flight = 0
        with self._lock:
            self.counters["scanned"] += result.scanned
            self.counters["detections"] += len(result.detections)
            changed = self._policy != link.policy
        if changed:
            self._definitions_changed(link)
        self._notify_idle()

    def _definitions_changed(self, link: EngineLink) -> None:
        """New definitions (or allow-list): the cache vouches for nothing, so check the folders again."""
        with self._lock:
            self._policy = link.policy
        log.info("real-time protection: definitions %s are active; checking the protected folders again",
                 link.version)
        self.request_sweep()

    def _count(self, counter: str) -> None:
        with self._lock:
            self.counters[counter] += 1

    def _notify_idle(self) -> None:
        with self._idle:
            self._idle.notify_all()

    def _keeper_loop(self, ctx: Context) -> None:
        self.watcher.start()
        for root, code in self.watcher.failed:
            events.record(ctx.store, "realtime.watch_failed", folder=root, reason=watch_failure(code))
        events.record(ctx.store, "realtime.started", folders=len(self.roots))
        with self._lock:
            self._state = "on"
            self._sweep_all = True
        self.status_file.write("on", None)
        last_wall, last_mono, next_sweep = self.wall(), self.clock(), self.clock() + self.sweep_interval_s
        try:
            while not self._stop.is_set():
                self._wake.wait(0.1 if len(self.stability) or self.backoff.held() else TICK_S)
                self._wake.clear()
                if self._stop.is_set():
                    break
                wall, mono = self.wall(), self.clock()
                if (wall - last_wall) - (mono - last_mono) > SLEEP_JUMP_S:
                    self.overflow("sleep")
                last_wall, last_mono = wall, mono
                if mono >= next_sweep:
                    next_sweep = mono + self.sweep_interval_s
                    self.request_sweep()
                self._housekeeping(ctx)
        finally:
            self.watcher.stop()
            events.record(ctx.store, "realtime.stopped")
            self.status_file.remove()

    def _housekeeping(self, ctx: Context) -> None:
        for note, args in self._take_notes():
            events.record(ctx.store, note, **args)
            self.status_file.write("paused" if self.pause_state.paused else "on", self.pause_state.info().until)
        if self.pause_state.expired():
            self._resumed()
            for note, args in self._take_notes():
                events.record(ctx.store, note, **args)
            self.status_file.write("on", None)
        if self.pause_state.paused:
            return
        for path in self.stability.ready():
            if self.backoff.admit(path):
                self.queue.put(path)
        for path in self.backoff.due():
            self.queue.put(path)
        moved = self.watcher.roots_moved()
        if moved:  # watches follow the folder, not its name: watch the name again at once, and sweep it
            log.warning("protected folder(s) moved or replaced: %s; watching them again", ", ".join(moved))
            self.watcher.stop()
            self.watcher.start()
            self.overflow("moved")
        elif not self.watcher.alive() and self.clock() - self._watcher_restarted >= WATCHER_RESTART_S:
            # at most one restart (and sweep) a minute, so that a watcher that keeps dying cannot spin
            log.error("the folder watcher stopped; restarting it")
            self._watcher_restarted = self.clock()
            self.watcher.stop()
            self.watcher.start()
            self.overflow("watcher")
        if self.queue.take_overflow():
            self.overflow("queue")
        with self._lock:
            reasons, self._overflows = self._overflows, []
            sweep_all = self._sweep_all or bool(reasons)
            dirs = set() if sweep_all else self._dirty_dirs
            self._sweep_all = False
            self._dirty_dirs = set()
        for reason in dict.fromkeys(reasons):
            self._count("overflows")
            log.warning("real-time protection: file changes may have been missed (%s); sweeping", reason)
            events.record(ctx.store, "realtime.overflow", reason=OVERFLOW_REASONS[reason])
        if sweep_all:
            self._sweep(ctx, self.roots)
        elif dirs:
            self._sweep(ctx, sorted(dirs))

    def _sweep(self, ctx: Context, roots: list[str]) -> None:
        with self._lock:
            policy = self._policy
            self._sweeping = True
        if policy is None:  # the engine is not up yet: sweep once it is
            with self._lock:
                self._sweep_all = True
                self._sweeping = False
            return
        view = CacheView(ctx.paths.scan_cache_db, policy)
        try:
            for path in sweep(roots, view, self.exclusions, stop=self._stop):
                if not self.queue.put_wait(path, self._stop):
                    break
        finally:
            view.close()
            with self._lock:
                self._sweeping = False
                self.last_sweep = self.wall()
                self.counters["sweeps"] += 1
            self._notify_idle()

    def _resumed(self) -> None:
        self._note("realtime.resumed", {})
        self.request_sweep()

    def _note(self, code: str, args: dict[str, Any]) -> None:
        with self._lock:
            self._notes.append((code, args))
        self._wake.set()

    def _take_notes(self) -> list[tuple[str, dict[str, Any]]]:
        with self._lock:
            notes, self._notes = self._notes, []
        return notes
