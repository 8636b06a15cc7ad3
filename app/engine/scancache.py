"""The scan cache: files found clean need no second look while they and the definitions are unchanged.

A file is skipped when its (device, inode, size, mtime_ns, ctime_ns) are what they were when it was
found clean with the same definitions version. The cache is a SQLite file of its own in the cache
folder (the engine never touches the state database); paths are stored as bytes so that names which
are not valid UTF-8 work. Used from one thread only: the scan's coordinating thread.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS clean (
    path BLOB PRIMARY KEY,
    dev INTEGER, ino INTEGER, size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER,
    version TEXT
) WITHOUT ROWID
"""


class ScanCache:
    def __init__(self, path: Path, version: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.version = version
        self._pending: list[tuple[bytes, int, int, int, int, int, str]] = []
        try:
            self.conn = sqlite3.connect(path, timeout=10, isolation_level=None)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=OFF")
            self.conn.execute(_SCHEMA)
        except sqlite3.DatabaseError:
            # A damaged cache is only a cache: start a new one.
            path.unlink(missing_ok=True)
            self.conn = sqlite3.connect(path, timeout=10, isolation_level=None)
            self.conn.execute(_SCHEMA)

    def prefetch(self, roots: list[str], limit: int = 200_000) -> None:
        """Load the entries below ``roots`` in one range query each (a walk then needs no queries).
        Above ``limit`` entries (a full scan of a big disk) it stays with one query per file."""
        known: dict[bytes, tuple] = {}
        for root in roots:
            low = os.fsencode(root.rstrip(os.sep) + os.sep) if os.path.isdir(root) else os.fsencode(root)
            high = low[:-1] + bytes([low[-1] + 1]) if os.path.isdir(root) else low + b"\0"
            for row in self.conn.execute(
                "SELECT path, dev, ino, size, mtime_ns, ctime_ns, version FROM clean WHERE path >= ? AND path < ?",
                (low, high),
            ):
                known[row[0]] = row[1:]
                if len(known) > limit:
                    return
        self._known: dict[bytes, tuple] | None = known

    def is_clean(self, path: str, key: tuple[int, int, int, int, int]) -> bool:
        known = getattr(self, "_known", None)
        if known is not None:
            row = known.get(os.fsencode(path))
            return row is not None and row[:5] == key and row[5] == self.version
        row = self.conn.execute(
            "SELECT dev, ino, size, mtime_ns, ctime_ns, version FROM clean WHERE path = ?", (os.fsencode(path),)
        ).fetchone()
        return row is not None and tuple(row[:5]) == key and row[5] == self.version

    def mark_clean(self, path: str, key: tuple[int, int, int, int, int]) -> None:
        self._pending.append((os.fsencode(path), *key, self.version))
        if len(self._pending) >= 2000:
            self.flush()

    def forget(self, path: str) -> None:
        self.conn.execute("DELETE FROM clean WHERE path = ?", (os.fsencode(path),))

    def flush(self) -> None:
        if not self._pending:
            return
        try:
            self.conn.execute("BEGIN")
            self.conn.executemany("INSERT OR REPLACE INTO clean VALUES (?, ?, ?, ?, ?, ?, ?)", self._pending)
            self.conn.execute("COMMIT")
        except sqlite3.Error:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")  # a full disk costs the cache, never the scan
        self._pending.clear()

    def close(self) -> None:
        self.flush()
        self.conn.close()
