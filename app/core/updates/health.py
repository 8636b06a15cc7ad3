"""Health signals for the probation window (reference §5.6 and §7.8).

* Engine starts, clean exits, crashes and hangs come from the supervisor's ``engine_events`` table
  (store schema ``engine``). The crash streak is pessimistic, as in Chrome's safe-seed manager: a
  ``start`` that is not followed by a clean ``exit`` counts as a crash, so a worker that takes the
  whole process down with it is counted too.
* Scans report their totals with :func:`record_scan_stats` (files, errors, detections, time, hits on
  protected files); self-tests after activation report with :func:`record_selftest`.
"""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import dataclass, field

from app.core.foundation.store import Store
from app.core.scanning.supervisor import ENGINE_SCHEMA
from app.core.updates.update_history import SCHEMA as UPDATES_SCHEMA


def record_engine_event(store: Store, kind: str, definitions_version: str | int | None, detail: str = "",
                        when: float | None = None) -> None:
    """Record one engine worker event, as the supervisor does for every start, exit, crash and hang
    (with an explicit time, for tests and for replaying events)."""
    store.ensure(ENGINE_SCHEMA)
    with store.transaction() as conn:
        conn.execute("INSERT INTO engine_events(time, kind, definitions_version, detail) VALUES (?, ?, ?, ?)",
                     (time.time() if when is None else when, kind,
                      None if definitions_version is None else str(definitions_version), detail))


@dataclass(frozen=True)
class EngineCounts:
    starts: int
    crash_streak: int


def engine_counts(store: Store, version: int, since: float) -> EngineCounts:
    """Starts of ``version`` since ``since`` and its pessimistic crash streak.

    A start counts as a crash when a crash or hang was recorded after it, or when another start
    followed without a clean exit in between (the worker, or the whole app, died unseen). The latest
    start, still running, counts only once something says it failed. A clean exit resets the streak.
    """
    store.ensure(ENGINE_SCHEMA)
    rows = store.conn.execute(
        "SELECT kind FROM engine_events WHERE definitions_version = ? AND time >= ? ORDER BY time, id",
        (str(version), since),
    ).fetchall()
    starts = streak = 0
    running = failed = False
    for (kind,) in rows:
        if kind == "start":
            if running and not failed:
                streak += 1
            starts += 1
            running, failed = True, False
        elif kind == "exit":
            streak, running, failed = 0, False, False
        elif kind in ("crash", "hang") and not failed:
            streak += 1
            failed = True
    return EngineCounts(starts, streak)


def record_scan_stats(store: Store, definitions_version: str | int, *, files: int, errors: int, detections: int,
                      seconds: float, protected_hits: list[str] | tuple[str, ...] = (), when: float | None = None,
                      timeouts: int = 0) -> None:
    """One scan's totals; called by the scan service after every scan (``timeouts``: files that hit the
    per-file time limit, also counted in ``errors``)."""
    store.ensure(UPDATES_SCHEMA)
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO update_scan_stats(time, definitions_version, files, errors, detections, seconds, protected_hits,"
            " timeouts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (time.time() if when is None else when, str(definitions_version), files, errors, detections, seconds,
             json.dumps(sorted(set(protected_hits))), timeouts),
        )


def record_selftest(store: Store, definitions_version: str | int, ok: bool, detail: str = "", when: float | None = None) -> None:
    """The result of a self-test (EICAR + golden positives) of the active definitions."""
    store.ensure(UPDATES_SCHEMA)
    with store.transaction() as conn:
        conn.execute("INSERT INTO update_selftests(time, definitions_version, ok, detail) VALUES (?, ?, ?, ?)",
                     (time.time() if when is None else when, str(definitions_version), int(ok), detail))


@dataclass
class ScanTotals:
    files: int = 0
    errors: int = 0
    detections: int = 0
    timeouts: int = 0
    median_ms_per_file: float | None = None
    protected: set[str] = field(default_factory=set)

    @property
    def error_rate(self) -> float:
        return self.errors / self.files if self.files else 0.0

    @property
    def detection_rate(self) -> float:
        return self.detections / self.files if self.files else 0.0


def scan_totals(store: Store, version: int | str, since: float = 0.0) -> ScanTotals:
    store.ensure(UPDATES_SCHEMA)
    rows = store.conn.execute(
        "SELECT files, errors, detections, seconds, protected_hits, timeouts FROM update_scan_stats "
        "WHERE definitions_version = ? AND time >= ?", (str(version), since),
    ).fetchall()
    totals = ScanTotals()
    speeds = []
    for files, errors, detections, seconds, hits, timeouts in rows:
        totals.timeouts += timeouts
        totals.files += files
        totals.errors += errors
        totals.detections += detections
        totals.protected.update(json.loads(hits))
        if files:
            speeds.append(1000.0 * seconds / files)
    totals.median_ms_per_file = statistics.median(speeds) if speeds else None
    return totals


def failed_selftests(store: Store, version: int, since: float) -> list[str]:
    store.ensure(UPDATES_SCHEMA)
    rows = store.conn.execute(
        "SELECT detail FROM update_selftests WHERE definitions_version = ? AND time >= ? AND ok = 0",
        (str(version), since),
    ).fetchall()
    return [r[0] for r in rows]
