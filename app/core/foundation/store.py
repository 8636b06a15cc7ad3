"""The state database: SQLite in WAL mode with versioned migrations.

Each component owns its tables and declares them as a :class:`Schema` — a name and an ordered list
of migration scripts. :meth:`Store.ensure` applies whatever migrations a database has not seen yet,
each in its own transaction, and records the version reached in ``schema_versions``. Components can
therefore evolve their tables independently, and an old database is brought up to date on open.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.core.foundation.errors import RingfenceError
from app.core.foundation.fileio import fsync_dir
from app.core.text.messages import translate


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
            if hasattr(self, "conn"):
                self.conn.close()  # on Windows an open database cannot be set aside or replaced
            if disk_is_full(path.parent):
                raise RingfenceError(translate(
                    "Store", "There is no free disk space for Ringfence's state in %1; free some space and try again.")
                    .arg(str(path.parent))) from exc
            if is_damage(exc):
                raise damaged(path, exc) from exc
            raise RingfenceError(translate(
                "Store", "The state database %1 cannot be opened (%2); check that the folder can be written to.")
                .arg(str(path), str(exc))) from exc
        self._lock = threading.RLock()
        self._ensured: set[str] = set()

    def close(self) -> None:
        self.conn.close()

    def check(self) -> None:
        """Raise :class:`StateDamaged` if SQLite finds the database damaged (reads every page once)."""
        try:
            problems = [row[0] for row in self.conn.execute("PRAGMA quick_check")]
        except sqlite3.DatabaseError as exc:
            if is_damage(exc):
                raise damaged(self.path, exc) from exc
            raise
        if problems != ["ok"]:
            raise damaged(self.path, "; ".join(problems[:3]))

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
                raise RingfenceError(translate(
                    "Store", "The state database was written by a newer Ringfence (%1 schema %2); update Ringfence "
                    "to use it.").arg(schema.name, current))
            for number in range(current, schema.version):
                with self.transaction() as conn:
                    # Another connection (a second thread, the CLI) may have migrated since the read above;
                    # inside BEGIN IMMEDIATE the version is settled.
                    if self.schema_version(schema.name) > number:
                        continue
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
        """``BEGIN IMMEDIATE`` ... ``COMMIT`` (or ``ROLLBACK`` on error); a damaged database is :class:`StateDamaged`."""
        with self._lock:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self.conn
                except BaseException:
                    try:
                        self.conn.execute("ROLLBACK")
                    except sqlite3.Error:  # SQLite already ended it (I/O error, damage): the first error says why
                        pass
                    raise
                self.conn.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                if is_damage(exc) and not isinstance(exc, StateDamaged):
                    raise damaged(self.path, exc) from exc
                raise


class StateDamaged(RingfenceError, sqlite3.DatabaseError):
    """``state.db`` is damaged below the SQL level (a broken page, or not a database at all).

    Also a ``sqlite3.DatabaseError``, so code that already copes with a failing database still does."""

    fix = "state.rebuild"


_DAMAGE_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB


def is_damage(exc: BaseException) -> bool:
    """Whether ``exc`` is SQLite reporting a damaged database file."""
    if isinstance(exc, StateDamaged):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(exc, sqlite3.DatabaseError) and isinstance(code, int):
        return code & 0xFF in _DAMAGE_CODES
    return False


def damaged(path: Path, cause: object) -> StateDamaged:
    return StateDamaged(translate(
        "Store", "Ringfence's state database %1 is damaged (%2). Your quarantined files are safe in their own "
        "encrypted copies: rebuild the database from them; the damaged one is kept aside.").arg(str(path), str(cause)),
        detail=str(cause))


def set_aside(path: Path) -> Path:
    """Move a damaged database (and its WAL and shared-memory files) to a new time-stamped name.

    The companions move first and move back if the database itself cannot: a new database must never
    meet the old one's WAL, which SQLite would replay into it."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    for attempt in range(100):
        target = path.with_name(f"{path.stem}.damaged-{stamp}{f'-{attempt}' if attempt else ''}{path.suffix}")
        companions = [(path.with_name(path.name + s), target.with_name(target.name + s)) for s in ("-wal", "-shm")]
        if target.exists() or any(dst.exists() for _, dst in companions):
            continue
        moved: list[tuple[Path, Path]] = []
        try:
            for src, dst in companions:
                if src.exists():
                    os.rename(src, dst)
                    moved.append((src, dst))
            os.rename(path, target)
        except OSError as exc:  # on Windows: another Ringfence process still has it open
            for src, dst in reversed(moved):
                os.rename(dst, src)
            raise RingfenceError(translate(
                "Store", "The damaged state database %1 could not be set aside (%2); quit the Ringfence console and "
                "any running scan, then try again.").arg(str(path), exc.strerror or str(exc))) from exc
        fsync_dir(path.parent)
        return target
    raise RingfenceError(translate("Store", "The damaged state database %1 could not be set aside.").arg(str(path)))


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
