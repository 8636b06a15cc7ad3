"""Which crashes were already announced, and which the user has not dismissed yet.

Crash reports carry a stable ``key`` (see :mod:`app.core.recovery.model`); this module remembers the
keys in the state database. On the very first run the history on the machine is not news: only
crashes from the last :data:`FIRST_RUN_HORIZON` are announced, older ones are remembered silently
(and count as acknowledged). An announced crash stays *pending* — the console shows its crash card
and the protection verdict names it — until :meth:`SeenCrashes.acknowledge` dismisses it.
Announcing a crash also writes a ``crash.found`` event to the journal.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from app.core.foundation.store import Schema, Store
from app.core.journal import events
from app.core.recovery.explain import kind_title
from app.core.recovery.model import CrashReport, hex_code, iso_utc

SCHEMA = Schema("recovery", (
    """
    CREATE TABLE recovery_seen (
        crash_key TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        crash_time TEXT,
        first_seen TEXT NOT NULL
    );
    CREATE TABLE recovery_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    """
    ALTER TABLE recovery_seen ADD COLUMN acknowledged TEXT;
    ALTER TABLE recovery_seen ADD COLUMN report TEXT NOT NULL DEFAULT '{}';
    UPDATE recovery_seen SET acknowledged = first_seen;
    """,
))
FIRST_RUN_HORIZON = timedelta(days=7)


@dataclass(frozen=True)
class PendingCrash:
    """A crash announced and not yet dismissed; ``report`` is :meth:`CrashReport.to_json`."""

    id: str
    kind: str
    time: str | None
    report: dict[str, Any]


class SeenCrashes:
    def __init__(self, store: Store) -> None:
        self.store = store
        store.ensure(SCHEMA)

    def is_seen(self, report: CrashReport) -> bool:
        row = self.store.conn.execute("SELECT 1 FROM recovery_seen WHERE crash_key = ?", (report.key,)).fetchone()
        return row is not None

    def announce(self, reports: Iterable[CrashReport], now: datetime | None = None) -> list[CrashReport]:
        """The reports not announced before (newest first), now recorded as announced and pending."""
        now = now or datetime.now(UTC)
        reports = list(reports)
        with self.store.transaction() as conn:
            first_run = conn.execute("SELECT 1 FROM recovery_meta WHERE name = 'initialised'").fetchone() is None
            fresh = []
            for report in reports:
                recent = report.time is None or now - report.time <= FIRST_RUN_HORIZON
                news = not first_run or recent
                inserted = conn.execute(
                    "INSERT OR IGNORE INTO recovery_seen(crash_key, kind, crash_time, first_seen, acknowledged, report) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (report.key, report.kind, iso_utc(report.time), iso_utc(now), None if news else iso_utc(now),
                     json.dumps(report.to_json())),
                ).rowcount
                if inserted and news:
                    fresh.append(report)
            conn.execute("INSERT OR REPLACE INTO recovery_meta(name, value) VALUES ('initialised', ?)", (iso_utc(now),))
        for report in fresh:
            events.record(self.store, "crash.found", when=(report.time or now).timestamp(), crash_id=report.key,
                          crash_time=report.time.timestamp() if report.time else "", crash_kind=kind_title(report.kind),
                          stop_code=hex_code(report.bugcheck_code) or "")
        return fresh

    def pending(self) -> list[PendingCrash]:
        """Crashes announced and not dismissed yet, newest first."""
        rows = self.store.conn.execute(
            "SELECT crash_key, kind, crash_time, report FROM recovery_seen WHERE acknowledged IS NULL "
            "ORDER BY crash_time DESC, first_seen DESC").fetchall()
        return [PendingCrash(r["crash_key"], r["kind"], r["crash_time"], _report(r["report"])) for r in rows]

    def acknowledge(self, crash_id: str, now: datetime | None = None) -> bool:
        """Dismiss one pending crash; False when there is no such pending crash."""
        with self.store.transaction() as conn:
            changed = conn.execute("UPDATE recovery_seen SET acknowledged = ? WHERE crash_key = ? AND acknowledged IS NULL",
                                   (iso_utc(now or datetime.now(UTC)), crash_id)).rowcount
        return bool(changed)


def _report(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
