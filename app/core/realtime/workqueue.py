"""The bounded queue between the watcher and the engine: most dangerous files first, each path once.

A path put again while it waits keeps one place (the higher priority wins). When the queue is full
the new path is not lost silently: the queue marks itself *overflowed*, and the service answers with a
stat-only sweep of the protected folders (the same answer as to a kernel queue overflow), which finds
every file the queue could not hold.
"""

from __future__ import annotations

import heapq
import itertools
import os
import threading

# Lower runs first. Programs, scripts, documents with macros and archives are where malware lives.
_URGENT = frozenset({
    ".exe", ".dll", ".scr", ".com", ".msi", ".msix", ".appx", ".bat", ".cmd", ".ps1", ".psm1", ".vbs", ".vbe",
    ".js", ".jse", ".wsf", ".hta", ".lnk", ".jar", ".sh", ".py", ".elf", ".so", ".apk", ".appimage", ".run",
})
_SOON = frozenset({
    ".zip", ".7z", ".rar", ".gz", ".tgz", ".xz", ".bz2", ".cab", ".iso", ".img", ".doc", ".docm", ".docx",
    ".xls", ".xlsm", ".xlsx", ".ppt", ".pptm", ".pptx", ".pdf", ".rtf", ".one",
})
URGENT, SOON, NORMAL = 0, 1, 2


def priority(path: str) -> int:
    """How soon a file should be checked, by its extension."""
    ext = os.path.splitext(path)[1].lower()
    if ext in _URGENT:
        return URGENT
    if ext in _SOON:
        return SOON
    return NORMAL


class WorkQueue:
    """Thread-safe, bounded, de-duplicating priority queue of paths."""

    def __init__(self, capacity: int = 100_000) -> None:
        self.capacity = capacity
        self._heap: list[tuple[int, int, str]] = []
        self._queued: dict[str, int] = {}  # path -> its current priority
        self._order = itertools.count()
        self._cond = threading.Condition()
        self._overflowed = False

    def put(self, path: str, prio: int | None = None) -> bool:
        """Queue ``path``; False when the queue was full (it is then marked overflowed)."""
        prio = priority(path) if prio is None else prio
        with self._cond:
            known = self._queued.get(path)
            if known is not None and known <= prio:
                return True
            if known is None and len(self._queued) >= self.capacity:
                self._overflowed = True
                self._cond.notify_all()
                return False
            self._queued[path] = prio
            heapq.heappush(self._heap, (prio, next(self._order), path))
            self._cond.notify()
            return True

    def put_wait(self, path: str, stop: threading.Event, prio: int | None = None) -> bool:
        """Queue ``path``, waiting for room (a sweep's back-pressure); False if ``stop`` was set."""
        prio = priority(path) if prio is None else prio
        with self._cond:
            while len(self._queued) >= self.capacity and path not in self._queued:
                if stop.is_set():
                    return False
                self._cond.wait(0.5)
        return self.put(path, prio)

    def take(self, limit: int, timeout: float | None = None) -> list[str]:
        """Up to ``limit`` paths, most urgent first; waits up to ``timeout`` for the first one."""
        with self._cond:
            if not self._queued:
                self._cond.wait(timeout)
            batch: list[str] = []
            while self._heap and len(batch) < limit:
                prio, _, path = heapq.heappop(self._heap)
                if self._queued.get(path) == prio:  # else a stale entry of a re-prioritised path
                    del self._queued[path]
                    batch.append(path)
            if batch:
                self._cond.notify_all()  # room for a waiting sweep
            return batch

    def take_overflow(self) -> bool:
        """True once after the queue overflowed (the caller then sweeps)."""
        with self._cond:
            overflowed, self._overflowed = self._overflowed, False
            return overflowed

    @property
    def overflowed(self) -> bool:
        with self._cond:
            return self._overflowed

    def wake(self) -> None:
        with self._cond:
            self._cond.notify_all()

    def __len__(self) -> int:
        with self._cond:
            return len(self._queued)
