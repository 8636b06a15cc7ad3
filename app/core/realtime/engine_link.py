"""Real-time scans through the supervised engine worker, and what happens to what they find.

One long-lived :class:`~app.core.scanning.supervisor.Supervisor` serves many small requests (a batch of paths
each; a request costs a few milliseconds once the worker has loaded the rules). The request is built
like any scan's (:func:`app.core.scanning.runs.scan_request`), so exclusions, size limits, the allow-list,
the vendor's disabled rules and the scan cache all apply. It is rebuilt when the active definitions
change.

If the worker dies, the supervisor restarts it; the files that were in flight come back as errors
and are queued once more, so an engine restart loses no file (a file that kills the engine twice is
reported as not scanned, so it cannot stall protection).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from dataclasses import dataclass, field
from typing import Any

from app.core.context import Context
from app.core.detections.policy import ignored_categories
from app.core.foundation.errors import RingfenceError
from app.core.journal import events
from app.core.realtime.realtime_messages import ACTIONS
from app.core.scanning import definitions
from app.core.scanning.runs import db_text, scan_request
from app.core.scanning.supervisor import CRASHED_FILE, HUNG_FILE, ScanControl, ScanOutcome, Supervisor
from app.engine.archives import archive_limits
from app.engine.scancache import policy_key
from app.engine.walker import SKIP_TOO_LARGE

log = logging.getLogger(__name__)
REFRESH_S = 5.0  # how often the definitions pointer is looked at


@dataclass
class BatchResult:
    scanned: int = 0
    detections: list[dict[str, Any]] = field(default_factory=list)
    retry: list[str] = field(default_factory=list)  # in flight when the engine died: queue again
    errors: list[dict[str, str]] = field(default_factory=list)
    not_checked: list[str] = field(default_factory=list)  # larger than the size limit (journalled)


class EngineLink:
    """Owns the engine worker for real-time protection. Use from one thread only."""

    def __init__(self, ctx: Context, jobs: int = 2) -> None:
        self.ctx = ctx
        self.jobs = jobs
        self.supervisor = Supervisor(ctx)
        self.request: dict[str, Any] = {}
        self.version = ""
        self._pointer_mtime: float | None = -1.0
        self._checked = 0.0
        self._crashed_once: set[str] = set()

    def start(self) -> None:
        from app.core.desktop.priority import lower_priority

        # The user's own work first: a big copy is not slowed by the scans of the files it writes.
        def lower(pid: int) -> None:
            lower_priority(pid, "below_normal")

        self.supervisor.on_worker_started = lower
        self.supervisor.prestart()
        self.refresh(force=True)

    @property
    def policy(self) -> str:
        return policy_key(self.version, self.request.get("allow", []), self.request.get("disabled_rules", []),
                          archive_limits(self.request.get("options", {})))

    def refresh(self, force: bool = False) -> bool:
        """Rebuild the request if the active definitions changed; True when they did."""
        now = time.monotonic()
        if not force and now - self._checked < REFRESH_S:
            return False
        self._checked = now
        pointer = self.ctx.paths.definitions_dir / definitions.POINTER
        try:
            mtime: float | None = pointer.stat().st_mtime
        except OSError:
            mtime = None
        if not force and mtime == self._pointer_mtime:
            return False
        self._pointer_mtime = mtime
        defs = definitions.active(self.ctx)
        try:
            from app.core.quarantine import allowed_hashes

            allow = allowed_hashes(self.ctx)
        except (RingfenceError, sqlite3.Error) as exc:
            log.error("allow-list unavailable for real-time protection: %s", exc)
            allow = set()
        disabled: list[str] = []
        if defs.source == "channel":
            from app.core.updates.state import disabled_rules

            disabled = disabled_rules(self.ctx.paths.data_dir)
        changed = defs.version != self.version
        self.version = defs.version
        self.request = scan_request(self.ctx, [], defs, use_cache=True, jobs=self.jobs, allow=allow,
                                    disabled_rules=disabled)
        return changed

    def scan(self, paths: list[str], control: ScanControl | None = None) -> BatchResult:
        """Scan ``paths`` (blocking), act on detections, record them. Raises ``EngineError`` only when
        the engine cannot run at all."""
        self.refresh()
        # the categories turned off as the settings say now (the rest of the request follows the definitions)
        options = {**self.request.get("options", {}), "ignore_categories": ignored_categories(self.ctx.settings)}
        outcome = self.supervisor.scan({**self.request, "roots": paths, "options": options}, self.version,
                                       control=control)
        result = BatchResult(scanned=outcome.progress.files_scanned)
        for error in outcome.errors:
            path = error["path"]
            if error["error"] in (CRASHED_FILE, HUNG_FILE) and path not in self._crashed_once:
                self._crashed_once.add(path)
                result.retry.append(path)
            elif os.path.lexists(path):  # a file deleted before its turn needs no verdict
                result.errors.append(error)
        for skipped in outcome.skipped_items:  # never silent: a file too large to check is said to be unchecked
            if skipped.get("reason") == SKIP_TOO_LARGE:
                result.not_checked.append(skipped["path"])
                events.record(self.ctx.store, "realtime.not_checked", path=db_text(skipped["path"]),
                              limit_mb=int(self.ctx.settings["scan.max_file_size_mb"]))
                log.warning("real-time protection did not check %s: larger than the size limit", skipped["path"])
        if outcome.detections:
            self._act(outcome)
            result.detections = outcome.detections
        return result

    def _act(self, outcome: ScanOutcome) -> None:
        """The on-detection action (the ``scan.action`` setting), as scans apply it; ``ask`` leaves
        the file in place for the console to ask about."""
        from app.core.detections.fp_report import journal_args
        from app.core.journal.provenance import attribution_plain
        from app.core.scanning.actions import DetectionActor, detected_file

        actor = DetectionActor(self.ctx, str(self.ctx.settings["scan.action"]))
        for detection in actor.in_order(outcome.detections):
            result, _ = actor.act(detection)
            # ``decision`` and ``file`` (the file on disk: the archive for a hit inside one) let the console
            # ask about a file left in place for the action "ask"
            events.record(self.ctx.store, "realtime.detected", path=db_text(detection["path"]),
                          threat=detection["rule"], action=ACTIONS.get(result.action, result.action),
                          decision=result.action, file=db_text(detected_file(detection)), **journal_args(detection))
            log.warning("real-time protection: %s in %s (%s; %s)", detection["rule"], detection["path"], result.action,
                        attribution_plain(detection))

    def close(self) -> None:
        self.supervisor.close()

