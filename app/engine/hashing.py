"""SHA-256 of files and streams, read in constant memory: the one way Ringfence fingerprints content.

Lives in the engine package (which imports nothing of the core) so the engine worker, the core and the
CLI share it. Errors reading the file are the caller's (``OSError`` passes through).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from typing import BinaryIO

BLOCK = 1 << 20


def blocks(handle: BinaryIO) -> Iterator[bytes]:
    """The rest of ``handle`` in blocks of at most one MiB."""
    while block := handle.read(BLOCK):
        yield block


def sha256_chunks(chunks: Iterable[bytes], algorithm: str = "sha256") -> str:
    digest = hashlib.new(algorithm)
    for chunk in chunks:
        digest.update(chunk)
    return digest.hexdigest()


def sha256_file(path: str | os.PathLike[str]) -> str:
    with open(path, "rb") as handle:
        return sha256_chunks(blocks(handle))


def sha256_fd(fd: int) -> str:
    """The whole content behind an open descriptor (read from the start; the offset ends at the end)."""
    os.lseek(fd, 0, os.SEEK_SET)
    return sha256_chunks(iter(lambda: os.read(fd, BLOCK), b""))


def md5_fd(fd: int) -> str:
    """MD5 of the content behind ``fd``, only for rules that name a file by its MD5 (LOKI's ``md5``)."""
    os.lseek(fd, 0, os.SEEK_SET)
    return sha256_chunks(iter(lambda: os.read(fd, BLOCK), b""), "md5")


__all__ = ["BLOCK", "blocks", "md5_fd", "sha256_chunks", "sha256_fd", "sha256_file"]
