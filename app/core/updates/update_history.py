"""Update history with reasons (store schema ``updates``), and the probation counters it keeps.

Every activation, refusal, revert and probation result is one row with the version, an event name
and a sentence saying why, so the Updates page and ``ringfence update status`` can explain what
happened. The schema also holds the scan statistics and post-activation self-test results that the
probation triggers of reference §7.8 read (see :mod:`app.core.updates.health`).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from app.core.beacon import wake
from app.core.foundation.store import Schema, Store
from app.core.text.messages import Message, render

SCHEMA = Schema("updates", (
    """
    CREATE TABLE update_history (
        id INTEGER PRIMARY KEY,
        time REAL NOT NULL,
        version TEXT,
        event TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX update_history_time ON update_history(time);
    CREATE TABLE update_scan_stats (
        id INTEGER PRIMARY KEY,
        time REAL NOT NULL,
        definitions_version TEXT NOT NULL,
        files INTEGER NOT NULL,
        errors INTEGER NOT NULL,
        detections INTEGER NOT NULL,
        seconds REAL NOT NULL,
        protected_hits TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX update_scan_stats_version ON update_scan_stats(definitions_version, time);
    CREATE TABLE update_selftests (
        id INTEGER PRIMARY KEY,
        time REAL NOT NULL,
        definitions_version TEXT NOT NULL,
        ok INTEGER NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    );
    """,
    # the machine-readable why: the validation step that refused a version, or the trigger of a revert
    "ALTER TABLE update_history ADD COLUMN code TEXT NOT NULL DEFAULT '';",
    # files a scan could not fully check because they hit the per-file time limit (a probation trigger)
    "ALTER TABLE update_scan_stats ADD COLUMN timeouts INTEGER NOT NULL DEFAULT 0;",
))

EVENTS = ("activated", "rejected", "reverted", "revoked", "rolled_back", "probation_passed", "refused",
          "protected_hit", "baseline", "halted")


@dataclass(frozen=True)
class HistoryEntry:
    version: str | None
    event: str
    reason: Message | str  # a message; plain text in rows written by an older Ringfence (or a vendor's text)
    time: float

    def to_json(self) -> dict[str, object]:
        return {"version": self.version, "event": self.event, "reason": render(self.reason), "time": self.time}


def record(store: Store, event: str, version: int | str | None, reason: Message | str = "", when: float | None = None,
           *, code: str = "") -> None:
    """One history row; ``code`` is the validation step (rejected) or the trigger (reverts), for the beacon.
    A message is stored as its JSON form (code and arguments), so it reads in today's language."""
    assert event in EVENTS, event
    if isinstance(reason, Message):
        reason = json.dumps(reason.to_json(), ensure_ascii=False)
    store.ensure(SCHEMA)
    with store.transaction() as conn:
        conn.execute("INSERT INTO update_history(time, version, event, reason, code) VALUES (?, ?, ?, ?, ?)",
                     (time.time() if when is None else when, None if version is None else str(version), event, reason,
                      code))
    wake.notify()  # a running health beacon looks at the new row (never blocks)


def entries(store: Store, limit: int = 50) -> list[HistoryEntry]:
    store.ensure(SCHEMA)
    rows = store.conn.execute(
        "SELECT version, event, reason, time FROM update_history ORDER BY time DESC, id DESC LIMIT ?", (limit,)
    ).fetchall()
    return [HistoryEntry(r["version"], r["event"], _reason(r["reason"]), r["time"]) for r in rows]


def _reason(text: str) -> Message | str:
    if text.startswith("{"):
        try:
            return Message.from_json(json.loads(text))
        except (ValueError, KeyError, TypeError):
            pass
    return text
