"""Beacons from the web service written to PostgreSQL in batches (group commit).

Every request of one event loop hands its beacon to an :class:`IngestBatcher`; a few writer tasks,
each with its own async connection, take whatever has queued up while the previous batch was in the
database and store it with one call of ``ringfence_ingest_batch`` — one round trip and one commit for
the lot instead of one per beacon. Under light load a batch is a single beacon, so nothing waits for
company; under heavy load the batches grow and the per-beacon cost falls.

The batch function runs ``ringfence_ingest`` once per beacon in order, in one transaction, so each
beacon gets the outcome it would get alone ("stored", "duplicate", "rate_limited"). Beacons are
ordered by install so that two concurrent batches take their row locks in the same order. If a
batch fails while the connection is still usable (a deadlock, a bad value), nothing of it was
committed and its beacons are stored one by one, each in its own transaction; if the connection is
lost, the batch's requests get the error (503) and the writer reconnects for the next batch.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from app.channel.collector.storage import settle

log = logging.getLogger(__name__)

Params = tuple[Any, ...]
APPLICATION_NAME = "ringfence-collector-writer"  # how the writers show in pg_stat_activity


class IngestBatcher:
    """Group commit of single-beacon calls on one event loop (see the module documentation)."""

    def __init__(self, url: str, call_one: str, call_batch: str, *, connections: int = 2,
                 max_batch: int = 64) -> None:
        self.url, self.call_one, self.call_batch = url, call_one, call_batch
        self.max_batch = max_batch
        self._queue: asyncio.Queue[tuple[Params, asyncio.Future[str]]] = asyncio.Queue()
        self._writers = [asyncio.ensure_future(self._writer()) for _ in range(connections)]
        self._connections: set[psycopg.AsyncConnection[Any]] = set()

    async def ingest(self, params: Params) -> str:
        """Store one beacon (``params`` of ``ringfence_ingest``); its outcome, or the database's error."""
        future: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        self._queue.put_nowait((params, future))
        return await future

    async def close(self) -> None:
        for task in self._writers:
            task.cancel()
        await asyncio.gather(*self._writers, return_exceptions=True)
        for conn in list(self._connections):
            await conn.close()
        while not self._queue.empty():
            _, future = self._queue.get_nowait()
            if not future.done():
                future.set_exception(RuntimeError("the collector is shutting down"))

    async def _connect(self) -> psycopg.AsyncConnection[Any]:
        conn = await psycopg.AsyncConnection.connect(self.url, autocommit=True, connect_timeout=10,
                                                     application_name=APPLICATION_NAME)
        await conn.execute("SET synchronous_commit TO off")  # see app.channel.collector.pg
        self._connections.add(conn)
        return conn

    async def _writer(self) -> None:
        conn: psycopg.AsyncConnection[Any] | None = None
        while True:
            batch = [await self._queue.get()]
            while len(batch) < self.max_batch and not self._queue.empty():
                batch.append(self._queue.get_nowait())
            batch = [item for item in batch if not item[1].done()]  # a request may have been cancelled
            try:
                if conn is None:
                    conn = await self._connect()
                outcomes = await self._write(conn, [params for params, _ in batch])
            except Exception as exc:  # whatever it is, it answers this batch (503) and the writer goes on
                log.error("storing %d beacon(s) failed: %s", len(batch), exc)
                outcomes = [exc] * len(batch)
                if conn is not None and (conn.broken or conn.closed):
                    self._connections.discard(conn)
                    await conn.close()
                    conn = None
            settle([future for _, future in batch], outcomes)

    async def _write(self, conn: psycopg.AsyncConnection[Any], batch: list[Params]) -> list[str | BaseException]:
        if len(batch) == 1:
            return [await self._one(conn, batch[0])]
        order = sorted(range(len(batch)), key=lambda i: batch[i][1])  # by install; stable
        try:
            cur = await conn.execute(self.call_batch, (Jsonb([batch[i] for i in order]),))
            row = await cur.fetchone()
        except psycopg.OperationalError:
            if conn.broken or conn.closed:
                raise
            row = None
        except psycopg.Error:
            row = None
        if row is None or len(row[0]) != len(batch):
            log.warning("a batch of %d beacons failed; storing them one by one", len(batch))
            return [await self._one_or_error(conn, params) for params in batch]
        outcomes: list[str | BaseException] = [""] * len(batch)
        for position, i in enumerate(order):
            outcomes[i] = str(row[0][position])
        return outcomes

    async def _one_or_error(self, conn: psycopg.AsyncConnection[Any], params: Params) -> str | BaseException:
        try:
            return await self._one(conn, params)
        except psycopg.Error as exc:
            if conn.broken or conn.closed:
                raise
            return exc

    async def _one(self, conn: psycopg.AsyncConnection[Any], params: Params) -> str:
        cur = await conn.execute(self.call_one, params)
        row = await cur.fetchone()
        if row is None:  # pragma: no cover - a SELECT of a function always returns one row
            raise RuntimeError("ringfence_ingest returned nothing")
        return str(row[0])
