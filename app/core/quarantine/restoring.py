"""Putting a quarantined file back — verified before it lands, and never over another file by accident.

Order (each step a crash point, see :mod:`.crashpoints`):

1. an intent naming the temporary file is committed (``r.intent``);
2. the blob is decrypted into that temporary file *beside the destination* (missing folders are
   recreated first), holes kept for all-zero chunks so sparse files stay sparse (``r.chunk``); its
   size and SHA-256 must match the index, or the temporary file is removed and restore refuses;
   mode, ownership (when allowed) and timestamps are applied, and it is fsynced (``r.written``);
3. the final name is chosen by the conflict policy and recorded in the intent (``r.chosen``);
4. the file lands atomically: with ``overwrite`` by ``os.replace``; otherwise by a hard link (or a
   Windows rename), which fails rather than replace a file that appeared meanwhile (``r.landed``);
5. the row becomes ``restored`` and the intent is cleared in one transaction (``r.recorded``);
6. the blob is removed (``r.done``).
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from app.core.context import Context
from app.core.foundation import crashpoints
from app.core.foundation.errors import RingfenceError
from app.core.foundation.fileio import fsync_dir
from app.core.journal import events
from app.core.quarantine import allowlist, crypto, intents
from app.core.quarantine.keystore import load_key
from app.core.quarantine.operations import claim
from app.core.quarantine.vault import RESTORED, Item, Vault
from app.core.text.messages import translate
from app.engine.longpath import too_long

log = logging.getLogger(__name__)

RENAME, SKIP, OVERWRITE = "rename", "skip", "overwrite"
CONFLICT_POLICIES = (RENAME, SKIP, OVERWRITE)


@dataclass(frozen=True)
class RestoreOutcome:
    item_id: str
    action: str  # "restored" | "skipped" | "failed"
    path: str | None = None
    error: str | None = None


def restored_name(name: str, attempt: int) -> str:
    """``report.pdf`` -> ``report (restored).pdf``, then ``report (restored 2).pdf`` ..."""
    path = Path(name)
    stem, suffix = (path.stem, path.suffix) if path.stem else (name, "")
    label = "restored" if attempt == 1 else f"restored {attempt}"
    return f"{stem} ({label}){suffix}"


def restore(ctx: Context, item_id: str, *, to: str | os.PathLike[str] | None = None, on_conflict: str = RENAME,
            allow: bool = False) -> RestoreOutcome:
    """Restore one item to its original path or into folder ``to``. Raises :class:`RingfenceError`.
    Slow (> 50 ms): decrypts, verifies and fsyncs the file."""
    if on_conflict not in CONFLICT_POLICIES:
        raise ValueError(f"unknown conflict policy {on_conflict!r}")  # a programming error: callers offer the choices
    vault = Vault(ctx)
    item = claim(ctx, vault, item_id)
    original = Path(item.original_path)
    if not vault.blob_path(item.id).is_file():
        raise RingfenceError(translate("Quarantine", "The encrypted copy of %1 is missing from the quarantine folder, "
                                       "so it cannot be restored.").arg(item.original_path), detail=item.id)
    # A chosen folder is used where it really is (and reported so); the original place must still be a
    # folder, not a link that replaced it or a folder above it since (it could point anywhere, even into a
    # folder only an administrator may write).
    folder = Path(os.path.realpath(to)) if to is not None else original.parent
    if too_long(str(folder / original.name)):
        raise RingfenceError(translate("Quarantine", "The place of %1 is nested too deep for the system to create a "
                                       "file there by its name, so it was not restored; restore it to a folder you "
                                       "choose instead.").arg(original.name), detail=item.id)
    link = next((d for d in (folder, *folder.parents) if d.is_symlink()), None) if to is None else None
    if link is not None:
        raise RingfenceError(translate("Quarantine", "%1 is now a link to another place, and Ringfence never restores "
                                       "through a link; restore the item to a folder you choose instead.")
                             .arg(str(link)), detail=item.id)
    if folder.exists() and not folder.is_dir():
        raise RingfenceError(translate("Quarantine", "%1 is not a folder, so the item cannot be restored into it.")
                             .arg(str(folder)))
    key = load_key(ctx.paths, create=False)
    wanted = folder / original.name
    if on_conflict == SKIP and os.path.lexists(wanted):
        return RestoreOutcome(item.id, "skipped", str(wanted))
    created = [d for d in (folder, *folder.parents) if not d.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RingfenceError(translate("Quarantine", "The folder %1 cannot be created (%2); choose another folder.")
                             .arg(str(folder), exc.strerror or str(exc))) from exc
    temp = folder / f".{original.name}.ringfence-restore-{item.id}.tmp"
    detail: dict[str, str | None] = {"temp": str(temp), "dest": None}
    with ctx.store.transaction() as conn:
        intent_id = intents.begin(conn, intents.RESTORE, item.id, detail)
    crashpoints.point("r.intent")
    try:
        _write_verified(vault, key, item, temp)
        dest = _land(ctx, intent_id, detail, temp, wanted, on_conflict=on_conflict)
    except BaseException:
        temp.unlink(missing_ok=True)
        with ctx.store.transaction() as conn:
            intents.finish(conn, intent_id)
        _remove_empty(created)
        raise
    if dest is None:
        _remove_empty(created)
        return RestoreOutcome(item.id, "skipped", str(wanted))
    finish_restore(ctx, vault, item, dest, intent_id)
    events.record(ctx.store, "quarantine.restored", path=str(dest), item_id=item.id, threat=item.rule)
    if allow:
        allowlist.allow(ctx, item.sha256, note=f"restored {item.id} to {dest}", name=original.name)
    log.info("restored %s to %s", item.id, dest)
    return RestoreOutcome(item.id, "restored", str(dest))


def restore_version(ctx: Context, definitions_version: str, *, to: str | os.PathLike[str] | None = None,
                    on_conflict: str = RENAME, allow: bool = False) -> list[RestoreOutcome]:
    """Restore everything a given definitions version quarantined (for a withdrawn version). Slow (> 50 ms)."""
    outcomes = []
    for item in Vault(ctx).items(definitions_version=definitions_version):
        try:
            outcomes.append(restore(ctx, item.id, to=to, on_conflict=on_conflict, allow=allow))
        except RingfenceError as exc:
            outcomes.append(RestoreOutcome(item.id, "failed", None, exc.message))
    return outcomes


def _remove_empty(created: list[Path]) -> None:
    """Take back folders a failed restore created (deepest first), as long as they are empty."""
    for folder in created:
        try:
            folder.rmdir()
        except OSError:
            return


def _write_verified(vault: Vault, key: bytes, item: Item, temp: Path) -> None:
    digest, size = hashlib.sha256(), 0
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as sink, open(vault.blob_path(item.id), "rb") as blob:
        for chunk in crypto.decrypt_chunks(key, blob):
            digest.update(chunk)
            size += len(chunk)
            if chunk and chunk.count(0) == len(chunk):
                sink.seek(len(chunk), os.SEEK_CUR)  # leave a hole: sparse stays sparse
            else:
                sink.write(chunk)
            crashpoints.point("r.chunk")
        sink.truncate(size)
        if size != item.size or digest.hexdigest() != item.sha256:
            raise RingfenceError(translate(
                "Quarantine", "The quarantined item does not match its recorded fingerprint, so it was not restored."),
                detail=item.id)
        if item.mode is not None:
            os.chmod(sink.fileno() if os.name == "posix" else temp, item.mode)
        if os.name == "posix" and os.geteuid() == 0 and item.uid is not None and item.gid is not None:
            os.fchown(sink.fileno(), item.uid, item.gid)
        sink.flush()
        os.fsync(sink.fileno())
    if item.mtime_ns is not None:
        os.utime(temp, ns=(item.atime_ns or item.mtime_ns, item.mtime_ns))
    crashpoints.point("r.written")


def _land(ctx: Context, intent_id: int, detail: dict[str, str | None], temp: Path, wanted: Path, *,
          on_conflict: str) -> Path | None:
    """Move ``temp`` to its final name; None when the policy says skip."""
    attempt = 0
    while True:
        dest = wanted if attempt == 0 else wanted.with_name(restored_name(wanted.name, attempt))
        if on_conflict != OVERWRITE and os.path.lexists(dest):
            if on_conflict == SKIP:
                return None
            attempt += 1
            continue
        detail["dest"] = str(dest)
        with ctx.store.transaction() as conn:
            intents.update(conn, intent_id, detail)
        crashpoints.point("r.chosen")
        if on_conflict == OVERWRITE:
            if dest.is_dir():
                raise RingfenceError(translate("Quarantine", "%1 is a folder, so the item cannot replace it; restore it "
                                                             "to another folder.").arg(str(dest)))
            os.replace(temp, dest)
        elif not _place_new(temp, dest):
            continue  # someone created ``dest`` since the check: pick the next name
        fsync_dir(dest.parent)
        crashpoints.point("r.landed")
        return dest


def _place_new(temp: Path, dest: Path) -> bool:
    """Give ``temp`` the name ``dest`` only if nothing has that name; False when something has."""
    if os.name == "nt":
        try:
            os.rename(temp, dest)  # never replaces on Windows
        except FileExistsError:
            return False
        return True
    try:
        os.link(temp, dest)
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        if os.path.lexists(dest):  # a file system without hard links: best effort
            return False
        os.rename(temp, dest)
        return True
    temp.unlink()
    return True


def finish_restore(ctx: Context, vault: Vault, item: Item, dest: Path, intent_id: int) -> None:
    with ctx.store.transaction() as conn:
        vault.set_status(conn, item.id, RESTORED, time.time(), restored_to=str(dest))
        intents.finish(conn, intent_id)
    crashpoints.point("r.recorded")
    vault.blob_path(item.id).unlink(missing_ok=True)
    fsync_dir(vault.dir)
    crashpoints.point("r.done")
