"""OneNote notebooks (``.one``): the files embedded in a notebook, as members.

Each embedded file is a ``FileDataStoreObject`` ([MS-ONESTORE] §2.6.13): the header GUID
``{BDE316E7-2665-4511-A4C4-8D4D0B7A9EAC}``, the length (``cbLength``, 64 bits), 4 unused and 8 reserved
bytes, then the file's bytes. The reader finds every such header in the notebook and yields what
follows it (never more than the notebook holds). The names a notebook gives its attachments live in
its property sets; members are named ``attachment-N`` in their order.
"""

from __future__ import annotations

import functools
import os
import struct
from collections.abc import Iterator
from typing import IO

from app.engine.archives import CHUNK, Budget
from app.engine.containers import Member
from app.engine.containers.slices import Slice

FILE_DATA = bytes.fromhex("E716E3BD65261145A4C48D4D0B7A9EAC")
_HEADER = 16 + 8 + 4 + 8


def members(source: IO[bytes], name: str, budget: Budget, path: str) -> Iterator[Member]:
    source.seek(0, os.SEEK_END)
    size = source.tell()
    found = 0
    free_from = 0  # a header inside an attachment belongs to that attachment (a notebook in a notebook)
    for at in _headers(source, size, budget, path):
        if at < free_from:
            continue
        source.seek(at + 16)
        length = struct.unpack("<Q", source.read(8).ljust(8, b"\0"))[0]
        start = at + _HEADER
        found += 1
        free_from = start + min(length, size - start)
        yield Member(f"attachment-{found}", length, functools.partial(Slice, source, start, free_from - start))


def _headers(source: IO[bytes], size: int, budget: Budget, path: str) -> Iterator[int]:
    """Where each embedded file's header starts, in order (searched in chunks, across their borders)."""
    at = 0
    while at < size:
        budget.check_time(path)
        source.seek(at)
        chunk = source.read(CHUNK + len(FILE_DATA) - 1)
        offset = chunk.find(FILE_DATA)
        while offset >= 0:
            if offset < CHUNK and at + offset + _HEADER <= size:
                yield at + offset
            offset = chunk.find(FILE_DATA, offset + 1)
        at += CHUNK


READERS = {"onenote": members}
