"""A big quarantine index written straight into the state database (for listing tests and the benchmark:
quarantining thousands of real files would time the encryption, not the listing)."""

from __future__ import annotations

import time

from app.core.context import Context
from app.core.quarantine.vault import SCHEMA, Vault, encode_path


def fill_index(ctx: Context, items: int) -> None:
    """``items`` index rows, newest first by id ``0000…0``; no blobs behind them."""
    Vault(ctx)
    assert ctx.store.schema_version(SCHEMA.name) == SCHEMA.version
    now = time.time()
    rows = [(f"{i:016x}", encode_path(f"/home/user/Downloads/folder{i % 100}/file {i}.exe"), 1000 + i, f"{i:064x}",
             0o644, 1000, 1000, 0, 0, "Rule_" + str(i % 50), "yara", "2026.11.1", "scan", now - i, "quarantined", now)
            for i in range(items)]
    with ctx.store.transaction() as conn:
        conn.executemany(
            "INSERT INTO quarantine_items (id, original_path, size, sha256, mode, uid, gid, atime_ns, mtime_ns, rule, "
            "engine, definitions_version, scan_id, quarantined_at, status, status_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
