"""Sealed files: how definitions lie on disk so that no scanner takes them for what they describe.

Plain YARA rule text is flagged as malware by other security products (and by the rules themselves:
a rule quotes the strings it looks for). Every rule file, golden sample, compiled-rules cache entry
and vendored upstream source is therefore stored *sealed*: a short header of Ringfence's own followed
by a zlib stream. No archive tool or scanner recognises the header, so none unpacks the text to look
inside; Ringfence opens the seal in memory only.

``seal``/``unseal`` handle one blob; ``pack``/``unpack`` keep several named files in one sealed blob
(the vendored upstream rule sets). Both are deterministic: the same input gives the same bytes.
"""

from __future__ import annotations

import struct
import zlib

MAGIC = b"\x89RFSEAL\x01"  # 8 bytes; the 0x89 keeps every tool from reading the file as text
PACK_MAGIC = b"\x89RFPACK\x01"
MAX_UNSEALED = 256 * 1024 * 1024  # a seal never opens to more than this (a damaged or hostile file)
SUFFIX = ".rfz"


class SealError(ValueError):
    """The blob is not a (complete, undamaged) seal."""


def seal(data: bytes, level: int = 9) -> bytes:
    """``data`` sealed; ``level`` 1 for what is sealed often and kept locally (the compiled-rules cache)."""
    return MAGIC + struct.pack("<Q", len(data)) + zlib.compress(data, level)


def is_sealed(head: bytes) -> bool:
    return head[: len(MAGIC)] == MAGIC


def unseal(blob: bytes, limit: int = MAX_UNSEALED) -> bytes:
    if not is_sealed(blob) or len(blob) < len(MAGIC) + 8:
        raise SealError("not a sealed file")
    (length,) = struct.unpack_from("<Q", blob, len(MAGIC))
    if length > limit:
        raise SealError(f"declares {length} bytes, more than the limit of {limit}")
    inflater = zlib.decompressobj()
    try:
        data = inflater.decompress(blob[len(MAGIC) + 8:], length + 1)
    except zlib.error as exc:
        raise SealError(f"damaged ({exc})") from exc
    if len(data) != length or not inflater.eof or inflater.unconsumed_tail:
        raise SealError("damaged (its length does not match its header)")
    return data


def pack(files: dict[str, bytes], level: int = 9) -> bytes:
    """Several named files in one sealed blob (sorted by name, so the result is reproducible)."""
    out = bytearray(PACK_MAGIC)
    for name in sorted(files):
        raw = name.encode("utf-8")
        out += struct.pack("<IQ", len(raw), len(files[name])) + raw + files[name]
    return seal(bytes(out), level)


def unpack(blob: bytes) -> dict[str, bytes]:
    data = unseal(blob)
    if data[: len(PACK_MAGIC)] != PACK_MAGIC:
        raise SealError("not a sealed pack")
    files: dict[str, bytes] = {}
    offset = len(PACK_MAGIC)
    while offset < len(data):
        if offset + 12 > len(data):
            raise SealError("damaged pack entry")
        name_len, size = struct.unpack_from("<IQ", data, offset)
        offset += 12
        end = offset + name_len + size
        if end > len(data):
            raise SealError("damaged pack entry")
        files[data[offset:offset + name_len].decode("utf-8")] = data[offset + name_len:end]
        offset = end
    return files
