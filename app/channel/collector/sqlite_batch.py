"""Beacons from the web service written to SQLite by one writer thread per process, in groups.

SQLite has one write lock per database: many threads each starting a transaction per beacon mostly
wait for each other, and a waiting connection sleeps in steps of up to 100 ms. Instead every request
of one event loop queues its beacon; a single task hands whatever has queued to the store's one
writer thread, which stores the group in one transaction with a savepoint per beacon — a refused
beacon's savepoint is rolled back, so each beacon gets the outcome it would get alone. If the
transaction itself fails, the whole group is answered with the error (503) and nothing of it is
stored.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any

from app.channel.collector.storage import Cursor, Limits, settle, store_beacon

Item = tuple[dict[str, Any], float, Limits, str]  # beacon, received at, limits, network hash


def store_group(conn: sqlite3.Connection, cursor: Cursor, items: list[Item]) -> list[str | BaseException]:
    """Store ``items`` in one transaction on ``conn`` (in the calling thread); an outcome or error each."""
    outcomes: list[str | BaseException] = []
    conn.execute("BEGIN IMMEDIATE")
    try:
        for beacon, received_at, limits, network in items:
            conn.execute("SAVEPOINT beacon")
            try:
                outcome: str | BaseException = store_beacon(cursor, beacon, received_at, limits, network)
            except sqlite3.Error as exc:
                outcome = exc
            if outcome != "stored":
                conn.execute("ROLLBACK TO beacon")
            conn.execute("RELEASE beacon")
            outcomes.append(outcome)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return outcomes


class GroupWriter:
    """Feeds queued beacons of one event loop to ``write`` (a group at a time) on ``executor``."""

    def __init__(self, executor: Executor, write: Callable[[list[Item]], list[str | BaseException]],
                 max_group: int = 256) -> None:
        self.executor, self.write, self.max_group = executor, write, max_group
        self._queue: asyncio.Queue[tuple[Item, asyncio.Future[str]]] = asyncio.Queue()
        self._task = asyncio.ensure_future(self._run())

    async def ingest(self, item: Item) -> str:
        future: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        self._queue.put_nowait((item, future))
        return await future

    async def close(self) -> None:
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)
        while not self._queue.empty():
            _, future = self._queue.get_nowait()
            if not future.done():
                future.set_exception(RuntimeError("the collector is shutting down"))

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            group = [await self._queue.get()]
            while len(group) < self.max_group and not self._queue.empty():
                group.append(self._queue.get_nowait())
            outcomes: list[str | BaseException]
            try:
                outcomes = await loop.run_in_executor(self.executor, self.write, [item for item, _ in group])
            except Exception as exc:  # the group's transaction failed: nothing of it was stored
                outcomes = [exc] * len(group)
            settle([future for _, future in group], outcomes)
