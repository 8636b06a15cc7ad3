"""The encrypted quarantine (DESIGN §6): detected files move into a private vault, sealed with
AES-256-GCM under a key kept in the OS keyring, and come back byte for byte — never lost on the way.

Public API (everything takes the run's :class:`~app.core.context.Context`):

``quarantine_file(ctx, path, *, rule, engine, definitions_version, sha256, scanned_stat, scan_id=None, force=False)``
    Called by ``ringfence scan --action quarantine`` for each detection. ``sha256`` and
    ``scanned_stat = (st_size, st_mtime_ns, st_ino)`` are what the scanner saw; if the file differs
    now it is left in place. Returns :class:`QuarantineOutcome` with ``action`` ``"quarantined"``
    (``item_id`` set), ``"skipped-protected"`` (an OS-critical or Ringfence file; ``reason`` set;
    ``force=True`` overrides) or ``"failed"`` (``error`` is one sentence for the report's
    ``errors``). It never raises for a problem with one file.
``restore(ctx, item_id, *, to=None, on_conflict="rename", allow=False)`` -> :class:`RestoreOutcome`;
``restore_version(ctx, definitions_version, ...)`` restores everything one definitions version quarantined.
``delete(ctx, item_id)``, ``purge(ctx, days=None)``.
``recover_interrupted(ctx)`` / ``startup(ctx)`` (recovery plus purge) — run once when the app starts.
``recheck(ctx, scan_bytes, definitions_version)`` — after every definitions change; ``scan_bytes(name,
data) -> list[str]`` is the engine's in-memory scan.
``allowed_hashes(ctx) -> set[str]`` — the user's allow-list, for the engine request.
``key_protection(ctx) -> "keyring" | "file"`` — for ``ringfence status`` and the dashboard.
``list_items(ctx, all=False)``, ``get_item(ctx, id_or_prefix)``, ``summary(ctx)``.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.context import Context
from app.core.errors import RingfenceError
from app.core.quarantine import keystore
from app.core.quarantine.allowlist import allow, allowed_hashes, disallow
from app.core.quarantine.operations import QuarantineOutcome, delete, purge, quarantine_file
from app.core.quarantine.recheck import RecheckReport, recheck
from app.core.quarantine.recovery import RecoveryReport, recover_interrupted, startup
from app.core.quarantine.restore import CONFLICT_POLICIES, RestoreOutcome, restore, restore_version
from app.core.quarantine.vault import IN_VAULT, NO_LONGER_DETECTED, Item, Vault

__all__ = [
    "CONFLICT_POLICIES", "Item", "QuarantineOutcome", "RecheckReport", "RecoveryReport", "RestoreOutcome",
    "Summary", "allow", "allowed_hashes", "delete", "disallow", "get_item", "key_protection", "list_items",
    "purge", "quarantine_file", "recheck", "recover_interrupted", "restore", "restore_version", "startup", "summary",
]


def key_protection(ctx: Context) -> str:
    """``"keyring"`` or ``"file"`` (the latter means: not protected by the system keyring)."""
    return keystore.key_protection(ctx.paths)


def list_items(ctx: Context, *, include_gone: bool = False) -> list[Item]:
    """Items in the vault, newest first (with ``include_gone`` also restored and deleted ones)."""
    return Vault(ctx).items(statuses=None if include_gone else IN_VAULT)


def get_item(ctx: Context, id_or_prefix: str) -> Item:
    """The item with this id or unambiguous id prefix; a clear error otherwise."""
    vault = Vault(ctx)
    ids = vault.resolve_id(id_or_prefix)
    if not ids:
        raise RingfenceError(f"There is no quarantined item {id_or_prefix}; run 'ringfence quarantine list' to see the ids.")
    if len(ids) > 1:
        raise RingfenceError(f"The id {id_or_prefix} matches several items; give more of it.")
    item = vault.get(ids[0])
    assert item is not None
    return item


@dataclass(frozen=True)
class Summary:
    items: int
    total_size: int
    no_longer_detected: int
    key_protection: str


def summary(ctx: Context) -> Summary:
    """Figures for the dashboard tile and ``ringfence status``."""
    vault = Vault(ctx)
    row = vault.conn.execute(
        "SELECT COUNT(*), COALESCE(SUM(size), 0), COALESCE(SUM(status = ?), 0) FROM quarantine_items "
        f"WHERE status IN ({', '.join('?' * len(IN_VAULT))})", (NO_LONGER_DETECTED, *IN_VAULT)).fetchone()
    return Summary(int(row[0]), int(row[1]), int(row[2]), key_protection(ctx))
