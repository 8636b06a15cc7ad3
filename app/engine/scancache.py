"""The scan cache: a file needs no second look while it and the verdict's inputs are unchanged.

A file's verdict — clean, or the hits it had — is reused when its (device, inode, size, mtime_ns,
ctime_ns) are what they were when it was scanned, under the same *policy*: the same definitions
version, allow-list, disabled rules and archive limits (anything that could change a verdict). Files
with errors are never cached. A file not fully checked is cached with what was not checked (a member
count or depth reached, a password): the next scan says so again without opening it — unless the
reason was the time budget, which a quieter machine may not reach. The cache is a SQLite file of its
own in the cache folder (the engine never touches the state database); paths are stored as bytes so
that names which are not valid UTF-8 work. Used from one thread only: the scan's coordinating thread.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.engine.archives import ArchiveLimits

SCHEMA_VERSION = 3
_SCHEMA = """
CREATE TABLE IF NOT EXISTS verdicts (
    path BLOB PRIMARY KEY,
    dev INTEGER, ino INTEGER, size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER,
    policy TEXT,
    hits TEXT,  -- NULL when clean, else a JSON list of hits
    incomplete TEXT  -- NULL when fully checked, else a JSON list of [path, why not checked]
) WITHOUT ROWID
"""

Key = tuple[int, int, int, int, int]


#: What a cached hit holds: 2 since hits carry their rule's provenance (a hit cached before would read as a
#: threat of unknown source, and a potentially unwanted finding could be quarantined as a threat).
HIT_FORMAT = 2


def policy_key(definitions_version: str, allow: Iterable[str], disabled_rules: Iterable[str],
               limits: ArchiveLimits | None = None) -> str:
    """Everything besides the file itself that decides a verdict."""
    material = json.dumps([definitions_version, sorted(allow), sorted(disabled_rules),
                           asdict(limits or ArchiveLimits())])
    material += f"\0hits:{HIT_FORMAT}"
    return f"{definitions_version}:{hashlib.sha256(material.encode()).hexdigest()[:16]}"


class ScanCache:
    def __init__(self, path: Path, policy: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.policy = policy
        self._pending: list[tuple[Any, ...]] = []
        self._known: dict[bytes, tuple[Any, ...]] | None = None
        self.conn: sqlite3.Connection | None
        try:
            self.conn = self._open(path)
        except sqlite3.DatabaseError:
            # A damaged cache is only a cache: start a new one; if that fails too (a full disk), scan
            # without it.
            try:
                path.unlink(missing_ok=True)
                self.conn = self._open(path)
            except (sqlite3.Error, OSError):
                self.conn = None
                self._known = {}

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        conn = sqlite3.connect(path, timeout=10, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=OFF")
            if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                conn.execute("DROP TABLE IF EXISTS clean")
                conn.execute("DROP TABLE IF EXISTS verdicts")
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute(_SCHEMA)
        except sqlite3.Error:
            conn.close()  # on Windows an open file cannot be deleted: the caller replaces a damaged cache
            raise
        return conn

    def prefetch(self, roots: list[str], limit: int = 200_000) -> None:
        """Load the entries below ``roots`` in one range query each (a walk then needs no queries).
        Above ``limit`` entries (a full scan of a big disk) it stays with one query per file."""
        if self.conn is None:
            return
        known: dict[bytes, tuple[Any, ...]] = {}
        for root in roots:
            is_dir = os.path.isdir(root)
            low = os.fsencode(root.rstrip(os.sep) + os.sep) if is_dir else os.fsencode(root)
            high = low[:-1] + bytes([low[-1] + 1]) if is_dir else low + b"\0"
            for row in self.conn.execute(
                "SELECT path, dev, ino, size, mtime_ns, ctime_ns, policy, hits, incomplete FROM verdicts"
                " WHERE path >= ? AND path < ?",
                (low, high),
            ):
                known[row[0]] = row[1:]
                if len(known) > limit:
                    return
        self._known = known

    def lookup(self, path: str, key: Key) -> list[dict[str, Any]] | None:
        """The cached hits (``[]`` = clean), or ``None`` when the file must be scanned."""
        known = self.verdict(path, key)
        return None if known is None else known[0]

    def verdict(self, path: str, key: Key) -> tuple[list[dict[str, Any]], list[tuple[str, str]]] | None:
        """The cached hits and what was not fully checked, or ``None`` when the file must be scanned."""
        raw = os.fsencode(path)
        if self._known is not None:
            row = self._known.get(raw)
        elif self.conn is None:
            return None
        else:
            row = self.conn.execute(
                "SELECT dev, ino, size, mtime_ns, ctime_ns, policy, hits, incomplete FROM verdicts WHERE path = ?",
                (raw,),
            ).fetchone()
        if row is None or tuple(row[:5]) != key or row[5] != self.policy:
            return None
        try:
            hits = json.loads(row[6]) if row[6] else []
            incomplete = [(str(where), str(why)) for where, why in json.loads(row[7])] if row[7] else []
        except (ValueError, TypeError):
            return None
        return hits, incomplete

    def remember(self, path: str, key: Key, hits: list[dict[str, Any]],
                 incomplete: list[tuple[str, str]] | None = None) -> None:
        self._pending.append((os.fsencode(path), *key, self.policy, json.dumps(hits) if hits else None,
                              json.dumps(incomplete) if incomplete else None))
        if len(self._pending) >= 2000:
            self.flush()

    def flush(self) -> None:
        if not self._pending or self.conn is None:
            self._pending.clear()
            return
        try:
            self.conn.execute("BEGIN")
            self.conn.executemany("INSERT OR REPLACE INTO verdicts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", self._pending)
            self.conn.execute("COMMIT")
        except sqlite3.Error:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")  # a full disk costs the cache, never the scan
        self._pending.clear()

    def close(self) -> None:
        self.flush()
        if self.conn is not None:
            self.conn.close()
