"""Rebuilding the quarantine index from the blobs, which describe themselves (blob format 2).

When ``state.db`` is lost, or damaged below the SQL level, the encrypted blobs are still there, and
each carries its own authenticated metadata (where the file came from, mode, owner, times, size,
SHA-256, the detection). :func:`reindex` sets a damaged database aside (never deleting it), then adds
an index row for every blob the index does not list, so every item can be restored again.
:func:`ensure_index` is what the console runs at start-up: it rebuilds only when something is missing.

Blobs of format 1 (written before blobs carried metadata) cannot say where they came from; they are
kept untouched and counted. A blob that does not open (damaged, or sealed with another key) is kept
and reported with the reason.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.foundation.store import StateDamaged, is_damage, set_aside
from app.core.journal import events
from app.core.quarantine import crypto, intents
from app.core.quarantine.keystore import load_key, read_vault_record
from app.core.quarantine.vault import BLOB_SUFFIX, QUARANTINED, Item, Vault
from app.core.text.messages import Message, marked, translate

log = logging.getLogger(__name__)


@dataclass
class ReindexReport:
    added: list[str] = field(default_factory=list)  # item ids indexed again from their own metadata
    already_listed: int = 0
    without_metadata: list[str] = field(default_factory=list)  # format 1 blobs, kept as they are
    unreadable: list[tuple[str, Message]] = field(default_factory=list)  # (item id, why), kept
    database_set_aside: Path | None = None
    orphaned: list[str] = field(default_factory=list)  # listed in the index, but their encrypted copy is gone

    def message(self) -> Message:
        """One sentence for the user (the details are in the lists)."""
        text = translate("Quarantine", "Added %n quarantined item(s) back to the index from their encrypted "
                         "copies; %1 were already listed, %2 could not be read and %3 do not record where they "
                         "came from.", None, 0)
        return text.plural(len(self.added)).arg(self.already_listed, len(self.unreadable), len(self.without_metadata))


def _open_healthy_store(ctx: Context) -> Path | None:
    """Make sure ``ctx.store`` is a sound database; a damaged one is set aside (returned) and replaced."""
    try:
        ctx.store.check()
        return None
    except StateDamaged as exc:
        log.error("state database damaged, setting it aside: %s", exc.detail)
    return _set_aside(ctx)


def _set_aside(ctx: Context) -> Path:
    ctx.close()
    backup = set_aside(ctx.paths.state_db)
    events.record(ctx.store, "state.set_aside", backup=str(backup))
    return backup


def _blob_ids(vault: Vault) -> list[str]:
    return sorted(p.name[: -len(BLOB_SUFFIX)] for p in vault.dir.glob(f"*{BLOB_SUFFIX}") if not p.name.startswith("."))


def _unlisted(vault: Vault) -> list[str]:
    """Blobs the index does not list, except those an unfinished operation is still working on."""
    listed = {row[0] for row in vault.conn.execute("SELECT id FROM quarantine_items")}
    busy = {intent.item_id for intent in intents.pending(vault.conn)}
    return [item_id for item_id in _blob_ids(vault) if item_id not in listed and item_id not in busy]


def _orphaned(vault: Vault) -> list[str]:
    """Items the index lists as in the quarantine whose encrypted copy is missing (none being worked on)."""
    busy = {intent.item_id for intent in intents.pending(vault.conn)}
    return sorted(item.id for item in vault.items() if item.id not in busy and not vault.blob_path(item.id).is_file())


def reindex(ctx: Context) -> ReindexReport:
    """Set a damaged state database aside, then index every blob the index does not list."""
    report = ReindexReport(database_set_aside=_open_healthy_store(ctx))
    try:
        vault = Vault(ctx)
        missing = _unlisted(vault)
    except sqlite3.DatabaseError as exc:  # damage the quick check did not see: never send the user in circles
        if not is_damage(exc) or report.database_set_aside is not None:
            raise
        report.database_set_aside = _set_aside(ctx)
        vault = Vault(ctx)
        missing = _unlisted(vault)
    report.already_listed = len(_blob_ids(vault)) - len(missing)
    report.orphaned = _orphaned(vault)
    if report.orphaned:
        log.warning("quarantine index lists %d item(s) without an encrypted copy: %s", len(report.orphaned),
                    ", ".join(report.orphaned))
    if not missing:
        return report
    read_vault_record(ctx.paths)  # a damaged vault.json is its own clear error
    key = load_key(ctx.paths, create=False)
    now = time.time()
    for item_id in missing:
        item = _item_from_blob(vault, key, item_id, now, report)
        if item is None:
            continue
        with ctx.store.transaction() as conn:
            vault.insert(conn, item)
        report.added.append(item_id)
    if report.added:
        events.record(ctx.store, "quarantine.reindexed", count=len(report.added))
    log.info("quarantine index rebuilt: %d added, %d already listed, %d unreadable, %d without metadata",
             len(report.added), report.already_listed, len(report.unreadable), len(report.without_metadata))
    return report


def _item_from_blob(vault: Vault, key: bytes, item_id: str, now: float, report: ReindexReport) -> Item | None:
    try:
        with open(vault.blob_path(item_id), "rb") as handle:
            metadata = crypto.read_metadata(key, handle)
    except RingfenceError as exc:
        report.unreadable.append((item_id, exc.msg if isinstance(exc.msg, Message) else marked("Quarantine", exc.msg)))
        return None
    except OSError as exc:
        report.unreadable.append((item_id, translate("Quarantine", "it cannot be read (%1)").arg(exc.strerror or str(exc))))
        return None
    if metadata is None:
        report.without_metadata.append(item_id)
        return None
    try:
        item = Item.from_metadata(metadata, status=QUARANTINED, status_at=now)
    except ValueError as exc:
        log.warning("quarantine blob %s: %s", item_id, exc)
        report.unreadable.append((item_id, translate("Quarantine", "its record is incomplete")))
        return None
    if item.id != item_id:  # authentic, but renamed: indexing it under another id would confuse restore
        report.unreadable.append((item_id, translate("Quarantine", "it records a different item id (%1)").arg(item.id)))
        return None
    return item


def index_needs_rebuild(ctx: Context) -> bool:
    """Whether the state database is damaged or the index misses a blob."""
    try:
        ctx.store.check()
        return bool(_unlisted(Vault(ctx)))
    except StateDamaged:
        return True
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            return True
        raise


def ensure_index(ctx: Context) -> ReindexReport | None:
    """At start-up: rebuild the index when it is missing or broken; ``None`` when nothing was needed."""
    return reindex(ctx) if index_needs_rebuild(ctx) else None
