"""SHA-256 signatures in a form that scales to millions of entries (``content_schema`` 2).

``hashes/sha256.rfh`` holds the digests sorted, 32 bytes each, followed by one little-endian ``uint32``
per digest: the index of its record. ``hashes/records.rfz`` (sealed JSON) holds the few distinct
records (name, category, source, author, licence, reference) that many digests share. A lookup is a
binary search over the digests (a table of at most 250,000 is indexed in a dictionary at the first
look-up instead: 1 µs rather than 25 µs a file); a large table is memory-mapped instead of read, so
start-up stays short and the worker only keeps the pages it touched (a million signatures are 36 MB on
disk).
"""

from __future__ import annotations

import bisect
import json
import mmap
import struct
from collections.abc import Iterator, Mapping
from dataclasses import astuple, dataclass
from pathlib import Path

from app.engine.sealed import SealError, seal, unseal

MAGIC = b"\x89RFHASH\x01"
HEADER = struct.Struct("<8sII")  # magic, count, reserved
DIGEST = 32
MAP_ABOVE = 8 * 1024 * 1024  # smaller tables are read (a mapped file cannot be removed on Windows)
INDEX_UP_TO = 250_000  # tables up to this size get an in-memory index at the first look-up (~30 MB at most)
CATEGORIES = ("threat", "pua", "suspicious")


@dataclass(frozen=True)
class HashRecord:
    """What a signature says about a file: its detection name and where that knowledge comes from."""

    name: str
    category: str = "threat"
    source: str = ""
    author: str = ""
    licence: str = ""
    reference: str = ""


class _Digests:
    """The sorted digests as a sequence of 32-byte ``bytes`` (for :mod:`bisect`)."""

    def __init__(self, view: memoryview, count: int) -> None:
        self.view, self.count = view, count

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, i: int) -> bytes:
        return bytes(self.view[i * DIGEST:(i + 1) * DIGEST])


class HashTable(Mapping[str, str]):
    """A read-only mapping ``sha256 hex -> detection name``, with :meth:`record` for the provenance."""

    def __init__(self, buffer: bytes | mmap.mmap, records: list[HashRecord]) -> None:
        magic, count, _ = HEADER.unpack_from(buffer, 0)
        if magic != MAGIC or len(buffer) != HEADER.size + count * (DIGEST + 4):
            raise ValueError("not a Ringfence hash table, or a damaged one")
        self._buffer = buffer  # keeps the map alive
        view = memoryview(buffer)
        self._digests = _Digests(view[HEADER.size:HEADER.size + count * DIGEST], count)
        self._index = view[HEADER.size + count * DIGEST:].cast("I")
        self._records = records
        self._indexed: dict[bytes, int] | None = None
        if count and max(self._index) >= len(records):
            raise ValueError("a hash names a record that does not exist")

    def record(self, sha256: str) -> HashRecord | None:
        try:
            key = bytes.fromhex(sha256)
        except ValueError:
            return None
        if len(key) != DIGEST:
            return None
        if self._indexed is None and len(self._digests) <= INDEX_UP_TO:
            self._indexed = {self._digests[i]: i for i in range(len(self._digests))}  # threads may race: same result
        if self._indexed is not None:
            found = self._indexed.get(key)
            return None if found is None else self._records[self._index[found]]
        i = bisect.bisect_left(self._digests, key)
        if i < len(self._digests) and self._digests[i] == key:
            return self._records[self._index[i]]
        return None

    def __getitem__(self, sha256: str) -> str:
        found = self.record(sha256)
        if found is None:
            raise KeyError(sha256)
        return found.name

    def __contains__(self, sha256: object) -> bool:
        return isinstance(sha256, str) and self.record(sha256) is not None

    def __len__(self) -> int:
        return len(self._digests)

    def __iter__(self) -> Iterator[str]:
        for i in range(len(self._digests)):
            yield self._digests[i].hex()


def hash_record(hashes: Mapping[str, str], sha256: str) -> HashRecord | None:
    """The record of ``sha256`` in either form of hash list (a schema-1 list knows only names)."""
    if isinstance(hashes, HashTable):
        return hashes.record(sha256)
    name = hashes.get(sha256)
    return HashRecord(name) if name is not None else None


def encode(entries: Mapping[str, HashRecord]) -> tuple[bytes, bytes]:
    """``(sha256.rfh, records.rfz)`` for ``entries`` (reproducible: sorted, records in first-use order)."""
    records: dict[HashRecord, int] = {}
    digests = bytearray()
    index = bytearray()
    for sha in sorted(entries):
        record = entries[sha]
        digests += bytes.fromhex(sha)
        index += struct.pack("<I", records.setdefault(record, len(records)))
    table = HEADER.pack(MAGIC, len(entries), 0) + bytes(digests) + bytes(index)
    listing = json.dumps([list(astuple(r)) for r in records], ensure_ascii=False, separators=(",", ":"))
    return table, seal(listing.encode("utf-8"))


def read(table_path: Path, records_path: Path) -> HashTable:
    """Open a hash table; raises ``ValueError`` (or ``OSError``) when it is damaged."""
    try:
        rows = json.loads(unseal(records_path.read_bytes()).decode("utf-8"))
    except (SealError, UnicodeDecodeError) as exc:
        raise ValueError(f"the hash records are damaged ({exc})") from exc
    if not isinstance(rows, list) or not all(isinstance(r, list) and len(r) == 6 for r in rows):
        raise ValueError("the hash records are not a list of six-field records")
    records = [HashRecord(*(str(v) for v in row)) for row in rows]
    with open(table_path, "rb") as handle:
        size = handle.seek(0, 2)
        if size > MAP_ABOVE:
            return HashTable(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ), records)
        handle.seek(0)
        return HashTable(handle.read(), records)
