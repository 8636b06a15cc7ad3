"""The beacon queue on disk (store schema ``beacon``): bounded, old entries dropped, plus the few
marks the reporter keeps (consent time, history cursor, counters already sent, last result)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from app.core.foundation.store import Schema, Store

SCHEMA = Schema("beacon", (
    """
    CREATE TABLE beacon_outbox (
        id INTEGER PRIMARY KEY,
        created REAL NOT NULL,
        body TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_try REAL NOT NULL DEFAULT 0
    );
    CREATE TABLE beacon_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
))

MAX_QUEUE = 500  # beacons waiting at most; the oldest go first
MAX_AGE = 7 * 86400  # a beacon not delivered within a week is dropped


@dataclass(frozen=True)
class Queued:
    id: int
    created: float
    body: bytes
    attempts: int


def enqueue(store: Store, beacons: list[dict[str, Any]], now: float) -> int:
    """Queue ``beacons``; returns how many old ones were dropped to keep the bound."""
    store.ensure(SCHEMA)
    with store.transaction() as conn:
        conn.executemany("INSERT INTO beacon_outbox(created, body) VALUES (?, ?)",
                         [(now, json.dumps(b, separators=(",", ":"), sort_keys=True)) for b in beacons])
        (count,) = conn.execute("SELECT COUNT(*) FROM beacon_outbox").fetchone()
        over = max(0, count - MAX_QUEUE)
        if over:
            conn.execute("DELETE FROM beacon_outbox WHERE id IN (SELECT id FROM beacon_outbox ORDER BY id LIMIT ?)",
                         (over,))
    if over:
        bump(store, "dropped", over)
    return over


def due(store: Store, now: float, limit: int = 50) -> list[Queued]:
    store.ensure(SCHEMA)
    with store.transaction() as conn:
        old = conn.execute("DELETE FROM beacon_outbox WHERE created < ?", (now - MAX_AGE,)).rowcount
    if old:
        bump(store, "dropped", old)
    rows = store.conn.execute("SELECT id, created, body, attempts FROM beacon_outbox WHERE next_try <= ? ORDER BY id LIMIT ?",
                              (now, limit)).fetchall()
    return [Queued(r[0], r[1], r[2].encode("utf-8"), r[3]) for r in rows]


def remove(store: Store, entry_id: int) -> None:
    with store.transaction() as conn:
        conn.execute("DELETE FROM beacon_outbox WHERE id = ?", (entry_id,))


def postpone(store: Store, entry_id: int, until: float) -> None:
    with store.transaction() as conn:
        conn.execute("UPDATE beacon_outbox SET attempts = attempts + 1, next_try = ? WHERE id = ?", (until, entry_id))


def size(store: Store) -> int:
    store.ensure(SCHEMA)
    return int(store.conn.execute("SELECT COUNT(*) FROM beacon_outbox").fetchone()[0])


def clear(store: Store) -> None:
    store.ensure(SCHEMA)
    with store.transaction() as conn:
        conn.execute("DELETE FROM beacon_outbox")


def get(store: Store, key: str, default: Any = None) -> Any:
    store.ensure(SCHEMA)
    row = store.conn.execute("SELECT value FROM beacon_meta WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else default


def put(store: Store, key: str, value: Any) -> None:
    store.ensure(SCHEMA)
    with store.transaction() as conn:
        conn.execute("INSERT INTO beacon_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                     (key, json.dumps(value)))


def bump(store: Store, key: str, by: int) -> None:
    put(store, key, int(get(store, key, 0)) + by)
