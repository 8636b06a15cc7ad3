"""The state database: SQLite in WAL mode with versioned migrations.

Each component owns its tables and declares them as a :class:`Schema` — a name and an ordered list
of migration scripts. :meth:`Store.ensure` applies whatever migrations a database has not seen yet,
each in its own transaction, and records the version reached in ``schema_versions``. Components can
therefore evolve their tables independently, and an old database is brought up to date on open.
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import RingfenceError


@dataclass(frozen=True)
class Schema:
    name: str
    migrations: tuple[str, ...]

    @property
    def version(self) -> int:
        return len(self.migrations)


class Store:
    """One connection to ``state.db`` (usable from several threads, one at a time)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(path, timeout=30, check_same_thread=False, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_versions (name TEXT PRIMARY KEY, version INTEGER NOT NULL)"
            )
        except sqlite3.DatabaseError as exc:
            if disk_is_full(path.parent):
                raise RingfenceError(
                    f"There is no free disk space for Ringfence's state in {path.parent}; free some space and try again."
                ) from exc
            raise RingfenceError(
                f"The state database {path} cannot be opened ({exc}). Move it aside and start again."
            ) from exc
        self._lock = threading.RLock()
        self._ensured: set[str] = set()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self, name: str) -> int:
        row = self.conn.execute("SELECT version FROM schema_versions WHERE name = ?", (name,)).fetchone()
        return int(row[0]) if row else 0

    def ensure(self, schema: Schema) -> None:
        """Bring ``schema``'s tables up to date (cheap after the first call)."""
        if schema.name in self._ensured:
            return
        with self._lock:
            current = self.schema_version(schema.name)
            if current > schema.version:
                raise RingfenceError(
                    f"The state database was written by a newer Ringfence ({schema.name} schema {current}); "
                    "update Ringfence to use it."
                )
            for number in range(current, schema.version):
                with self.transaction() as conn:
                    for statement in _split_sql(schema.migrations[number]):
                        conn.execute(statement)
                    conn.execute(
                        "INSERT INTO schema_versions(name, version) VALUES (?, ?) "
                        "ON CONFLICT(name) DO UPDATE SET version = excluded.version",
                        (schema.name, number + 1),
                    )
            self._ensured.add(schema.name)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT`` (or ``ROLLBACK`` on error)."""
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")


def disk_is_full(folder: Path, margin: int = 1024 * 1024) -> bool:
    """Whether the disk holding ``folder`` has (almost) no free space left."""
    try:
        return shutil.disk_usage(folder).free < margin
    except OSError:
        return False


def _split_sql(script: str) -> list[str]:
    """Split a migration script into single statements (``sqlite3.complete_statement`` aware)."""
    statements, buffer = [], ""
    for char in script:
        buffer += char
        if char == ";" and sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
