"""A scan as a job: the one way the CLI and the console run a scan.

``ScanJob(ctx, ScanRequest(kind="quick"))`` resolves the targets, starts the engine, applies the
on-detection action to each detection *as it is found* (``quarantine`` moves the file into the vault
before the scan goes on), keeps the history and the event journal, and reports to ``on_event`` on the
thread that called :meth:`ScanJob.run`:

* :class:`Started` once the scan has its history id and targets;
* :class:`~app.core.scanning.progress.JobProgress` at most five times a second and on every state change;
* :class:`Found` for each detection, with the action already taken;
* :class:`~app.core.scanning.file_problems.FileProblem` for each file that could not be checked fully.

:meth:`pause`, :meth:`resume` and :meth:`cancel` are safe from any thread; :attr:`progress` is a
snapshot. Only one scan runs per user: :meth:`run` raises :class:`ScanBusy` while another process
(or thread) scans, and :func:`running_scan` shows that scan's progress.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.context import Context
from app.core.detections.fp_report import journal_args
from app.core.foundation.errors import RingfenceError
from app.core.journal.provenance import attribution_plain, provenance
from app.core.scanning.actions import ACTIONS, DetectionActor, detected_file, journal
from app.core.scanning.file_problems import QUARANTINE_FAILED, FileProblem, file_problem, not_checked_problems
from app.core.scanning.lock import ScanBusy, ScanLock, running_scan
from app.core.scanning.progress import FileCounter, JobProgress, ProgressMeter
from app.core.scanning.runs import db_text, record_detection
from app.core.scanning.supervisor import ScanControl, ScanOutcome, ScanProgress, Supervisor
from app.core.text.messages import Message, translate

__all__ = ["Found", "JobProgress", "ScanBusy", "ScanJob", "ScanRequest", "ScanSummary", "Started", "running_scan"]

log = logging.getLogger(__name__)
KINDS = ("quick", "full", "custom")
EVENT_INTERVAL_S = 0.2
MAX_NOT_CHECKED_EVENTS = 200  # per scan: History names the first ones, the report names them all


@dataclass(frozen=True)
class ScanRequest:
    """What to scan and what to do with a threat (``action=None``: the ``scan.action`` setting)."""

    kind: str = "quick"
    paths: tuple[str, ...] | list[str] = ()
    action: str | None = None
    definitions: Path | None = None  # a bundle or rules folder instead of the active definitions
    use_cache: bool = True
    jobs: int | None = None


@dataclass(frozen=True)
class Started:
    scan_id: int
    kind: str
    roots: tuple[str, ...]
    definitions_version: str
    action: str


@dataclass(frozen=True)
class Found:
    """One detection, after the action: ``action`` is reported / ask / quarantined / skipped-protected / failed."""

    path: str  # the file, or ``archive!member``
    rule: str
    engine: str
    action: str
    file: str  # the file on disk (the archive for a hit inside one)
    namespace: str | None = None
    sha256: str | None = None
    definitions_version: str | None = None
    item_id: str | None = None  # the vault item, when quarantined
    error: Message | None = None  # why quarantining failed
    category: str = "threat"  # the rule's provenance (app.core.journal.provenance)
    source: str = ""
    author: str = ""
    licence: str = ""
    reference: str = ""
    detection: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)  # the engine's record


@dataclass
class ScanSummary:
    scan_id: int
    kind: str
    roots: list[str]
    action: str
    outcome: ScanOutcome  # the engine's full record (detections and errors as the CLI's JSON shows them)
    found: list[Found]
    problems: list[FileProblem]
    notes: list[Message]
    duration_s: float
    not_checked: list[FileProblem] = field(default_factory=list)  # members a limit or a password kept back

    @property
    def cancelled(self) -> bool:
        return self.outcome.cancelled


def resolve_targets(request: ScanRequest) -> list[str]:
    """The roots of the scan (seconds for a quick scan: it lists running processes)."""
    from app.core.scanning.targets import full_targets, quick_targets

    if request.kind == "quick":
        return quick_targets()
    if request.kind == "full":
        return full_targets()
    if not request.paths:
        raise RingfenceError(translate("Scan", "Choose a file or folder to scan."))
    return [os.path.abspath(str(p)) for p in request.paths]


class ScanJob:
    """One scan; :meth:`run` blocks for its whole length (call it off the GUI thread)."""

    def __init__(self, ctx: Context, request: ScanRequest) -> None:
        if request.kind not in KINDS:
            raise ValueError(f"unknown scan kind {request.kind!r}")
        self.ctx = ctx
        self.request = request
        self.action = request.action or str(ctx.settings["scan.action"])
        if self.action not in ACTIONS:
            raise ValueError(f"unknown scan action {self.action!r}")
        self.control = ScanControl()
        #: Called with the pid of each engine worker this scan starts (a scheduled scan lowers its priority).
        self.on_worker_started: Callable[[int], None] | None = None
        self._meter = ProgressMeter(request.kind, os.getpid())
        self._state = "starting"
        self._ran = False
        self._lock = threading.RLock()  # re-entrant: Ctrl+C's handler may cancel while the main thread holds it

    # -- control from any thread -------------------------------------------------------------------

    def pause(self) -> None:
        with self._lock:
            if self._state in ("starting", "running"):
                self._meter.pause()
                self.control.pause()
                self._state = "paused"

    def resume(self) -> None:
        with self._lock:
            if self._state == "paused":
                self._meter.resume()
                self.control.resume()
                self._state = "running"

    def cancel(self) -> None:
        """Stop the scan soon (also before the engine is ready); :meth:`run` returns a cancelled summary."""
        with self._lock:
            if self._state in ("starting", "running", "paused"):
                self.control.cancel()
                self._state = "cancelling"
            counter = self._meter.counter
        if counter is not None:
            counter.stop()

    @property
    def progress(self) -> JobProgress:
        return self._meter.snapshot(self._state)

    # -- the run -----------------------------------------------------------------------------------

    def run(self, on_event: Callable[[object], None] | None = None, *, ctx: Context | None = None) -> ScanSummary:
        """Run the scan to the end (blocking, seconds to hours). ``ctx`` is the calling thread's context
        when the job was made on another thread. Raises :class:`ScanBusy` if a scan is running already."""
        with self._lock:
            if self._ran:
                raise RuntimeError("a scan job runs once; make a new one for the next scan")
            self._ran = True
        ctx = ctx or self.ctx
        lock = ScanLock(ctx.paths)
        lock.acquire()
        emit = on_event or (lambda _event: None)
        try:
            return _Run(self, ctx, lock, emit).run()
        except BaseException:
            self._set_state("failed")
            emit(self.progress)
            raise
        finally:
            if self._meter.counter is not None:
                self._meter.counter.stop()
            lock.release()

    def _set_state(self, state: str) -> None:
        with self._lock:
            if self._state not in ("cancelling",) or state in ("cancelled", "failed", "finished"):
                self._state = state


class _Run:
    """The body of :meth:`ScanJob.run`, with the state of one run."""

    def __init__(self, job: ScanJob, ctx: Context, lock: ScanLock, emit: Callable[[object], None]) -> None:
        self.job, self.ctx, self.lock, self.emit = job, ctx, lock, emit
        self.actor = DetectionActor(ctx, job.action)
        self.found: list[Found] = []
        self.problems: dict[int, FileProblem] = {}  # by id() of the error record in the outcome
        self.action_errors: list[dict[str, str]] = []
        self.roots: list[str] = []
        self.last_event = 0.0
        self.not_checked_count = 0

    def progress(self, force: bool = False) -> None:
        snapshot = self.job.progress
        self.lock.publish(snapshot, force=force)
        now = time.monotonic()
        if force or now - self.last_event >= EVENT_INTERVAL_S:
            self.last_event = now
            self.emit(snapshot)

    def run(self) -> ScanSummary:
        from app.core.scanning import definitions
        from app.core.scanning.runs import run_scan, scan_options
        from app.engine.walker import walk_options

        job, ctx, request = self.job, self.ctx, self.job.request
        self.progress(force=True)
        with Supervisor(ctx) as supervisor:
            supervisor.on_worker_started = job.on_worker_started
            supervisor.prestart()  # the engine loads while targets and definitions are resolved
            self.roots = resolve_targets(request)
            defs = definitions.choose(ctx, request.definitions)
            options = scan_options(ctx, defs, request.jobs)
            job._meter.counter = FileCounter(self.roots, walk_options(options)).start()
            if job.control.cancelled.is_set():
                job._meter.counter.stop()
            job._set_state("running" if not job.control.paused.is_set() else "paused")

            def started(scan_id: int) -> None:
                job._meter.scan_id = self.actor.scan_id = scan_id
                journal(ctx, "scan.started", scan_id=scan_id, scan_kind=request.kind)
                self.progress(force=True)
                self.emit(Started(scan_id, request.kind, tuple(self.roots), defs.version, job.action))

            try:
                report = run_scan(ctx, request.kind, self.roots, defs, use_cache=request.use_cache, jobs=request.jobs,
                                  control=job.control, on_batch=self.batch, supervisor=supervisor,
                                  on_start=started, before_record=self.before_record)
            except RingfenceError as exc:
                journal(ctx, "scan.abandoned", scan_id=job._meter.scan_id, reason=exc.msg)
                raise

        outcome = report.outcome
        job._set_state("cancelled" if outcome.cancelled else "finished")
        self.progress(force=True)
        p = outcome.progress
        if outcome.cancelled:
            journal(ctx, "scan.cancelled", scan_id=report.scan_id, files=p.files_scanned)
        else:
            journal(ctx, "scan.finished", scan_id=report.scan_id, scan_kind=request.kind,
                          files=p.files_scanned, threats=len(outcome.detections), errors=len(outcome.errors))
        problems = [self.problems[id(error)] for error in outcome.errors]  # in the order of the report's errors
        return ScanSummary(report.scan_id, request.kind, self.roots, job.action, outcome, self.found, problems,
                           list(outcome.notes), report.duration_s, not_checked_problems(outcome.skipped_items))

    def batch(self, progress: ScanProgress, message: dict[str, Any]) -> None:
        """One batch from the engine: act on its detections now, then report them and the progress."""
        for detection in self.actor.in_order(message.get("detections", [])):
            self.detection(detection)
        for error in message.get("errors", []):
            self.problem(error, file_problem(error))
        for item in message.get("skipped_items", []):
            self.not_checked(item)
        self.job._meter.update(progress.files_scanned, progress.bytes_scanned, progress.current,
                               len(self.found), len(self.problems))
        self.progress()

    def detection(self, detection: dict[str, Any]) -> None:
        # ``on_detection`` and ``file`` (the file on disk) let the console ask about a background scan's finding
        journal(self.ctx, "threat.found", scan_id=self.actor.scan_id, threat=detection["rule"],
                path=db_text(detection["path"]), on_detection=self.actor.action_for(detection),
                file=db_text(detected_file(detection)), **journal_args(detection))
        result, fresh = self.actor.act(detection)
        record_detection(self.ctx, self.actor.scan_id, detection)  # in the history at once, with its action
        if fresh and result.error is not None:
            error = {"path": detected_file(detection), "error": str(result.error), "code": QUARANTINE_FAILED}
            self.action_errors.append(error)
            self.problem(error, FileProblem(error["path"], result.error, QUARANTINE_FAILED))
        found = Found(path=detection["path"], rule=detection["rule"], engine=detection["engine"], action=result.action,
                      file=detected_file(detection), namespace=detection.get("namespace"),
                      sha256=detection.get("sha256"), definitions_version=detection.get("definitions_version"),
                      item_id=result.item_id, error=result.error, detection=detection, **provenance(detection))
        self.found.append(found)
        log.warning("scan %s: %s in %s (%s; %s)", self.actor.scan_id, detection["rule"], detection["path"],
                    result.action, attribution_plain(detection))
        self.emit(found)

    def not_checked(self, item: dict[str, Any]) -> None:
        """An archive member a limit or a password kept from being checked, in History (the first ones)."""
        if not item.get("limit") or self.not_checked_count >= MAX_NOT_CHECKED_EVENTS:
            return
        self.not_checked_count += 1
        if item["reason"] == "password-protected":
            journal(self.ctx, "scan.password_protected", scan_id=self.actor.scan_id, path=db_text(item["path"]))
        else:
            journal(self.ctx, "scan.not_fully_checked", scan_id=self.actor.scan_id, path=db_text(item["path"]),
                    limit=item["limit"])

    def problem(self, error: dict[str, Any], problem: FileProblem) -> None:
        self.problems[id(error)] = problem
        self.emit(problem)

    def before_record(self, outcome: ScanOutcome) -> None:
        outcome.errors.extend(self.action_errors)  # quarantine failures count as the scan's errors
        for error in outcome.errors:  # files the engine stopped on: recorded by the supervisor, not in a batch
            if id(error) not in self.problems:
                self.problem(error, file_problem(error))

