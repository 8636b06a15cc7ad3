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
``quarantine_by_hand(ctx, path, *, rule="manual", force=False, progress=None)``
    The user's "quarantine this file": hashes and seals it (``progress(phase, done, total)``), records
    ``quarantine.added`` in the journal; raises :class:`RingfenceError` when the path cannot be taken.
``allowed_entries(ctx)`` — the allow-list with names and dates.
``restore(ctx, item_id, *, to=None, on_conflict="rename", allow=False)`` -> :class:`RestoreOutcome`;
``restore_version(ctx, definitions_version, ...)`` restores everything one definitions version quarantined.
``delete(ctx, item_id)``, ``purge(ctx, days=None)``.
``recover_interrupted(ctx)`` / ``startup(ctx)`` (recovery plus purge) — run once when the app starts.
``ensure_index(ctx)`` — also at start: rebuilds the index from the blobs' own metadata when ``state.db``
is missing or damaged (``reindex(ctx)`` does it unconditionally; ``ringfence quarantine reindex``).
``recheck(ctx, scan_bytes, definitions_version)`` — after every definitions change; ``scan_bytes(name,
data) -> list[str]`` is the engine's in-memory scan.
``allowed_hashes(ctx) -> set[str]`` — the user's allow-list, for the engine request.
``key_protection(ctx) -> "keyring" | "file"`` — for ``ringfence status`` and the dashboard.
``list_items(ctx, all=False)``, ``get_item(ctx, id_or_prefix)``, ``summary(ctx)``.
"""

# The names below are imported on first use, so that a scan which only needs the allow-list does not
# pay for the cryptography and keyring imports at start-up.

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "AllowEntry": "allowlist",
    "allow": "allowlist",
    "allowed_entries": "allowlist",
    "allowed_hashes": "allowlist",
    "disallow": "allowlist",
    "quarantine_by_hand": "manual",
    "QuarantineOutcome": "operations",
    "delete": "operations",
    "purge": "operations",
    "quarantine_file": "operations",
    "RecheckReport": "rechecking",
    "recheck": "rechecking",
    "ReindexReport": "index_rebuild",
    "ensure_index": "index_rebuild",
    "reindex": "index_rebuild",
    "RecoveryReport": "startup_recovery",
    "recover_interrupted": "startup_recovery",
    "startup": "startup_recovery",
    "CONFLICT_POLICIES": "restoring",
    "RestoreOutcome": "restoring",
    "restore": "restoring",
    "restore_version": "restoring",
    "IN_VAULT": "vault",
    "NO_LONGER_DETECTED": "vault",
    "Item": "vault",
    "Vault": "vault",
    "Summary": "inventory",
    "get_item": "inventory",
    "key_protection": "inventory",
    "list_items": "inventory",
    "summary": "inventory",
}

__all__ = sorted(_EXPORTS)  # noqa: PLE0605


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
