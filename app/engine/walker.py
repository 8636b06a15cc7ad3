"""Walking the folders to scan.

``os.scandir`` with entries sorted by name, so a walk is deterministic. Every item carries its place
in the walk (:attr:`WalkItem.at`, comparable across walks of a changing tree), so a scan that resumes
after an engine restart starts right after the last item reported, whatever appeared or vanished
before it in the meantime. Directory symlinks are never followed, and a file symlink
is never followed out of the scanned roots, so there are no loops; FIFOs, sockets and devices are
skipped without being opened; pseudo filesystems (``/proc``, ``/sys``, ...) are never entered; a
directory reached twice (bind mounts) is walked once. Unreadable or vanishing entries become error
items, never exceptions. Folders nested deeper than the system's path limit are walked relative to
the folders above them (:mod:`app.engine.longpath`), so nothing can hide by depth.
"""

from __future__ import annotations

import fnmatch
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from app.engine.longpath import SUPPORTED, FolderCursor, lstat_long, too_long
from app.engine.problems import Problem, os_problem

PSEUDO_FS_TYPES = frozenset({
    "proc", "sysfs", "devtmpfs", "devpts", "tmpfs_dev", "cgroup", "cgroup2", "debugfs", "tracefs",
    "securityfs", "pstore", "bpf", "fusectl", "configfs", "mqueue", "hugetlbfs", "autofs",
    "binfmt_misc", "efivarfs", "rpc_pipefs", "nsfs", "selinuxfs", "fuse.gvfsd-fuse", "fuse.portal",
})

# Skip reasons (stable codes, shown in reports)
SKIP_SYMLINK = "symlink"
SKIP_SYMLINK_OUTSIDE = "symlink-outside-roots"
SKIP_SPECIAL = "not-a-regular-file"
SKIP_TOO_LARGE = "too-large"
SKIP_EXCLUDED = "excluded"
SKIP_PSEUDO_FS = "pseudo-filesystem"
SKIP_ALREADY_WALKED = "already-walked"


@dataclass(frozen=True)
class WalkOptions:
    max_file_size: int = 256 * 1024 * 1024
    exclude_paths: tuple[str, ...] = ()
    exclude_globs: tuple[str, ...] = ()
    exclude_extensions: tuple[str, ...] = ()
    exclude_dir_names: tuple[str, ...] = ()  # folders never entered, by name (below the scanned folder)
    pseudo_mounts: frozenset[str] = field(default_factory=frozenset)


# An item's place in the walk: (root index, ""), then per folder level (0, file name) for an entry or
# (1, folder name) for a folder. Tuples compare in walk order: a folder's files come before its
# subfolders, both in name order, and a folder before everything inside it.
Place = tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class WalkItem:
    """One thing the walk met: a file to scan, something skipped, or an error."""

    kind: str  # "file", "skip" or "error"
    path: str
    size: int = 0
    reason: str = ""
    stat: tuple[int, int, int, int, int] | None = None  # dev, ino, size, mtime_ns, ctime_ns
    at: Place = ()


def place_from_json(value: object) -> Place | None:
    """A place sent back by the supervisor (JSON turns tuples into lists)."""
    if not isinstance(value, list) or not value:
        return None
    return tuple((int(kind), str(name)) for kind, name in value)


def walk_options(options: dict[str, Any]) -> WalkOptions:
    """The walk a scan request's ``options`` ask for (the scan and the console's file count share it)."""
    return WalkOptions(
        max_file_size=int(options.get("max_file_size", 256 * 1024 * 1024)),
        exclude_paths=tuple(options.get("exclude_paths", ())),
        exclude_globs=tuple(options.get("exclude_globs", ())),
        exclude_extensions=tuple(options.get("exclude_extensions", ())),
        exclude_dir_names=tuple(options.get("exclude_dir_names", ())),
        pseudo_mounts=pseudo_mounts(),
    )


def pseudo_mounts() -> frozenset[str]:
    """Mount points of pseudo filesystems on this machine (Linux; empty elsewhere)."""
    if not sys.platform.startswith("linux"):
        return frozenset()
    found = {"/proc", "/sys", "/dev"}
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="surrogateescape") as handle:
            for line in handle:
                left, _, right = line.partition(" - ")
                fields = left.split()
                fstype = right.split()[0] if right else ""
                if len(fields) > 4 and (fstype in PSEUDO_FS_TYPES or fstype.startswith("cgroup")):
                    found.add(fields[4].encode().decode("unicode_escape", errors="ignore"))
    except OSError:
        pass
    return frozenset(found)


def identity(path: str, dev: int, ino: int) -> tuple[int, int]:
    """The (device, file index) pair that tells a file or folder apart from every other one.

    ``DirEntry.stat()`` on Windows leaves both 0 (documented CPython behaviour: it comes from the folder
    listing, which has no file index); ``os.lstat()`` of the path reads the volume serial number and the
    file index. Elsewhere the pair is already there and costs nothing. Raises ``OSError`` when the path
    cannot be read.
    """
    if ino:
        return dev, ino
    st = os.lstat(path)
    return st.st_dev, st.st_ino


def _norm(path: str) -> str:
    return os.path.normcase(os.path.normpath(path))


class Walker:
    def __init__(self, roots: list[str], options: WalkOptions, resume_after: Place | None = None) -> None:
        self.options = options
        self.resume_after = resume_after
        self.roots = roots
        self.real_roots = [_norm(os.path.realpath(r)) for r in roots]
        self._excluded = [_norm(os.path.abspath(p)) for p in options.exclude_paths]
        self._excluded_set = frozenset(self._excluded)
        self._extensions = tuple("." + e.lower().lstrip(".") for e in options.exclude_extensions if e.strip("."))
        self._dir_names = frozenset(os.path.normcase(n) for n in options.exclude_dir_names)
        self._pseudo = {_norm(p) for p in options.pseudo_mounts}
        self._seen_dirs: set[tuple[int, int]] = set()

    def inside_roots(self, path: str) -> bool:
        real = _norm(path)
        return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in self.real_roots)

    def is_excluded(self, path: str, name: str, *, inside_walk: bool = False) -> bool:
        """Excluded by path, extension or name pattern. Inside a walk, a path below an excluded folder
        is never reached, so only the exact path needs checking (this runs for every file)."""
        if inside_walk:
            if self._excluded_set and os.path.normcase(path) in self._excluded_set:
                return True
        else:
            normal = _norm(path)
            if any(normal == ex or normal.startswith(ex.rstrip(os.sep) + os.sep) for ex in self._excluded):
                return True
            if self._dir_names and not self._dir_names.isdisjoint(os.path.dirname(normal).split(os.sep)):
                return True  # inside a folder excluded by its name (real-time protection asks this way)
        if self._extensions and name.lower().endswith(self._extensions):
            return True
        return any(fnmatch.fnmatch(name, g) or (os.sep in g and fnmatch.fnmatch(path, g)) for g in self.options.exclude_globs)

    def __iter__(self) -> Iterator[WalkItem]:
        resume = self.resume_after
        for index, root in enumerate(self.roots):
            for item in self._walk_root(root, ((index, ""),)):
                if resume is not None:
                    if item.at <= resume:
                        continue  # reported by an earlier worker
                    resume = None
                yield item

    def _walk_root(self, root: str, at: Place) -> Iterator[WalkItem]:
        try:
            st = lstat_long(root)
        except FileNotFoundError:
            yield WalkItem("error", root, reason=Problem("missing"), at=at)
            return
        except OSError as exc:
            yield WalkItem("error", root, reason=os_problem(exc), at=at)
            return
        if stat.S_ISLNK(st.st_mode):
            # The user named a link explicitly: scan what it points to, once.
            real = os.path.realpath(root)
            try:
                st = os.stat(real)
            except OSError as exc:
                yield WalkItem("error", root, reason=os_problem(exc), at=at)
                return
            root = real
        if stat.S_ISDIR(st.st_mode):
            yield from self._walk_dir(root, st, at)
        else:
            yield self._file_item(root, os.path.basename(root), st, at)

    def _file_item(self, path: str, name: str, st: os.stat_result, at: Place, inside_walk: bool = False) -> WalkItem:
        if not stat.S_ISREG(st.st_mode):
            return WalkItem("skip", path, reason=SKIP_SPECIAL, at=at)
        if self.is_excluded(path, name, inside_walk=inside_walk):
            return WalkItem("skip", path, reason=SKIP_EXCLUDED, at=at)
        if st.st_size > self.options.max_file_size:
            return WalkItem("skip", path, st.st_size, reason=SKIP_TOO_LARGE, at=at)
        return WalkItem("file", path, st.st_size,
                        stat=(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns), at=at)

    def _walk_dir(self, top: str, top_stat: os.stat_result, top_at: Place) -> Iterator[WalkItem]:
        cursor = FolderCursor() if SUPPORTED else None
        try:
            yield from self._walk_tree(top, top_stat, top_at, cursor)
        finally:
            if cursor is not None:
                cursor.close()

    def _walk_tree(self, top: str, top_stat: os.stat_result, top_at: Place,
                   cursor: FolderCursor | None) -> Iterator[WalkItem]:
        stack: list[tuple[str, os.stat_result, Place]] = [(top, top_stat, top_at)]
        while stack:
            directory, dir_stat, at = stack.pop()
            if _norm(directory) in self._pseudo:
                yield WalkItem("skip", directory, reason=SKIP_PSEUDO_FS, at=at)
                continue
            try:
                key = identity(directory, dir_stat.st_dev, dir_stat.st_ino)
            except OSError as exc:
                yield WalkItem("error", directory, reason=os_problem(exc), at=at)
                continue
            if key in self._seen_dirs:
                yield WalkItem("skip", directory, reason=SKIP_ALREADY_WALKED, at=at)
                continue
            self._seen_dirs.add(key)
            if directory != top and (os.path.normcase(os.path.basename(directory)) in self._dir_names
                                     or self.is_excluded(directory, os.path.basename(directory), inside_walk=True)):
                yield WalkItem("skip", directory, reason=SKIP_EXCLUDED, at=at)
                continue
            # A folder too deep for its path is listed through its handle (valid until the next open).
            folder_fd = None
            try:
                if cursor is not None and too_long(directory):
                    folder_fd = cursor.open(directory)
                with os.scandir(directory if folder_fd is None else folder_fd) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as exc:
                yield WalkItem("error", directory, reason=os_problem(exc), at=at)
                continue
            subdirs: list[tuple[str, os.stat_result, Place]] = []
            for entry in entries:
                item, subdir = self._entry(entry, at, directory, folder_fd)
                if item is not None:
                    yield item
                if subdir is not None:
                    subdirs.append(subdir)
            stack.extend(reversed(subdirs))  # depth-first, in name order

    def _entry(self, entry: os.DirEntry[str], parent: Place, directory: str, folder_fd: int | None
               ) -> tuple[WalkItem | None, tuple[str, os.stat_result, Place] | None]:
        path = entry.path if folder_fd is None else os.path.join(directory, entry.name)
        at = (*parent, (0, entry.name))
        try:
            st = entry.stat(follow_symlinks=False)
        except FileNotFoundError:
            return WalkItem("error", path, reason=Problem("vanished"), at=at), None
        except OSError as exc:
            return WalkItem("error", path, reason=os_problem(exc), at=at), None
        if stat.S_ISLNK(st.st_mode):
            real = os.path.realpath(path) if folder_fd is None else self._deep_link(entry.name, directory, folder_fd)
            if self.inside_roots(real):
                return WalkItem("skip", path, reason=SKIP_SYMLINK, at=at), None
            return WalkItem("skip", path, reason=SKIP_SYMLINK_OUTSIDE, at=at), None
        if stat.S_ISDIR(st.st_mode):
            return None, (path, st, (*parent, (1, entry.name)))
        return self._file_item(path, entry.name, st, at, inside_walk=True), None

    @staticmethod
    def _deep_link(name: str, directory: str, folder_fd: int) -> str:
        """Where a link in a folder too deep for its path points (its target read through the folder)."""
        try:
            target = os.readlink(name, dir_fd=folder_fd)
        except OSError:
            return os.path.join(directory, name)
        return os.path.realpath(os.path.join(directory, target))
