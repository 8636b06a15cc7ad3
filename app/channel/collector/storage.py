"""One storage interface for the collector, over SQLite (one machine) and PostgreSQL (a fleet).

Both back-ends run the same SQL (``%s`` placeholders; the SQLite back-end rewrites them), so the
behaviour the tests prove on one holds on the other. Each beacon is stored in one transaction:

1. insert it by its beacon id — a retry of a stored beacon changes nothing and is answered "duplicate";
2. count it against the install's hourly allowance (a row per install and hour, in the database, so
   several collectors share it) — over the limit, the transaction is rolled back: nothing is stored;
3. note the install the first time it is seen (when, and a salted hash of its source network);
4. a counters beacon replaces the older counters of the same install, day and version.

The gates weigh only **established** installs (:func:`established_sql`): first seen before the release
started, or with counters received on several distinct days. Newer ids are stored and counted apart.
The schema is versioned (``collector_schema``); :data:`MIGRATIONS` brings an older database up to date.
"""

from __future__ import annotations

import asyncio
import json
import secrets
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from app.core.beacon.schema import CODES, COUNTERS, HEALTH_REVERTS

SCHEMA_SQL = (  # version 1
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

# Version 2: when each install was first seen and from which network (a salted hash, never an address),
# filled for the installs already stored from their first beacon; the salt lives in collector_meta.
INSTALLS_SQL = (
    "CREATE TABLE IF NOT EXISTS installs (install TEXT PRIMARY KEY, first_seen DOUBLE PRECISION NOT NULL,"
    " network TEXT NOT NULL DEFAULT '')",
    "INSERT INTO installs(install, first_seen) SELECT install, MIN(received_at) FROM beacons"
    " WHERE install NOT IN (SELECT install FROM installs) GROUP BY install",
    "CREATE INDEX IF NOT EXISTS installs_first_seen ON installs(first_seen)",
    "CREATE INDEX IF NOT EXISTS installs_network ON installs(network, first_seen)",
    "CREATE INDEX IF NOT EXISTS counters_install ON counters(install)",
    "CREATE TABLE IF NOT EXISTS collector_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)
MIGRATIONS: tuple[tuple[str, ...], ...] = (SCHEMA_SQL, INSTALLS_SQL)  # index + 1 is the schema version
SCHEMA_VERSION_SQL = "CREATE TABLE IF NOT EXISTS collector_schema (version INTEGER NOT NULL)"
ESTABLISHED_DAYS = 3  # distinct days with counters that make a newer install established

BASELINE = -1  # counters rows key the built-in baseline definitions (content null) as -1

_INSERT_BEACON = (
    "INSERT INTO beacons(id, install, received_at, kind, ring, decile, app, engine, content, event, event_version, code)"
    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT(id) DO NOTHING RETURNING id"
)
_RATE = ("INSERT INTO rate(install, slot, count) VALUES (%s, %s, 1) "
         "ON CONFLICT(install, slot) DO UPDATE SET count = rate.count + 1 RETURNING count")
_NOTE_INSTALL = "INSERT INTO installs(install, first_seen, network) VALUES (%s, %s, %s) ON CONFLICT(install) DO NOTHING"
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
    protected_hit_installs: int = 0  # installs whose counters flagged protected files
    new_installs: int = 0  # installs not yet established that reported about it: stored, shown, never weighed

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
    def schema_version(self) -> int: ...
    def network_salt(self) -> str: ...
    def ingest(self, beacon: dict[str, Any], received_at: float, limits: Limits, network: str = "") -> str: ...
    async def ingest_async(self, beacon: dict[str, Any], received_at: float, limits: Limits,
                           network: str = "") -> str: ...
    async def release_loop(self) -> None: ...
    def release_stats(self, version: int, since: float = 0.0, ring: str | None = None, *,
                      established_before: float | None = None) -> ReleaseStats: ...
    def fleet_size(self, since: float, *, established_before: float | None = None) -> int: ...
    def new_installs(self, since: float) -> int: ...
    def registration_waves(self, since: float, at_least: int) -> list[tuple[str, int]]: ...
    def versions(self, since: float) -> list[dict[str, Any]]: ...
    def stored_beacons(self) -> int: ...
    def close(self) -> None: ...


class SqlStore:
    """The shared SQL; a back-end supplies :meth:`transaction` (a cursor inside one transaction)."""

    def transaction(self) -> AbstractContextManager[Cursor]:
        raise NotImplementedError

    def setup(self) -> None:
        with self.transaction() as cur:
            migrate(cur)

    def schema_version(self) -> int:
        with self.transaction() as cur:
            return current_version(cur)

    def network_salt(self) -> str:
        with self.transaction() as cur:
            cur.execute("SELECT value FROM collector_meta WHERE key = 'network_salt'")
            return str(cur.fetchone()[0])

    def ingest(self, beacon: dict[str, Any], received_at: float, limits: Limits, network: str = "") -> str:
        """Store one validated beacon: "stored", "duplicate" or "rate_limited" (then nothing is stored)."""
        try:
            with self.transaction() as cur:
                outcome = store_beacon(cur, beacon, received_at, limits, network)
                if outcome != "stored":
                    raise _Outcome(outcome)
        except _Outcome as refused:
            return refused.name
        return "stored"

    async def ingest_async(self, beacon: dict[str, Any], received_at: float, limits: Limits,
                           network: str = "") -> str:
        """:meth:`ingest` for the web service's event loop: on a worker thread of the loop's executor."""
        return await asyncio.get_running_loop().run_in_executor(None, self.ingest, beacon, received_at, limits,
                                                                network)

    async def release_loop(self) -> None:
        """Close what the store keeps for the running event loop (the web service calls it at shutdown)."""

    def release_stats(self, version: int, since: float = 0.0, ring: str | None = None, *,
                      established_before: float | None = None) -> ReleaseStats:
        """What installs reported about ``version`` since ``since``; with ``established_before``, only the
        installs established by then are weighed and the others are counted in ``new_installs``."""
        stats = ReleaseStats(version, ring, since)
        ring_sql, ring_args = (" AND ring = %s", (ring,)) if ring else ("", ())
        who_sql, who_args = established_sql(established_before)
        about = "(event_version = %s OR content = %s) AND received_at >= %s" + ring_sql
        with self.transaction() as cur:
            cur.execute("SELECT COUNT(DISTINCT install) FROM beacons WHERE " + about + who_sql,
                        (version, version, since, *ring_args, *who_args))
            stats.reporting = int(cur.fetchone()[0])
            if established_before is not None:
                cur.execute("SELECT COUNT(DISTINCT install) FROM beacons WHERE " + about,
                            (version, version, since, *ring_args))
                stats.new_installs = int(cur.fetchone()[0]) - stats.reporting
            cur.execute("SELECT event, code, COUNT(DISTINCT install) FROM beacons WHERE kind = 'state' AND"
                        " event_version = %s AND received_at >= %s" + ring_sql + who_sql + " GROUP BY event, code",
                        (version, since, *ring_args, *who_args))
            for event, code, installs in cur.fetchall():
                _count_event(stats, str(event), str(code or ""), int(installs))
            cur.execute("SELECT COUNT(*), COALESCE(SUM(CASE WHEN crashes + hangs > 0 THEN 1 ELSE 0 END), 0),"
                        " COALESCE(SUM(protected_hits), 0), COUNT(DISTINCT CASE WHEN protected_hits > 0 THEN install END)"
                        " FROM counters WHERE version = %s AND received_at >= %s" + ring_sql + who_sql,
                        (version, since, *ring_args, *who_args))
            days, crash_days, hits, hit_installs = cur.fetchone()
            stats.install_days, stats.crash_days, stats.protected_hits = int(days), int(crash_days), int(hits)
            stats.protected_hit_installs = int(hit_installs)
        return stats

    def fleet_size(self, since: float, *, established_before: float | None = None) -> int:
        who_sql, who_args = established_sql(established_before)
        with self.transaction() as cur:
            cur.execute("SELECT COUNT(DISTINCT install) FROM beacons WHERE received_at >= %s" + who_sql,
                        (since, *who_args))
            return int(cur.fetchone()[0])

    def new_installs(self, since: float) -> int:
        """Install ids first seen at or after ``since``."""
        with self.transaction() as cur:
            cur.execute("SELECT COUNT(*) FROM installs WHERE first_seen >= %s", (since,))
            return int(cur.fetchone()[0])

    def registration_waves(self, since: float, at_least: int) -> list[tuple[str, int]]:
        """Source networks (salted hashes) from which ``at_least`` new install ids came since ``since``."""
        with self.transaction() as cur:
            cur.execute("SELECT network, COUNT(*) FROM installs WHERE first_seen >= %s AND network <> ''"
                        " GROUP BY network HAVING COUNT(*) >= %s ORDER BY 2 DESC, 1", (since, at_least))
            return [(str(network), int(n)) for network, n in cur.fetchall()]

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
    code = code if code in CODES else "other"  # rows stored before codes were a closed list
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


def established_sql(before: float | None) -> tuple[str, tuple[Any, ...]]:
    """A condition on ``install`` (and its arguments) that keeps the installs established by ``before``:
    first seen earlier, or with counters received on :data:`ESTABLISHED_DAYS` distinct days of the
    collector's clock. ``None``: no condition."""
    if before is None:
        return "", ()
    return (" AND install IN (SELECT install FROM installs WHERE first_seen < %s UNION"
            " SELECT install FROM counters GROUP BY install"
            " HAVING COUNT(DISTINCT CAST(received_at AS BIGINT) / 86400) >= %s)", (before, ESTABLISHED_DAYS))


def current_version(cur: Cursor) -> int:
    cur.execute(SCHEMA_VERSION_SQL)
    cur.execute("SELECT MAX(version) FROM collector_schema")
    return int(cur.fetchone()[0] or 0)


def migrate(cur: Cursor) -> None:
    """Bring the tables to the newest schema version, one migration at a time, inside the caller's
    transaction; then make sure the network salt exists."""
    version = current_version(cur)
    for number, statements in enumerate(MIGRATIONS, start=1):
        if number <= version:
            continue
        for statement in statements:
            cur.execute(statement)
        cur.execute("INSERT INTO collector_schema(version) VALUES (%s)", (number,))
    cur.execute("INSERT INTO collector_meta(key, value) VALUES ('network_salt', %s) ON CONFLICT(key) DO NOTHING",
                (secrets.token_hex(16),))


def store_beacon(cur: Cursor, beacon: dict[str, Any], received_at: float, limits: Limits, network: str = "") -> str:

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
    cur.execute(_NOTE_INSTALL, (beacon["install"], received_at, network))
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
