"""``ringfence scan``: scan files and folders with the supervised engine."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.commands.output import print_json, printable
from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.journal.provenance import attribution_plain, provenance
from app.core.scanning.progress import JobProgress

if TYPE_CHECKING:
    from app.core.scanning.job import ScanRequest, ScanSummary


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("scan", help="scan files and folders for threats",
                                   description="Scan files and folders. Exit code: 0 no threat, 1 threat found, 2 error.")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to scan (a custom scan)")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--quick", action="store_true", help="scan where malware usually lands, and running programs")
    kind.add_argument("--full", action="store_true", help="scan every local drive")
    parser.add_argument("--definitions", type=Path, metavar="PATH",
                        help="use these definitions (a bundle, or a folder of .yar/.yara files) instead of the active ones")
    parser.add_argument("--json", action="store_true", help="print one JSON document with the results")
    parser.add_argument("--no-cache", action="store_true", help="check every file again, even unchanged ones")
    parser.add_argument("--jobs", type=int, metavar="N", help="matching threads (default: one per processor core)")
    parser.add_argument("--action", choices=("report", "quarantine"), default="report",
                        help="what to do with a detected file (default: report)")
    parser.set_defaults(func=run)


class TerminalProgress:
    """A live line on stderr: percentage, files and megabytes per second, time left and the current file (only on a terminal)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, event: object) -> None:
        from app.core.scanning.job import Found

        if not self.enabled:
            return
        if isinstance(event, Found):
            self.clear()
            print(f"FOUND  {event.rule}  [{event.category}]  {printable(event.path)}", file=sys.stderr)
        elif isinstance(event, JobProgress) and event.state in ("running", "paused", "cancelling"):
            done = f"{event.percent:.0f} %, " if event.percent is not None else ""
            left = f", {_duration(event.remaining_s)} left" if event.remaining_s is not None else ""
            current = printable(event.current)
            width = 40
            if len(current) > width:
                current = "…" + current[-width + 1:]
            speed = f"{event.files_per_s:.0f} files/s"
            if event.bytes_per_s > 0:
                speed += f", {event.bytes_per_s / 1e6:.1f} MB/s"
            sys.stderr.write(f"\r\x1b[K{done}{event.files_done} files, {speed}{left}  {current}")
            sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _duration(seconds: float | None) -> str:
    seconds = int(seconds or 0)
    return f"{seconds // 60} min {seconds % 60:02d} s" if seconds >= 60 else f"{seconds} s"


def _request(args: argparse.Namespace) -> ScanRequest:
    from app.core.scanning.job import ScanRequest

    if args.quick or args.full:
        kind = "quick" if args.quick else "full"
    elif not args.paths:
        raise RingfenceError("Name a file or folder to scan, or use --quick or --full.")
    else:
        kind = "custom"
    return ScanRequest(kind, [str(Path(p).absolute()) for p in args.paths], action=args.action,
                       definitions=args.definitions, use_cache=not args.no_cache, jobs=args.jobs)


def run(args: argparse.Namespace) -> int:
    if args.jobs is not None and not 1 <= args.jobs <= 64:
        raise RingfenceError("--jobs must be between 1 and 64.")
    from app.core.scanning.job import ScanBusy, ScanJob

    with Context.open() as ctx:
        job = ScanJob(ctx, _request(args))
        previous = signal.signal(signal.SIGINT, lambda *_: job.cancel())
        progress = TerminalProgress(enabled=not args.json and sys.stderr.isatty())
        try:
            summary = job.run(progress)
        except ScanBusy as busy:
            if busy.running is not None:
                print(f"ringfence: the running scan: {_busy_detail(busy.running)}", file=sys.stderr)
            raise
        finally:
            signal.signal(signal.SIGINT, previous)
            progress.clear()
    for note in summary.notes:
        print(f"ringfence: note: {note}", file=sys.stderr)
    if args.json:
        print_json(report_document(summary))
    else:
        print_summary(summary)
    outcome = summary.outcome
    if outcome.detections:
        return 1
    return 2 if outcome.errors or outcome.cancelled else 0


def _busy_detail(running: JobProgress) -> str:
    percent = f"{running.percent:.0f} % done, " if running.percent is not None else ""
    return f"{percent}{running.files_done} files checked, {running.state} (process {running.pid})"


def report_document(report: ScanSummary) -> dict[str, Any]:
    outcome = report.outcome
    p = outcome.progress
    return {
        "scan_id": report.scan_id,
        "kind": report.kind,
        "action": report.action,
        "files_scanned": p.files_scanned,
        "bytes_scanned": p.bytes_scanned,
        "cached": p.cached,
        "skipped": p.skipped,
        "not_fully_checked": p.incomplete,
        "password_protected": sum(1 for item in outcome.skipped_items if item.get("reason") == "password-protected"),
        "skipped_items": outcome.skipped_items,
        "detections": [
            {**{k: d.get(k) for k in ("path", "rule", "namespace", "engine", "sha256", "definitions_version", "action",
                                      "item_id")}, **provenance(d)}
            for d in outcome.detections
        ],
        "errors": [{"path": e["path"], "error": e["error"], "code": problem.code}
                   for e, problem in zip(outcome.errors, report.problems, strict=True)],
        "definitions_version": outcome.definitions_version,
        "duration_s": round(report.duration_s, 3),
        "cancelled": outcome.cancelled,
        "engine_restarts": p.restarts,
    }


def _by_category(detections: list[dict[str, Any]]) -> str:
    """`` (potentially unwanted: 1, suspicious: 2)`` when some findings are not threats, else nothing."""
    counts = {name: sum(1 for d in detections if provenance(d)["category"] == category)
              for category, name in (("pua", "potentially unwanted"), ("suspicious", "suspicious"))}
    shown = [f"{name}: {n}" for name, n in counts.items() if n]
    return f" (of them {', '.join(shown)})" if shown else ""


def print_summary(report: ScanSummary) -> None:
    outcome = report.outcome
    p = outcome.progress
    lines = []
    for d in outcome.detections:
        lines.append(printable(f"{d['path']}: {d['rule']} FOUND ({d['engine']}, {d.get('action', 'reported')}; "
                               f"{attribution_plain(d)})"))
    for e in outcome.errors:
        lines.append(printable(f"{e['path']}: ERROR {e['error']}"))
    for item in outcome.skipped_items:
        if item.get("reason") == "password-protected":
            lines.append(printable(f"{item['path']}: COULD NOT BE CHECKED (password-protected)"))
        elif item.get("limit"):
            lines.append(printable(f"{item['path']}: NOT FULLY CHECKED (limit: {item['limit']})"))
    status = "cancelled" if outcome.cancelled else "finished"
    lines += [
        "",
        f"----------- SCAN SUMMARY ({status}) -----------",
        f"Definitions version: {outcome.definitions_version}",
        f"Files scanned: {p.files_scanned} ({p.cached} unchanged since the last clean scan)",
        f"Data scanned: {p.bytes_scanned / 1e6:.2f} MB",
        f"Skipped: {p.skipped}",
        f"Not fully checked (a limit, a password, a damaged or unsupported archive): {p.incomplete}",
        f"Threats found: {len(outcome.detections)}{_by_category(outcome.detections)}",
        f"Errors: {len(outcome.errors)}",
        f"Time: {report.duration_s:.2f} s",
    ]
    if p.restarts:
        lines.append(f"Engine restarts: {p.restarts} (the scan continued)")
    print("\n".join(lines))
