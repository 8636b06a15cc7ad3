"""Re-checking the quarantine after a definitions change.

Every item still in the vault is decrypted in memory and handed to the engine's in-memory scan
(``scan_bytes(name, data) -> list of rule names that fired``). An item that no longer fires becomes
``no_longer_detected``: the UI offers to restore it and the CLI lists it, but it is never restored
silently (a withdrawn rule that flagged good files must not be trusted to decide alone either way).
An item that fires again returns to ``quarantined``. Items larger than the scan size limit are left
as they are.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath

from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.quarantine import crypto
from app.core.quarantine.keystore import load_key
from app.core.quarantine.vault import NO_LONGER_DETECTED, QUARANTINED, Vault

log = logging.getLogger(__name__)

ScanBytes = Callable[[str, bytes], list[str]]


@dataclass
class RecheckReport:
    definitions_version: str | None
    still_detected: list[str] = field(default_factory=list)
    no_longer_detected: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # too large to scan in memory
    errors: dict[str, str] = field(default_factory=dict)


def recheck(ctx: Context, scan_bytes: ScanBytes, definitions_version: str | None) -> RecheckReport:
    """Re-scan every item in the vault with ``scan_bytes`` and record the verdicts. Slow (> 50 ms)."""
    vault = Vault(ctx)
    report = RecheckReport(definitions_version)
    items = vault.items()
    if not items:
        return report
    key = load_key(ctx.paths, create=False)
    limit = int(ctx.settings["scan.max_file_size_mb"]) * 1024 * 1024
    for item in items:
        if item.size > limit:
            report.skipped.append(item.id)
            continue
        try:
            with open(vault.blob_path(item.id), "rb") as blob:
                data = b"".join(crypto.decrypt_chunks(key, blob))
        except (RingfenceError, OSError) as exc:
            report.errors[item.id] = getattr(exc, "message", None) or str(exc)
            continue
        if hashlib.sha256(data).hexdigest() != item.sha256:
            report.errors[item.id] = "the quarantined item does not match its recorded fingerprint"
            continue
        rules = scan_bytes(PurePath(item.original_path).name, data)
        status = QUARANTINED if rules else NO_LONGER_DETECTED
        (report.still_detected if rules else report.no_longer_detected).append(item.id)
        with ctx.store.transaction() as conn:
            conn.execute(
                "UPDATE quarantine_items SET status = ?, recheck_version = ?, recheck_rules = ? WHERE id = ? AND status IN (?, ?)",
                (status, definitions_version, ",".join(rules), item.id, QUARANTINED, NO_LONGER_DETECTED),
            )
    if report.no_longer_detected:
        log.info("%d quarantined items are no longer detected by definitions %s", len(report.no_longer_detected),
                 definitions_version)
    return report
