"""The vault's contents for the command line, ``ringfence status`` and the dashboard."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.quarantine import keystore
from app.core.quarantine.vault import IN_VAULT, NO_LONGER_DETECTED, Item, Vault
from app.core.text.messages import translate


def key_protection(ctx: Context) -> str:
    """``"keyring"`` or ``"file"`` (the latter means: not protected by the system keyring)."""
    return keystore.key_protection(ctx.paths)


def list_items(ctx: Context, *, include_gone: bool = False) -> list[Item]:
    """Items in the vault, newest first (with ``include_gone`` also restored and deleted ones). Slow (> 50 ms)
    with thousands of items."""
    return Vault(ctx).items(statuses=None if include_gone else IN_VAULT)


def get_item(ctx: Context, id_or_prefix: str) -> Item:
    """The item with this id or unambiguous id prefix; a clear error otherwise."""
    vault = Vault(ctx)
    ids = vault.resolve_id(id_or_prefix)
    if not ids:
        raise RingfenceError(translate("Quarantine", "There is no quarantined item %1.").arg(id_or_prefix))
    if len(ids) > 1:
        raise RingfenceError(translate("Quarantine", "The id %1 matches several items; give more of it.").arg(id_or_prefix))
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
