"""Which store a database URL names: the one module that knows both back-ends.

:mod:`~app.channel.collector.storage` holds what they share (the schema, the SQL, the interface);
:mod:`~app.channel.collector.sqlite` and :mod:`~app.channel.collector.pg` build on it, and this module
sits above all three, so the back-ends never import the chooser back.
"""

from __future__ import annotations

from app.channel.collector.storage import BeaconStore


def open_store(url: str) -> BeaconStore:
    """``sqlite:///path/to/collector.db`` or ``postgresql://user@host:port/db``.

    Each back-end is imported only when its URL is used, so a SQLite collector never loads psycopg.
    """
    if url.startswith(("postgresql://", "postgres://")):
        from app.channel.collector.pg import PostgresStore

        return PostgresStore(url)
    if url.startswith("sqlite:///"):
        from app.channel.collector.sqlite import SqliteStore

        return SqliteStore(url.removeprefix("sqlite:///"))
    raise ValueError(f"unsupported database URL {url!r}; use sqlite:///PATH or postgresql://...")
