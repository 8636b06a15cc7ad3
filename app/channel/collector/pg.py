"""The collector on PostgreSQL (psycopg 3 with a connection pool): the store for a real fleet.

Every collector process keeps a small pool; all state (beacons, counters, rate slots) is in the
database, so any number of collectors can run behind a load balancer. ``synchronous_commit`` is off
for the collector's sessions: a database crash may lose the last fraction of a second of beacons,
which telemetry tolerates, and the collector answers several times faster.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool

from app.channel.collector.pg_batch import IngestBatcher
from app.channel.collector.storage import BASELINE, COUNTERS, Limits, SqlStore, migrate

# The whole of SqlStore.ingest as one server-side function: one round trip per beacon instead of five
# (BEGIN, beacon, rate slot, counters, COMMIT), with the same outcome in every case.
INGEST_FUNCTION = """
CREATE OR REPLACE FUNCTION ringfence_ingest(
    p_id TEXT, p_install TEXT, p_received DOUBLE PRECISION, p_kind TEXT, p_ring TEXT, p_decile INTEGER, p_app TEXT,
    p_engine TEXT, p_content BIGINT, p_event TEXT, p_about BIGINT, p_code TEXT, p_limit INTEGER,
    p_network TEXT, p_day TEXT, p_version BIGINT, p_sent BIGINT, """ + ", ".join(f"p_{c} BIGINT" for c in COUNTERS) + """,
    p_by_hour TEXT) RETURNS TEXT LANGUAGE plpgsql AS $$
DECLARE
    n INTEGER;
BEGIN
    INSERT INTO beacons(id, install, received_at, kind, ring, decile, app, engine, content, event, event_version, code)
    VALUES (p_id, p_install, p_received, p_kind, p_ring, p_decile, p_app, p_engine, p_content, p_event, p_about, p_code)
    ON CONFLICT (id) DO NOTHING;
    IF NOT FOUND THEN
        RETURN 'duplicate';
    END IF;
    INSERT INTO rate(install, slot, count) VALUES (p_install, floor(p_received / 3600)::BIGINT, 1)
    ON CONFLICT (install, slot) DO UPDATE SET count = rate.count + 1 RETURNING count INTO n;
    IF n > p_limit THEN
        DELETE FROM beacons WHERE id = p_id;
        RETURN 'rate_limited';
    END IF;
    INSERT INTO installs(install, first_seen, network) VALUES (p_install, p_received, p_network)
    ON CONFLICT (install) DO NOTHING;
    IF p_day IS NOT NULL THEN
        INSERT INTO counters(install, day, version, ring, sent_at, received_at, """ + ", ".join(COUNTERS) + """,
                             detections_by_hour)
        VALUES (p_install, p_day, p_version, p_ring, p_sent, p_received, """ + ", ".join(f"p_{c}" for c in COUNTERS) + """,
                p_by_hour)
        ON CONFLICT (install, day, version) DO UPDATE SET ring = excluded.ring, sent_at = excluded.sent_at,
            received_at = excluded.received_at, """ + ", ".join(f"{c} = excluded.{c}" for c in COUNTERS) + """,
            detections_by_hour = excluded.detections_by_hour
        WHERE counters.sent_at <= excluded.sent_at;
    END IF;
    RETURN 'stored';
END $$
"""

# The parameter types of ringfence_ingest, in order: the batch function takes each beacon's parameters as
# one JSON array and calls it once per beacon, in order, in the caller's one transaction.
_TYPES = ("text", "text", "double precision", "text", "text", "integer", "text", "text", "bigint", "text", "bigint",
          "text", "integer", "text", "text", "bigint", "bigint", *(["bigint"] * len(COUNTERS)), "text")
INGEST_BATCH_FUNCTION = """
CREATE OR REPLACE FUNCTION ringfence_ingest_batch(p JSONB) RETURNS TEXT[] LANGUAGE plpgsql AS $$
DECLARE
    b JSONB;
    outcomes TEXT[] := '{}';
BEGIN
    FOR b IN SELECT value FROM jsonb_array_elements(p) WITH ORDINALITY ORDER BY ordinality LOOP
        outcomes := outcomes || ringfence_ingest(""" + ", ".join(f"(b->>{i})::{t}" for i, t in enumerate(_TYPES)) + """);
    END LOOP;
    RETURN outcomes;
END $$
"""


# ringfence_ingest's parameter lists of earlier schema versions (dropped before the current one is created).
_OLD_SIGNATURES = (", ".join(t for i, t in enumerate(_TYPES) if i != 13),)


def _configure(conn: psycopg.Connection[Any]) -> None:
    conn.execute("SET synchronous_commit TO off")


class PostgresStore(SqlStore):
    """``ingest_async`` (the web service) awaits the database on the event loop, in batches over a few async
    connections owned by that loop (:mod:`.pg_batch`); everything else uses a small pool of blocking
    connections."""

    def __init__(self, url: str, min_size: int = 1, max_size: int = 16, writers: int = 2) -> None:
        self.url, self.writers = url, writers
        self.pool = ConnectionPool(url, min_size=min_size, max_size=max_size, configure=_configure, open=True,
                                   timeout=10, kwargs={"autocommit": True})  # each beacon: one statement
        self._batchers: dict[asyncio.AbstractEventLoop, IngestBatcher] = {}

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        with self.pool.connection() as conn, conn.transaction(), conn.cursor() as cur:
            yield cur

    def setup(self) -> None:
        # Several collectors may start at once; one migrates the tables, the others wait for it. The old
        # ingest functions go first: a new parameter list would otherwise add an overload beside them.
        with self.pool.connection() as conn, conn.transaction(), conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(7318)")
            migrate(cur)
            cur.execute("DROP FUNCTION IF EXISTS ringfence_ingest_batch(JSONB)")
            for old in _OLD_SIGNATURES:
                cur.execute(f"DROP FUNCTION IF EXISTS ringfence_ingest({old})")
            cur.execute(INGEST_FUNCTION)
            cur.execute(INGEST_BATCH_FUNCTION)

    def ingest(self, beacon: dict[str, Any], received_at: float, limits: Limits, network: str = "") -> str:
        with self.pool.connection() as conn:
            row = conn.execute(self._CALL, self._params(beacon, received_at, limits, network)).fetchone()
        return self._outcome(row)

    async def ingest_async(self, beacon: dict[str, Any], received_at: float, limits: Limits,
                           network: str = "") -> str:
        loop = asyncio.get_running_loop()
        batcher = self._batchers.get(loop)
        if batcher is None:
            batcher = self._batchers[loop] = IngestBatcher(self.url, self._CALL, self._CALL_BATCH,
                                                           connections=self.writers)
        return await batcher.ingest(self._params(beacon, received_at, limits, network))

    async def release_loop(self) -> None:
        batcher = self._batchers.pop(asyncio.get_running_loop(), None)
        if batcher is not None:
            await batcher.close()

    @staticmethod
    def _outcome(row: Any) -> str:
        if row is None:  # pragma: no cover - a SELECT of a function always returns one row
            raise RuntimeError("ringfence_ingest returned nothing")
        return str(row[0])

    @staticmethod
    def _params(beacon: dict[str, Any], received_at: float, limits: Limits, network: str) -> tuple[Any, ...]:
        event = beacon.get("event") or {}
        c = beacon.get("counters") or {}
        about = event.get("version") if beacon["kind"] == "state" else c.get("version")
        version = (BASELINE if c.get("version") is None else c["version"]) if c else None
        return (beacon["id"], beacon["install"], received_at, beacon["kind"], beacon["ring"], beacon["decile"],
                beacon["app"], beacon["engine"], beacon["content"], event.get("name"), about, event.get("code", ""),
                limits.per_install_per_hour, network, c.get("day"), version, beacon["sent_at"] if c else None,
                *(c.get(name) for name in COUNTERS), json.dumps(c["detections_by_hour"]) if c else None)

    _CALL = "SELECT ringfence_ingest(" + ", ".join(["%s"] * len(_TYPES)) + ")"
    _CALL_BATCH = "SELECT ringfence_ingest_batch(%s)"

    def close(self) -> None:
        """Close the blocking pool, and the batch writers of any event loop that still runs in another
        thread (the web service's lifespan closes those of its own loop with :meth:`release_loop`)."""
        for loop, batcher in list(self._batchers.items()):
            if loop.is_running() and not loop.is_closed():
                asyncio.run_coroutine_threadsafe(batcher.close(), loop).result(timeout=10)
        self._batchers.clear()
        self.pool.close()
