"""Tar archives (uncompressed; a compressed tar arrives here from :mod:`.streams`), with ``tarfile``."""

from __future__ import annotations

import functools
import tarfile
from collections.abc import Iterator
from typing import IO

from app.engine.archives import Budget
from app.engine.containers import Member, NotReadable


def members(source: IO[bytes], name: str, budget: Budget, path: str) -> Iterator[Member]:
    try:
        archive = tarfile.open(fileobj=source, mode="r:")  # noqa: SIM115 - closed below, once open
    except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
        raise NotReadable(f"tar: {exc}") from exc
    with archive:
        for info in archive:  # headers are read one by one, as the members are
            if not info.isreg():
                continue
            yield Member(info.name, info.size, functools.partial(_open, archive, info))
            archive.members = []  # type: ignore[attr-defined] # a huge tar must not keep every header in memory


def _open(archive: tarfile.TarFile, info: tarfile.TarInfo) -> IO[bytes]:
    handle = archive.extractfile(info)
    if handle is None:  # pragma: no cover - regular members always have content
        raise NotReadable("tar: member without content")
    return handle


READERS = {"tar": members}
