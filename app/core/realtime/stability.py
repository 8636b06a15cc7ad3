"""When is a file finished, where the OS gives no "closed" event (Windows)?

ReadDirectoryChangesW reports created / modified / renamed, never "the writer is done". A file is
taken as finished once it has been *quiet* (no event) for ``quiet_s`` and two looks ``quiet_s`` apart
agree on its size and modification time — but never later than ``cap_s`` after its first event: a
file that keeps growing is scanned at the cap and again when it changes after that (the scan cache
makes the second look cheap if nothing changed). Big files get a longer quiet period.

Plain code with an injectable clock and stat, so the rule is tested without Windows.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from app.engine.longpath import lstat_long, too_long

QUIET_S = 0.25
CAP_S = 2.0
BIG_FILE = 64 * 1024 * 1024
BIG_QUIET_S = 2.0

Signature = tuple[int, int]  # (size, mtime_ns)


def _signature(path: str) -> Signature | None:
    try:
        st = lstat_long(path) if too_long(path) else os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


@dataclass
class _Pending:
    first: float
    last_event: float
    seen: Signature | None = None
    seen_at: float = 0.0


class StabilityTracker:
    """Per-path quiet-and-stable rule with a hard cap (thread-safe)."""

    def __init__(self, *, quiet_s: float = QUIET_S, cap_s: float = CAP_S,
                 clock: Callable[[], float] = time.monotonic,
                 stat: Callable[[str], Signature | None] = _signature) -> None:
        self.quiet_s = quiet_s
        self.cap_s = cap_s
        self.clock = clock
        self.stat = stat
        self._pending: dict[str, _Pending] = {}
        self._lock = threading.Lock()

    def touched(self, path: str) -> None:
        """An event for ``path``: (re)start its quiet period."""
        now = self.clock()
        with self._lock:
            entry = self._pending.get(path)
            if entry is None:
                self._pending[path] = _Pending(first=now, last_event=now)
            else:
                entry.last_event = now

    def forget(self, path: str) -> None:
        with self._lock:
            self._pending.pop(path, None)

    def ready(self) -> list[str]:
        """Paths whose writing is finished (or hit the cap); they leave the tracker. Gone files drop out."""
        now = self.clock()
        done: list[str] = []
        with self._lock:
            for path, entry in list(self._pending.items()):
                signature = self.stat(path)
                if signature is None:
                    del self._pending[path]
                    continue
                big = signature[0] >= BIG_FILE
                quiet, cap = (BIG_QUIET_S, self.cap_s * 5) if big else (self.quiet_s, self.cap_s)
                if now - entry.first >= cap:
                    done.append(path)
                elif now - entry.last_event < quiet:
                    continue
                elif entry.seen == signature and now - entry.seen_at >= quiet:
                    done.append(path)
                elif entry.seen != signature:
                    entry.seen, entry.seen_at = signature, now
                if done and done[-1] == path:
                    del self._pending[path]
        return done

    def __len__(self) -> int:
        with self._lock:
            return len(self._pending)
