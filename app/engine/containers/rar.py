"""RAR 4 and 5 archives, unpacked with RARLAB's UnRAR library (``unrar2-cffi``: its C++ source,
built into the wheel; no external program is ever started).

UnRAR opens an archive by its file name, so the archive's bytes are first copied to a file in the
worker's spool folder (removed when the reader ends). Members are unpacked one at a time in the
archive's order (a solid archive can only be unpacked so) in UnRAR's "test" mode: nothing is
written anywhere by UnRAR, its callback hands each unpacked piece to a
:class:`~app.engine.containers.sinks.Sink`, which meters it against the file's budget as it comes and
holds it in memory or spools it. A limit, or the scan's time, ends the unpacking at once (the callback
answers -1, UnRAR's "cancel"); the sizes an archive declares are never trusted.

Password-protected members, and archives whose headers are encrypted, are reported as such and never
opened. A member whose dictionary is larger than :data:`~app.engine.archives.MAX_DICTIONARY` is not
unpacked (UnRAR allocates the whole dictionary, up to gigabytes for RAR 7 archives; RAR 5's default is
32 MB, RAR 4's largest 4 MB): it is named as not fully checked. A damaged member is scanned as far
as it was unpacked, then the archive is reported as not readable.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from typing import IO, Any

from unrar.cffi._unrarlib import ffi, lib

from app.engine.archives import MAX_DICTIONARY, Budget, LimitReached
from app.engine.containers import Member, NotReadable
from app.engine.containers.sinks import Sink, Sinks

# UnRAR's answers (dll.hpp) and flags.
_END_ARCHIVE, _MISSING_PASSWORD, _BAD_PASSWORD = 10, 22, 24
_ENCRYPTED, _SOLID, _DIRECTORY = 0x04, 0x10, 0x20
_ARCHIVE_SOLID = 0x0008
_PROCESS_DATA = 1  # UCM_PROCESSDATA
_CANCEL, _GO_ON = -1, 1


def members(source: IO[bytes], name: str, budget: Budget, path: str) -> Iterator[Member]:
    copy = _spooled_copy(source, budget.spool_dir)
    try:
        yield from _members(copy, budget, path)
    finally:
        try:
            os.unlink(copy)
        except OSError:
            pass


def _spooled_copy(source: IO[bytes], folder: str | None) -> str:
    source.seek(0)
    with tempfile.NamedTemporaryFile(prefix="archive-", suffix=".rar", dir=folder, delete=False) as copy:
        try:
            shutil.copyfileobj(source, copy, 1024 * 1024)
        except BaseException:
            copy.close()
            os.unlink(copy.name)
            raise
    return copy.name


class _Archive:
    """One archive opened by UnRAR, its members unpacked one at a time into sinks.

    Also UnRAR's callback: it sends each unpacked piece to the current member's sink, and cancels when
    the sink refuses it (a limit) or when UnRAR asks for anything else (a password, the next volume)."""

    def __init__(self, handle: Any, sinks: Sinks) -> None:
        self.handle = handle
        self.sinks = sinks
        self.sink: Sink | None = None
        self.stopped: BaseException | None = None

    def __call__(self, message: int, address: int, size: int) -> int:
        if message != _PROCESS_DATA or self.sink is None:
            return _CANCEL  # a password, the next volume, a larger dictionary: never given
        try:
            self.sink.write(ffi.buffer(ffi.cast("char *", address), size)[:])
        except BaseException as exc:
            self.stopped = exc
            return _CANCEL
        return _GO_ON

    def skip(self) -> None:
        if lib.RARProcessFileW(self.handle, lib.C_RAR_SKIP, ffi.NULL, ffi.NULL) != 0:
            raise NotReadable("rar: cannot skip a member")

    def unpack(self, member: str, declared: int) -> Iterator[Member]:
        sink = self.sink = self.sinks.create(member)
        self.stopped = None
        try:
            result = lib.RARProcessFileW(self.handle, lib.C_RAR_TEST, ffi.NULL, ffi.NULL)
        finally:
            self.sink = None
            sink.close()
        if self.stopped is not None:
            if isinstance(self.stopped, LimitReached):
                raise self.stopped  # a member too large ends a RAR archive as it ends a solid 7z
            raise NotReadable(f"rar: {type(self.stopped).__name__}") from self.stopped
        if result in (_MISSING_PASSWORD, _BAD_PASSWORD):
            sink.discard()
            yield Member(member, declared, encrypted=True, metered=True)
            return
        yield Member(member, sink.length, sink.open, metered=True)
        sink.discard()
        if result != 0:  # damaged, or split into a next volume: what came out was scanned
            raise NotReadable(f"rar: damaged member ({result})")


def _members(archive_path: str, budget: Budget, path: str) -> Iterator[Member]:
    name = ffi.new("wchar_t[]", archive_path)
    opening = ffi.new("struct RAROpenArchiveDataEx *")
    opening.ArcNameW = name
    opening.OpenMode = lib.C_RAR_OM_EXTRACT
    handle = lib.RAROpenArchiveEx(opening)
    if opening.OpenResult in (_MISSING_PASSWORD, _BAD_PASSWORD):
        yield Member("", encrypted=True)
        return
    if opening.OpenResult != 0 or handle == ffi.NULL:
        if handle != ffi.NULL:
            lib.RARCloseArchive(handle)
        raise NotReadable(f"rar: cannot open ({opening.OpenResult})")
    solid = bool(opening.Flags & _ARCHIVE_SOLID)
    archive = _Archive(handle, Sinks(budget, path))
    callback = ffi.new_handle(archive)  # kept alive until the archive is closed
    lib.RARSetCallbackPtr(handle, lib.PyUNRARCALLBACKStub, callback)
    try:
        while True:
            header = ffi.new("struct RARHeaderDataEx *")
            result = lib.RARReadHeaderEx(handle, header)
            if result == _END_ARCHIVE:
                return
            if result in (_MISSING_PASSWORD, _BAD_PASSWORD):  # the headers themselves are encrypted
                yield Member("", encrypted=True)
                return
            if result != 0:
                raise NotReadable(f"rar: damaged header ({result})")
            member = _text(ffi.string(header.FileNameW))
            declared = header.UnpSize + (header.UnpSizeHigh << 32)
            if header.Flags & _DIRECTORY:
                archive.skip()
                continue
            if header.Flags & _ENCRYPTED:
                yield Member(member, declared, encrypted=True)
            elif header.DictSize * 1024 > MAX_DICTIONARY:
                yield Member(member, declared, unsupported=f"RAR dictionary of {header.DictSize // 1024} MB")
            else:
                yield from archive.unpack(member, declared)
                continue
            if solid:
                return  # skipping in a solid archive would unpack the member all the same
            archive.skip()
    finally:
        lib.RARCloseArchive(handle)
        for sink in archive.sinks.made:
            sink.discard()


def _text(name: str) -> str:
    """A member's name as text: UTF-16 surrogate pairs joined, stray surrogates replaced (UnRAR hands
    out wide characters as the archive holds them), folders separated by ``/`` as in every other
    format's member paths (UnRAR gives Windows' ``\\``; no Windows file name can hold one)."""
    text = name.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text.replace("\\", "/") if sys.platform == "win32" else text


READERS = {"rar": members}
