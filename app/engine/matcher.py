"""Matching one file: YARA rules, SHA-256 signatures, the allow-list, and zip archives inside.

Small files are read once and matched from memory (one read serves hashing and YARA); large files are
matched by path (libyara maps them) and hashed in a stream. A file is opened with ``O_NOFOLLOW`` and
``O_NONBLOCK`` and checked with ``fstat`` first, so a file swapped for a FIFO or a link between the
walk and the match is refused instead of hanging the scan.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
from dataclasses import dataclass, field
from typing import Any

import yara

from app.engine.hashing import sha256_fd

SMALL_FILE = 4 * 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


@dataclass(frozen=True)
class ArchiveLimits:
    enabled: bool = True
    max_depth: int = 3
    max_members: int = 2000
    max_expanded: int = 512 * 1024 * 1024


@dataclass(frozen=True)
class Hit:
    path: str  # for archive members: "outer.zip!inner/name"
    rule: str
    namespace: str
    engine: str  # "yara" or "hash"
    sha256: str


@dataclass
class FileResult:
    hits: list[Hit] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, message)
    bytes_scanned: int = 0


class Matcher:
    def __init__(
        self,
        rules: yara.Rules,
        hashes: dict[str, str],
        allow: set[str],
        *,
        timeout: int = 60,
        disabled_rules: frozenset[str] = frozenset(),
        archives: ArchiveLimits = ArchiveLimits(),
    ) -> None:
        self.rules = rules
        self.hashes = hashes
        self.allow = allow
        self.timeout = timeout
        self.disabled = disabled_rules
        self.archives = archives
        self.always_hash = bool(hashes or allow)

    # -- public --------------------------------------------------------------------------------

    def match_file(self, path: str) -> FileResult:
        result = FileResult()
        try:
            fd = os.open(path, _OPEN_FLAGS)
        except OSError as exc:
            result.errors.append((path, _os_error(exc)))
            return result
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                result.errors.append((path, "The file was replaced by something that is not a regular file."))
                return result
            if st.st_size <= SMALL_FILE:
                with os.fdopen(fd, "rb", closefd=False) as handle:
                    data = handle.read()
                result.bytes_scanned = len(data)
                self._match_data(path, data, result, depth=0)
            else:
                result.bytes_scanned = st.st_size
                self._match_large(path, fd, result)
        except OSError as exc:
            result.errors.append((path, _os_error(exc)))
        finally:
            os.close(fd)
        return result

    def match_bytes(self, name: str, data: bytes) -> FileResult:
        result = FileResult(bytes_scanned=len(data))
        self._match_data(name, data, result, depth=0)
        return result

    # -- internals -----------------------------------------------------------------------------

    def _yara(self, path: str, result: FileResult, **target: object) -> list[tuple[str, str]]:
        shown = _text(path)
        name = shown.rsplit("!", 1)[-1].replace("\\", "/").rsplit("/", 1)[-1]
        externals = {"filename": name, "filepath": shown, "extension": os.path.splitext(name)[1].lower()}
        try:
            matches = self.rules.match(timeout=self.timeout, externals=externals, **target)
        except yara.TimeoutError:
            result.errors.append((path, f"Matching took longer than the {self.timeout} s limit; the file was not fully checked."))
            return []
        except yara.Error as exc:
            result.errors.append((path, f"The engine could not check this file ({exc})."))
            return []
        return [
            (m.rule, m.namespace) for m in matches
            if m.rule not in self.disabled and f"{m.namespace}:{m.rule}" not in self.disabled
        ]

    def _verdict(self, path: str, sha: str, fired: list[tuple[str, str]], result: FileResult) -> None:
        if sha in self.allow:
            return
        for rule, namespace in fired:
            result.hits.append(Hit(path, rule, namespace, "yara", sha))
        threat = self.hashes.get(sha)
        if threat is not None:
            result.hits.append(Hit(path, threat, "", "hash", sha))

    def _match_data(self, path: str, data: bytes, result: FileResult, depth: int) -> None:
        fired = self._yara(path, result, data=data)
        sha = hashlib.sha256(data).hexdigest() if (fired or self.always_hash) else ""
        self._verdict(path, sha, fired, result)
        if self.archives.enabled and data[:4] == ZIP_MAGIC and depth < self.archives.max_depth:
            self._match_zip(path, io.BytesIO(data), result, depth)

    def _match_large(self, path: str, fd: int, result: FileResult) -> None:
        if _text(path) != path:
            # libyara takes UTF-8 paths only: read a file with an undecodable name through our handle.
            with os.fdopen(os.dup(fd), "rb") as handle:
                self._match_data(path, handle.read(), result, depth=0)
            return
        fired = self._yara(path, result, filepath=path)
        sha = sha256_fd(fd) if (fired or self.always_hash) else ""
        self._verdict(path, sha, fired, result)
        os.lseek(fd, 0, os.SEEK_SET)
        if self.archives.enabled and os.read(fd, 4) == ZIP_MAGIC and self.archives.max_depth > 0:
            with os.fdopen(os.dup(fd), "rb") as handle:
                self._match_zip(path, handle, result, 0)

    def _match_zip(self, path: str, source: io.BufferedIOBase | io.BytesIO, result: FileResult, depth: int) -> None:
        import zipfile  # only archives need it; the engine's start-up stays short

        try:
            with zipfile.ZipFile(source) as archive:
                members = [m for m in archive.infolist() if not m.is_dir()]
                if len(members) > self.archives.max_members:
                    result.errors.append((path, f"The archive holds more than {self.archives.max_members} files; "
                                                "only the first ones were checked."))
                    members = members[: self.archives.max_members]
                budget = self.archives.max_expanded
                for member in members:
                    inner = f"{path}!{member.filename}"
                    if member.file_size > budget:
                        result.errors.append((inner, "The archive expands to more data than the limit; the rest was not checked."))
                        return
                    try:
                        data = _read_member(archive, member, budget)
                    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError, ValueError) as exc:
                        result.errors.append((inner, f"This archive member cannot be unpacked ({exc})."))
                        continue
                    budget -= len(data)
                    self._match_data(inner, data, result, depth + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
            # Not a readable zip after all (many formats start with PK): the file itself was checked.
            return


def _text(path: str) -> str:
    """``path`` as text libyara accepts (undecodable bytes of a file name become U+FFFD)."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", errors="replace")


def _read_member(archive: Any, member: Any, budget: int) -> bytes:
    """Read a member, never more than ``budget`` bytes (a lying header cannot make it bigger)."""
    with archive.open(member) as handle:
        data = handle.read(budget + 1)
    if len(data) > budget:
        raise ValueError("it expands beyond the size limit")
    return data


def _os_error(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "Permission denied."
    if isinstance(exc, FileNotFoundError):
        return "The file disappeared during the scan."
    if getattr(exc, "errno", None) == getattr(os, "ELOOP", -1):
        return "The file was replaced by a link during the scan."
    return f"The file cannot be read ({exc.strerror or exc})."
