"""The quarantine blob format: AES-256-GCM in chunks, streamed in constant memory.

A blob is a fixed header, the item's own sealed metadata (format 2), then sealed chunks::

    header  = magic "RFQB" | version u8 (2) | chunk_log2 u8 (16) | reserved u16 (0)
              | key_id 8 bytes | salt 32 bytes                                  (48 bytes)
    meta    = length u32 | AES-256-GCM(item_key, nonce_meta, metadata JSON, header | "meta")
    chunk i = AES-256-GCM(item_key, nonce_i, plaintext_i, aad_i)    (len(plaintext_i) + 16 bytes)

- The metadata (where the file came from, its mode, owner, times, size, SHA-256, the detection and
  when it was quarantined) lets the index be rebuilt from the blobs alone. ``nonce_meta`` is eleven
  0xff bytes and a flag byte 2, which no chunk nonce uses. Format 1 blobs (no metadata) still open.

- ``item_key = HKDF-SHA256(master_key, salt, info="ringfence quarantine blob v1")``: every item has
  its own key from a random 256-bit salt, so nonces can never repeat across items whatever the
  number of items in the vault.
- ``nonce_i = i as 11 bytes big-endian | last flag (1 byte)`` and ``aad_i = header | i u64 | last``:
  a chunk moved to another position, a dropped chunk, a truncated or extended stream and a changed
  header all fail authentication (the STREAM construction of Hoang, Reyhanitabar, Rogaway, Vizár).
- Every chunk holds ``2**chunk_log2`` bytes of plaintext except the last, which holds 0 to that many;
  an empty file is a single empty last chunk.
- ``key_id`` is the first 8 bytes of HMAC-SHA256(master_key, "ringfence key id"): it tells a wrong
  key apart from a damaged blob without revealing anything about the key.

Decryption never hands out a byte before the chunk holding it has been authenticated; callers that
write plaintext to disk still verify the whole-file SHA-256 before the file lands (see restore).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.core.foundation.errors import RingfenceError
from app.core.text.messages import translate

MAGIC = b"RFQB"
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)
MAX_METADATA = 1 << 20
_META_NONCE = b"\xff" * 11 + b"\x02"
_META_LENGTH = struct.Struct(">I")
CHUNK_LOG2 = 16
CHUNK_SIZE = 1 << CHUNK_LOG2
TAG_SIZE = 16
KEY_SIZE = 32
SALT_SIZE = 32
_HEADER = struct.Struct(">4sBBH8s32s")
HEADER_SIZE = _HEADER.size
_HKDF_INFO = b"ringfence quarantine blob v1"


class BlobError(RingfenceError):
    """A blob cannot be decrypted: damaged, truncated, of an unknown format, or sealed with another key."""


class WrongKeyError(BlobError):
    """The blob was sealed with a different quarantine key than the one available now."""


def key_id(master_key: bytes) -> bytes:
    """A short public fingerprint of ``master_key`` (stored in each blob header)."""
    return hmac.new(master_key, b"ringfence key id", hashlib.sha256).digest()[:8]


@dataclass(frozen=True)
class Header:
    version: int
    chunk_log2: int
    key_id: bytes
    salt: bytes

    def pack(self) -> bytes:
        return _HEADER.pack(MAGIC, self.version, self.chunk_log2, 0, self.key_id, self.salt)

    @classmethod
    def unpack(cls, raw: bytes) -> Header:
        if len(raw) < HEADER_SIZE:
            raise BlobError(translate("Quarantine", "The quarantined item is damaged (its header is cut short)."))
        magic, version, chunk_log2, _reserved, kid, salt = _HEADER.unpack(raw[:HEADER_SIZE])
        if magic != MAGIC:
            raise BlobError(translate("Quarantine", "The quarantined item is damaged (it is not a Ringfence quarantine file)."))
        if version not in READABLE_VERSIONS or not 12 <= chunk_log2 <= 24:
            raise BlobError(translate(
                "Quarantine", "The quarantined item was written by a newer Ringfence; update Ringfence to restore it."))
        return cls(version, chunk_log2, kid, salt)


def _item_cipher(master_key: bytes, salt: bytes) -> AESGCM:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=KEY_SIZE, salt=salt, info=_HKDF_INFO)
    return AESGCM(hkdf.derive(master_key))


def _nonce_aad(header_bytes: bytes, index: int, last: bool) -> tuple[bytes, bytes]:
    flag = b"\x01" if last else b"\x00"
    return index.to_bytes(11, "big") + flag, header_bytes + struct.pack(">Q", index) + flag


def _read_full(source: BinaryIO, size: int) -> bytes:
    """Read exactly ``size`` bytes unless the stream ends first (short reads of pipes are retried)."""
    parts, remaining = [], size
    while remaining:
        part = source.read(remaining)
        if not part:
            break
        parts.append(part)
        remaining -= len(part)
    return b"".join(parts)


def _metadata_bytes(metadata: dict[str, Any]) -> bytes:
    return json.dumps(metadata, sort_keys=True, separators=(",", ":")).encode()


def encrypt_stream(master_key: bytes, source: BinaryIO, sink: BinaryIO,
                   on_chunk: Callable[[int, bytes], None] | None = None, *,
                   metadata: dict[str, Any] | None = None) -> None:
    """Seal ``metadata`` (JSON) and everything ``source`` yields into ``sink``. ``on_chunk(index,
    plaintext)`` sees each chunk (the caller hashes the plaintext with it and may stop the process
    there in fault tests)."""
    header = Header(FORMAT_VERSION, CHUNK_LOG2, key_id(master_key), os.urandom(SALT_SIZE))
    header_bytes = header.pack()
    cipher = _item_cipher(master_key, header.salt)
    sealed_meta = cipher.encrypt(_META_NONCE, _metadata_bytes(metadata or {}), header_bytes + b"meta")
    if len(sealed_meta) > MAX_METADATA:
        raise ValueError("quarantine metadata too large")  # a programming error: paths are far shorter
    sink.write(header_bytes + _META_LENGTH.pack(len(sealed_meta)) + sealed_meta)
    index = 0
    current = _read_full(source, CHUNK_SIZE)
    while True:
        following = _read_full(source, CHUNK_SIZE) if len(current) == CHUNK_SIZE else b""
        last = not following
        if on_chunk is not None:
            on_chunk(index, current)
        nonce, aad = _nonce_aad(header_bytes, index, last)
        sink.write(cipher.encrypt(nonce, current, aad))
        if last:
            return
        current, index = following, index + 1


def _damaged() -> BlobError:
    return BlobError(translate("Quarantine", "The quarantined item is damaged (its content does not authenticate)."))


def _open(master_key: bytes, source: BinaryIO) -> tuple[Header, bytes, AESGCM, dict[str, Any] | None]:
    """Read and check the header and (format 2) the metadata; the source is left at the first chunk."""
    header_bytes = _read_full(source, HEADER_SIZE)
    header = Header.unpack(header_bytes)
    if not hmac.compare_digest(header.key_id, key_id(master_key)):
        raise WrongKeyError(translate(
            "Quarantine", "The quarantined item was sealed with a different quarantine key, so it cannot be opened."))
    cipher = _item_cipher(master_key, header.salt)
    if header.version == 1:
        return header, header_bytes, cipher, None
    raw_length = _read_full(source, _META_LENGTH.size)
    if len(raw_length) < _META_LENGTH.size:
        raise BlobError(translate("Quarantine", "The quarantined item is damaged (it is cut short)."))
    (length,) = _META_LENGTH.unpack(raw_length)
    sealed_meta = _read_full(source, length) if TAG_SIZE <= length <= MAX_METADATA else b""
    if len(sealed_meta) != length or not sealed_meta:
        raise _damaged()
    try:
        metadata = json.loads(cipher.decrypt(_META_NONCE, sealed_meta, header_bytes + b"meta"))
    except (InvalidTag, ValueError):
        raise _damaged() from None
    return header, header_bytes, cipher, metadata if isinstance(metadata, dict) else {}


def read_metadata(master_key: bytes, source: BinaryIO) -> dict[str, Any] | None:
    """The item's own authenticated metadata, or ``None`` for a format 1 blob (which has none)."""
    return _open(master_key, source)[3]


def decrypt_chunks(master_key: bytes, source: BinaryIO) -> Iterator[bytes]:
    """Yield the authenticated plaintext chunks of the blob in ``source``; raise :class:`BlobError`
    (or :class:`WrongKeyError`) at the first chunk that does not authenticate."""
    header, header_bytes, cipher, _metadata = _open(master_key, source)
    sealed_size = (1 << header.chunk_log2) + TAG_SIZE
    index = 0
    current = _read_full(source, sealed_size)
    while True:
        following = _read_full(source, sealed_size) if len(current) == sealed_size else b""
        last = not following
        if len(current) < TAG_SIZE:
            raise BlobError(translate("Quarantine", "The quarantined item is damaged (it is cut short)."))
        nonce, aad = _nonce_aad(header_bytes, index, last)
        try:
            plaintext = cipher.decrypt(nonce, current, aad)
        except InvalidTag:
            raise _damaged() from None
        yield plaintext
        if last:
            return
        current, index = following, index + 1


def sealed_size(plain_size: int, metadata: dict[str, Any] | None = None) -> int:
    """The size of the blob that holds ``plain_size`` bytes and ``metadata`` (for free-space checks)."""
    chunks = max(1, -(-plain_size // CHUNK_SIZE))
    meta = _META_LENGTH.size + len(_metadata_bytes(metadata or {})) + TAG_SIZE
    return HEADER_SIZE + meta + plain_size + chunks * TAG_SIZE


def content_offset(blob_start: bytes) -> int:
    """Where the first chunk starts in a blob that begins with ``blob_start`` (header and length field)."""
    if blob_start[4] == 1:
        return HEADER_SIZE
    return HEADER_SIZE + _META_LENGTH.size + _META_LENGTH.unpack_from(blob_start, HEADER_SIZE)[0]
