"""Members unpacked by a library that pushes their bytes (py7zr's writers, UnRAR's callback) rather
than handing out a stream to read: each byte is metered against the file's budget as it arrives, and
the members of one archive are held in memory up to :data:`IN_MEMORY_TOTAL` together, spooled to a
file in the worker's spool folder beyond that."""

from __future__ import annotations

import io
import os
import tempfile
from typing import IO

from app.engine.archives import LIMIT_MEMBER_SIZE, Budget, LimitReached, member_path

IN_MEMORY_TOTAL = 16 * 1024 * 1024  # all the members of one archive held in memory at once


class Sink:
    """One member as it is unpacked: metered, in memory or spooled (a ``py7zr`` writer; the RAR reader
    writes into it from UnRAR's callback)."""

    def __init__(self, owner: Sinks, name: str) -> None:
        self.owner = owner
        self.name = name
        self.path = member_path(owner.path, name)
        self.parts: list[bytes] = []
        self.spool: IO[bytes] | None = None
        self.length = 0
        self.too_large = False

    def write(self, data: bytes | bytearray) -> int:
        budget = self.owner.budget
        budget.consume(len(data), self.path)
        budget.check_time(self.path)
        self.length += len(data)
        if self.length > budget.limits.max_member:
            self.too_large = True
            raise LimitReached(LIMIT_MEMBER_SIZE, self.path)
        if self.spool is None and self.owner.in_memory + len(data) > IN_MEMORY_TOTAL:
            self.spool = tempfile.NamedTemporaryFile(prefix="member-", dir=budget.spool_dir, delete=False)  # noqa: SIM115
            self.spool.writelines(self.parts)
            self.owner.in_memory -= sum(len(part) for part in self.parts)
            self.parts = []
        if self.spool is not None:
            self.spool.write(data)
        else:
            self.parts.append(bytes(data))
            self.owner.in_memory += len(data)
        return len(data)

    def read(self, size: int | None = None) -> bytes:
        return b""

    def seek(self, offset: int, whence: int = 0) -> int:
        return 0

    def flush(self) -> None:
        pass

    def size(self) -> int:
        return self.length

    def close(self) -> None:
        if self.spool is not None:
            self.spool.close()

    def open(self) -> IO[bytes]:
        if self.spool is not None:
            return open(self.spool.name, "rb")  # the matcher closes it
        return io.BytesIO(b"".join(self.parts))

    def discard(self) -> None:
        self.owner.in_memory -= sum(len(part) for part in self.parts)
        self.parts = []
        if self.spool is not None:
            self.spool.close()
            try:
                os.unlink(self.spool.name)
            except OSError:
                pass


class Sinks:
    """One :class:`Sink` per member, in the archive's order (the ``py7zr`` writer factory); each counts
    as a member of the budget when it is made."""

    def __init__(self, budget: Budget, path: str) -> None:
        self.budget = budget
        self.path = path
        self.in_memory = 0
        self.made: list[Sink] = []

    def create(self, filename: str) -> Sink:
        self.budget.member(member_path(self.path, filename))
        sink = Sink(self, filename)
        self.made.append(sink)
        return sink
