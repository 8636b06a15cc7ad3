"""The collector on both back-ends: SQLite (a file per test) and a real PostgreSQL server started for
the session (``tests/pgserver.py``), with a fresh database per test."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from app.channel.collector.server import RunningCollector, start_in_thread
from app.channel.collector.storage import BeaconStore, Limits
from app.channel.collector.stores import open_store
from tests.pgserver import find_bin_dir, temporary_postgres

_databases = itertools.count()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    if find_bin_dir() is None:
        pytest.skip("PostgreSQL is not installed (scripts/setup installs the apt package postgresql)")
    with temporary_postgres() as url:
        yield url


def fresh_database(server_url: str) -> str:
    name = f"t{next(_databases)}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server_url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'collector.db'}"
    return fresh_database(request.getfixturevalue("pg_server"))


@pytest.fixture
def store(store_url: str) -> Iterator[BeaconStore]:
    s = open_store(store_url)
    s.setup()
    try:
        yield s
    finally:
        s.close()


class Clock:
    def __init__(self, t: float = 1_800_000_000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def collector(store: BeaconStore, clock: Clock) -> Iterator[RunningCollector]:
    running = start_in_thread(store, limits=Limits(per_install_per_hour=20), clock=clock)
    try:
        yield running
    finally:
        running.stop()


def beacon(kind: str = "state", **fields: Any) -> dict[str, Any]:
    """A schema-1 beacon with fresh ids (tests change what they need)."""
    doc: dict[str, Any] = {
        "schema": 1, "id": uuid.uuid4().hex, "install": uuid.uuid4().hex, "sent_at": 1_800_000_000,
        "ring": "default", "decile": 3, "app": "0.1.0", "engine": "1.0", "content": 5, "kind": kind,
    }
    if kind == "state":
        doc["event"] = {"name": "activated", "version": 5, "code": ""}
    else:
        doc["counters"] = {"day": "2027-01-15", "version": 5, "starts": 2, "crashes": 0, "hangs": 0, "scans": 1,
                           "files": 100, "scan_errors": 0, "protected_hits": 0, "detections": 0,
                           "detections_by_hour": [0] * 24}
    for key, value in fields.items():
        if key in ("event", "counters"):
            doc[key] = {**doc[key], **value}
        else:
            doc[key] = value
    return doc
