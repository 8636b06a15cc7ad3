"""The supervisor: runs engine requests in a worker process and survives the worker dying.

If the worker crashes or hangs mid-scan, the supervisor reads the in-flight journal to learn which
file(s) were being matched, records a crash event with the definitions version, restarts the worker
with back-off, and resumes the scan after the place in the walk of the last fully reported item. The
file(s) in flight are reported as errors and skipped by path, never retried, so a file that kills the
engine cannot stall the scan; giving up is only for a worker that keeps stopping without getting
anywhere (or cannot start at all). Every worker start, clean exit, crash and hang is recorded in
``engine_events`` (the update channel's probation reads the crash streak from there), and crashes,
hangs and restarts also in the event journal, with the file and the definitions version.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.context import Context
from app.core.foundation.errors import DefinitionsError, EngineError, RingfenceError
from app.core.foundation.store import Schema
from app.core.journal import events
from app.core.scanning.bundle_messages import bundle_message
from app.core.scanning.engine_process import EngineDied, EngineProcess
from app.core.scanning.file_problems import FILE_ERRORS
from app.core.text.messages import Message, render, translate
from app.engine.inflight import read_journal

log = logging.getLogger(__name__)

ENGINE_SCHEMA = Schema("engine", (
    """CREATE TABLE engine_events (
        id INTEGER PRIMARY KEY, time REAL NOT NULL, kind TEXT NOT NULL,
        definitions_version TEXT, detail TEXT);
    CREATE INDEX engine_events_time ON engine_events(time);""",
))

MAX_RESTARTS_WITHOUT_PROGRESS = 4
COUNTS = ("files_scanned", "bytes_scanned", "cached", "skipped", "incomplete")
CRASHED_FILE = render(FILE_ERRORS["engine-crashed"])  # in English, as the report's "error" shows it
HUNG_FILE = render(FILE_ERRORS["engine-hung"])
ENGINE_STOPPED = ("engine-crashed", "engine-hung")


@dataclass
class ScanProgress:
    files_scanned: int = 0
    bytes_scanned: int = 0
    cached: int = 0
    skipped: int = 0
    incomplete: int = 0  # files an archive limit kept from being fully checked
    current: str = ""
    restarts: int = 0


@dataclass
class ScanOutcome:
    progress: ScanProgress
    detections: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
    skipped_items: list[dict[str, str]] = field(default_factory=list)
    definitions_version: str = ""
    cancelled: bool = False
    crashes: list[dict[str, Any]] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)  # things the user should know (one sentence each)


class _Hung(Exception):
    """The worker stopped making progress: a file is stuck, or it fell silent."""

    def __init__(self, stuck: list[tuple[int, float, str]]) -> None:
        super().__init__("engine worker hung")
        self.stuck = stuck


@dataclass
class _Resume:
    """Where a restarted worker goes on: after ``position`` in the walk, without ``skip_paths``.

    A file in flight when a worker died or hung may only have shared the worker with the culprit: it
    waits in ``retry`` and is checked once more, alone, before the walk goes on (``retried``); only a
    file that stops the engine again is skipped and reported."""

    position: list[Any] = field(default_factory=list)
    skip_paths: set[str] = field(default_factory=set)
    retry: list[str] = field(default_factory=list)
    retried: set[str] = field(default_factory=set)


class ScanControl:
    """Thread-safe pause / resume / cancel for a running scan (the UI and Ctrl+C use it)."""

    def __init__(self) -> None:
        self.cancelled = threading.Event()
        self.paused = threading.Event()
        self._pending: list[str] = []
        self._lock = threading.Lock()

    def _push(self, command: str) -> None:
        with self._lock:
            self._pending.append(command)

    def pause(self) -> None:
        self.paused.set()
        self._push("pause")

    def resume(self) -> None:
        self.paused.clear()
        self._push("resume")

    def cancel(self) -> None:
        self.cancelled.set()
        self._push("cancel")

    def take(self) -> list[str]:
        with self._lock:
            pending, self._pending = self._pending, []
        return pending


def record_event(ctx: Context, kind: str, version: str, detail: str = "") -> None:
    """Record a worker start, exit, crash or hang (best effort: a full disk must not stop a scan)."""
    try:
        ctx.store.ensure(ENGINE_SCHEMA)
        with ctx.store.transaction() as conn:
            conn.execute("INSERT INTO engine_events(time, kind, definitions_version, detail) VALUES (?, ?, ?, ?)",
                         (time.time(), kind, version, detail))
    except (RingfenceError, sqlite3.Error) as exc:
        log.error("could not record engine event %s (%s): %s", kind, detail, exc)


class Supervisor:
    def __init__(self, ctx: Context, *, hang_grace_s: float = 30.0) -> None:
        self.ctx = ctx
        self.hang_grace_s = hang_grace_s
        self.proc: EngineProcess | None = None
        self._version = ""
        self.on_worker_started: Callable[[int], None] | None = None
        self._splitting: set[str] = set()  # definitions whose split this supervisor had compiled

    # -- process lifecycle -------------------------------------------------------------------------

    def prestart(self) -> None:
        """Start a worker now, so that it loads while the console prepares its first request."""
        if self.proc is None or not self.proc.alive():
            self.proc = EngineProcess(self.ctx.paths.log_dir)

    def _process(self, version: str) -> EngineProcess:
        self.prestart()
        assert self.proc is not None
        if self.proc.info is None:  # first request to this worker: wait for its hello, then record it
            self.proc.wait_ready()
            self._version = version
            record_event(self.ctx, "start", version, f"pid {self.proc.pid}")
            if self.on_worker_started:
                self.on_worker_started(self.proc.pid)
        return self.proc

    def close(self) -> None:
        if self.proc is not None:
            clean = self.proc.alive()
            self.proc.close()
            self._remove_spool(self.proc.pid)
            if clean:
                record_event(self.ctx, "exit", self._version)
            self.proc = None

    def close_after(self, message: dict[str, Any]) -> None:
        """Close, leaving the worker one last request to finish on its own (see
        :meth:`EngineProcess.finish_in_background`)."""
        if self.proc is None:
            return
        if self.proc.alive():
            record_event(self.ctx, "exit", self._version)
        self.proc.finish_in_background(message)
        self.proc = None

    def _compile_split(self, reply: dict[str, Any], request: dict[str, Any]) -> None:
        """The worker matched with the whole set, the split by file type not being in the cache yet:
        a worker of its own, below normal priority, compiles the split into the cache (once per
        version) and ends on its own, so the requests that follow start with it."""
        definitions, compiled_dir = request.get("definitions"), request.get("compiled_dir")
        if not reply.get("split_missing") or not definitions or not compiled_dir:
            return
        key = str(definitions.get("path"))
        if key in self._splitting:
            return
        self._splitting.add(key)
        try:
            warmer = EngineProcess(self.ctx.paths.log_dir)
        except EngineError as exc:
            log.warning("the split rules could not be compiled: %s", exc.message)
            return
        from app.core.desktop.priority import lower_priority

        lower_priority(warmer.pid, "below_normal")
        warmer.finish_in_background({"cmd": "warm", "definitions": definitions, "compiled_dir": compiled_dir})

    def __enter__(self) -> Supervisor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _remove_spool(self, pid: int) -> None:
        """Remove the folder where the worker ``pid`` unpacked large archive members (left behind if it died)."""
        shutil.rmtree(self.ctx.paths.run_dir / f"spool-{pid}", ignore_errors=True)

    def _lost(self, kind: str, detail: str) -> None:
        record_event(self.ctx, kind, self._version, detail)
        log.error("engine worker %s (definitions %s): %s", kind, self._version, detail)
        if self.proc is not None:
            self.proc.kill()
        self.proc = None

    # -- simple requests ---------------------------------------------------------------------------

    def request(self, message: dict[str, Any], expect: str, version: str, timeout: float = 300.0) -> dict[str, Any]:
        """Send one request and wait for its answer (the worker is restarted once if it dies)."""
        for attempt in range(2):
            proc = self._process(version)
            proc.send(message)
            deadline = time.monotonic() + timeout
            try:
                while True:
                    reply = proc.get(timeout=max(0.1, deadline - time.monotonic()))
                    if reply is None:
                        self._lost("hang", f"no answer to {message.get('cmd')} in {timeout:.0f} s")
                        raise EngineError(translate("Engine", "The scanner engine stopped responding and was restarted; "
                                                              "try again."))
                    if reply.get("type") == "failed":
                        _raise_failed(reply)
                    if reply.get("type") == expect:
                        self._compile_split(reply, message)
                        return reply
            except EngineDied as died:
                self._lost("crash", f"exit {died.returncode} during {message.get('cmd')}")
                if attempt == 1:
                    raise EngineError(translate("Engine", "The scanner engine stopped twice while handling the request; "
                                                          "see the engine log for details.")) from died
        raise AssertionError("unreachable")

    # -- scans -------------------------------------------------------------------------------------

    def scan(self, request: dict[str, Any], version: str, *, control: ScanControl | None = None,
             on_batch: Callable[[ScanProgress, dict[str, Any]], None] | None = None) -> ScanOutcome:
        control = control or ScanControl()
        outcome = ScanOutcome(ScanProgress(), definitions_version=version)
        stem = f"journal-{int(time.time() * 1000)}-{threading.get_ident()}"
        hang_limit = float(request.get("options", {}).get("timeout", 60)) + self.hang_grace_s
        run_state = _Resume()
        base = dict.fromkeys(COUNTS, 0)
        idle_restarts = 0  # restarts in a row that neither skipped a file nor saw progress
        slow_down = 0  # restarts since the last progress: the back-off grows with it
        restarted = False
        journal = self.ctx.paths.run_dir / f"{stem}-0.bin"
        try:
            while True:
                # Each worker gets a journal of its own: a dead worker's records are never the new one's.
                journal = self.ctx.paths.run_dir / f"{stem}-{outcome.progress.restarts}.bin"
                proc = self._process(version)
                if restarted:
                    events.record(self.ctx.store, "engine.restarted", version=version)
                    restarted = False
                control.take()  # the request below carries the current pause and cancel state
                if control.cancelled.is_set():
                    # Cancelled while the worker was starting (or restarting): a cancel taken above
                    # must not be lost, so the scan stops here instead of being sent.
                    outcome.cancelled = True
                    return outcome
                alone = run_state.retry.pop(0) if run_state.retry else None
                if alone is not None:  # one file, on one thread, where the walk would have found it
                    run_state.retried.add(alone)
                    proc.send({**request, "cmd": "scan", "roots": [alone], "resume_after": None, "skip_paths": [],
                               "options": {**request.get("options", {}), "jobs": 1}, "journal": str(journal),
                               "spool_dir": str(self.ctx.paths.run_dir), "paused": control.paused.is_set()})
                else:
                    proc.send({**request, "cmd": "scan", "resume_after": run_state.position,
                               "skip_paths": sorted(run_state.skip_paths), "journal": str(journal),
                               "spool_dir": str(self.ctx.paths.run_dir), "paused": control.paused.is_set()})
                run = dict.fromkeys(base, 0)
                progressed = False
                try:
                    for message in self._messages(proc, control, journal, hang_limit):
                        kind = message.get("type")
                        if kind == "batch":
                            self._compile_split(message, request)
                            progressed = progressed or message["watermark"] >= 0
                            if alone is None:
                                run_state.position = message.get("position") or run_state.position
                            run = {k: message.get(k, 0) for k in base}
                            self._merge(outcome, base, run, message)
                            if on_batch:
                                on_batch(outcome.progress, message)
                        elif kind == "done":
                            self._compile_split(message, request)
                            outcome.cancelled = bool(message.get("cancelled"))
                            outcome.definitions_version = str(message.get("definitions_version") or version)
                            if alone is None or outcome.cancelled:
                                return outcome
                            base = {k: base[k] + run[k] for k in base}  # the file checked alone; the walk goes on
                            idle_restarts = slow_down = 0
                            break
                except (EngineDied, _Hung) as stop:
                    skipped = self._after_stop(stop, journal, version, outcome, run_state)
                    base = {k: base[k] + run[k] for k in base}
                    outcome.progress.restarts += 1
                    restarted = True
                    idle_restarts = 0 if (skipped or progressed) else idle_restarts + 1
                    slow_down = 0 if progressed else slow_down + 1
                    if idle_restarts >= MAX_RESTARTS_WITHOUT_PROGRESS:
                        raise EngineError(translate("Engine", "The scanner engine keeps stopping; the scan was abandoned. "
                                                              "See the engine log for details.")) from stop
                    if control.cancelled.is_set():
                        outcome.cancelled = True
                        return outcome
                    time.sleep(min(5.0, 0.2 * 2 ** slow_down))
        finally:
            journal.unlink(missing_ok=True)

    def _messages(self, proc: EngineProcess, control: ScanControl, journal: Path, hang_limit: float
                  ) -> Iterator[dict[str, Any]]:
        """The worker's messages; raises :class:`_Hung` when a file is stuck or the worker fell silent."""
        heard = time.monotonic()
        while True:
            for command in control.take():
                proc.send({"cmd": command})
            message = proc.get(timeout=0.25)
            now = time.monotonic()
            if message is not None:
                heard = now
                if message.get("type") == "failed":
                    _raise_failed(message)
                yield message
            if control.paused.is_set():
                heard = now
                continue
            in_flight = read_journal(journal)
            stuck = [f for f in in_flight if f[1] > hang_limit]
            if stuck or (not in_flight and now - heard > hang_limit):
                raise _Hung(stuck)

    def _after_stop(self, stop: BaseException, journal: Path, version: str, outcome: ScanOutcome,
                    run_state: _Resume) -> bool:
        """Record a dead or hung worker; the file(s) it was checking are checked again alone, or skipped
        when that was their second time (True if any was skipped)."""
        hung = isinstance(stop, _Hung)
        files = [path for _, _, path in read_journal(journal)]
        if self.proc is not None:
            self._remove_spool(self.proc.pid)
        if hung:
            self._lost("hang", "; ".join(files) or "no answer")
        else:
            returncode = stop.returncode if isinstance(stop, EngineDied) else None
            self._lost("crash", f"exit {returncode}; in flight: " + "; ".join(files))
        journal.unlink(missing_ok=True)
        skipped = False
        for path in files:
            if path not in run_state.retried:
                if path not in run_state.retry:
                    run_state.retry.append(path)
                    run_state.skip_paths.add(path)  # the resumed walk leaves it to its retry
                continue
            events.record(self.ctx.store, "engine.hung" if hung else "engine.crashed", file=path, version=version)
            if not any(error["path"] == path and error.get("code") in ENGINE_STOPPED for error in outcome.errors):
                skipped = True
                outcome.errors.append({"path": path, "error": HUNG_FILE if hung else CRASHED_FILE,
                                       "code": "engine-hung" if hung else "engine-crashed"})
        if not files:
            events.record(self.ctx.store, "engine.stopped", version=version)
        outcome.crashes.append({"time": time.time(), "files": files, "definitions_version": version,
                                "returncode": None if hung else getattr(stop, "returncode", None)})
        return skipped

    @staticmethod
    def _merge(outcome: ScanOutcome, base: dict[str, int], run: dict[str, int], message: dict[str, Any]) -> None:
        progress = outcome.progress
        progress.files_scanned = base["files_scanned"] + run["files_scanned"]
        progress.bytes_scanned = base["bytes_scanned"] + run["bytes_scanned"]
        progress.cached = base["cached"] + run["cached"]
        progress.skipped = base["skipped"] + run["skipped"]
        progress.incomplete = base["incomplete"] + run["incomplete"]
        progress.current = message.get("current") or progress.current
        outcome.detections.extend(message.get("detections", []))
        outcome.errors.extend(message.get("errors", []))
        outcome.skipped_items.extend(message.get("skipped_items", []))


def _raise_failed(reply: dict[str, Any]) -> None:
    if reply.get("kind") == "definitions":
        found = bundle_message(str(reply.get("code") or ""), [str(v) for v in reply.get("args") or []])
        raise DefinitionsError(found or str(reply.get("message")))
    raise EngineError(str(reply.get("message")))
