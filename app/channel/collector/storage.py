"""One storage interface for the collector, over SQLite (one machine) and PostgreSQL (a fleet).

Both back-ends run the same SQL (``%s`` placeholders; the SQLite back-end rewrites them), so the
behaviour the tests prove on one holds on the other. Each beacon is stored in one transaction:

1. insert it by its beacon id — a retry of a stored beacon changes nothing and is answered "duplicate";
2. count it against the install's hourly allowance (a row per install and hour, in the database, so
   several collectors share it) — over the limit, the transaction is rolled back: nothing is stored;
3. a counters beacon replaces the older counters of the same install, day and version.
"""

from __future__ import annotations

import asyncio
import json
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from app.core.beacon.schema import COUNTERS, HEALTH_REVERTS

SCHEMA_SQL = (
    """CREATE TABLE IF NOT EXISTS beacons (
        id TEXT PRIMARY KEY, install TEXT NOT NULL, received_at DOUBLE PRECISION NOT NULL, kind TEXT NOT NULL,
        ring TEXT NOT NULL, decile INTEGER NOT NULL, app TEXT NOT NULL, engine TEXT NOT NULL, content BIGINT,
        event TEXT, event_version BIGINT, code TEXT NOT NULL DEFAULT '')""",
    "CREATE INDEX IF NOT EXISTS beacons_event_version ON beacons(event_version, event)",
    "CREATE INDEX IF NOT EXISTS beacons_content ON beacons(content)",
    "CREATE INDEX IF NOT EXISTS beacons_received ON beacons(received_at)",
    """CREATE TABLE IF NOT EXISTS counters (
        install TEXT NOT NULL, day TEXT NOT NULL, version BIGINT NOT NULL, ring TEXT NOT NULL,
        sent_at BIGINT NOT NULL, received_at DOUBLE PRECISION NOT NULL,
        """ + ", ".join(f"{name} BIGINT NOT NULL" for name in COUNTERS) + """,
        detections_by_hour TEXT NOT NULL,
        PRIMARY KEY (install, day, version))""",
    "CREATE INDEX IF NOT EXISTS counters_version ON counters(version, received_at)",
    "CREATE TABLE IF NOT EXISTS rate (install TEXT NOT NULL, slot BIGINT NOT NULL, count INTEGER NOT NULL, "
    "PRIMARY KEY (install, slot))",
)

BASELINE = -1  # counters rows key the built-in baseline definitions (content null) as -1

_INSERT_BEACON = (
    "INSERT INTO beacons(id, install, received_at, kind, ring, decile, app, engine, content, event, event_version, code)"
    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT(id) DO NOTHING RETURNING id"
)
_RATE = ("INSERT INTO rate(install, slot, count) VALUES (%s, %s, 1) "
         "ON CONFLICT(install, slot) DO UPDATE SET count = rate.count + 1 RETURNING count")
_COUNTER_COLUMNS = ("install", "day", "version", "ring", "sent_at", "received_at", *COUNTERS, "detections_by_hour")
_UPSERT_COUNTERS = (
    f"INSERT INTO counters({', '.join(_COUNTER_COLUMNS)}) VALUES ({', '.join(['%s'] * len(_COUNTER_COLUMNS))}) "
    "ON CONFLICT(install, day, version) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _COUNTER_COLUMNS[3:])
    + " WHERE counters.sent_at <= excluded.sent_at"
)


@dataclass(frozen=True)
class Limits:
    per_install_per_hour: int = 120


class Cursor(Protocol):
    def execute(self, sql: str, params: Any = ...) -> Any: ...
    def fetchone(self) -> Any: ...
    def fetchall(self) -> Any: ...


@dataclass
class ReleaseStats:
    """What the fleet reported about one release (optionally one ring) since a moment."""

    version: int
    ring: str | None
    since: float
    reporting: int = 0  # installs that sent anything about this version
    activated: int = 0
    rejected: dict[str, int] = field(default_factory=dict)  # validation step -> installs
    reverted: dict[str, int] = field(default_factory=dict)  # trigger -> installs (health reverts and user rollbacks)
    withdrawn: int = 0  # installs that left it because the vendor revoked it or rolled back
    protected_installs: int = 0  # installs that reported a protected-file hit on it
    protected_hits: int = 0  # protected files flagged, from the counters
    install_days: int = 0  # counters rows (one per install and day) on this version
    crash_days: int = 0  # of those, days with an engine crash or hang

    @property
    def revert_rate(self) -> float:
        base = max(self.activated, sum(self.reverted.values()))
        return sum(self.reverted.values()) / base if base else 0.0

    @property
    def rejection_rate(self) -> float:
        rejected = sum(self.rejected.values())
        base = self.activated + rejected
        return rejected / base if base else 0.0

    @property
    def crash_rate(self) -> float:
        return self.crash_days / self.install_days if self.install_days else 0.0

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "revert_rate": self.revert_rate, "rejection_rate": self.rejection_rate,
                "crash_rate": self.crash_rate}


class BeaconStore(Protocol):
    """What the web service and the promotion gates need from storage."""

    def setup(self) -> None: ...
    def ingest(self, beacon: dict[str, Any], received_at: float, limits: Limits) -> str: ...
    async def ingest_async(self, beacon: dict[str, Any], received_at: float, limits: Limits) -> str: ...
    async def release_loop(self) -> None: ...
    def release_stats(self, version: int, since: float = 0.0, ring: str | None = None) -> ReleaseStats: ...
    def fleet_size(self, since: float) -> int: ...
    def versions(self, since: float) -> list[dict[str, Any]]: ...
    def stored_beacons(self) -> int: ...
    def close(self) -> None: ...


class SqlStore:
    """The shared SQL; a back-end supplies :meth:`transaction` (a cursor inside one transaction)."""

    def transaction(self) -> AbstractContextManager[Cursor]:
        raise NotImplementedError

    def setup(self) -> None:
        with self.transaction() as cur:
            for statement in SCHEMA_SQL:
                cur.execute(statement)

    def ingest(self, beacon: dict[str, Any], received_at: float, limits: Limits) -> str:
        """Store one validated beacon: "stored", "duplicate" or "rate_limited" (then nothing is stored)."""
        try:
            with self.transaction() as cur:
                outcome = store_beacon(cur, beacon, received_at, limits)
                if outcome != "stored":
                    raise _Outcome(outcome)
        except _Outcome as refused:
            return refused.name
        return "stored"

    async def ingest_async(self, beacon: dict[str, Any], received_at: float, limits: Limits) -> str:
        """:meth:`ingest` for the web service's event loop: on a worker thread of the loop's executor."""
        return await asyncio.get_running_loop().run_in_executor(None, self.ingest, beacon, received_at, limits)

    async def release_loop(self) -> None:
        """Close what the store keeps for the running event loop (the web service calls it at shutdown)."""

    def release_stats(self, version: int, since: float = 0.0, ring: str | None = None) -> ReleaseStats:
        stats = ReleaseStats(version, ring, since)
        ring_sql, ring_args = (" AND ring = %s", (ring,)) if ring else ("", ())
        with self.transaction() as cur:
            cur.execute("SELECT COUNT(DISTINCT install) FROM beacons WHERE (event_version = %s OR content = %s)"
                        " AND received_at >= %s" + ring_sql, (version, version, since, *ring_args))
            stats.reporting = int(cur.fetchone()[0])
            cur.execute("SELECT event, code, COUNT(DISTINCT install) FROM beacons WHERE kind = 'state' AND"
                        " event_version = %s AND received_at >= %s" + ring_sql + " GROUP BY event, code",
                        (version, since, *ring_args))
            for event, code, installs in cur.fetchall():
                _count_event(stats, str(event), str(code or ""), int(installs))
            cur.execute("SELECT COUNT(*), COALESCE(SUM(CASE WHEN crashes + hangs > 0 THEN 1 ELSE 0 END), 0),"
                        " COALESCE(SUM(protected_hits), 0) FROM counters WHERE version = %s AND received_at >= %s"
                        + ring_sql, (version, since, *ring_args))
            days, crash_days, hits = cur.fetchone()
            stats.install_days, stats.crash_days, stats.protected_hits = int(days), int(crash_days), int(hits)
        return stats

    def fleet_size(self, since: float) -> int:
        with self.transaction() as cur:
            cur.execute("SELECT COUNT(DISTINCT install) FROM beacons WHERE received_at >= %s", (since,))
            return int(cur.fetchone()[0])

    def versions(self, since: float) -> list[dict[str, Any]]:
        """Installs per app, engine and content version seen since ``since`` (unknown versions included)."""
        with self.transaction() as cur:
            cur.execute("SELECT app, engine, content, COUNT(DISTINCT install) FROM beacons WHERE received_at >= %s"
                        " GROUP BY app, engine, content ORDER BY 4 DESC", (since,))
            return [{"app": a, "engine": e, "content": c, "installs": int(n)} for a, e, c, n in cur.fetchall()]

    def stored_beacons(self) -> int:
        with self.transaction() as cur:
            cur.execute("SELECT COUNT(*) FROM beacons")
            return int(cur.fetchone()[0])

    def close(self) -> None:
        pass


def _count_event(stats: ReleaseStats, event: str, code: str, installs: int) -> None:
    if event == "activated":
        stats.activated += installs
    elif event == "rejected":
        stats.rejected[code or "unknown"] = stats.rejected.get(code or "unknown", 0) + installs
    elif event in HEALTH_REVERTS or (event == "rolled_back" and code == "user"):
        stats.reverted[code or event] = stats.reverted.get(code or event, 0) + installs
    elif event in ("revoked", "rolled_back"):
        stats.withdrawn += installs
    if event == "protected_hit" or code == "protected_files":
        stats.protected_installs += installs


def store_beacon(cur: Cursor, beacon: dict[str, Any], received_at: float, limits: Limits) -> str:
    """The statements of one beacon inside the caller's transaction. Unless the answer is "stored", the
    caller rolls back what they did (the rate slot's count included)."""
    event = beacon.get("event") or {}
    counters = beacon.get("counters") or {}
    about = event.get("version") if beacon["kind"] == "state" else counters.get("version")
    cur.execute(_INSERT_BEACON, (beacon["id"], beacon["install"], received_at, beacon["kind"], beacon["ring"],
                                 beacon["decile"], beacon["app"], beacon["engine"], beacon["content"],
                                 event.get("name"), about, event.get("code", "")))
    if cur.fetchone() is None:
        return "duplicate"
    cur.execute(_RATE, (beacon["install"], int(received_at // 3600)))
    if int(cur.fetchone()[0]) > limits.per_install_per_hour:
        return "rate_limited"
    if counters:
        version = BASELINE if counters["version"] is None else counters["version"]
        cur.execute(_UPSERT_COUNTERS, (beacon["install"], counters["day"], version, beacon["ring"],
                                       beacon["sent_at"], received_at, *(counters[c] for c in COUNTERS),
                                       json.dumps(counters["detections_by_hour"])))
    return "stored"


def settle(futures: list[asyncio.Future[str]], outcomes: list[str | BaseException]) -> None:
    """Answer the requests waiting for a batch: each its outcome or its error (skipping any gone)."""
    for future, outcome in zip(futures, outcomes, strict=True):
        if future.done():
            continue
        if isinstance(outcome, BaseException):
            future.set_exception(outcome)
        else:
            future.set_result(outcome)


class _Outcome(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name
