"""``ringfence scan``: scan files and folders with the supervised engine."""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.commands.output import print_json, printable
from app.core.context import Context
from app.core.errors import RingfenceError
from app.core.supervisor import ScanControl, ScanOutcome, ScanProgress, Supervisor

if TYPE_CHECKING:
    from app.core.scan_service import ScanReport

# app.core.definitions and app.core.scan_service are imported inside run(), after the engine worker has
# been started: the worker's start-up then overlaps with the console's own.


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
    """A live line on stderr: files per second and the current file (only on a terminal)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.started = time.monotonic()
        self.last = 0.0

    def __call__(self, progress: ScanProgress, message: dict[str, Any]) -> None:
        if not self.enabled:
            return
        for detection in message.get("detections", []):
            self.clear()
            print(f"FOUND  {detection['rule']}  {printable(detection['path'])}", file=sys.stderr)
        now = time.monotonic()
        if now - self.last < 0.2:
            return
        self.last = now
        rate = progress.files_scanned / max(0.001, now - self.started)
        current = printable(progress.current)
        width = 50
        if len(current) > width:
            current = "…" + current[-width + 1:]
        sys.stderr.write(f"\r\x1b[K{progress.files_scanned} files, {rate:.0f} files/s  {current}")
        sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _targets(args: argparse.Namespace) -> tuple[str, list[str]]:
    from app.core.scan_targets import full_targets, quick_targets

    if args.quick:
        return "quick", quick_targets()
    if args.full:
        return "full", full_targets()
    if not args.paths:
        raise RingfenceError("Name a file or folder to scan, or use --quick or --full.")
    return "custom", [str(Path(p).absolute()) for p in args.paths]


def run(args: argparse.Namespace) -> int:
    if args.jobs is not None and not 1 <= args.jobs <= 64:
        raise RingfenceError("--jobs must be between 1 and 64.")
    kind, roots = _targets(args)
    with Context.open() as ctx, Supervisor(ctx) as supervisor:
        supervisor.prestart()  # the engine loads while the definitions are checked
        from app.core import definitions
        from app.core.scan_service import run_scan

        defs = definitions.choose(ctx, args.definitions)
        control = ScanControl()
        previous = signal.signal(signal.SIGINT, lambda *_: control.cancel())
        progress = TerminalProgress(enabled=not args.json and sys.stderr.isatty())
        try:
            act = (lambda outcome, scan_id: quarantine_detections(ctx, outcome, scan_id)) \
                if args.action == "quarantine" else None
            report = run_scan(ctx, kind, roots, defs, use_cache=not args.no_cache, jobs=args.jobs,
                              control=control, on_batch=progress, act=act, supervisor=supervisor)
        finally:
            signal.signal(signal.SIGINT, previous)
            progress.clear()
    for detection in report.outcome.detections:
        detection.setdefault("action", "reported")
    for note in report.outcome.notes:
        print(f"ringfence: note: {note}", file=sys.stderr)
    if args.json:
        print_json(report_document(report))
    else:
        print_summary(report)
    if report.outcome.detections:
        return 1
    return 2 if report.outcome.errors or report.outcome.cancelled else 0


def quarantine_detections(ctx: Context, outcome: ScanOutcome, scan_id: int) -> None:
    """Quarantine each detected file once (an archive is quarantined whole for a hit inside it)."""
    from app.core.quarantine import quarantine_file

    done: dict[str, tuple[str, str | None]] = {}
    for detection in outcome.detections:
        path = detection.get("file") or detection["path"]
        if path not in done:
            sha = detection["sha256"] if detection["path"] == path else sha256_file(Path(path))
            result = quarantine_file(ctx, path, rule=detection["rule"], engine=detection["engine"],
                                     definitions_version=detection["definitions_version"], sha256=sha,
                                     scanned_stat=tuple(detection["stat"]), scan_id=scan_id)
            done[path] = (result.action, result.error)
            if result.error:
                outcome.errors.append({"path": path, "error": result.error})
        detection["action"] = done[path][0]


def sha256_file(path: Path) -> str:
    from app.engine.bundle import sha256_file as digest

    try:
        return digest(path)
    except OSError:
        return ""


def report_document(report: ScanReport) -> dict[str, Any]:
    outcome = report.outcome
    p = outcome.progress
    return {
        "scan_id": report.scan_id,
        "kind": report.kind,
        "files_scanned": p.files_scanned,
        "bytes_scanned": p.bytes_scanned,
        "cached": p.cached,
        "skipped": p.skipped,
        "not_fully_checked": p.incomplete,
        "skipped_items": outcome.skipped_items,
        "detections": [
            {k: d.get(k) for k in ("path", "rule", "namespace", "engine", "sha256", "definitions_version", "action")}
            for d in outcome.detections
        ],
        "errors": outcome.errors,
        "definitions_version": outcome.definitions_version,
        "duration_s": round(report.duration_s, 3),
        "cancelled": outcome.cancelled,
        "engine_restarts": p.restarts,
    }


def print_summary(report: ScanReport) -> None:
    outcome = report.outcome
    p = outcome.progress
    lines = []
    for d in outcome.detections:
        lines.append(f"{printable(d['path'])}: {d['rule']} FOUND ({d['engine']}, {d.get('action', 'reported')})")
    for e in outcome.errors:
        lines.append(f"{printable(e['path'])}: ERROR {e['error']}")
    for item in outcome.skipped_items:
        if item.get("limit"):
            lines.append(f"{printable(item['path'])}: NOT FULLY CHECKED (limit: {item['limit']})")
    status = "cancelled" if outcome.cancelled else "finished"
    lines += [
        "",
        f"----------- SCAN SUMMARY ({status}) -----------",
        f"Definitions version: {outcome.definitions_version}",
        f"Files scanned: {p.files_scanned} ({p.cached} unchanged since the last clean scan)",
        f"Data scanned: {p.bytes_scanned / 1e6:.2f} MB",
        f"Skipped: {p.skipped}",
        f"Not fully checked (a limit was reached): {p.incomplete}",
        f"Threats found: {len(outcome.detections)}",
        f"Errors: {len(outcome.errors)}",
        f"Time: {report.duration_s:.2f} s",
    ]
    if p.restarts:
        lines.append(f"Engine restarts: {p.restarts} (the scan continued)")
    print("\n".join(lines))
