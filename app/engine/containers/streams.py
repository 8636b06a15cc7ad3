"""Single compressed streams: gzip, bzip2, xz and zstd, one member each (a ``.tar.gz`` holds a tar,
which is then read as a container of its own)."""

from __future__ import annotations

import bz2
import functools
import gzip
import lzma
from collections.abc import Callable, Iterator
from typing import IO, Any

from app.engine.archives import Budget
from app.engine.containers import Member

_SUFFIXES = {".tgz": ".tar", ".tbz2": ".tar", ".tbz": ".tar", ".txz": ".tar", ".tzst": ".tar",
             ".gz": "", ".bz2": "", ".xz": "", ".zst": "", ".zstd": ""}


def inner_name(name: str) -> str:
    """The name a decompressed stream goes by: ``x.tar.gz`` -> ``x.tar``, ``notes.txt.xz`` -> ``notes.txt``."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    lower = base.lower()
    for suffix, replacement in _SUFFIXES.items():
        if lower.endswith(suffix) and len(base) > len(suffix):
            return base[: -len(suffix)] + replacement
    return base + ".content" if base else "content"


def _gzip(source: IO[bytes]) -> Any:
    return gzip.GzipFile(fileobj=source, mode="rb")


def _zstd(source: IO[bytes]) -> Any:
    from backports import zstd  # py7zr's own zstd (the standard library has it from Python 3.14)

    return zstd.ZstdFile(source)


_OPENERS: dict[str, Callable[[IO[bytes]], Any]] = {"gzip": _gzip, "bzip2": bz2.BZ2File, "xz": lzma.LZMAFile,
                                                   "zstd": _zstd}


def _reader(kind: str) -> Callable[[IO[bytes], str, Budget, str], Iterator[Member]]:
    def members(source: IO[bytes], name: str, budget: Budget, path: str) -> Iterator[Member]:
        yield Member(inner_name(name), None, functools.partial(_OPENERS[kind], source))

    return members


READERS = {kind: _reader(kind) for kind in _OPENERS}
