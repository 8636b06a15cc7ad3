"""7z archives with ``py7zr`` (pure Python; LZMA, LZMA2, BCJ and the other filters, solid archives).

A solid archive can only be unpacked from its start, so the reader unpacks the whole archive in one
pass, metering each byte as it comes out, and keeps every member in memory up to a small total and in
a spool file beyond it; the members are scanned after that pass, one by one, and their spool files
removed as they go.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterator
from typing import IO

from app.engine.archives import LIMIT_MEMBER_SIZE, Budget, LimitReached, member_path
from app.engine.containers import Member, NotReadable

IN_MEMORY_TOTAL = 16 * 1024 * 1024  # all the members of one archive held in memory at once


class _Sink:
    """One member as it is unpacked: metered, in memory or spooled (a ``py7zr`` writer)."""

    def __init__(self, owner: _Sinks, name: str) -> None:
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
        self.parts = []
        if self.spool is not None:
            self.spool.close()
            try:
                os.unlink(self.spool.name)
            except OSError:
                pass


class _Sinks:
    """The ``py7zr`` writer factory: one :class:`_Sink` per member, in the archive's order."""

    def __init__(self, budget: Budget, path: str) -> None:
        self.budget = budget
        self.path = path
        self.in_memory = 0
        self.made: list[_Sink] = []

    def create(self, filename: str) -> _Sink:
        self.budget.member(member_path(self.path, filename))
        sink = _Sink(self, filename)
        self.made.append(sink)
        return sink


def members(source: IO[bytes], name: str, budget: Budget, path: str) -> Iterator[Member]:
    import py7zr
    from py7zr.exceptions import PasswordRequired, UnsupportedCompressionMethodError

    try:
        archive = py7zr.SevenZipFile(source, mode="r")
    except PasswordRequired:  # even the names are encrypted
        yield Member("", encrypted=True)
        return
    except (py7zr.Bad7zFile, UnsupportedCompressionMethodError, EOFError, OSError, ValueError, KeyError, IndexError,
            TypeError, AttributeError, OverflowError, MemoryError) as exc:
        raise NotReadable(f"7z: {type(exc).__name__}") from exc
    with archive:
        files = [info for info in archive.list() if not info.is_directory]
        if archive.needs_password():
            for info in files:
                yield Member(info.filename, info.uncompressed, encrypted=True)
            return
        sinks = _Sinks(budget, path)
        try:
            try:
                archive.extractall(factory=sinks)  # type: ignore[arg-type]
            except LimitReached as reached:
                if reached.limit != LIMIT_MEMBER_SIZE:
                    raise
                # One member too large: the ones unpacked before it are scanned; the rest are not checked.
                yield from _unpacked(sinks, done=len(sinks.made) - 1)
                raise
            except UnsupportedCompressionMethodError as exc:
                for info in files:
                    yield Member(info.filename, info.uncompressed, unsupported=f"7z: {exc}")
                return
            except (py7zr.Bad7zFile, EOFError, OSError, ValueError, KeyError, IndexError, TypeError, AttributeError,
                    OverflowError, MemoryError, RuntimeError) as exc:
                yield from _unpacked(sinks, done=len(sinks.made) - 1)
                raise NotReadable(f"7z: {type(exc).__name__}") from exc
            yield from _unpacked(sinks, done=len(sinks.made))
        finally:
            for sink in sinks.made:
                sink.discard()


def _unpacked(sinks: _Sinks, done: int) -> Iterator[Member]:
    for sink in sinks.made[:max(0, done)]:
        sink.close()
        yield Member(sink.name, sink.length, sink.open, metered=True)
        sink.discard()


READERS = {"sevenzip": members}
