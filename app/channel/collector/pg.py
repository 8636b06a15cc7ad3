"""The collector on PostgreSQL (psycopg 3 with a connection pool): the store for a real fleet.

Every collector process keeps a small pool; all state (beacons, counters, rate slots) is in the
database, so any number of collectors can run behind a load balancer. ``synchronous_commit`` is off
for the collector's sessions: a database crash may lose the last fraction of a second of beacons,
which telemetry tolerates, and the collector answers several times faster.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool

from app.channel.collector.storage import SCHEMA_SQL, SqlStore


def _configure(conn: psycopg.Connection[Any]) -> None:
    conn.execute("SET synchronous_commit TO off")
    conn.commit()


class PostgresStore(SqlStore):
    def __init__(self, url: str, min_size: int = 2, max_size: int = 16) -> None:
        self.pool = ConnectionPool(url, min_size=min_size, max_size=max_size, configure=_configure, open=True,
                                   timeout=10)

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        with self.pool.connection() as conn, conn.transaction(), conn.cursor() as cur:
            yield cur

    def setup(self) -> None:
        # Several collectors may start at once; one creates the tables, the others wait for it.
        with self.pool.connection() as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(7318)")
            for statement in SCHEMA_SQL:
                conn.execute(statement)

    def close(self) -> None:
        self.pool.close()
