"""The user's allow-list: SHA-256 hashes of files the user has declared good.

"Restore and allow" adds the file's hash here; the scanner request includes :func:`allowed_hashes`
so the same file is not detected again (the complaint users raise most about other products is a
false positive that comes back after every restore).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.foundation.store import Schema
from app.core.journal import events
from app.core.text.messages import translate

SCHEMA = Schema("allowlist", (
    """
    CREATE TABLE allowlist (
        sha256 TEXT PRIMARY KEY,
        added_at REAL NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    );
    """,
    "ALTER TABLE allowlist ADD COLUMN name TEXT NOT NULL DEFAULT '';",
))

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class AllowEntry:
    sha256: str
    name: str  # the file's name when it was allowed ("" when only the hash was given)
    added_at: float
    note: str


def allow(ctx: Context, sha256: str, note: str = "", *, name: str = "") -> None:
    """Add ``sha256`` (lower-case hex) to the allow-list, with the file's ``name`` for people to read;
    adding it twice keeps the first entry."""
    digest = sha256.strip().lower()
    if not _SHA256.match(digest):
        raise RingfenceError(translate("Quarantine", "%1 is not a SHA-256 hash (64 hexadecimal digits).").arg(sha256))
    ctx.store.ensure(SCHEMA)
    with ctx.store.transaction() as conn:
        added = conn.execute("INSERT OR IGNORE INTO allowlist (sha256, added_at, note, name) VALUES (?, ?, ?, ?)",
                             (digest, time.time(), note, name)).rowcount
    if added:
        events.record(ctx.store, "quarantine.allowed", name=name or digest, sha256=digest)


def disallow(ctx: Context, sha256: str) -> bool:
    """Remove ``sha256``; True when it was there."""
    digest = sha256.strip().lower()
    ctx.store.ensure(SCHEMA)
    with ctx.store.transaction() as conn:
        row = conn.execute("SELECT name FROM allowlist WHERE sha256 = ?", (digest,)).fetchone()
        conn.execute("DELETE FROM allowlist WHERE sha256 = ?", (digest,))
    if row is not None:
        events.record(ctx.store, "quarantine.unallowed", name=row["name"] or digest, sha256=digest)
    return row is not None


def allowed_entries(ctx: Context) -> list[AllowEntry]:
    """The allow-list with names and dates, newest first."""
    ctx.store.ensure(SCHEMA)
    rows = ctx.store.conn.execute("SELECT sha256, name, added_at, note FROM allowlist ORDER BY added_at DESC, sha256")
    return [AllowEntry(r["sha256"], r["name"], float(r["added_at"]), r["note"]) for r in rows]


def allowed_hashes(ctx: Context) -> set[str]:
    """Every hash the user allowed, for the engine request."""
    ctx.store.ensure(SCHEMA)
    return {row[0] for row in ctx.store.conn.execute("SELECT sha256 FROM allowlist")}
