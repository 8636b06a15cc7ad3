"""Start-up recovery: finish or undo what a crashed process left half done.

Run :func:`recover_interrupted` (or :func:`startup`, which first rebuilds a missing or damaged index
from the blobs and afterwards purges old items and gives format 1 blobs their metadata) when Ringfence
starts. Operations whose process is
still alive are left alone, so a second Ringfence process starting during a scan never interferes.

- An interrupted *quarantine* is undone while the scanned original is still in place and finished
  once it is gone (see :func:`.operations.settle_quarantine`).
- An interrupted *restore* is finished if the file already landed (its SHA-256 at the recorded
  destination matches) and otherwise undone: the temporary file goes, the item stays in the vault.
- Blobs of deleted or restored items and stray temporary blobs are removed; blobs without a row are
  kept and logged (they may be the only copy of something).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from app.core.context import Context
from app.core.foundation.fileio import fsync_dir
from app.core.quarantine import intents
from app.core.quarantine.index_rebuild import ReindexReport, ensure_index
from app.core.quarantine.operations import purge, settle_quarantine
from app.core.quarantine.restoring import finish_restore
from app.core.quarantine.upgrade import upgrade_blobs
from app.core.quarantine.vault import BLOB_SUFFIX, DELETED, RESTORED, TEMP_SUFFIX, Vault
from app.engine.hashing import sha256_file

log = logging.getLogger(__name__)


@dataclass
class RecoveryReport:
    finished: list[str] = field(default_factory=list)  # item ids
    undone: list[str] = field(default_factory=list)
    removed_blobs: list[str] = field(default_factory=list)
    orphan_blobs: list[str] = field(default_factory=list)
    purged: list[str] = field(default_factory=list)
    reindexed: ReindexReport | None = None  # set by startup() when the index had to be rebuilt
    upgraded: list[str] = field(default_factory=list)  # format 1 blobs given their metadata by startup()


def _sha256_of(path: Path) -> str | None:
    try:
        return sha256_file(path)
    except OSError:
        return None


def _settle_restore(ctx: Context, vault: Vault, intent: intents.Intent) -> str:
    temp = Path(intent.detail["temp"])
    dest = intent.detail.get("dest")
    item = vault.get(intent.item_id)
    if item is not None and item.in_vault and dest and Path(dest) != temp and Path(dest).is_file() \
            and _sha256_of(Path(dest)) == item.sha256:
        temp.unlink(missing_ok=True)
        finish_restore(ctx, vault, item, Path(dest), intent.id)
        return "finished"
    temp.unlink(missing_ok=True)
    with ctx.store.transaction() as conn:
        intents.finish(conn, intent.id)
    return "undone"


def recover_interrupted(ctx: Context) -> RecoveryReport:
    """Settle every operation whose process died; then tidy the vault folder. Slow (> 50 ms)."""
    vault = Vault(ctx)
    report = RecoveryReport()
    live: set[str] = set()
    for intent in intents.pending(ctx.store.conn):
        if intent.owner_alive():
            live.add(intent.item_id)
            continue
        if intent.op == intents.QUARANTINE:
            result = settle_quarantine(ctx, vault, intent)
        elif intent.op == intents.RESTORE:
            result = _settle_restore(ctx, vault, intent)
        else:
            log.warning("unknown quarantine intent %r dropped", intent.op)
            with ctx.store.transaction() as conn:
                intents.finish(conn, intent.id)
            continue
        (report.finished if result == "finished" else report.undone).append(intent.item_id)
        log.info("interrupted %s of %s %s", intent.op, intent.item_id, result)
    _sweep(vault, live, report)
    return report


def _sweep(vault: Vault, live: set[str], report: RecoveryReport) -> None:
    gone = {row[0] for row in vault.conn.execute(
        "SELECT id FROM quarantine_items WHERE status IN (?, ?)", (DELETED, RESTORED))}
    known = {row[0] for row in vault.conn.execute("SELECT id FROM quarantine_items")}
    for entry in vault.dir.iterdir():
        name = entry.name
        if name.endswith(BLOB_SUFFIX + TEMP_SUFFIX) and name.startswith("."):
            item_id = name[1:-len(BLOB_SUFFIX + TEMP_SUFFIX)]
            if item_id not in live:
                entry.unlink(missing_ok=True)
                report.removed_blobs.append(item_id)
        elif name.endswith(BLOB_SUFFIX):
            item_id = name[:-len(BLOB_SUFFIX)]
            if item_id in gone:
                entry.unlink(missing_ok=True)
                report.removed_blobs.append(item_id)
            elif item_id not in known and item_id not in live:
                report.orphan_blobs.append(item_id)
                log.warning("quarantine blob %s has no index entry; it is kept", name)
    fsync_dir(vault.dir)


def startup(ctx: Context) -> RecoveryReport:
    """What the app runs at start: the index rebuilt from the blobs if it is missing or damaged, then
    recovery, then the purge of items older than the setting. Slow (> 50 ms)."""
    reindexed = ensure_index(ctx)
    report = recover_interrupted(ctx)
    report.reindexed = reindexed
    report.purged = [item.id for item in purge(ctx)]
    report.upgraded = upgrade_blobs(ctx)
    return report
