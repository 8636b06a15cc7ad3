"""Matching one file: YARA rules, SHA-256 signatures, the allow-list, and the containers inside.

Small files are read once and matched from memory (one read serves hashing and YARA); large files are
matched through a mapping whose resident pages stay bounded (:mod:`app.engine.bounded_map`) and hashed
in a stream. A file is opened with ``O_NOFOLLOW`` and
``O_NONBLOCK`` and checked with ``fstat`` first, so a file swapped for a FIFO or a link between the
walk and the match is refused instead of hanging the scan. Archives are opened within one budget for
the file's whole archive tree (:mod:`app.engine.archives`), each format recognised by its content
(:mod:`app.engine.containers`); a limit reached or a password met is reported as "not fully checked",
and is a finding only when the user's settings say so.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import IO

import yara

from app.engine import containers
from app.engine.archives import (
    ENCRYPTED,
    LIMIT_DEPTH,
    LIMIT_MEMBER_SIZE,
    LIMITS,
    UNREADABLE,
    UNSUPPORTED,
    ArchiveLimits,
    Budget,
    LimitReached,
    member_path,
    unpack,
)
from app.engine.bounded_map import bounded_mapping
from app.engine.filetypes import HEAD, file_type, owner_of
from app.engine.hashing import md5_fd, sha256_fd
from app.engine.hashset import hash_record
from app.engine.problems import Problem, os_problem
from app.engine.provenance_meta import provenance_of
from app.engine.rules import Partitioned
from app.engine.shared_open import open_for_scan

SMALL_FILE = 4 * 1024 * 1024
LIMIT_RULES = {"depth": "Depth", "members": "Members", "expanded": "Expanded", "member-size": "MemberSize",
               "time": "Time"}
LIMIT_NAMESPACE = "limits"
DEFAULT_ARCHIVES = ArchiveLimits()


ENCRYPTED_RULE = "Heuristics.Encrypted.Archive"


def limit_rule(limit: str) -> str:
    """The detection name of a file not fully checked (named like ClamAV's heuristic alerts)."""
    if limit == ENCRYPTED:
        return ENCRYPTED_RULE
    return f"Heuristics.Limits.Exceeded.{LIMIT_RULES.get(limit, limit)}"


@dataclass(frozen=True)
class Hit:
    path: str  # for archive members: "outer.zip!inner/name" (see archives.member_path)
    rule: str
    namespace: str
    engine: str  # "yara", "hash" or "limit"
    sha256: str
    category: str = "threat"  # "threat", "pua" or "suspicious"
    source: str = ""  # short id of the rule set: "reversinglabs", "signature-base", "bartblaze", "ringfence"
    author: str = ""
    licence: str = ""  # SPDX-like id, e.g. "MIT", "DRL-1.1"
    reference: str = ""  # URL


@dataclass
class FileResult:
    hits: list[Hit] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, message)
    incomplete: list[tuple[str, str]] = field(default_factory=list)  # (path, limit reached or why not checked)
    bytes_scanned: int = 0


@dataclass
class _Target:
    """What the matching of one file on disk (or one buffer) shares across its archive tree."""

    owner: str = ""
    beat: Callable[[], None] | None = None
    budget: Budget | None = None
    sha256: str = ""


class Matcher:
    def __init__(
        self,
        rules: yara.Rules | Partitioned,
        hashes: Mapping[str, str],
        allow: set[str],
        *,
        timeout: int = 60,
        disabled_rules: frozenset[str] = frozenset(),
        archives: ArchiveLimits = DEFAULT_ARCHIVES,
        spool_dir: str | None = None,
        uses_md5: bool = False,
    ) -> None:
        self.uses_md5 = uses_md5  # a rule reads the ``md5`` external variable: compute it for every file
        self.spool_dir = spool_dir  # where large archive members are unpacked (None: the system's)
        self.use(rules)
        self.hashes = hashes
        self.allow = allow
        self.timeout = timeout
        self.disabled = disabled_rules
        self.archives = archives
        self.always_hash = bool(hashes or allow)

    # -- public --------------------------------------------------------------------------------

    def use(self, rules: yara.Rules | Partitioned) -> None:
        """Match with ``rules`` from now on (a file being matched finishes with the rules it started with)."""
        self.rules = rules
        self._match = rules.match if isinstance(rules, Partitioned) else lambda head, size, **options: rules.match(**options)

    def match_file(self, path: str, beat: Callable[[], None] | None = None) -> FileResult:
        """Match one file on disk; ``beat`` is called before each archive member (a watchdog's pulse)."""
        result = FileResult()
        try:
            fd = open_for_scan(path)  # on Windows others may still rename or delete the file
        except OSError as exc:
            result.errors.append((path, os_problem(exc)))
            return result
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                result.errors.append((path, Problem("not-regular")))
                return result
            target = _Target(owner=owner_of(path, st.st_uid), beat=beat)
            name = os.path.basename(path)
            if st.st_size <= SMALL_FILE:
                with os.fdopen(fd, "rb", closefd=False) as handle:
                    data = handle.read()
                result.bytes_scanned = len(data)
                self._match_data(path, name, data, result, target=target, depth=0)
            else:
                result.bytes_scanned = st.st_size
                self._match_large(path, name, fd, result, target=target, depth=0)
            if result.incomplete:
                self._limit_hit(path, result, target, lambda: sha256_fd(fd))
        except OSError as exc:
            result.errors.append((path, os_problem(exc)))
        finally:
            os.close(fd)
        return result

    def match_bytes(self, name: str, data: bytes) -> FileResult:
        result = FileResult(bytes_scanned=len(data))
        target = _Target()
        self._match_data(name, name, data, result, target=target, depth=0)
        if result.incomplete:
            self._limit_hit(name, result, target, lambda: hashlib.sha256(data).hexdigest())
        return result

    # -- internals -----------------------------------------------------------------------------

    def _yara(self, path: str, name: str, head: bytes, target: _Target, result: FileResult,
              *, size: int, md5: Callable[[], str], **source: object) -> list[yara.Match]:
        shown = _text(path)
        name = _text(name).replace("\\", "/").rsplit("/", 1)[-1]
        externals = {"filename": name, "filepath": shown, "extension": os.path.splitext(name)[1].lower(),
                     "filetype": file_type(head), "owner": target.owner,
                     "md5": md5() if self.uses_md5 else ""}
        try:
            matches = self._match(head, size, timeout=self.timeout, externals=externals, **source)
        except yara.TimeoutError:
            result.errors.append((path, Problem("timeout", self.timeout)))
            return []
        except yara.Error as exc:
            result.errors.append((path, Problem("engine-error", exc)))
            return []
        return [m for m in matches if m.rule not in self.disabled and f"{m.namespace}:{m.rule}" not in self.disabled]

    def _verdict(self, path: str, sha: str, fired: list[yara.Match], result: FileResult) -> None:
        if sha in self.allow:
            return
        for match in fired:
            result.hits.append(Hit(path, match.rule, match.namespace, "yara", sha, **provenance_of(match)))
        record = hash_record(self.hashes, sha) if sha else None
        if record is not None:
            result.hits.append(Hit(path, record.name, "", "hash", sha, category=record.category,
                                   source=record.source, author=record.author, licence=record.licence,
                                   reference=record.reference))

    def _limit_hit(self, path: str, result: FileResult, target: _Target, digest: Callable[[], str]) -> None:
        """A file not fully checked is a finding only when the settings say so (off by default)."""
        wanted = [reason for _, reason in result.incomplete
                  if (reason in LIMITS and self.archives.limit_is_finding)
                  or (reason == ENCRYPTED and self.archives.encrypted_is_finding)]
        if not wanted:
            return
        rule = limit_rule(wanted[0])
        if rule in self.disabled or f"{LIMIT_NAMESPACE}:{rule}" in self.disabled:
            return
        sha = target.sha256 or digest()
        if sha not in self.allow:
            result.hits.append(Hit(path, rule, LIMIT_NAMESPACE, "limit", sha))

    def _match_data(self, path: str, name: str, data: bytes, result: FileResult, *, target: _Target, depth: int) -> None:
        fired = self._yara(path, name, data[:HEAD], target, result, size=len(data),
                           md5=lambda: hashlib.md5(data).hexdigest(), data=data)
        sha = hashlib.sha256(data).hexdigest() if (fired or self.always_hash) else ""
        self._verdict(path, sha, fired, result)
        if depth == 0:
            target.sha256 = sha
        kind = containers.detect(data[:containers.PROBE]) if self.archives.enabled else None
        if kind is not None:
            self._open_container(kind, path, name, io.BytesIO(data), result, target=target, depth=depth)

    def _match_large(self, path: str, name: str, fd: int, result: FileResult, *, target: _Target,
                     depth: int) -> None:
        """Match what is too large to read into memory (a file on disk or a spooled member) through a
        mapping whose resident pages stay bounded (:mod:`app.engine.bounded_map`)."""
        head = _read_at(fd, HEAD)
        try:
            with bounded_mapping(fd) as content:
                fired = self._yara(path, name, head, target, result, size=len(content), md5=lambda: md5_fd(fd),
                                   data=content)
        except (OSError, ValueError) as exc:  # cannot be mapped (a file system without mappings, a race)
            result.errors.append((path, Problem("engine-error", exc)))
            return
        sha = sha256_fd(fd) if (fired or self.always_hash) else ""
        self._verdict(path, sha, fired, result)
        if depth == 0:
            target.sha256 = sha
        kind = containers.detect(_read_at(fd, containers.PROBE)) if self.archives.enabled else None
        if kind is not None:
            os.lseek(fd, 0, os.SEEK_SET)
            with os.fdopen(os.dup(fd), "rb") as handle:
                self._open_container(kind, path, name, handle, result, target=target, depth=depth)

    def _open_container(self, kind: str, path: str, name: str, source: IO[bytes], result: FileResult, *,
                        target: _Target, depth: int) -> None:
        if depth >= self.archives.max_depth:
            result.incomplete.append((path, LIMIT_DEPTH))
            return
        if target.budget is None:
            target.budget = Budget(self.archives, target.beat, self.spool_dir)
        try:
            self._match_members(kind, path, name, source, result, target=target, depth=depth)
        except LimitReached as reached:
            if depth > 0:
                raise  # the whole tree stops; the file on disk records where
            result.incomplete.append((reached.path or path, reached.limit))

    def _match_members(self, kind: str, path: str, name: str, source: IO[bytes], result: FileResult, *,
                       target: _Target, depth: int) -> None:
        budget = target.budget
        assert budget is not None
        members = containers.reader(kind)(source, name, budget, path)
        with contextlib.closing(members):  # a generator: closing it closes its archive
            while True:
                try:
                    member = next(members, None)
                except LimitReached as reached:
                    if reached.limit != LIMIT_MEMBER_SIZE:
                        raise
                    result.incomplete.append((reached.path, reached.limit))  # a solid archive stops there
                    return
                except containers.NotReadable as exc:
                    if not exc.quiet:
                        result.incomplete.append((path, UNREADABLE))
                    return
                except Exception as exc:  # a hostile container must cost one file, never the scan
                    result.incomplete.append((path, UNREADABLE))
                    result.errors.append((path, Problem("archive-member", f"{type(exc).__name__}: {exc}")))
                    return
                if member is None:
                    return
                self._match_member(member, path, result, target, depth)

    def _match_member(self, member: containers.Member, path: str, result: FileResult, target: _Target,
                      depth: int) -> None:
        budget = target.budget
        assert budget is not None
        inner = member_path(path, member.name) if member.name else path
        if not member.metered:
            budget.member(inner)
        if member.encrypted:
            result.incomplete.append((inner, ENCRYPTED))
            return
        if member.open is None or member.unsupported:
            result.incomplete.append((inner, UNSUPPORTED))
            return
        try:
            content = unpack(member.open, budget, inner, metered=member.metered)
        except LimitReached as reached:
            if reached.limit != LIMIT_MEMBER_SIZE:
                raise
            result.incomplete.append((inner, reached.limit))  # this member only; the others go on
            return
        except Exception as exc:  # a damaged member: reported, and the next one is read
            result.errors.append((inner, Problem("archive-member", exc)))
            return
        try:
            if content.data is not None:
                self._match_data(inner, member.name, content.data, result, target=target, depth=depth + 1)
            elif content.spool is not None:
                spool_fd = os.open(content.spool, os.O_RDONLY | getattr(os, "O_BINARY", 0))
                try:
                    self._match_large(inner, member.name, spool_fd, result, target=target, depth=depth + 1)
                finally:
                    os.close(spool_fd)
        finally:
            content.close()


def _read_at(fd: int, size: int) -> bytes:
    """The first ``size`` bytes of ``fd`` (without moving its offset where ``pread`` exists)."""
    if hasattr(os, "pread"):
        return os.pread(fd, size, 0)
    os.lseek(fd, 0, os.SEEK_SET)  # pragma: no cover - Windows has no pread
    return os.read(fd, size)


def _text(path: str) -> str:
    """``path`` as text libyara accepts (undecodable bytes of a file name become U+FFFD)."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        pass
    try:
        return os.fsencode(path).decode("utf-8", errors="replace")
    except UnicodeEncodeError:  # a surrogate no file name holds (a member's name): replaced too
        return path.encode("utf-8", errors="surrogatepass").decode("utf-8", errors="replace")


__all__ = ["ArchiveLimits", "FileResult", "Hit", "Matcher", "limit_rule"]
