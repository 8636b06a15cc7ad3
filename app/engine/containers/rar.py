"""RAR 4 and 5 archives, listed with ``rarfile`` (pure Python header parsing).

No sound library unpacks RAR compression without an external ``unrar`` program, which a user's PC may
not have, so Ringfence never starts one: members *stored* without compression are read directly (that
is what a RAR'd payload made to slip past scanners often is), members behind a password are reported
as password-protected, and compressed members are reported as not fully checked, by name.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import IO

from app.engine.archives import Budget
from app.engine.containers import Member, NotReadable


def members(source: IO[bytes], name: str, budget: Budget, path: str) -> Iterator[Member]:
    import rarfile

    rarfile.tool_setup = _no_external_tool  # never an unrar, unar, 7z or bsdtar found on the PC
    try:
        archive = rarfile.RarFile(source, errors="strict")
    except rarfile.PasswordRequired:  # RAR 5 with encrypted headers: even the names are hidden
        yield Member("", encrypted=True)
        return
    except (rarfile.Error, OSError, EOFError, ValueError, IndexError, KeyError, TypeError, OverflowError,
            UnicodeError, MemoryError, AttributeError) as exc:
        raise NotReadable(f"rar: {type(exc).__name__}") from exc
    with archive:
        for info in archive.infolist():
            if info.is_dir() or info.is_symlink():
                continue
            if info.needs_password():
                yield Member(info.filename, info.file_size, encrypted=True)
            elif info.compress_type != rarfile.RAR_M0 or info.file_redir is not None or \
                    info.flags & rarfile.RAR_FILE_SPLIT_BEFORE:
                yield Member(info.filename, info.file_size, unsupported="RAR compression")
            else:
                yield Member(info.filename, info.file_size, functools.partial(archive.open, info))


def _no_external_tool(*_args: object, **_kwargs: object) -> None:
    """rarfile unpacks compressed comments (and compressed members, never asked for here) by starting
    whichever unpacker it finds on the PATH; Ringfence never starts one."""
    import rarfile

    raise rarfile.RarCannotExec("Ringfence never starts an external unpacker")


READERS = {"rar": members}
