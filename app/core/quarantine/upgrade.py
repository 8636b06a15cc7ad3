"""Giving blobs of format 1 their own metadata, so items quarantined before format 2 also survive the
loss of the index.

A format 1 blob is re-sealed from its authenticated content with the item's index row as metadata:
into the temporary blob first, its SHA-256 checked against the index, fsynced, then renamed over the
old blob — at every moment one complete blob carries the name. A failure leaves the old blob as it
was (a leftover temporary blob is removed by the next start-up's recovery). Runs at start-up.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterator

from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.foundation.fileio import fsync_dir, replace_with_retry
from app.core.quarantine import crypto
from app.core.quarantine.keystore import load_key
from app.core.quarantine.vault import Item, Vault

log = logging.getLogger(__name__)


class _ChunkStream:
    """``read(n)`` over an iterator of byte chunks (what :func:`crypto.encrypt_stream` reads from)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks, self._buffer = chunks, b""

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self._buffer) < size:
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            self._buffer += chunk
        if size < 0:
            size = len(self._buffer)
        data, self._buffer = self._buffer[:size], self._buffer[size:]
        return data


def _format(vault: Vault, item_id: str) -> int | None:
    try:
        with open(vault.blob_path(item_id), "rb") as handle:
            head = handle.read(crypto.HEADER_SIZE)
    except OSError:
        return None
    return head[4] if len(head) == crypto.HEADER_SIZE and head[:4] == crypto.MAGIC else None


def _reseal(vault: Vault, key: bytes, item: Item) -> None:
    blob, temp = vault.blob_path(item.id), vault.temp_blob_path(item.id)
    digest = hashlib.sha256()
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as sink, open(blob, "rb") as source:
            plain = _ChunkStream(crypto.decrypt_chunks(key, source))
            crypto.encrypt_stream(key, plain, sink, lambda _index, data: digest.update(data),  # type: ignore[arg-type]
                                  metadata=item.metadata())
            sink.flush()
            os.fsync(sink.fileno())
        if digest.hexdigest() != item.sha256:
            raise RingfenceError(f"quarantine blob {item.id} does not match its recorded SHA-256; left as it was")
        replace_with_retry(temp, blob)
        fsync_dir(vault.dir)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def upgrade_blobs(ctx: Context) -> list[str]:
    """Re-seal every format 1 blob of an item in the vault with its metadata; returns the ids upgraded."""
    vault = Vault(ctx)
    old = [item for item in vault.items() if _format(vault, item.id) == 1]
    if not old:
        return []
    try:
        key = load_key(ctx.paths, create=False)
    except RingfenceError as exc:  # a locked keyring: try again at the next start
        log.warning("quarantine blobs not upgraded: %s", exc.message)
        return []
    upgraded = []
    for item in old:
        try:
            _reseal(vault, key, item)
        except (RingfenceError, OSError) as exc:
            log.warning("quarantine blob %s kept in format 1: %s", item.id, exc)
            continue
        upgraded.append(item.id)
    log.info("%d quarantine blob(s) upgraded to format %d", len(upgraded), crypto.FORMAT_VERSION)
    return upgraded
