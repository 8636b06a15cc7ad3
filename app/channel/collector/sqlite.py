"""The collector's embedded default: SQLite in WAL mode, one connection per thread.

Fine for one collector process on one machine (a test fleet, a small vendor); several processes on
one file work too, serialised by SQLite's write lock. A real fleet uses PostgreSQL.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.channel.collector.sqlite_batch import GroupWriter, Item, store_group
from app.channel.collector.storage import Limits, SqlStore


class _Cursor:
    """A sqlite3 cursor that takes the shared SQL's ``%s`` placeholders."""

    def __init__(self, cur: sqlite3.Cursor) -> None:
        self.cur = cur

    def execute(self, sql: str, params: Any = ()) -> Any:
        return self.cur.execute(sql.replace("%s", "?"), params)

    def fetchone(self) -> Any:
        return self.cur.fetchone()

    def fetchall(self) -> Any:
        return self.cur.fetchall()


class SqliteStore(SqlStore):
    """``ingest_async`` (the web service) stores beacons in groups on one writer thread per store
    (:mod:`.sqlite_batch`); everything else runs on the calling thread with that thread's connection."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="collector-sqlite")
        self._groups: dict[asyncio.AbstractEventLoop, GroupWriter] = {}

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    @contextmanager
    def transaction(self) -> Iterator[_Cursor]:
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield _Cursor(conn.cursor())
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    async def ingest_async(self, beacon: dict[str, Any], received_at: float, limits: Limits,
                           network: str = "") -> str:
        loop = asyncio.get_running_loop()
        group = self._groups.get(loop)
        if group is None:
            group = self._groups[loop] = GroupWriter(self._writer, self._store_group)
        return await group.ingest((beacon, received_at, limits, network))

    def _store_group(self, items: list[Item]) -> list[str | BaseException]:
        conn = self._conn()
        return store_group(conn, _Cursor(conn.cursor()), items)

    async def release_loop(self) -> None:
        group = self._groups.pop(asyncio.get_running_loop(), None)
        if group is not None:
            await group.close()

    def close(self) -> None:
        for loop, group in list(self._groups.items()):
            if loop.is_running() and not loop.is_closed():
                asyncio.run_coroutine_threadsafe(group.close(), loop).result(timeout=10)
        self._groups.clear()
        self._writer.shutdown(wait=True)
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()
