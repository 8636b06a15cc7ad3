"""An existing collector database (schema version 1, before installs were tracked) is brought up to
date by ``setup`` on both back-ends: the installs it already knows keep the day they were first seen,
so they count as established for the next release."""

from __future__ import annotations

from app.channel.collector.storage import MIGRATIONS
from app.channel.collector.stores import open_store
from tests.collector.conftest import beacon


def test_a_version_1_database_is_migrated_and_its_installs_stay_established(store_url: str) -> None:
    old = open_store(store_url)
    try:
        with old.transaction() as cur:  # type: ignore[attr-defined]
            for statement in MIGRATIONS[0]:
                cur.execute(statement)
            for install, at in [("a" * 32, 1_000.0), ("a" * 32, 5_000.0), ("b" * 32, 9_000.0)]:
                doc = beacon(install=install)
                cur.execute("INSERT INTO beacons(id, install, received_at, kind, ring, decile, app, engine, content,"
                            " event, event_version, code) VALUES (%s, %s, %s, 'state', 'default', 1, '0.1', '1.0', 5,"
                            " 'activated', 5, '')", (doc["id"], install, at))
    finally:
        old.close()
    store = open_store(store_url)
    try:
        store.setup()
        store.setup()  # a second start changes nothing
        assert store.schema_version() == len(MIGRATIONS) == 2
        assert len(store.network_salt()) == 32
        assert store.new_installs(0) == 2 and store.new_installs(2_000) == 1
        assert store.release_stats(5, established_before=6_000).reporting == 1  # first seen at 1,000
        assert store.release_stats(5, established_before=6_000).new_installs == 1
        assert store.release_stats(5).reporting == 2
    finally:
        store.close()
