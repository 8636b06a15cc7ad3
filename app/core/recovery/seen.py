"""Which crashes were already announced, so each one triggers the notification and crash card once.

Crash reports carry a stable ``key`` (see :mod:`app.core.recovery.model`); this module remembers the
keys in the state database. On the very first run the history on the machine is not news: only
crashes from the last :data:`FIRST_RUN_HORIZON` are announced, older ones are remembered silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from app.core.recovery.model import CrashReport, iso_utc
from app.core.store import Schema, Store

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
))
FIRST_RUN_HORIZON = timedelta(days=7)


class SeenCrashes:
    def __init__(self, store: Store) -> None:
        self.store = store
        store.ensure(SCHEMA)

    def is_seen(self, report: CrashReport) -> bool:
        row = self.store.conn.execute("SELECT 1 FROM recovery_seen WHERE crash_key = ?", (report.key,)).fetchone()
        return row is not None

    def announce(self, reports: Iterable[CrashReport], now: datetime | None = None) -> list[CrashReport]:
        """The reports not announced before (newest first), now recorded as announced."""
        now = now or datetime.now(UTC)
        reports = list(reports)
        with self.store.transaction() as conn:
            first_run = conn.execute("SELECT 1 FROM recovery_meta WHERE name = 'initialised'").fetchone() is None
            fresh = []
            for report in reports:
                inserted = conn.execute(
                    "INSERT OR IGNORE INTO recovery_seen(crash_key, kind, crash_time, first_seen) VALUES (?, ?, ?, ?)",
                    (report.key, report.kind, iso_utc(report.time), iso_utc(now)),
                ).rowcount
                recent = report.time is None or now - report.time <= FIRST_RUN_HORIZON
                if inserted and (not first_run or recent):
                    fresh.append(report)
            conn.execute("INSERT OR REPLACE INTO recovery_meta(name, value) VALUES ('initialised', ?)", (iso_utc(now),))
        return fresh
