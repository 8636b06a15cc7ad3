"""Zip archives (and jars, wheels, Office files), with the standard library's ``zipfile``."""

from __future__ import annotations

import functools
import zipfile
from collections.abc import Iterator
from typing import IO

from app.engine.archives import LIMIT_MEMBERS, Budget, LimitReached, central_directory_too_large
from app.engine.containers import Member, NotReadable


def members(source: IO[bytes], name: str, budget: Budget, path: str) -> Iterator[Member]:
    if central_directory_too_large(source):
        raise LimitReached(LIMIT_MEMBERS, path)
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        # Many formats start with PK without being a zip archive to us: the file itself was checked.
        raise NotReadable(f"zip: {exc}", quiet=True) from exc
    with archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            encrypted = bool(info.flag_bits & 0x1)
            yield Member(info.filename, info.file_size, None if encrypted else functools.partial(archive.open, info),
                         encrypted=encrypted)


READERS = {"zip": members}
