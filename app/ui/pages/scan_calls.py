"""The Scan page's core calls (each runs on a worker thread with that thread's context)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from app.core import quarantine as q
from app.core.context import Context
from app.core.errors import RingfenceError
from app.core.messages import Message
from app.core.scan_actions import quarantine_detection
from app.core.scanjob import Found, JobProgress, ScanJob, ScanRequest, ScanSummary, running_scan
from app.ui.workers import Job


def run(ctx: Context, request: ScanRequest, job: Job) -> ScanSummary:
    """Run one scan to its end. The :class:`ScanJob` itself is reported first (the page pauses, resumes
    and cancels it directly: those calls are safe from any thread), then every event of the scan."""
    scan = ScanJob(ctx, request)
    job.report(scan)

    def on_event(event: object) -> None:
        if job.cancel.is_set():  # the console is quitting
            scan.cancel()
        job.report(event)

    if job.cancel.is_set():
        scan.cancel()
    return scan.run(on_event)


def elsewhere(ctx: Context) -> JobProgress | None:
    """The progress of a scan running in another process (the command line, a schedule), if any."""
    return running_scan(ctx)


@dataclass(frozen=True)
class Handled:
    """What happened to one detection the user acted on after the scan found it."""

    found: Found
    action: str  # "quarantined", "allowed", "restored" or "failed" (and the quarantine's own actions)
    error: Message | str | None = None
    item_id: str | None = None  # the vault item, once quarantined


def quarantine(ctx: Context, found: Found, scan_id: int) -> Handled:
    result = quarantine_detection(ctx, dict(found.detection), scan_id)
    return Handled(found, result.action, result.error, result.item_id)


def allow(ctx: Context, found: Found) -> Handled:
    """Declare the detected file good: put it back if it was quarantined, and allow its hash."""
    if found.item_id:
        try:
            outcome = q.restore(ctx, found.item_id, on_conflict="rename", allow=True)
        except RingfenceError as exc:
            return Handled(found, "failed", exc.msg)
        return Handled(found, "restored" if outcome.action == "restored" else "failed", outcome.error)
    digest = found.sha256 if found.path == found.file else None
    if not digest:
        from pathlib import Path

        from app.engine.hashing import sha256_file

        try:
            digest = sha256_file(Path(found.file))
        except OSError as exc:
            return Handled(found, "failed", str(exc))
    q.allow(ctx, digest, note=found.file, name=os.path.basename(found.file))
    return Handled(found, "allowed")
