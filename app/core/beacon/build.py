"""Beacons from what the update client already records — and nothing else.

State beacons come from the update history (event, version, and the machine-readable code: the
validation step that refused a version or the trigger of a revert — never the sentence, which can
name a file). Counter beacons add up, per UTC day and definitions version, the engine's starts,
crashes and hangs (``engine_events``) and the scans' files, errors, detections per hour and the
*number* of protected files flagged (``update_scan_stats``). Only integers and fixed codes leave.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import time
import uuid
from dataclasses import dataclass
from typing import Any

from app import ENGINE_VERSION, __version__
from app.core.beacon.schema import CODES, COUNTERS, RINGS, SCHEMA_VERSION, STATE_EVENTS
from app.core.foundation.store import Store
from app.core.scanning.supervisor import ENGINE_SCHEMA
from app.core.updates.update_history import SCHEMA as UPDATES_SCHEMA

DAY = 86400


@dataclass(frozen=True)
class Identity:
    """Who is reporting, in the only terms a beacon may use."""

    install: str  # sha256 of the update client's random install id: stable, not derived from the machine
    ring: str
    decile: int
    content: int | None

    @classmethod
    def of(cls, install_id: str, ring: str, bucket: int, content: int | None) -> Identity:
        digest = hashlib.sha256(f"ringfence-beacon:{install_id}".encode()).hexdigest()[:32]
        return cls(digest, ring if ring in RINGS else "default", max(0, min(9, bucket // 1000)), content)


def _envelope(identity: Identity, kind: str, now: float) -> dict[str, Any]:
    return {"schema": SCHEMA_VERSION, "id": uuid.uuid4().hex, "install": identity.install, "sent_at": int(now),
            "ring": identity.ring, "decile": identity.decile, "app": __version__, "engine": ENGINE_VERSION,
            "content": identity.content, "kind": kind}


def _version(text: Any) -> int | None:
    try:
        return int(text) if text is not None else None
    except (TypeError, ValueError):
        return None


def state_beacons(store: Store, identity: Identity, after_id: int, now: float) -> tuple[list[dict[str, Any]], int]:
    """Beacons for the history rows after ``after_id``, and the last row id looked at."""
    store.ensure(UPDATES_SCHEMA)
    rows = store.conn.execute("SELECT id, version, event, code FROM update_history WHERE id > ? ORDER BY id",
                              (after_id,)).fetchall()
    out = []
    for row_id, version, event, code in rows:
        after_id = row_id
        if event not in STATE_EVENTS:
            continue
        out.append(state_beacon(identity, event, _version(version), _code(code), now))
    return out, after_id


def state_beacon(identity: Identity, event: str, version: int | None, code: str, now: float) -> dict[str, Any]:
    beacon = _envelope(identity, "state", now)
    beacon["event"] = {"name": event, "version": version, "code": code}
    return beacon


def _code(code: Any) -> str:
    text = str(code or "")
    return text if text in CODES else "other"


def day_of(ts: float) -> str:
    return time.strftime("%Y-%m-%d", time.gmtime(ts))


def counters(store: Store, day: str, version: str, since: float) -> dict[str, Any]:
    """The counters of one UTC day on one definitions version as recorded (from ``since`` on, e.g. the consent)."""
    start = float(calendar.timegm(time.strptime(day, "%Y-%m-%d")))
    lo, hi = max(start, since), start + DAY
    store.ensure(ENGINE_SCHEMA)
    store.ensure(UPDATES_SCHEMA)
    key = version
    values = dict.fromkeys(COUNTERS, 0)
    for kind, n in store.conn.execute(
            "SELECT kind, COUNT(*) FROM engine_events WHERE COALESCE(definitions_version, '') = ? AND time >= ? AND time < ?"
            " GROUP BY kind", (key, lo, hi)):
        name = {"start": "starts", "crash": "crashes", "hang": "hangs"}.get(kind)
        if name:
            values[name] = n
    by_hour = [0] * 24
    protected: set[str] = set()
    for when, files, errors, detections, hits in store.conn.execute(
            "SELECT time, files, errors, detections, protected_hits FROM update_scan_stats"
            " WHERE definitions_version = ? AND time >= ? AND time < ?", (key, lo, hi)):
        values["scans"] += 1
        values["files"] += files
        values["scan_errors"] += errors
        values["detections"] += detections
        by_hour[int((when - start) // 3600) % 24] += detections
        protected.update(json.loads(hits))
    values["protected_hits"] = len(protected)  # how many, never which
    return {"day": day, "version": _version(version), **values, "detections_by_hour": by_hour}


def active_days(store: Store, since: float) -> list[tuple[str, str]]:
    """(day, version) pairs with engine or scan activity since ``since``."""
    store.ensure(ENGINE_SCHEMA)
    store.ensure(UPDATES_SCHEMA)
    seen: set[tuple[str, str]] = set()
    for when, version in (*store.conn.execute("SELECT time, definitions_version FROM engine_events WHERE time >= ?",
                                              (since,)),
                          *store.conn.execute("SELECT time, definitions_version FROM update_scan_stats WHERE time >= ?",
                                              (since,))):
        seen.add((day_of(when), str(version or "")))
    return sorted(seen)


def counter_beacon(identity: Identity, values: dict[str, Any], now: float) -> dict[str, Any]:
    beacon = _envelope(identity, "counters", now)
    beacon["counters"] = values
    return beacon
