"""The user's allow-list: SHA-256 hashes of files the user has declared good.

"Restore and allow" adds the file's hash here; the scanner request includes :func:`allowed_hashes`
so the same file is not detected again (the complaint users raise most about other products is a
false positive that comes back after every restore).
"""

from __future__ import annotations

import re
import time

from app.core.context import Context
from app.core.errors import RingfenceError
from app.core.store import Schema

SCHEMA = Schema("allowlist", (
    """
    CREATE TABLE allowlist (
        sha256 TEXT PRIMARY KEY,
        added_at REAL NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    );
    """,
))

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def allow(ctx: Context, sha256: str, note: str = "") -> None:
    """Add ``sha256`` (lower-case hex) to the allow-list; adding it twice keeps the first entry."""
    digest = sha256.strip().lower()
    if not _SHA256.match(digest):
        raise RingfenceError(f"{sha256!r} is not a SHA-256 hash (64 hexadecimal digits).")
    ctx.store.ensure(SCHEMA)
    with ctx.store.transaction() as conn:
        conn.execute("INSERT OR IGNORE INTO allowlist (sha256, added_at, note) VALUES (?, ?, ?)", (digest, time.time(), note))


def disallow(ctx: Context, sha256: str) -> bool:
    """Remove ``sha256``; True when it was there."""
    ctx.store.ensure(SCHEMA)
    with ctx.store.transaction() as conn:
        return conn.execute("DELETE FROM allowlist WHERE sha256 = ?", (sha256.strip().lower(),)).rowcount > 0


def allowed_hashes(ctx: Context) -> set[str]:
    """Every hash the user allowed, for the engine request."""
    ctx.store.ensure(SCHEMA)
    return {row[0] for row in ctx.store.conn.execute("SELECT sha256 FROM allowlist")}
