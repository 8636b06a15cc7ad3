"""Readers for the containers malware arrives in, behind one small interface.

A reader takes a seekable source (the container's bytes), the container's own name and the file's
:class:`~app.engine.archives.Budget`, and yields :class:`Member` s: a name, the size the container
declares (a hint only, never trusted), whether the member is password-protected, and a way to open its
content as a stream. The matcher meters every byte it reads from that stream against the budget
(unless the reader did so itself, ``metered``) and scans the member under its own name, looking
inside it again when it is a container too.

Formats are recognised by content (:func:`detect`), never by the file's extension. A reader that
cannot make sense of its container raises :class:`NotReadable`; the file is then reported as not fully
checked, never as a threat.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import IO, Any

from app.engine.archives import ENCRYPTED, UNREADABLE, UNSUPPORTED, Budget

PROBE = 0x8806  # enough to see an ISO 9660 / UDF volume descriptor at 32 KB



@dataclass
class Member:
    name: str
    size_hint: int | None = None
    open: Callable[[], Any] | None = None  # a binary stream (read, close); None when encrypted or unsupported
    encrypted: bool = False
    unsupported: str = ""  # why it cannot be unpacked (the method's name)
    metered: bool = False  # the reader already counted the member's bytes against the budget


class NotReadable(Exception):
    """The container cannot be read (damaged, truncated, hostile). ``quiet``: say nothing (a zip
    signature is common in files that are no zip archive to us)."""

    def __init__(self, what: str, quiet: bool = False) -> None:
        super().__init__(what)
        self.quiet = quiet


Reader = Callable[[IO[bytes], str, Budget, str], Generator[Member, None, None]]  # (source, own name, budget, path)

_ONENOTE = bytes.fromhex("E4525C7B8CD8A74DAEB15378D02996D3")
_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"PK\x03\x04", "zip"),
    (0, b"7z\xbc\xaf\x27\x1c", "sevenzip"),
    (0, b"Rar!\x1a\x07\x00", "rar"),
    (0, b"Rar!\x1a\x07\x01\x00", "rar"),
    (0, b"MSCF\x00\x00\x00\x00", "cab"),
    (0, _ONENOTE, "onenote"),
    (0, b"\x1f\x8b\x08", "gzip"),
    (0, b"\xfd7zXZ\x00", "xz"),
    (0, b"\x28\xb5\x2f\xfd", "zstd"),
    (257, b"ustar", "tar"),
    (0x8001, b"CD001", "iso"),
    (0x8001, b"BEA01", "iso"),
)

_MODULES = {"zip": "zip", "sevenzip": "sevenzip", "rar": "rar", "cab": "cab", "onenote": "onenote",
            "gzip": "streams", "xz": "streams", "bzip2": "streams", "zstd": "streams", "tar": "tar", "iso": "iso"}


def detect(probe: bytes) -> str | None:
    """The container format of content starting with ``probe`` (:data:`PROBE` bytes when it has them)."""
    for offset, magic, kind in _SIGNATURES:
        if probe[offset:offset + len(magic)] == magic:
            return kind
    if probe[:3] == b"BZh" and probe[3:4].isdigit() and probe[4:10] in (b"1AY&SY", b"\x17rE8P\x90"):
        return "bzip2"
    return None


def reader(kind: str) -> Reader:
    """The reader of ``kind`` (imported on first use: the engine's start-up stays short)."""
    module = importlib.import_module(f"{__name__}.{_MODULES[kind]}")
    found: Reader = module.READERS[kind]
    return found


__all__ = ["ENCRYPTED", "PROBE", "UNREADABLE", "UNSUPPORTED", "Member", "NotReadable", "Reader", "detect", "reader"]
