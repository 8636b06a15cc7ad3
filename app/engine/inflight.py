"""The in-flight journal: which files the worker's threads are matching right now.

A small memory-mapped file with one slot per matching thread. A thread writes the file's sequence
number, start time and path into its slot before matching and clears it after. The slots survive the
worker being killed, so the supervisor can name the file(s) in flight when the engine died or hung,
at the cost of a memory write per file (no message crosses the IPC boundary for a clean file). A file
that takes long but makes progress (an archive, member after member) restarts its clock with
:meth:`Journal.beat`, so only a file that is really stuck counts as hung. Each worker gets a journal
file of its own, so records left by a dead worker are never read as the new one's.
"""

from __future__ import annotations

import mmap
import os
import struct
import time
from pathlib import Path

SLOT_SIZE = 4096
_HEADER = struct.Struct("<qqI")  # seq (-1 = idle), start monotonic_ns, path length
_MAX_PATH = SLOT_SIZE - _HEADER.size


class Journal:
    def __init__(self, path: Path, slots: int) -> None:
        self.path = path
        self.slots = slots
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(_HEADER.pack(-1, 0, 0).ljust(SLOT_SIZE, b"\0") * slots)
        self._file = open(path, "r+b")  # noqa: SIM115 - lives as long as the journal
        self._map = mmap.mmap(self._file.fileno(), SLOT_SIZE * slots)

    def begin(self, slot: int, seq: int, path: str) -> None:
        raw = os.fsencode(path)[:_MAX_PATH]
        offset = slot * SLOT_SIZE
        self._map[offset + _HEADER.size: offset + _HEADER.size + len(raw)] = raw
        self._map[offset: offset + _HEADER.size] = _HEADER.pack(seq, time.monotonic_ns(), len(raw))

    def beat(self, slot: int) -> None:
        """The file in ``slot`` is making progress (an archive moved on to its next member): restart its clock."""
        offset = slot * SLOT_SIZE
        seq, _, length = _HEADER.unpack_from(self._map, offset)
        self._map[offset: offset + _HEADER.size] = _HEADER.pack(seq, time.monotonic_ns(), length)

    def end(self, slot: int) -> None:
        offset = slot * SLOT_SIZE
        self._map[offset: offset + _HEADER.size] = _HEADER.pack(-1, 0, 0)

    def close(self) -> None:
        self._map.close()
        self._file.close()


def read_journal(path: Path) -> list[tuple[int, float, str]]:
    """The files in flight: (seq, seconds in flight, path). Usable after the worker died."""
    try:
        data = path.read_bytes()
    except OSError:
        return []
    now = time.monotonic_ns()
    found = []
    for offset in range(0, len(data) - SLOT_SIZE + 1, SLOT_SIZE):
        seq, started, length = _HEADER.unpack_from(data, offset)
        if seq >= 0 and 0 < length <= _MAX_PATH:
            raw = data[offset + _HEADER.size: offset + _HEADER.size + length]
            found.append((seq, max(0.0, (now - started) / 1e9), os.fsdecode(raw)))
    return sorted(found)
