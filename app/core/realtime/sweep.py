"""The reconciliation sweep: find, by ``stat`` alone, every file the scan cache does not vouch for.

Run at start, after an overflow (the kernel's or our queue's), after the watcher died, after a pause,
after the PC woke from sleep, every 15 minutes and for each folder that appears. It reads no file
contents: it walks the folders with ``os.scandir`` and compares each file's (device, inode, size,
mtime, ctime) with the verdict the engine cached under the current policy (definitions, allow-list,
disabled rules). Files that differ, or that the cache has never seen, go to the engine. The research
measured about 450,000 files/s for a warm walk, so a sweep is cheap enough to run often. Folders nested
deeper than the system's path limit are listed through the folders above them, like the scan's walk.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.core.realtime.filters import Exclusions
from app.engine.longpath import SUPPORTED, FolderCursor, too_long


class CacheView:
    """Read-only look at the engine's scan cache (its own connection, safe beside a running scan)."""

    def __init__(self, path: Path, policy: str) -> None:
        self.policy = policy
        self.conn: sqlite3.Connection | None = None
        if path.exists():
            try:
                self.conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10, check_same_thread=False)
            except sqlite3.Error:
                self.conn = None

    def below(self, root: str) -> dict[bytes, tuple[Any, ...]]:
        """The cached (key…, policy) of every file below ``root``, by path bytes."""
        if self.conn is None:
            return {}
        low = os.fsencode(root.rstrip(os.sep) + os.sep)
        high = low[:-1] + bytes([low[-1] + 1])
        try:
            return {row[0]: tuple(row[1:]) for row in self.conn.execute(
                "SELECT path, dev, ino, size, mtime_ns, ctime_ns, policy FROM verdicts WHERE path >= ? AND path < ?",
                (low, high))}
        except sqlite3.Error:
            return {}  # no table yet, or a damaged cache: every file counts as changed

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def sweep(roots: list[str], cache: CacheView, exclusions: Exclusions, *,
          stop: threading.Event | None = None) -> Iterator[str]:
    """Yield each file below ``roots`` that needs a scan (changed, new, or under an older policy)."""
    cursor = FolderCursor() if SUPPORTED else None
    try:
        yield from _sweep(roots, cache, exclusions, stop, cursor)
    finally:
        if cursor is not None:
            cursor.close()


def _sweep(roots: list[str], cache: CacheView, exclusions: Exclusions, stop: threading.Event | None,
           cursor: FolderCursor | None) -> Iterator[str]:
    now = time.time()
    for root in roots:
        known = cache.below(root)
        pending = [root]
        while pending:
            if stop is not None and stop.is_set():
                return
            top = pending.pop()
            deep = cursor is not None and too_long(top)  # listed through its handle (valid until the next open)
            try:
                entries = list(os.scandir(cursor.open(top) if cursor is not None and deep else top))
            except OSError:
                continue  # gone or unreadable: nothing to scan there
            for entry in entries:
                path = os.path.join(top, entry.name) if deep else entry.path
                try:
                    if entry.is_dir(follow_symlinks=False):
                        if not exclusions.excluded(path):
                            pending.append(path)
                        continue
                    st = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                if not stat.S_ISREG(st.st_mode) or st.st_size > exclusions.max_file_size:
                    continue
                row = known.get(os.fsencode(path))
                if row is not None and row[5] == cache.policy and tuple(row[:5]) == (
                        st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns):
                    continue
                if exclusions.wanted(path, st, now):
                    yield path
