"""Looking inside archives with bounded work (the formats: :mod:`app.engine.containers`).

A file on disk gets one :class:`Budget` for its whole archive tree: the bytes unpacked, the members
looked at and the time spent count against one total, however deeply archives nest, so a nested zip
bomb costs no more than a flat one. Decompression is metered as it streams; the sizes an archive
declares in its headers are never trusted. A member is held in memory up to :data:`IN_MEMORY` bytes
and spooled to a temporary file beyond that (in the worker's own spool folder, which the supervisor
removes if the worker dies), so a worker's memory stays bounded whatever an archive holds.

Reaching a limit is never silent: the matcher records which limit stopped it (:data:`LIMITS`), and
the scan reports the file as not fully checked.
"""

from __future__ import annotations

import os
import struct
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any

LIMIT_DEPTH = "depth"
LIMIT_MEMBERS = "members"
LIMIT_EXPANDED = "expanded"
LIMIT_MEMBER_SIZE = "member-size"
LIMIT_TIME = "time"
LIMITS = (LIMIT_DEPTH, LIMIT_MEMBERS, LIMIT_EXPANDED, LIMIT_MEMBER_SIZE, LIMIT_TIME)
# Why else a member may go unchecked (never a limit: the container decides, not the user's settings).
ENCRYPTED = "encrypted"  # behind a password
UNREADABLE = "unreadable"  # a damaged or truncated container, read up to where it broke
UNSUPPORTED = "unsupported"  # stored in a way no reader here unpacks (RAR compression, LZX…)

IN_MEMORY = 8 * 1024 * 1024
CHUNK = 1024 * 1024
# The largest dictionary of a compressed stream unpacked (7z's LZMA, RAR): the decoder holds it in
# memory. 7-Zip's "Ultra" and WinRAR's defaults stay within it; a larger one is named, not unpacked.
MAX_DICTIONARY = 64 * 1024 * 1024
MAX_CENTRAL_DIRECTORY = 32 * 1024 * 1024  # about 300,000 entries: listing more would cost memory itself
_EOCD = struct.Struct("<4s4H2LH")


@dataclass(frozen=True)
class ArchiveLimits:
    enabled: bool = True
    max_depth: int = 17  # ClamAV's MaxRecursion
    max_members: int = 10000  # in the whole archive tree (ClamAV's MaxFiles)
    max_expanded: int = 2048 * 1024 * 1024  # bytes unpacked from the whole archive tree: 5x ClamAV's MaxScanSize
    max_member: int = 256 * 1024 * 1024  # the largest member unpacked (like the largest file scanned)
    max_seconds: float = 300.0
    limit_is_finding: bool = False  # a file not fully checked is a finding only when the user asks (AlertExceedsMax)
    encrypted_is_finding: bool = False  # a password-protected archive likewise (ClamAV's AlertEncrypted)


def archive_limits(options: dict[str, Any]) -> ArchiveLimits:
    """The request's archive limits; what it leaves out keeps the engine's defaults."""
    default = ArchiveLimits()
    return ArchiveLimits(
        enabled=bool(options.get("scan_archives", default.enabled)),
        max_depth=int(options.get("archive_max_depth", default.max_depth)),
        max_members=int(options.get("archive_max_members", default.max_members)),
        max_expanded=int(options.get("archive_max_expanded", default.max_expanded)),
        max_member=int(options.get("max_file_size", default.max_member)),
        max_seconds=float(options.get("archive_max_seconds", default.max_seconds)),
        limit_is_finding=bool(options.get("archive_limit_is_finding", default.limit_is_finding)),
        encrypted_is_finding=bool(options.get("encrypted_is_finding", default.encrypted_is_finding)),
    )


class LimitReached(Exception):
    def __init__(self, limit: str, path: str = "") -> None:
        super().__init__(limit)
        self.limit = limit
        self.path = path


class Budget:
    """What the archive tree of one file may still cost. ``beat`` is called before each member, so a
    watchdog sees a long archive making progress."""

    def __init__(self, limits: ArchiveLimits, beat: Callable[[], None] | None = None,
                 spool_dir: str | None = None) -> None:
        self.limits = limits
        self.spool_dir = spool_dir
        self.bytes_left = limits.max_expanded
        self.members_left = limits.max_members
        self.deadline = time.monotonic() + limits.max_seconds
        self.beat = beat

    def member(self, path: str) -> None:
        self.check_time(path)
        if self.members_left <= 0:
            raise LimitReached(LIMIT_MEMBERS, path)
        self.members_left -= 1
        if self.beat is not None:
            self.beat()

    def consume(self, size: int, path: str) -> None:
        self.bytes_left -= size
        if self.bytes_left < 0:
            raise LimitReached(LIMIT_EXPANDED, path)

    def check_time(self, path: str) -> None:
        if time.monotonic() > self.deadline:
            raise LimitReached(LIMIT_TIME, path)


def member_path(outer: str, name: str) -> str:
    """``outer!name``, with ``%`` and ``!`` in the member's name escaped, so the path stays unambiguous."""
    return f"{outer}!{name.replace('%', '%25').replace('!', '%21')}"


def member_name(path: str) -> str:
    """The last member's own name (unescaped) of a path made by :func:`member_path`."""
    return path.rsplit("!", 1)[-1].replace("%21", "!").replace("%25", "%")


def central_directory_too_large(source: IO[bytes]) -> bool:
    """True when the archive's central directory is too large to list (read from its end record)."""
    try:
        source.seek(0, os.SEEK_END)
        size = source.tell()
        tail_start = max(0, size - (_EOCD.size + 65535))
        source.seek(tail_start)
        tail = source.read()
        source.seek(0)
    except (OSError, ValueError):
        return False
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + _EOCD.size > len(tail):
        return False
    directory_size = _EOCD.unpack_from(tail, at)[5]
    return bool(directory_size != 0xFFFFFFFF and directory_size > MAX_CENTRAL_DIRECTORY)


@dataclass
class Unpacked:
    """One member's content: in memory, or in a spool file (removed by :meth:`close`)."""

    data: bytes | None = None
    spool: str | None = None

    def close(self) -> None:
        if self.spool is not None:
            try:
                os.unlink(self.spool)
            except OSError:
                pass


def unpack(opener: Callable[[], Any], budget: Budget, path: str, metered: bool = False) -> Unpacked:
    """Unpack one member, metering what actually comes out against ``budget`` (unless its reader
    already has: ``metered``)."""
    parts: list[bytes] = []
    size = 0
    spool: IO[bytes] | None = None
    try:
        with opener() as handle:
            while chunk := handle.read(CHUNK):
                size += len(chunk)
                if not metered:
                    budget.consume(len(chunk), path)
                if size > budget.limits.max_member:
                    raise LimitReached(LIMIT_MEMBER_SIZE, path)
                budget.check_time(path)
                if spool is None and size > IN_MEMORY:
                    spool = tempfile.NamedTemporaryFile(prefix="member-", dir=budget.spool_dir,  # noqa: SIM115
                                                        delete=False)
                    spool.writelines(parts)
                    parts = []
                if spool is not None:
                    spool.write(chunk)
                else:
                    parts.append(chunk)
    except BaseException:
        if spool is not None:
            spool.close()
            Unpacked(spool=spool.name).close()
        raise
    if spool is not None:
        spool.close()
        return Unpacked(spool=spool.name)
    return Unpacked(data=b"".join(parts))
