"""Beacons arriving together: each gets the outcome it would get alone (on SQLite and PostgreSQL), and
on PostgreSQL, where they are stored in batches, a lost connection or a batch the database refuses
costs only the beacons concerned — answered 503, never stored half — and the collector carries on."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import psycopg
import pytest
import requests

from app.channel.collector.pg import PostgresStore
from app.channel.collector.pg_batch import APPLICATION_NAME
from app.channel.collector.server import RunningCollector, start_in_thread
from app.channel.collector.storage import BeaconStore, Limits, open_store
from tests.collector.conftest import Clock, beacon, fresh_database


def post(url: str, doc: dict[str, Any]) -> requests.Response:
    return requests.post(f"{url}/v1/beacons", json=doc, timeout=30)


def test_simultaneous_beacons_of_one_install_and_retries_are_counted_once(collector: RunningCollector,
                                                                          store: BeaconStore) -> None:
    install = "a" * 32
    flood = [beacon(install=install) for _ in range(40)]
    retried = beacon()
    docs = flood + [retried] * 10
    with ThreadPoolExecutor(max_workers=25) as pool:
        codes = list(pool.map(lambda doc: post(collector.url, doc).status_code, docs))
    assert sorted(codes[:40]) == [202] * 20 + [429] * 20  # the allowance is 20 an hour (conftest)
    assert sorted(codes[40:]) == [200] * 9 + [202]
    assert store.stored_beacons() == 21


def _sequence() -> list[dict[str, Any]]:
    """Beacons that exercise every outcome: new, duplicate in the same batch, over the allowance, counters."""
    first = beacon(install="b" * 32)
    newer = beacon("counters", install="c" * 32, sent_at=1_800_000_100, counters={"starts": 9})
    older = beacon("counters", install="c" * 32, sent_at=1_800_000_000, counters={"starts": 1})
    return [first, first, *(beacon(install="b" * 32) for _ in range(6)), newer, older, beacon(), first]


@pytest.mark.parametrize("together", [False, True])
def test_a_batch_gives_every_beacon_the_outcome_it_gets_alone(pg_server: str, together: bool) -> None:
    docs = _sequence()
    store = PostgresStore(fresh_database(pg_server))
    store.setup()
    limits = Limits(per_install_per_hour=5)

    async def send() -> list[str]:
        if together:  # queued before the writers run: one batch
            return list(await asyncio.gather(*(store.ingest_async(d, 1_800_000_000.0, limits) for d in docs)))
        return [await store.ingest_async(d, 1_800_000_000.0, limits) for d in docs]

    async def run() -> list[str]:
        try:
            return await send()
        finally:
            await store.release_loop()

    try:
        outcomes = asyncio.run(run())
        alone = PostgresStore(fresh_database(pg_server))
        alone.setup()
        try:
            expected = [alone.ingest(d, 1_800_000_000.0, limits) for d in docs]
        finally:
            alone.close()
        assert outcomes == expected
        assert expected.count("rate_limited") == 2 and expected.count("duplicate") == 2
        with store.pool.connection() as conn:
            assert conn.execute("SELECT starts FROM counters").fetchall() == [(9,)]
        assert store.stored_beacons() == 8
    finally:
        store.close()


@pytest.fixture
def pg_collector(pg_server: str) -> Any:
    url = fresh_database(pg_server)
    store = open_store(url)
    running = start_in_thread(store, limits=Limits(100), clock=Clock())
    try:
        yield url, store, running
    finally:
        running.stop()
        store.close()


def test_a_lost_database_connection_answers_503_and_the_collector_reconnects(pg_collector: Any) -> None:
    url, store, running = pg_collector
    assert post(running.url, beacon()).status_code == 202
    with psycopg.connect(url, autocommit=True) as admin:
        killed = admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                               "current_database() AND application_name = %s", (APPLICATION_NAME,)).fetchall()
    assert killed
    answers = [post(running.url, beacon()) for _ in range(6)]
    codes = [a.status_code for a in answers]
    refused = [a for a in answers if a.status_code == 503]
    assert refused and all(a.headers["Retry-After"] == "60" for a in refused)
    assert set(codes) == {503, 202} and codes[-2:] == [202, 202]  # each writer reconnects for its next batch
    assert store.stored_beacons() == 1 + codes.count(202)


def test_a_batch_the_database_refuses_is_stored_one_by_one(pg_server: str) -> None:
    url = fresh_database(pg_server)
    store = PostgresStore(url)
    store.setup()
    with psycopg.connect(url, autocommit=True) as admin:  # a real failure inside the database for one install
        admin.execute("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                      "RAISE EXCEPTION 'refused by a test trigger'; END $$")
        admin.execute("CREATE TRIGGER refuse BEFORE INSERT ON beacons FOR EACH ROW "
                      "WHEN (NEW.install = repeat('d', 32)) EXECUTE FUNCTION refuse()")
    docs = [beacon(), beacon(install="d" * 32), beacon(), beacon()]

    async def run() -> list[Any]:
        try:
            return list(await asyncio.gather(*(store.ingest_async(d, 1_800_000_000.0, Limits()) for d in docs),
                                             return_exceptions=True))
        finally:
            await store.release_loop()

    try:
        outcomes = asyncio.run(run())
        assert [o if isinstance(o, str) else type(o) for o in outcomes] == [
            "stored", psycopg.errors.RaiseException, "stored", "stored"]
        assert store.stored_beacons() == 3
    finally:
        store.close()
