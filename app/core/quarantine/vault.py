"""The vault: the private folder of encrypted blobs and the quarantine index in ``state.db``.

One blob per item, named by a random id (``<id>.rfq``), so two files called ``setup.exe`` from
different folders never collide. The folder is ``0700`` and every blob ``0600`` — never executable.
The index row holds everything needed to put the file back exactly as it was, and the detection's
provenance (rule, engine, definitions version, scan) so a withdrawn definitions version can be undone.

Paths are stored as UTF-8 bytes with ``surrogateescape`` (``surrogatepass`` on Windows), so a file
name that is not valid text on this system still round-trips to the very same name.
"""

from __future__ import annotations

import base64
import binascii
import os
import secrets
import sqlite3
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from app.core.context import Context
from app.core.foundation.store import Schema
from app.core.journal.provenance import PROVENANCE_KEYS  # optional in a blob: older ones lack them

BLOB_SUFFIX = ".rfq"
TEMP_SUFFIX = ".tmp"

QUARANTINED, NO_LONGER_DETECTED, RESTORED, DELETED = "quarantined", "no_longer_detected", "restored", "deleted"
IN_VAULT = (QUARANTINED, NO_LONGER_DETECTED)

SCHEMA = Schema("quarantine", (
    """
    CREATE TABLE quarantine_items (
        id TEXT PRIMARY KEY,
        original_path BLOB NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        mode INTEGER,
        uid INTEGER,
        gid INTEGER,
        atime_ns INTEGER,
        mtime_ns INTEGER,
        rule TEXT NOT NULL,
        engine TEXT NOT NULL,
        definitions_version TEXT,
        scan_id TEXT,
        quarantined_at REAL NOT NULL,
        status TEXT NOT NULL,
        status_at REAL NOT NULL,
        restored_to BLOB,
        recheck_version TEXT,
        recheck_rules TEXT
    );
    CREATE INDEX quarantine_items_status ON quarantine_items(status, quarantined_at);
    CREATE INDEX quarantine_items_version ON quarantine_items(definitions_version);
    CREATE TABLE quarantine_intents (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        op TEXT NOT NULL,
        item_id TEXT NOT NULL,
        pid INTEGER NOT NULL,
        pid_started REAL NOT NULL,
        created_at REAL NOT NULL,
        detail TEXT NOT NULL
    );
    """,
    # the detection's provenance (issue #18); items quarantined before it read as threats of unknown source
    """
    ALTER TABLE quarantine_items ADD COLUMN category TEXT NOT NULL DEFAULT 'threat';
    ALTER TABLE quarantine_items ADD COLUMN source TEXT NOT NULL DEFAULT '';
    ALTER TABLE quarantine_items ADD COLUMN author TEXT NOT NULL DEFAULT '';
    ALTER TABLE quarantine_items ADD COLUMN licence TEXT NOT NULL DEFAULT '';
    ALTER TABLE quarantine_items ADD COLUMN reference TEXT NOT NULL DEFAULT '';
    """,
))


def encode_path(path: str) -> bytes:
    return path.encode("utf-8", "surrogatepass" if os.name == "nt" else "surrogateescape")


def decode_path(raw: bytes | str) -> str:
    if isinstance(raw, str):
        return raw
    return raw.decode("utf-8", "surrogatepass" if os.name == "nt" else "surrogateescape")


@dataclass(frozen=True)
class Item:
    """One quarantined file, as recorded in the index."""

    id: str
    original_path: str
    size: int
    sha256: str
    mode: int | None
    uid: int | None
    gid: int | None
    atime_ns: int | None
    mtime_ns: int | None
    rule: str
    engine: str
    definitions_version: str | None
    scan_id: str | None
    quarantined_at: float
    status: str
    status_at: float
    restored_to: str | None = None
    recheck_version: str | None = None
    recheck_rules: str | None = None
    category: str = "threat"  # the detection's provenance: see app.core.journal.provenance
    source: str = ""
    author: str = ""
    licence: str = ""
    reference: str = ""

    @property
    def in_vault(self) -> bool:
        return self.status in IN_VAULT

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Item:
        values = dict(row)
        values["original_path"] = decode_path(values["original_path"])
        if values["restored_to"] is not None:
            values["restored_to"] = decode_path(values["restored_to"])
        return cls(**values)

    def metadata(self) -> dict[str, Any]:
        """What the blob itself records about the item (sealed with it, so the index can be rebuilt)."""
        values = {k: v for k, v in asdict(self).items() if k in _BLOB_FIELDS or k in PROVENANCE_KEYS}
        values["original_path"] = base64.b64encode(encode_path(self.original_path)).decode("ascii")
        return {"metadata_version": METADATA_VERSION, **values}

    @classmethod
    def from_metadata(cls, metadata: dict[str, Any], *, status: str, status_at: float) -> Item:
        """The index row for a blob's own metadata; raises ``ValueError`` if the metadata is incomplete."""
        try:
            values = {k: metadata[k] for k in _BLOB_FIELDS}
            values.update({k: str(metadata[k]) for k in PROVENANCE_KEYS if k in metadata})  # newer blobs
            values["original_path"] = decode_path(base64.b64decode(values["original_path"], validate=True))
        except (KeyError, TypeError, binascii.Error) as exc:
            raise ValueError(f"incomplete quarantine metadata ({exc})") from exc
        item = cls(**values, status=status, status_at=status_at)
        if not isinstance(item.size, int) or not isinstance(item.sha256, str) or len(item.sha256) != 64:
            raise ValueError("quarantine metadata without a size and SHA-256")
        return item

    def to_row(self) -> dict[str, Any]:
        values = asdict(self)
        values["original_path"] = encode_path(self.original_path)
        if self.restored_to is not None:
            values["restored_to"] = encode_path(self.restored_to)
        return values


_COLUMNS = tuple(Item.__dataclass_fields__)
# Recorded in every blob: everything but the item's changing status and re-check results.
_BLOB_FIELDS = ("id", "original_path", "size", "sha256", "mode", "uid", "gid", "atime_ns", "mtime_ns", "rule", "engine",
                "definitions_version", "scan_id", "quarantined_at")
METADATA_VERSION = 1


def new_item_id() -> str:
    """A random, unguessable id: 16 hex digits (ids are never derived from the file name)."""
    return secrets.token_hex(8)


class Vault:
    """The quarantine folder and its index, for one :class:`Context`."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.dir = ctx.paths.quarantine_dir
        self.dir.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(self.dir, 0o700)
        ctx.store.ensure(SCHEMA)
        self.conn = ctx.store.conn

    def blob_path(self, item_id: str) -> Path:
        return self.dir / f"{item_id}{BLOB_SUFFIX}"

    def temp_blob_path(self, item_id: str) -> Path:
        return self.dir / f".{item_id}{BLOB_SUFFIX}{TEMP_SUFFIX}"

    def insert(self, conn: sqlite3.Connection, item: Item) -> None:
        row = item.to_row()
        conn.execute(
            f"INSERT INTO quarantine_items ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
            tuple(row[c] for c in _COLUMNS),
        )

    def get(self, item_id: str) -> Item | None:
        row = self.conn.execute("SELECT * FROM quarantine_items WHERE id = ?", (item_id,)).fetchone()
        return Item.from_row(row) if row else None

    def resolve_id(self, text: str) -> list[str]:
        """Ids matching ``text`` exactly or as a prefix (the CLI accepts unambiguous prefixes)."""
        text = text.strip().lower()
        if not text or any(c not in "0123456789abcdef" for c in text):
            return []
        rows = self.conn.execute(
            "SELECT id FROM quarantine_items WHERE id >= ? AND id < ? ORDER BY id LIMIT 3", (text, text + "g")
        ).fetchall()
        ids = [r[0] for r in rows]
        return [text] if text in ids else ids

    def items(self, *, statuses: tuple[str, ...] | None = IN_VAULT, definitions_version: str | None = None,
              older_than: float | None = None) -> list[Item]:
        """Items, newest first; by default only those still in the vault."""
        where: list[str] = []
        params: list[object] = []
        if statuses is not None:
            where.append(f"status IN ({', '.join('?' * len(statuses))})")
            params.extend(statuses)
        if definitions_version is not None:
            where.append("definitions_version = ?")
            params.append(definitions_version)
        if older_than is not None:
            where.append("quarantined_at < ?")
            params.append(older_than)
        sql = "SELECT * FROM quarantine_items"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY quarantined_at DESC, id"
        return [Item.from_row(row) for row in self.conn.execute(sql, params)]

    def set_status(self, conn: sqlite3.Connection, item_id: str, status: str, at: float, *,
                   restored_to: str | None = None) -> None:
        conn.execute(
            "UPDATE quarantine_items SET status = ?, status_at = ?, restored_to = ? WHERE id = ?",
            (status, at, encode_path(restored_to) if restored_to is not None else None, item_id),
        )
