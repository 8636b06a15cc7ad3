"""Scans as the console sees them: build the engine request from settings, run it under the
supervisor, and keep the history (scans and every detection) in the state database."""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.core.context import Context
from app.core.detections.policy import ignored_categories
from app.core.foundation.errors import RingfenceError
from app.core.foundation.store import Schema
from app.core.journal.provenance import PROVENANCE_KEYS, provenance
from app.core.scanning import exclusions
from app.core.scanning.definitions import ActiveDefinitions
from app.core.scanning.supervisor import ScanControl, ScanOutcome, ScanProgress, Supervisor
from app.core.text.messages import Message, translate

log = logging.getLogger(__name__)

SCANS_SCHEMA = Schema("scans", (
    """CREATE TABLE scans (
        id INTEGER PRIMARY KEY, kind TEXT NOT NULL, roots TEXT NOT NULL, started REAL NOT NULL,
        finished REAL, definitions_version TEXT, files_scanned INTEGER DEFAULT 0, bytes_scanned INTEGER DEFAULT 0,
        skipped INTEGER DEFAULT 0, errors INTEGER DEFAULT 0, detections INTEGER DEFAULT 0,
        cancelled INTEGER DEFAULT 0, engine_restarts INTEGER DEFAULT 0);
    CREATE TABLE detections (
        id INTEGER PRIMARY KEY, scan_id INTEGER REFERENCES scans(id), time REAL NOT NULL, path TEXT NOT NULL,
        rule TEXT NOT NULL, namespace TEXT, engine TEXT NOT NULL, sha256 TEXT, definitions_version TEXT,
        action TEXT NOT NULL DEFAULT 'reported');
    CREATE INDEX detections_version ON detections(definitions_version);""",
    # the rule's provenance (issue #18); older detections read as threats of unknown source
    """ALTER TABLE detections ADD COLUMN category TEXT NOT NULL DEFAULT 'threat';
    ALTER TABLE detections ADD COLUMN source TEXT NOT NULL DEFAULT '';
    ALTER TABLE detections ADD COLUMN author TEXT NOT NULL DEFAULT '';
    ALTER TABLE detections ADD COLUMN licence TEXT NOT NULL DEFAULT '';
    ALTER TABLE detections ADD COLUMN reference TEXT NOT NULL DEFAULT '';""",
))


@dataclass
class ScanReport:
    scan_id: int
    kind: str
    outcome: ScanOutcome
    duration_s: float


def db_text(path: str) -> str:
    """A path as storable text: bytes of a name that are not UTF-8 are kept as backslash escapes."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def scan_request(ctx: Context, roots: list[str], defs: ActiveDefinitions, *, use_cache: bool,
                 jobs: int | None, allow: set[str] | None = None,
                 disabled_rules: list[str] | None = None) -> dict[str, Any]:
    return {
        "roots": roots,
        "definitions": defs.definitions.to_request(),
        "definitions_version": defs.version,
        "compiled_dir": str(ctx.paths.compiled_dir),
        "cache_db": str(ctx.paths.scan_cache_db),
        "use_cache": use_cache and bool(ctx.settings["scan.use_cache"]),
        "allow": sorted(allow or ()),
        "disabled_rules": list(disabled_rules or ()),
        "options": scan_options(ctx, defs, jobs),
    }


def scan_options(ctx: Context, defs: ActiveDefinitions, jobs: int | None) -> dict[str, Any]:
    """The engine options of a scan, from the settings (the walk and the file count both use them)."""
    s = ctx.settings
    excluded = exclusions.effective(s)
    return {
        "jobs": jobs if jobs else s["scan.jobs"],
        "timeout": s["scan.rule_timeout_s"],
        "max_file_size": s["scan.max_file_size_mb"] * 1024 * 1024,
        **excluded,
        "exclude_paths": [*excluded["exclude_paths"], *exclusions.own_paths(ctx)],
        # A plain folder of rules is the yara-compatible mode (comparisons with the yara CLI):
        # like yara, it matches files as they are and does not look inside archives.
        "scan_archives": s["scan.scan_archives"] and defs.definitions.kind == "bundle",
        "archive_max_depth": s["scan.archive_max_depth"],
        "archive_max_members": s["scan.archive_max_members"],
        "archive_max_expanded": s["scan.archive_max_expanded_mb"] * 1024 * 1024,
        "archive_max_seconds": s["scan.archive_max_seconds"],
        "archive_limit_is_finding": s["scan.archive_limit_is_finding"],
        "ignore_categories": ignored_categories(s),
        "encrypted_is_finding": s["scan.encrypted_is_finding"],
    }


def start_record(ctx: Context, kind: str, roots: list[str], version: str) -> int:
    ctx.store.ensure(SCANS_SCHEMA)
    with ctx.store.transaction() as conn:
        cursor = conn.execute("INSERT INTO scans(kind, roots, started, definitions_version) VALUES (?, ?, ?, ?)",
                              (kind, json.dumps([db_text(r) for r in roots]), time.time(), version))
        return int(cursor.lastrowid or 0)


def finish_record(ctx: Context, scan_id: int, outcome: ScanOutcome) -> None:
    p = outcome.progress
    now = time.time()
    with ctx.store.transaction() as conn:
        conn.execute(
            "UPDATE scans SET finished=?, definitions_version=?, files_scanned=?, bytes_scanned=?, skipped=?, errors=?, "
            "detections=?, cancelled=?, engine_restarts=? WHERE id=?",
            (now, outcome.definitions_version, p.files_scanned, p.bytes_scanned, p.skipped, len(outcome.errors),
             len(outcome.detections), int(outcome.cancelled), p.restarts, scan_id))
        _insert_detections(conn, scan_id, [d for d in outcome.detections if not d.get("recorded")], now)


def record_detection(ctx: Context, scan_id: int, detection: dict[str, Any]) -> None:
    """Put one detection in the history as it is found, with its action (best effort: a full disk must
    not stop a scan; the scan's end then records it with the others)."""
    if not scan_id:
        return
    try:
        with ctx.store.transaction() as conn:
            _insert_detections(conn, scan_id, [detection], time.time())
    except (RingfenceError, sqlite3.Error) as exc:
        log.error("could not record the detection in %s: %s", detection["path"], exc)
        return
    detection["recorded"] = True


def _insert_detections(conn: sqlite3.Connection, scan_id: int, detections: list[dict[str, Any]], now: float) -> None:
    conn.executemany(
        "INSERT INTO detections(scan_id, time, path, rule, namespace, engine, sha256, definitions_version, action, "
        f"{', '.join(PROVENANCE_KEYS)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(scan_id, now, db_text(d["path"]), d["rule"], d.get("namespace"), d["engine"], d.get("sha256"),
          d.get("definitions_version"), d.get("action", "reported"), *provenance(d).values()) for d in detections])


def run_scan(ctx: Context, kind: str, roots: list[str], defs: ActiveDefinitions, *, use_cache: bool = True,
             jobs: int | None = None, control: ScanControl | None = None, allow: set[str] | None = None,
             on_batch: Callable[[ScanProgress, dict[str, Any]], None] | None = None,
             supervisor: Supervisor | None = None, on_start: Callable[[int], None] | None = None,
             before_record: Callable[[ScanOutcome], None] | None = None) -> ScanReport:
    """Run a scan to the end and record it (blocking, seconds to hours: call it off the GUI thread).

    ``on_start(scan_id)`` runs once the history row exists (0 when the history is unavailable), before
    the engine gets the request; ``on_batch(progress, batch)`` runs on this thread for every batch the
    engine reports, so a detection can be acted on as it is found: setting a detection's ``action``
    there is what the history records. ``before_record(outcome)`` runs when the engine is done,
    before the history row is completed.
    """
    notes: list[Message] = []
    if allow is None:
        from app.core.quarantine import allowed_hashes

        try:
            allow = allowed_hashes(ctx)
        except (RingfenceError, sqlite3.Error) as exc:
            log.error("allow-list unavailable: %s", exc)
            notes.append(translate("Scan", "Your allow-list could not be read (%1); files on it may be reported.")
                         .arg(str(exc)))
            allow = set()
    disabled: list[str] = []
    if defs.source == "channel":
        from app.core.updates.state import disabled_rules

        disabled = disabled_rules(ctx.paths.data_dir)  # the vendor's surgical switch-off
    request = scan_request(ctx, roots, defs, use_cache=use_cache, jobs=jobs, allow=allow, disabled_rules=disabled)
    try:
        scan_id = start_record(ctx, kind, roots, defs.version)
    except (RingfenceError, sqlite3.Error) as exc:
        # A full disk must not stop a scan: it runs, and only its history entry is lost.
        log.error("scan history unavailable: %s", exc)
        notes.append(translate("Scan", "The scan could not be saved in the history (%1).").arg(str(exc)))
        scan_id = 0
    if on_start is not None:
        on_start(scan_id)
    started = time.monotonic()
    own = supervisor is None
    supervisor = supervisor or Supervisor(ctx)
    try:
        outcome = supervisor.scan(request, defs.version, control=control, on_batch=on_batch)
    except BaseException:
        if scan_id:
            _try_record(ctx, scan_id, ScanOutcome(ScanProgress(), cancelled=True, definitions_version=defs.version), notes)
        raise
    finally:
        if own:
            supervisor.close()
    if before_record is not None:
        before_record(outcome)
    if scan_id:
        _try_record(ctx, scan_id, outcome, notes)
    outcome.notes.extend(notes)
    duration = time.monotonic() - started
    if defs.source == "channel" and not outcome.cancelled:
        try:
            record_health(ctx, defs.version, outcome, duration)
        except (RingfenceError, sqlite3.Error) as exc:
            log.error("could not record scan health: %s", exc)
    return ScanReport(scan_id, kind, outcome, duration)


def _try_record(ctx: Context, scan_id: int, outcome: ScanOutcome, notes: list[Message]) -> None:
    try:
        finish_record(ctx, scan_id, outcome)
    except (RingfenceError, sqlite3.Error) as exc:
        log.error("could not record scan %s: %s", scan_id, exc)
        notes.append(translate("Scan", "The scan's results could not be saved in the history (%1).").arg(str(exc)))


def record_health(ctx: Context, version: str, outcome: ScanOutcome, seconds: float) -> None:
    """Feed the update channel's probation: error rate, speed, detections, hits on protected files."""
    from app.core.quarantine.protected import protection_reason
    from app.core.updates.health import record_scan_stats

    protected = [d["path"] for d in outcome.detections if protection_reason(ctx.paths, d.get("file") or d["path"])]
    record_scan_stats(ctx.store, version, files=outcome.progress.files_scanned - outcome.progress.cached,
                      errors=len(outcome.errors), detections=len(outcome.detections), seconds=seconds,
                      protected_hits=protected, timeouts=sum(1 for e in outcome.errors if e.get("code") == "timeout"))


def last_scan(ctx: Context) -> dict[str, Any] | None:
    ctx.store.ensure(SCANS_SCHEMA)
    row = ctx.store.conn.execute("SELECT * FROM scans WHERE finished IS NOT NULL ORDER BY id DESC LIMIT 1").fetchone()
    return dict(row) if row else None


def engine_scan_bytes(supervisor: Supervisor, request: dict[str, Any], version: str) -> Callable[[str, bytes], list[str]]:
    """An in-memory scan through the engine worker (the quarantine re-check uses it)."""
    import base64

    def scan_bytes(name: str, data: bytes) -> list[str]:
        reply = supervisor.request({**request, "cmd": "scan_bytes",
                                    "items": [{"name": name, "data": base64.b64encode(data).decode()}]},
                                   "matches", version)
        return [hit["rule"] for result in reply["results"] for hit in result["hits"]]

    return scan_bytes
