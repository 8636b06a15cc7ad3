"""Microsoft cabinet files (``.cab``), read by Ringfence itself: stored and MSZIP folders are unpacked
as they stream (``zlib``), LZX and Quantum folders are named as not fully checked.

Layout ([MS-CAB]): a header, the folders (where each one's data blocks start, how many, how they are
compressed), the files (length, offset in their folder's unpacked stream, folder, name), then the data
blocks (each at most 32 KB unpacked). An MSZIP block is ``CK`` followed by deflate data that may refer
back into the block before it.
"""

from __future__ import annotations

import functools
import io
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from app.engine.archives import Budget
from app.engine.containers import Member, NotReadable

_HEADER = struct.Struct("<4sIIIIIBBHHHHH")
_FOLDER = struct.Struct("<IHH")
_FILE = struct.Struct("<IIHHHH")
_DATA = struct.Struct("<IHH")
BLOCK = 32768
NONE, MSZIP = 0, 1
_METHODS = {2: "Quantum", 3: "LZX"}
_FROM_PREVIOUS = (0xFFFD, 0xFFFF)  # files continued from the previous cabinet of a set
_TO_NEXT = 0xFFFE


@dataclass
class _Folder:
    start: int
    blocks: int
    method: int


def members(source: IO[bytes], name: str, budget: Budget, path: str) -> Iterator[Member]:
    try:
        folders, files, data_reserve = _directory(source)
    except (struct.error, ValueError) as exc:
        raise NotReadable(f"cab: {exc}") from exc
    streams: dict[int, _FolderStream] = {}
    for length, offset, listed, file_name in sorted(files, key=lambda f: (f[2], f[1])):
        # A file that goes on in the next cabinet begins in this one's last folder: its part here is read.
        index = len(folders) - 1 if listed == _TO_NEXT else listed
        if index in _FROM_PREVIOUS or not 0 <= index < len(folders):
            yield Member(file_name, length, unsupported="cab: continued from another cabinet")
            continue
        folder = folders[index]
        method = folder.method & 0x0F
        if method not in (NONE, MSZIP):
            yield Member(file_name, length, unsupported=f"cab: {_METHODS.get(method, 'unknown')} compression")
            continue
        stream = streams.get(id(folder))
        if stream is None or stream.position > offset:
            stream = streams[id(folder)] = _FolderStream(source, folder, data_reserve, budget, path)
        yield Member(file_name, length, functools.partial(_Range, stream, offset, length))


def _directory(source: IO[bytes]) -> tuple[list[_Folder], list[tuple[int, int, int, str]], int]:
    head = source.read(_HEADER.size)
    (_sig, _r1, _size, _r2, files_at, _r3, _minor, _major, folder_count, file_count, flags, _set,
     _index) = _HEADER.unpack(head)
    folder_reserve = data_reserve = 0
    if flags & 0x4:
        header_reserve, folder_reserve, data_reserve = struct.unpack("<HBB", source.read(4))
        source.seek(header_reserve, io.SEEK_CUR)
    for flag in (0x1, 0x2):  # the previous / next cabinet's name and disk
        if flags & flag:
            _cstring(source)
            _cstring(source)
    folders = []
    for _ in range(folder_count):
        start, blocks, method = _FOLDER.unpack(source.read(_FOLDER.size))
        source.seek(folder_reserve, io.SEEK_CUR)
        folders.append(_Folder(start, blocks, method))
    source.seek(files_at)
    files = []
    for _ in range(file_count):
        length, offset, index, _date, _time, attributes = _FILE.unpack(source.read(_FILE.size))
        raw = _cstring(source)
        files.append((length, offset, index, raw.decode("utf-8" if attributes & 0x80 else "cp437", "replace")))
    return folders, files, data_reserve


def _cstring(source: IO[bytes], limit: int = 1024) -> bytes:
    out = bytearray()
    while len(out) <= limit:
        byte = source.read(1)
        if not byte:
            raise ValueError("the cabinet ends inside a name")
        if byte == b"\0":
            return bytes(out)
        out += byte
    raise ValueError("a name in the cabinet is too long")


class _FolderStream:
    """A folder's unpacked bytes, block by block, from its start; what is skipped is metered too."""

    def __init__(self, source: IO[bytes], folder: _Folder, reserve: int, budget: Budget, path: str) -> None:
        self.source, self.folder, self.reserve, self.budget, self.path = source, folder, reserve, budget, path
        self.next_block_at = folder.start
        self.blocks_left = folder.blocks
        self.position = 0  # in the unpacked stream
        self.pending = b""
        self.history = b""

    def read(self, size: int) -> bytes:
        while not self.pending and self.blocks_left > 0:
            self.pending = self._block()
        data, self.pending = self.pending[:size], self.pending[size:]
        self.position += len(data)
        return data

    def skip_to(self, offset: int) -> None:
        while self.position < offset:
            data = self.read(min(BLOCK, offset - self.position))
            if not data:
                return
            self.budget.consume(len(data), self.path)

    def _block(self) -> bytes:
        self.budget.check_time(self.path)
        self.source.seek(self.next_block_at)
        _checksum, packed, unpacked = _DATA.unpack(self.source.read(_DATA.size).ljust(_DATA.size, b"\0"))
        self.source.seek(self.reserve, io.SEEK_CUR)
        raw = self.source.read(packed)
        self.next_block_at += _DATA.size + self.reserve + packed
        self.blocks_left -= 1
        if len(raw) < packed or unpacked > BLOCK:
            self.blocks_left = 0
            raise ValueError("a data block of the cabinet is damaged or cut short")
        if self.folder.method & 0x0F == NONE:
            return raw
        if raw[:2] != b"CK":
            raise ValueError("an MSZIP block of the cabinet has no CK signature")
        inflater = zlib.decompressobj(-15, zdict=self.history) if self.history else zlib.decompressobj(-15)
        block = inflater.decompress(raw[2:], BLOCK)
        self.history = (self.history + block)[-BLOCK:]
        return block


class _Range(io.RawIOBase):
    """One file: ``length`` bytes from ``offset`` of its folder's unpacked stream."""

    def __init__(self, stream: _FolderStream, offset: int, length: int) -> None:
        super().__init__()
        self.stream = stream
        stream.skip_to(offset)
        self.left = length

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self.left <= 0:
            return 0
        try:
            data = self.stream.read(min(len(buffer), self.left))
        except zlib.error as exc:
            raise ValueError(f"an MSZIP block of the cabinet cannot be unpacked: {exc}") from exc
        buffer[:len(data)] = data
        self.left = self.left - len(data) if data else 0
        return len(data)


READERS = {"cab": members}
