"""The Scan page's core calls (each runs on a worker thread with that thread's context)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from app.core import quarantine as q
from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.scanning import exclusions
from app.core.scanning.actions import REPORTED, quarantine_detection, set_recorded_action
from app.core.scanning.job import Found, JobProgress, ScanJob, ScanRequest, ScanSummary, running_scan
from app.core.text.messages import Message
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
    error = allow_file(ctx, found.file, found.sha256 if found.path == found.file else None)
    return Handled(found, "failed" if error else "allowed", error)


def allow_file(ctx: Context, file: str, digest: str | None = None) -> str | None:
    """Put the file's hash on the allow-list (hashing it unless ``digest`` is known); the error, if any."""
    if not digest:
        from pathlib import Path

        from app.engine.hashing import sha256_file

        try:
            digest = sha256_file(Path(file))
        except OSError as exc:
            return str(exc)
    q.allow(ctx, digest, note=file, name=os.path.basename(file))
    return None


def never_scan(ctx: Context, folder: str, found: Found | None = None) -> str:
    """Add ``folder`` to what is never scanned: from a detection (``found``) or the Scan page itself."""
    if found is None:
        exclusions.never_scan(ctx, folder, exclusions.FROM_SCAN_PAGE)
    else:
        exclusions.never_scan(ctx, folder, exclusions.FROM_DETECTION, threat=found.rule, file=found.path)
    return folder


def decide(ctx: Context, choice: str, found: list[Found], scan_id: int) -> list[Handled]:
    """Carry out the user's answer to "ask" for the detections of one file: ``quarantine`` (the file once),
    ``allow`` or ``leave`` (recorded as reported). Every detection of the file gets the same outcome."""
    if choice == "leave":
        for each in found:
            set_recorded_action(ctx, scan_id, dict(each.detection), REPORTED)
        return [Handled(each, REPORTED) for each in found]
    first = quarantine(ctx, found[0], scan_id) if choice == "quarantine" else allow(ctx, found[0])
    for each in found[1:]:
        if first.action in ("quarantined", "failed"):
            set_recorded_action(ctx, scan_id, dict(each.detection), first.action)
    return [first] + [Handled(each, first.action, first.error, first.item_id) for each in found[1:]]
