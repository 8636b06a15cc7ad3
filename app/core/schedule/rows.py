"""The ``schedules`` table in the state database, and the default schedule.

The default, made on first use: a daily quick scan around midday — 12:00 plus a random offset of up
to an hour, so that not every PC of a household scans at the same minute (a home PC is rarely on at
night, so midday beats the classic 02:00).
"""

from __future__ import annotations

import random
import sqlite3
import time
from typing import Any

from app.core.foundation.store import Schema, Store
from app.core.schedule.slots import Schedule

SCHEDULE_SCHEMA = Schema("schedules", (
    """CREATE TABLE schedules (
        id INTEGER PRIMARY KEY, frequency TEXT NOT NULL, weekday INTEGER NOT NULL DEFAULT 0,
        minute INTEGER NOT NULL, kind TEXT NOT NULL, enabled INTEGER NOT NULL DEFAULT 1,
        last_slot REAL NOT NULL, last_started REAL, last_finished REAL, last_outcome TEXT);
    CREATE TABLE schedule_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);""",
))
KINDS = ("quick", "full")
DEFAULT_MINUTE = 12 * 60


def _schedule(row: sqlite3.Row) -> Schedule:
    return Schedule(id=int(row["id"]), frequency=row["frequency"], minute=int(row["minute"]), kind=row["kind"],
                    weekday=int(row["weekday"]), enabled=bool(row["enabled"]), last_slot=float(row["last_slot"]))


def load(store: Store, now: float | None = None, rng: random.Random | None = None) -> list[Schedule]:
    """Every schedule; on first use the default one is made (and never again, even if the user
    deletes it)."""
    store.ensure(SCHEDULE_SCHEMA)
    with store.transaction() as conn:
        seeded = conn.execute("SELECT value FROM schedule_meta WHERE key='seeded'").fetchone()
        if seeded is None:
            offset = (rng or random.Random()).randrange(0, 60)
            conn.execute("INSERT INTO schedules(frequency, minute, kind, last_slot) VALUES ('daily', ?, 'quick', ?)",
                         (DEFAULT_MINUTE + offset, now if now is not None else time.time()))
            conn.execute("INSERT INTO schedule_meta VALUES ('seeded', '1')")
    return [_schedule(r) for r in store.conn.execute("SELECT * FROM schedules ORDER BY id")]


def add(store: Store, frequency: str, minute: int, kind: str, *, weekday: int = 0, now: float | None = None) -> int:
    """A new schedule (its slots start after ``now``: nothing before counts as missed)."""
    if kind not in KINDS:
        raise ValueError(f"unknown scan kind {kind!r}")
    Schedule(0, frequency, minute, kind, weekday)  # raises ValueError for a bad frequency or time
    store.ensure(SCHEDULE_SCHEMA)
    with store.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO schedules(frequency, weekday, minute, kind, last_slot) VALUES (?, ?, ?, ?, ?)",
            (frequency, weekday, minute, kind, now if now is not None else time.time()))
        return int(cursor.lastrowid or 0)


def remove(store: Store, schedule_id: int) -> None:
    store.ensure(SCHEDULE_SCHEMA)
    with store.transaction() as conn:
        conn.execute("DELETE FROM schedules WHERE id=?", (schedule_id,))


def set_enabled(store: Store, schedule_id: int, enabled: bool) -> None:
    store.ensure(SCHEDULE_SCHEMA)
    with store.transaction() as conn:
        conn.execute("UPDATE schedules SET enabled=? WHERE id=?", (int(enabled), schedule_id))


def mark_handled(store: Store, schedule_id: int, slot: float, **fields: Any) -> None:
    """Record that every slot up to ``slot`` is handled (and, optionally, ``last_started`` …)."""
    allowed = {"last_started", "last_finished", "last_outcome"}
    sets = ", ".join(f"{k}=?" for k in fields if k in allowed)
    values = [fields[k] for k in fields if k in allowed]
    store.ensure(SCHEDULE_SCHEMA)
    with store.transaction() as conn:
        conn.execute(f"UPDATE schedules SET last_slot=MAX(last_slot, ?){', ' + sets if sets else ''} WHERE id=?",
                     (slot, *values, schedule_id))


def row(store: Store, schedule_id: int) -> dict[str, Any] | None:
    store.ensure(SCHEDULE_SCHEMA)
    found = store.conn.execute("SELECT * FROM schedules WHERE id=?", (schedule_id,)).fetchone()
    return dict(found) if found else None
