"""Moving a detected file into the vault without ever losing it; deleting and purging items.

Quarantine follows one order, and every step is a point where a crash must be survivable
(``crashpoints.point``):

1. an intent is committed (``q.intent``);
2. the original is encrypted into a temporary blob while its SHA-256 is computed; the hash must equal
   the one the scanner saw (``q.chunk`` per chunk), then the blob is fsynced (``q.fsynced``);
3. the blob is renamed into place and the folder fsynced (``q.renamed``);
4. the index row is committed (``q.recorded``);
5. the blob is decrypted again and must give the same SHA-256 (``q.verified``);
6. only if the original is still unchanged since the scan (size, mtime, inode) is it removed
   (``q.removed``);
7. the intent is cleared (``q.done``).

Any failure before step 6 undoes steps 2–4 and leaves the original where it was; the recovery at the
next start (:mod:`.startup_recovery`) does the same for a process that died, and finishes the operation when
the original was already removed.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import stat
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import BinaryIO

from app.core.context import Context
from app.core.foundation import crashpoints
from app.core.foundation.errors import RingfenceError
from app.core.foundation.fileio import fsync_dir
from app.core.journal import events
from app.core.journal.provenance import PROVENANCE_KEYS, attribution_plain
from app.core.quarantine import crypto, intents
from app.core.quarantine.keystore import load_key
from app.core.quarantine.protected import protection_reason
from app.core.quarantine.vault import DELETED, IN_VAULT, QUARANTINED, Item, Vault, new_item_id
from app.core.text.messages import Message, marked, translate
from app.engine.hashing import sha256_chunks
from app.engine.longpath import fsync_parent_long, lstat_long, open_long, too_long, unlink_long

log = logging.getLogger(__name__)

QUARANTINED_ACTION, SKIPPED_PROTECTED, FAILED = "quarantined", "skipped-protected", "failed"
FREE_SPACE_MARGIN = 16 * 1024 * 1024

#: ``progress(done_bytes, total_bytes)`` while a file is sealed into the vault.
SealProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class QuarantineOutcome:
    """What happened to one detected file (``action`` is what the scan report shows)."""

    action: str  # "quarantined" | "skipped-protected" | "failed"
    item_id: str | None = None
    error: Message | str | None = None  # a message (plain English only from code not converted yet)
    reason: Message | None = None  # why a file was skipped as protected


def quarantine_file(ctx: Context, path: str | os.PathLike[str], *, rule: str, engine: str,
                    definitions_version: str | None, sha256: str, scanned_stat: tuple[int, int, int],
                    scan_id: str | None = None, force: bool = False,
                    progress: SealProgress | None = None,
                    provenance: Mapping[str, str] | None = None) -> QuarantineOutcome:
    """Quarantine one detected file; never raises for a per-file problem (see :class:`QuarantineOutcome`).

    Slow for big files (encrypts, fsyncs and reads the copy back); ``progress(done, total)`` follows it."""
    text = os.path.abspath(os.fspath(path))
    if not force:
        why = protection_reason(ctx.paths, text)
        if why:
            log.warning("not quarantined, %s is %s", text, why)
            return QuarantineOutcome(SKIPPED_PROTECTED, reason=marked("Quarantine", why))
    try:
        item_id = _quarantine(ctx, text, rule=rule, engine=engine, definitions_version=definitions_version,
                              sha256=sha256.lower(), scanned_stat=scanned_stat, scan_id=scan_id, progress=progress,
                              provenance=provenance)
    except RingfenceError as exc:
        log.warning("quarantine of %s failed: %s (%s)", text, exc.message, exc.detail)
        return QuarantineOutcome(FAILED, error=exc.msg)
    except OSError as exc:
        log.warning("quarantine of %s failed: %s", text, exc)
        return QuarantineOutcome(FAILED, error=translate("Quarantine", "%1 could not be quarantined (%2); it was left in place.")
                                 .arg(text, exc.strerror or str(exc)))
    return QuarantineOutcome(QUARANTINED_ACTION, item_id=item_id)


def _changed(path: str) -> RingfenceError:
    return RingfenceError(translate(
        "Quarantine", "The file changed after it was scanned, so it was left in place; scan it again."), detail=path)


def _stat_key(st: os.stat_result) -> tuple[int, int, int]:
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def _open_original(path: str) -> BinaryIO:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    return os.fdopen(open_long(path, flags), "rb")  # a file nested deeper than the path limit too


def _quarantine(ctx: Context, path: str, *, rule: str, engine: str, definitions_version: str | None,
                sha256: str, scanned_stat: tuple[int, int, int], scan_id: str | None,
                progress: SealProgress | None = None, provenance: Mapping[str, str] | None = None) -> str:
    try:
        st = lstat_long(path)
    except FileNotFoundError:
        raise RingfenceError(translate("Quarantine", "The file no longer exists, so there was nothing to quarantine."),
                             detail=path) from None
    if not stat.S_ISREG(st.st_mode):
        raise RingfenceError(translate("Quarantine", "Only regular files can be quarantined (this is a link, "
                                               "a folder or a device)."), detail=path)
    if _stat_key(st) != tuple(scanned_stat):
        raise _changed(path)
    vault = Vault(ctx)
    key = load_key(ctx.paths)
    item_id = new_item_id()
    now = time.time()
    item = Item(
        id=item_id, original_path=path, size=st.st_size, sha256=sha256, mode=stat.S_IMODE(st.st_mode),
        uid=getattr(st, "st_uid", None) if os.name == "posix" else None,
        gid=getattr(st, "st_gid", None) if os.name == "posix" else None,
        atime_ns=st.st_atime_ns, mtime_ns=st.st_mtime_ns, rule=rule, engine=engine,
        definitions_version=definitions_version, scan_id=scan_id, quarantined_at=now, status=QUARANTINED, status_at=now,
        **{k: str(v) for k, v in (provenance or {}).items() if k in PROVENANCE_KEYS},
    )
    if shutil.disk_usage(vault.dir).free < crypto.sealed_size(st.st_size, item.metadata()) + FREE_SPACE_MARGIN:
        raise RingfenceError(translate(
            "Quarantine", "There is not enough free disk space for the quarantine copy, so the file was left in place."),
            detail=path)
    with ctx.store.transaction() as conn:
        intent_id = intents.begin(conn, intents.QUARANTINE, item_id,
                                  {"path": path, "stat": list(scanned_stat), "item": asdict(item)})
    crashpoints.point("q.intent")
    removed = False
    try:
        _seal(vault, key, path, item, scanned_stat=scanned_stat, progress=progress)
        with ctx.store.transaction() as conn:
            vault.insert(conn, item)
        crashpoints.point("q.recorded")
        if verify_blob(vault, key, item_id) != sha256:
            raise RingfenceError(translate(
                "Quarantine", "The quarantine copy could not be read back correctly, so the file was left in place."), detail=path)
        crashpoints.point("q.verified")
        if not original_in_place(path, scanned_stat):
            raise _changed(path)
        _unlink(path)
        removed = True
        if too_long(path):
            fsync_parent_long(path)
        else:
            fsync_dir(Path(path).parent)
        crashpoints.point("q.removed")
    except BaseException:
        settle_quarantine(ctx, vault, intents.get(ctx.store.conn, intent_id), original_removed=removed)
        raise
    with ctx.store.transaction() as conn:
        intents.finish(conn, intent_id)
    crashpoints.point("q.done")
    log.info("quarantined %s as %s (%s; %s)", path, item_id, rule, attribution_plain(item))
    return item_id


def _seal(vault: Vault, key: bytes, path: str, item: Item, *, scanned_stat: tuple[int, int, int],
          progress: SealProgress | None = None) -> None:
    """Encrypt the original and the item's metadata into the blob (steps 2 and 3)."""
    item_id, sha256 = item.id, item.sha256
    temp = vault.temp_blob_path(item_id)
    digest = hashlib.sha256()
    done, total = 0, scanned_stat[0]

    def on_chunk(index: int, data: bytes) -> None:
        nonlocal done
        digest.update(data)
        crashpoints.point("q.chunk")
        done += len(data)
        if progress is not None:
            progress(done, total)

    with _open_original(path) as source:
        if _stat_key(os.fstat(source.fileno())) != tuple(scanned_stat):
            raise _changed(path)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as sink:
            crypto.encrypt_stream(key, source, sink, on_chunk, metadata=item.metadata())
            sink.flush()
            os.fsync(sink.fileno())
    crashpoints.point("q.fsynced")
    if digest.hexdigest() != sha256:
        raise _changed(path)
    os.replace(temp, vault.blob_path(item_id))
    fsync_dir(vault.dir)
    crashpoints.point("q.renamed")


def verify_blob(vault: Vault, key: bytes, item_id: str) -> str:
    """Decrypt the blob in constant memory and return the SHA-256 of its content."""
    with open(vault.blob_path(item_id), "rb") as blob:
        return sha256_chunks(crypto.decrypt_chunks(key, blob))


def _unlink(path: str) -> None:
    try:
        unlink_long(path)
    except PermissionError:
        if os.name != "nt":
            raise
        os.chmod(path, stat.S_IWRITE)  # a read-only attribute blocks deletion on Windows
        os.unlink(path)


def original_in_place(path: str, scanned_stat: tuple[int, int, int] | list[int]) -> bool:
    """True when the very file that was scanned is still at ``path``."""
    try:
        return _stat_key(lstat_long(path)) == tuple(scanned_stat)
    except OSError:
        return False


def settle_quarantine(ctx: Context, vault: Vault, intent: intents.Intent | None,
                      original_removed: bool | None = None) -> str:
    """Finish or undo an interrupted quarantine; returns ``"undone"`` or ``"finished"``.

    ``original_removed`` is known to the process that failed; for a process that died it is None and
    decided from the disk: while the scanned original is still in place (same size, mtime and inode)
    the operation is undone — temp file, blob and row go, and the next scan finds the file again.
    Otherwise the blob may be the only copy, so the operation is finished: the row is recorded if it
    was not yet. (A blob at its final name is always complete and matched the scanned hash: it is
    renamed there only after that check.) When in doubt the blob is kept — an extra item the user
    can delete is better than a lost file.
    """
    if intent is None:
        return "undone"
    item_id, detail = intent.item_id, intent.detail
    vault.temp_blob_path(item_id).unlink(missing_ok=True)
    blob = vault.blob_path(item_id)
    if original_removed is None:
        original_removed = not original_in_place(detail["path"], detail["stat"])
    if not original_removed or not blob.exists():
        blob.unlink(missing_ok=True)
        fsync_dir(vault.dir)
        with ctx.store.transaction() as conn:
            conn.execute("DELETE FROM quarantine_items WHERE id = ?", (item_id,))
            intents.finish(conn, intent.id)
        return "undone"
    with ctx.store.transaction() as conn:
        if vault.get(item_id) is None:
            vault.insert(conn, Item(**detail["item"]))
        intents.finish(conn, intent.id)
    return "finished"


def claim(ctx: Context, vault: Vault, item_id: str) -> Item:
    """The item, if it is in the vault and no live operation is working on it."""
    item = vault.get(item_id)
    if item is None:
        raise RingfenceError(translate("Quarantine", "There is no quarantined item %1.").arg(item_id))
    if not item.in_vault:
        gone = (translate("Quarantine", "Item %1 is no longer in the quarantine: it was restored.")
                if item.status == "restored" else
                translate("Quarantine", "Item %1 is no longer in the quarantine: it was deleted."))
        raise RingfenceError(gone.arg(item_id))
    for intent in intents.pending(ctx.store.conn):
        if intent.item_id == item_id and intent.owner_alive():
            raise RingfenceError(translate("Quarantine", "Item %1 is being worked on by another Ringfence process; try "
                                                         "again shortly.").arg(item_id))
    return item


def delete(ctx: Context, item_id: str) -> Item:
    """Delete an item permanently (and say so in the journal). The row is marked first, so a crash
    leaves at worst a blob that the next start removes — never a row whose blob is gone."""
    item = _delete(ctx, item_id)
    events.record(ctx.store, "quarantine.deleted", path=item.original_path, item_id=item.id, threat=item.rule)
    return item


def _delete(ctx: Context, item_id: str) -> Item:
    vault = Vault(ctx)
    item = claim(ctx, vault, item_id)
    with ctx.store.transaction() as conn:
        vault.set_status(conn, item_id, DELETED, time.time())
    crashpoints.point("d.marked")
    vault.blob_path(item_id).unlink(missing_ok=True)
    fsync_dir(vault.dir)
    log.info("deleted quarantined item %s (%s)", item_id, item.original_path)
    return item


def purge(ctx: Context, days: int | None = None, *, now: float | None = None) -> list[Item]:
    """Delete items quarantined more than ``days`` ago (default: the ``quarantine.purge_days`` setting);
    one journal event says how many went. Slow (> 50 ms) when there is much to delete."""
    if days is None:
        days = int(ctx.settings["quarantine.purge_days"])
    if days < 0:
        raise RingfenceError(translate("Quarantine", "The number of days must be zero or more."))
    vault = Vault(ctx)
    cutoff = (time.time() if now is None else now) - days * 86400
    purged = []
    for item in vault.items(statuses=IN_VAULT, older_than=cutoff):
        try:
            purged.append(_delete(ctx, item.id))
        except RingfenceError as exc:
            log.warning("purge skipped %s: %s", item.id, exc.message)
    if purged:
        events.record(ctx.store, "quarantine.purged", count=len(purged), days=days)
    return purged
