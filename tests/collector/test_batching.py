"""Beacons arriving together are stored in batches (PostgreSQL) or groups (SQLite): each gets the
outcome it would get alone, a beacon the database refuses costs only that beacon, and on PostgreSQL a
lost connection costs only the batch it carried — answered 503, never stored half — and the collector
carries on."""

from __future__ import annotations

import asyncio
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import psycopg
import pytest
import requests

from app.channel.collector.pg import PostgresStore
from app.channel.collector.pg_batch import APPLICATION_NAME
from app.channel.collector.server import RunningCollector, start_in_thread
from app.channel.collector.storage import BeaconStore, Limits, SqlStore
from app.channel.collector.stores import open_store
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


def _open(kind: str, pg_server: Any, tmp_path: Path, name: str) -> BeaconStore:
    url = fresh_database(pg_server()) if kind == "postgresql" else f"sqlite:///{tmp_path / name}.db"
    store = open_store(url)
    store.setup()
    return store


def _together(store: BeaconStore, docs: list[dict[str, Any]], limits: Limits, together: bool = True) -> list[Any]:
    async def send() -> list[Any]:
        if together:  # queued before the writer runs: one batch
            return list(await asyncio.gather(*(store.ingest_async(d, 1_800_000_000.0, limits) for d in docs),
                                             return_exceptions=True))
        return [await store.ingest_async(d, 1_800_000_000.0, limits) for d in docs]

    async def run() -> list[Any]:
        try:
            return await send()
        finally:
            await store.release_loop()

    return asyncio.run(run())


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
@pytest.mark.parametrize("together", [False, True])
def test_a_batch_gives_every_beacon_the_outcome_it_gets_alone(request: pytest.FixtureRequest, tmp_path: Path,
                                                               kind: str, together: bool) -> None:
    docs = _sequence()
    limits = Limits(per_install_per_hour=5)
    pg_server = lambda: request.getfixturevalue("pg_server")  # noqa: E731 - only PostgreSQL needs the server
    store, alone = _open(kind, pg_server, tmp_path, "batched"), _open(kind, pg_server, tmp_path, "alone")
    try:
        outcomes = _together(store, docs, limits, together)
        expected = [alone.ingest(d, 1_800_000_000.0, limits) for d in docs]
        assert outcomes == expected
        assert expected.count("rate_limited") == 2 and expected.count("duplicate") == 2
        assert isinstance(store, SqlStore)
        with store.transaction() as cur:  # the newer counters of the day stay, whichever order they came in
            cur.execute("SELECT starts FROM counters")
            assert cur.fetchall() == [(9,)]
        assert store.stored_beacons() == 8
    finally:
        store.close()
        alone.close()


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


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_beacon_the_database_refuses_costs_only_itself(request: pytest.FixtureRequest, tmp_path: Path,
                                                         kind: str) -> None:
    store = _open(kind, lambda: request.getfixturevalue("pg_server"), tmp_path, "refusing")
    if isinstance(store, PostgresStore):  # a real failure inside the database, for one install
        with psycopg.connect(store.url, autocommit=True) as admin:
            admin.execute("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                          "RAISE EXCEPTION 'refused by a test trigger'; END $$")
            admin.execute("CREATE TRIGGER refuse BEFORE INSERT ON beacons FOR EACH ROW "
                          "WHEN (NEW.install = repeat('d', 32)) EXECUTE FUNCTION refuse()")
        refused: type[Exception] = psycopg.errors.RaiseException
    else:
        with sqlite3.connect(tmp_path / "refusing.db") as admin:
            admin.execute("CREATE TRIGGER refuse BEFORE INSERT ON beacons WHEN NEW.install = '" + "d" * 32 + "' "
                          "BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END")
        refused = sqlite3.IntegrityError
    docs = [beacon(), beacon(install="d" * 32), beacon(), beacon()]
    try:
        outcomes = _together(store, docs, Limits())
        assert [o if isinstance(o, str) else type(o) for o in outcomes] == ["stored", refused, "stored", "stored"]
        assert store.stored_beacons() == 3
    finally:
        store.close()
