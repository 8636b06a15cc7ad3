"""The supervisor: runs engine requests in a worker process and survives the worker dying.

If the worker crashes or hangs mid-scan, the supervisor reads the in-flight journal to learn which
file(s) were being matched, records a crash event with the definitions version, restarts the worker
with back-off, and resumes the scan after the last fully reported item. The file(s) in flight are
reported as errors and not retried, so a file that kills the engine cannot stall the scan. Every
worker start, clean exit, crash and hang is recorded in ``engine_events`` (the update channel's
probation reads the crash streak from there).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.core.context import Context
from app.core.engine_process import EngineDied, EngineProcess
from app.core.errors import DefinitionsError, EngineError, RingfenceError
from app.core.messages import Message
from app.core.store import Schema
from app.engine.inflight import read_journal

log = logging.getLogger(__name__)

ENGINE_SCHEMA = Schema("engine", (
    """CREATE TABLE engine_events (
        id INTEGER PRIMARY KEY, time REAL NOT NULL, kind TEXT NOT NULL,
        definitions_version TEXT, detail TEXT);
    CREATE INDEX engine_events_time ON engine_events(time);""",
))

MAX_RESTARTS_WITHOUT_PROGRESS = 4
CRASHED_FILE = "The engine stopped while checking this file, so it was not scanned; the scan went on without it."
HUNG_FILE = "The engine stopped responding while checking this file, so it was restarted and the file was not scanned."


@dataclass
class ScanProgress:
    files_scanned: int = 0
    bytes_scanned: int = 0
    cached: int = 0
    skipped: int = 0
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
            if clean:
                record_event(self.ctx, "exit", self._version)
            self.proc = None

    def __enter__(self) -> Supervisor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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
                        raise EngineError("The scanner engine stopped responding and was restarted; try again.")
                    if reply.get("type") == "failed":
                        _raise_failed(reply)
                    if reply.get("type") == expect:
                        return reply
            except EngineDied as died:
                self._lost("crash", f"exit {died.returncode} during {message.get('cmd')}")
                if attempt == 1:
                    raise EngineError("The scanner engine stopped twice while handling the request; "
                                      "see the engine log for details.") from died
        raise AssertionError("unreachable")

    # -- scans -------------------------------------------------------------------------------------

    def scan(self, request: dict[str, Any], version: str, *, control: ScanControl | None = None,
             on_batch: Callable[[ScanProgress, dict[str, Any]], None] | None = None) -> ScanOutcome:
        control = control or ScanControl()
        outcome = ScanOutcome(ScanProgress(), definitions_version=version)
        journal = self.ctx.paths.run_dir / f"journal-{int(time.time() * 1000)}-{threading.get_ident()}.bin"
        hang_limit = float(request.get("options", {}).get("timeout", 60)) + self.hang_grace_s
        watermark, skip_seqs = -1, set[int]()
        base = {"files_scanned": 0, "bytes_scanned": 0, "cached": 0, "skipped": 0}
        no_progress = 0
        try:
            while True:
                proc = self._process(version)
                control.take()  # the request below carries the current pause and cancel state
                if control.cancelled.is_set():
                    # Cancelled while the worker was starting (or restarting): a cancel taken above
                    # must not be lost, so the scan stops here instead of being sent.
                    outcome.cancelled = True
                    return outcome
                proc.send({**request, "cmd": "scan", "resume_after": watermark, "skip_seqs": sorted(skip_seqs),
                           "journal": str(journal), "paused": control.paused.is_set()})
                run = dict.fromkeys(base, 0)
                try:
                    while True:
                        for command in control.take():
                            proc.send({"cmd": command})
                        message = proc.get(timeout=0.25)
                        if message is None:
                            stuck = [f for f in read_journal(journal) if f[1] > hang_limit]
                            if stuck and not control.paused.is_set():
                                self._lost("hang", "; ".join(p for _, _, p in stuck))
                                raise EngineDied(None)
                            continue
                        kind = message.get("type")
                        if kind == "failed":
                            _raise_failed(message)
                        if kind == "batch":
                            if message["watermark"] > watermark:
                                no_progress = 0
                            watermark = message["watermark"]
                            run = {k: message[k] for k in base}
                            self._merge(outcome, base, run, message)
                            if on_batch:
                                on_batch(outcome.progress, message)
                        elif kind == "done":
                            outcome.cancelled = bool(message.get("cancelled"))
                            outcome.definitions_version = str(message.get("definitions_version") or version)
                            return outcome
                except EngineDied as died:
                    in_flight = [f for f in read_journal(journal) if f[0] > watermark]
                    hung = died.returncode is None
                    if not hung:
                        self._lost("crash", f"exit {died.returncode}; in flight: " + "; ".join(p for _, _, p in in_flight))
                    for seq, _, path in in_flight:
                        skip_seqs.add(seq)
                        outcome.errors.append({"path": path, "error": HUNG_FILE if hung else CRASHED_FILE})
                    outcome.crashes.append({"time": time.time(), "files": [p for _, _, p in in_flight],
                                            "definitions_version": version, "returncode": died.returncode})
                    base = {k: base[k] + run[k] for k in base}
                    outcome.progress.restarts += 1
                    no_progress = 0 if in_flight else no_progress + 1
                    if no_progress >= MAX_RESTARTS_WITHOUT_PROGRESS or outcome.progress.restarts > 50:
                        raise EngineError("The scanner engine keeps stopping; the scan was abandoned. "
                                          "See the engine log for details.") from died
                    if control.cancelled.is_set():
                        outcome.cancelled = True
                        return outcome
                    time.sleep(min(5.0, 0.2 * 2 ** min(no_progress, 5)))
        finally:
            journal.unlink(missing_ok=True)

    @staticmethod
    def _merge(outcome: ScanOutcome, base: dict[str, int], run: dict[str, int], message: dict[str, Any]) -> None:
        progress = outcome.progress
        progress.files_scanned = base["files_scanned"] + run["files_scanned"]
        progress.bytes_scanned = base["bytes_scanned"] + run["bytes_scanned"]
        progress.cached = base["cached"] + run["cached"]
        progress.skipped = base["skipped"] + run["skipped"]
        progress.current = message.get("current") or progress.current
        outcome.detections.extend(message.get("detections", []))
        outcome.errors.extend(message.get("errors", []))
        outcome.skipped_items.extend(message.get("skipped_items", []))


def _raise_failed(reply: dict[str, Any]) -> None:
    if reply.get("kind") == "definitions":
        raise DefinitionsError(str(reply.get("message")))
    raise EngineError(str(reply.get("message")))
