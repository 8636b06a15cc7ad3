"""A read-only stream over one range of a seekable source (members stored as they are)."""

from __future__ import annotations

import io
from typing import IO


class Slice(io.RawIOBase):
    """``length`` bytes of ``source`` from ``start``; reads past the source's end simply end early."""

    def __init__(self, source: IO[bytes], start: int, length: int) -> None:
        super().__init__()
        self.source = source
        self.at = start
        self.left = max(0, length)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self.left <= 0:
            return 0
        self.source.seek(self.at)
        data = self.source.read(min(len(buffer), self.left))
        buffer[:len(data)] = data
        self.at += len(data)
        self.left = self.left - len(data) if data else 0
        return len(data)
