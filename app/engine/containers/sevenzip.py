"""7z archives with ``py7zr`` (pure Python; LZMA, LZMA2, BCJ and the other filters, solid archives).

A solid archive can only be unpacked from its start, so the reader unpacks the whole archive in one
pass, metering each byte as it comes out, and keeps every member in memory up to a small total and in
a spool file beyond it; the members are scanned after that pass, one by one, and their spool files
removed as they go.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from app.engine.archives import CHUNK, LIMIT_MEMBER_SIZE, MAX_DICTIONARY, Budget, LimitReached
from app.engine.containers import Member, NotReadable
from app.engine.containers.sinks import Sinks

_LZMA2, _LZMA = b"\x21", b"\x03\x01\x01"


def _chunk() -> int:
    return CHUNK


def members(source: IO[bytes], name: str, budget: Budget, path: str) -> Iterator[Member]:
    import py7zr
    import py7zr.py7zr
    from py7zr.exceptions import PasswordRequired, UnsupportedCompressionMethodError

    # py7zr asks its decompressor for up to 128 MB at once (its "memory limit"): 1 MB of zeros would
    # come out as one 128 MB piece before the sink could meter it. One chunk at a time instead.
    py7zr.py7zr.get_memory_limit = _chunk

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
        if (dictionary := _largest_dictionary(archive)) > MAX_DICTIONARY:
            for info in files:
                yield Member(info.filename, info.uncompressed, unsupported=f"7z dictionary of {dictionary >> 20} MB")
            return
        sinks = Sinks(budget, path)
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


def _largest_dictionary(archive: object) -> int:
    """The largest LZMA / LZMA2 dictionary the archive's folders declare (the decoder allocates it)."""
    largest = 0
    try:
        folders = archive.header.main_streams.unpackinfo.folders  # type: ignore[attr-defined]
    except AttributeError:  # no packed streams (only empty files)
        return 0
    for folder in folders:
        for coder in folder.coders:
            method, properties = coder.get("method", b""), coder.get("properties") or b""
            if method == _LZMA2 and len(properties) >= 1:
                bits = min(properties[0], 40)
                largest = max(largest, 0xFFFFFFFF if bits == 40 else (2 | (bits & 1)) << (bits // 2 + 11))
            elif method == _LZMA and len(properties) >= 5:
                largest = max(largest, int.from_bytes(properties[1:5], "little"))
    return largest


def _unpacked(sinks: Sinks, done: int) -> Iterator[Member]:
    for sink in sinks.made[:max(0, done)]:
        sink.close()
        yield Member(sink.name, sink.length, sink.open, metered=True)
        sink.discard()


READERS = {"sevenzip": members}
