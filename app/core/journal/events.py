"""The event journal: every state change a user may be told about or look up later.

One row per event in ``state.db`` (id, time, kind, severity, code, args as JSON). The *code* names an
:class:`EventType` in :data:`CATALOG`, which gives its kind, severity and message template; the row
keeps only the code and the arguments, so an old event reads in today's language. Any process may
write (the CLI, the console, the watcher); readers poll :func:`events_since` — SQLite is the bus, so
an event written by ``ringfence scan`` reaches a running console.

Writing an event never fails the operation it describes: on a full disk or a broken database the
event is logged and dropped.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.core.foundation.store import Schema, Store
from app.core.journal.provenance import attribution
from app.core.text.labels import NOT_CHECKED_REASONS, SCAN_KINDS, UPDATE_STEPS, Labels
from app.core.text.messages import Message, Moment, arg_from_json, arg_to_json, translate

log = logging.getLogger(__name__)

EVENTS_SCHEMA = Schema("events", (
    """CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT, time REAL NOT NULL, kind TEXT NOT NULL,
        severity TEXT NOT NULL, code TEXT NOT NULL, args TEXT NOT NULL DEFAULT '{}');
    CREATE INDEX events_time ON events(time);
    CREATE INDEX events_kind ON events(kind, id);""",
))

#: The kinds History filters by.
KINDS: tuple[str, ...] = ("scan", "threat", "quarantine", "updates", "engine", "crash", "protection", "settings")
SEVERITIES: tuple[str, ...] = ("info", "warning", "critical")


@dataclass(frozen=True)
class EventType:
    code: str
    kind: str
    severity: str
    text: Message
    fields: tuple[str, ...] = ()  # the args filling %1, %2, … in this order
    count: str | None = None  # the arg giving %n
    moments: tuple[str, ...] = ()  # args holding a point in time (a timestamp; ISO text in older rows)
    labels: Mapping[str, Labels] = field(default_factory=dict)  # args holding a code word, shown by its label
    attributed: Message | None = None  # the text for a detection with provenance: the fields, then the attribution


def _t(code: str, kind: str, severity: str, text: Message, fields: Sequence[str] = (), *, count: str | None = None,
       moments: Sequence[str] = (), labels: Mapping[str, Labels] | None = None,
       attributed: Message | None = None) -> EventType:
    return EventType(code, kind, severity, text, tuple(fields), count, tuple(moments), dict(labels or {}), attributed)


CATALOG: dict[str, EventType] = {t.code: t for t in (
    # Scans (args: scan_id, scan_kind and the counts)
    _t("scan.started", "scan", "info", translate("Events", "A scan started: %1."), ["scan_kind"],
       labels={"scan_kind": SCAN_KINDS}),
    _t("scan.finished", "scan", "info",
       translate("Events", "Scan finished: %n file(s) checked; threats found: %1; not checked: %2.", None, 0),
       ["threats", "errors"], count="files"),
    _t("scan.cancelled", "scan", "info", translate("Events", "Scan cancelled after %n file(s).", None, 0), count="files"),
    _t("scan.abandoned", "scan", "warning", translate("Events", "A scan was abandoned: %1"), ["reason"]),
    _t("scan.not_fully_checked", "scan", "warning", translate("Events", "%1 was not fully checked: %2."),
       ["path", "limit"], labels={"limit": NOT_CHECKED_REASONS}),
    _t("scan.password_protected", "scan", "warning",
       translate("Events", "%1 could not be checked: it is password-protected."), ["path"]),
    # Threats and the quarantine (args: path, threat, item_id, …)
    # (a detection's provenance — category, source, author, licence, reference — is in its args since #18)
    _t("threat.found", "threat", "critical", translate("Events", "%1 was found in %2."), ["threat", "path"],
       attributed=translate("Events", "%1 was found in %2 (%3).")),
    _t("quarantine.added", "quarantine", "critical", translate("Events", "%1 was moved to the quarantine (%2)."), ["path", "threat"],
       attributed=translate("Events", "%1 was moved to the quarantine (%2; %3).")),
    _t("quarantine.restored", "quarantine", "info", translate("Events", "%1 was restored from the quarantine."), ["path"]),
    _t("quarantine.deleted", "quarantine", "info", translate("Events", "%1 was deleted from the quarantine."), ["path"]),
    _t("quarantine.allowed", "quarantine", "info", translate("Events", "%1 was added to the allow-list."), ["name"]),
    _t("quarantine.unallowed", "quarantine", "info", translate("Events", "%1 was removed from the allow-list."), ["name"]),
    _t("quarantine.purged", "quarantine", "info",
       translate("Events", "%n old item(s) were deleted from the quarantine.", None, 0), count="count"),
    _t("quarantine.reindexed", "quarantine", "warning",
       translate("Events", "Added %n quarantined item(s) back to the index from their encrypted copies.", None, 0),
       count="count"),
    _t("quarantine.no_longer_detected", "quarantine", "warning",
       translate("Events", "%1 is no longer detected by definitions %2: you may restore it."), ["path", "version"]),
    # Definitions updates (each outcome its own code)
    _t("updates.activated", "updates", "info", translate("Events", "Definitions %1 are now active."), ["version"]),
    _t("updates.rejected", "updates", "warning",
       translate("Events", "Definitions %1 were refused at the %2 step: %3"), ["version", "step", "reason"],
       labels={"step": UPDATE_STEPS}),
    _t("updates.rolled_back", "updates", "warning",
       translate("Events", "Definitions %1 were rolled back to %2 during probation: %3"), ["version", "to_version", "trigger"]),
    _t("updates.reverted_at_start", "updates", "warning",
       translate("Events", "Definitions %1 were reverted to %2 at start-up: %3"), ["version", "to_version", "reason"]),
    _t("updates.withdrawn", "updates", "warning",
       translate("Events", "The vendor withdrew definitions %1; Ringfence went back to %2."), ["version", "to_version"]),
    _t("updates.vendor_rollback", "updates", "warning",
       translate("Events", "The vendor rolled the definitions back to %1."), ["to_version"]),
    _t("updates.user_rollback", "updates", "info",
       translate("Events", "You rolled the definitions back from %1 to %2."), ["version", "to_version"]),
    _t("updates.halted", "updates", "warning", translate("Events", "The vendor halted definitions updates: %1"), ["message"]),
    _t("updates.probation_passed", "updates", "info",
       translate("Events", "Definitions %1 passed probation and are now known good."), ["version"]),
    # The engine worker
    _t("engine.crashed", "engine", "warning",
       translate("Events", "The scanner engine stopped while checking %1 (definitions %2) and was restarted."), ["file", "version"]),
    _t("engine.hung", "engine", "warning",
       translate("Events", "The scanner engine stopped responding while checking %1 (definitions %2) and was restarted."),
       ["file", "version"]),
    _t("engine.stopped", "engine", "warning",
       translate("Events", "The scanner engine stopped unexpectedly between files (definitions %1) and was restarted."),
       ["version"]),
    _t("engine.restarted", "engine", "info", translate("Events", "The scanner engine was restarted (definitions %1)."), ["version"]),
    # The PC itself
    _t("crash.found", "crash", "critical",
       translate("Events", "Your PC restarted unexpectedly on %1: %2 %3"), ["crash_time", "crash_kind", "stop_code"],
       moments=["crash_time"]),
    # Real-time protection and scheduled scans
    _t("realtime.detected", "threat", "critical",
       translate("Events", "Real-time protection found %1 in %2: %3."), ["threat", "path", "action"],
       attributed=translate("Events", "Real-time protection found %1 in %2: %3 (%4).")),
    _t("realtime.not_checked", "protection", "warning",
       translate("Events", "Real-time protection did not check %1: it is larger than the %2 MB limit for checking a "
                 "file (a scan with a higher limit checks it)."), ["path", "limit_mb"]),
    _t("realtime.started", "protection", "info",
       translate("Events", "Real-time protection is on and watches %n folder(s).", None, 0), count="folders"),
    _t("realtime.stopped", "protection", "info", translate("Events", "Real-time protection was turned off.")),
    _t("realtime.paused", "protection", "warning",
       translate("Events", "Real-time protection is paused until %1."), ["until"], moments=["until"]),
    _t("realtime.paused_restart", "protection", "warning",
       translate("Events", "Real-time protection is paused until Ringfence restarts.")),
    _t("realtime.resumed", "protection", "info",
       translate("Events", "Real-time protection resumed; files changed during the pause are being checked.")),
    _t("realtime.overflow", "protection", "warning",
       translate("Events", "File changes may have been missed (%1); the protected folders are being checked again."),
       ["reason"]),
    _t("realtime.watch_failed", "protection", "warning",
       translate("Events", "%1 cannot be watched (%2); it is checked every 15 minutes instead."), ["folder", "reason"]),
    _t("schedule.skipped_battery", "scan", "info",
       translate("Events", "A scheduled scan was skipped: the battery is at %1 percent."), ["percent"]),
    # USB drives (args: label, place — the mount point or the drive letter; app.core.drives)
    _t("drives.connected", "scan", "info", translate("Events", "USB drive %1 (%2) connected."), ["label", "place"]),
    _t("drives.quick_scan", "scan", "info",
       translate("Events", "Checking USB drive %1 (%2): %n program(s), script(s) and shortcut(s) at its top levels.",
                 None, 0), ["label", "place"], count="files"),
    _t("drives.full_scan", "scan", "info", translate("Events", "Checking all files on USB drive %1 (%2)."),
       ["label", "place"]),
    _t("drives.quick_skipped", "scan", "warning",
       translate("Events", "USB drive %1 (%2): %n file(s) larger than %3 MB or beyond the first %4 were left out of "
                 "the quick check; a full drive scan checks them.", None, 0),
       ["label", "place", "limit_mb", "max_files"], count="count"),
    _t("drives.nothing_to_scan", "scan", "info",
       translate("Events", "USB drive %1 (%2) has no programs, scripts or shortcuts at its top levels; there was "
                 "nothing to check."), ["label", "place"]),
    _t("drives.removed_during_scan", "scan", "warning",
       translate("Events", "USB drive %1 (%2) was removed before its scan ended, so the scan stopped. Connect it "
                 "again to scan it."), ["label", "place"]),
    _t("drives.scan_failed", "scan", "warning",
       translate("Events", "USB drive %1 (%2) could not be scanned: %3"), ["label", "place", "reason"]),
    # Ringfence's own state
    _t("state.set_aside", "protection", "critical",
       translate("Events", "Ringfence's state database was damaged; it was kept as %1 and a new one was started."),
       ["backup"]),
    # Settings
    _t("settings.corrupt", "settings", "warning",
       translate("Events", "The settings file could not be read; it was kept as %1 and the defaults are in use."), ["backup"]),
    _t("exclusion.added", "settings", "info", translate("Events", "%1 will never be scanned."), ["place"]),
    _t("exclusion.added_from_threat", "settings", "warning",
       translate("Events", "%1 will never be scanned; it was excluded from the threat %2 found in %3."),
       ["place", "threat", "file"]),
)}


@dataclass
class Event:
    id: int
    time: float
    kind: str
    severity: str
    code: str
    args: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> Message:
        """What happened, as a message (an unknown code from a newer Ringfence still reads sensibly)."""
        etype = CATALOG.get(self.code)
        if etype is None:
            return translate("Events", "%1 (%2)").arg(self.code, json.dumps(self.args, ensure_ascii=False, sort_keys=True))
        values = [_value(etype, name, self.args.get(name, "")) for name in etype.fields]
        count = self.args.get(etype.count) if etype.count else None
        text = etype.text
        if etype.attributed is not None and "category" in self.args:
            text = etype.attributed
            values.append(attribution(self.args))
        n = None if etype.count is None else (int(count) if isinstance(count, int | float) else 0)
        return Message(text.context, text.source, tuple(values), n)

    def to_json(self) -> dict[str, Any]:
        from app.core.text.messages import render

        return {"id": self.id, "time": self.time, "kind": self.kind, "severity": self.severity, "code": self.code,
                "args": self.args, "message": render(self.message)}


def _value(etype: EventType, name: str, value: Any) -> Any:
    """One stored argument as the message shows it: a moment, a code word's label, a message or as it is."""
    if name in etype.moments:
        # older rows hold ISO text or a preformatted local time; what cannot be read is shown as written
        moment = Moment.parse(value, naive_local=True)
        return value if moment is None else moment
    if name in etype.labels and isinstance(value, str | int):
        return etype.labels[name](value)
    return arg_from_json(value)


def _jsonable(value: Any) -> Any:
    if isinstance(value, Message | Moment):
        return arg_to_json(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "backslashreplace")
    if isinstance(value, str):  # a file name that is not valid UTF-8 keeps its bytes visible, escaped
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def record(store: Store, code: str, /, *, when: float | None = None, **args: Any) -> int:
    """Append one event (``code`` from :data:`CATALOG`) and return its id, or 0 if it could not be written."""
    etype = CATALOG.get(code)
    if etype is None:
        raise ValueError(f"unknown event code {code!r}")  # a programming error, not a user's
    payload = json.dumps({k: _jsonable(v) for k, v in args.items()}, ensure_ascii=False, sort_keys=True)
    try:
        store.ensure(EVENTS_SCHEMA)
        with store.transaction() as conn:
            cursor = conn.execute("INSERT INTO events(time, kind, severity, code, args) VALUES (?, ?, ?, ?, ?)",
                                  (time.time() if when is None else when, etype.kind, etype.severity, code, payload))
            return int(cursor.lastrowid or 0)
    except (sqlite3.Error, OSError) as exc:
        log.error("event %s %s not recorded: %s", code, payload, exc)
        return 0


def _row(row: sqlite3.Row) -> Event:
    try:
        args = json.loads(row["args"])
    except ValueError:
        args = {}
    return Event(int(row["id"]), float(row["time"]), row["kind"], row["severity"], row["code"],
                 args if isinstance(args, dict) else {})


def latest_id(store: Store) -> int:
    """The newest event's id (a console starts notifying after it)."""
    store.ensure(EVENTS_SCHEMA)
    row = store.conn.execute("SELECT MAX(id) FROM events").fetchone()
    return int(row[0] or 0)


def events_since(store: Store, last_id: int, limit: int = 500) -> list[Event]:
    """Events newer than ``last_id``, oldest first (written by any process)."""
    store.ensure(EVENTS_SCHEMA)
    rows = store.conn.execute("SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ?", (last_id, limit)).fetchall()
    return [_row(r) for r in rows]


def _filters(kinds: Iterable[str] | None, since: float | None, until: float | None,
             text: str | None, before: int | None = None) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if before is not None:
        where.append("id < ?")
        params.append(before)
    kinds = list(kinds or ())
    if kinds:
        where.append(f"kind IN ({', '.join('?' * len(kinds))})")
        params += kinds
    if since is not None:
        where.append("time >= ?")
        params.append(since)
    if until is not None:
        where.append("time < ?")
        params.append(until)
    if text:
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where.append("(code LIKE ? ESCAPE '\\' OR args LIKE ? ESCAPE '\\')")
        params += [f"%{escaped}%"] * 2
    return (" WHERE " + " AND ".join(where)) if where else "", params


def query(store: Store, *, kinds: Iterable[str] | None = None, since: float | None = None, until: float | None = None,
          text: str | None = None, offset: int = 0, limit: int = 100, before: int | None = None) -> list[Event]:
    """A page of events, newest first, filtered by kind, time range, text in the code or arguments and
    (``before``) ids older than a given one."""
    store.ensure(EVENTS_SCHEMA)
    where, params = _filters(kinds, since, until, text, before)
    rows = store.conn.execute(f"SELECT * FROM events{where} ORDER BY id DESC LIMIT ? OFFSET ?",
                              [*params, limit, offset]).fetchall()
    return [_row(r) for r in rows]


def count(store: Store, *, kinds: Iterable[str] | None = None, since: float | None = None, until: float | None = None,
          text: str | None = None) -> int:
    store.ensure(EVENTS_SCHEMA)
    where, params = _filters(kinds, since, until, text)
    return int(store.conn.execute(f"SELECT COUNT(*) FROM events{where}", params).fetchone()[0])


def prune(store: Store, keep_days: int, now: float | None = None) -> int:
    """Delete events older than ``keep_days``; returns how many went."""
    store.ensure(EVENTS_SCHEMA)
    cutoff = (now or time.time()) - keep_days * 86400
    with store.transaction() as conn:
        return conn.execute("DELETE FROM events WHERE time < ?", (cutoff,)).rowcount
