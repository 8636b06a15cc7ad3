"""What Ringfence did, per day or per week, over the history that is kept: files scanned, threats found,
definitions updates installed — counted from the event journal, for the History page's activity chart.

Days and weeks are the user's local ones (a week starts on Monday). The span runs from the oldest event
kept (at most ``history.keep_days`` back) to today, at least a week; up to :data:`MAX_DAYS` days it is
shown day by day, longer spans week by week.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.core.foundation.store import Store
from app.core.journal import events

MAX_DAYS = 45
MIN_DAYS = 7
SCANNED = ("scan.finished", "scan.cancelled")  # their ``files`` argument: files checked
THREATS = ("threat.found", "realtime.detected")
UPDATES = ("updates.activated",)


@dataclass(frozen=True)
class Bucket:
    start: date  # the first day (a Monday for weeks)
    files: int = 0
    threats: int = 0
    updates: int = 0
    scans: int = 0


@dataclass(frozen=True)
class Activity:
    unit: str  # "day" or "week"
    buckets: tuple[Bucket, ...]

    @property
    def files(self) -> int:
        return sum(b.files for b in self.buckets)

    @property
    def threats(self) -> int:
        return sum(b.threats for b in self.buckets)

    @property
    def updates(self) -> int:
        return sum(b.updates for b in self.buckets)

    @property
    def scans(self) -> int:
        return sum(b.scans for b in self.buckets)

    @property
    def days(self) -> int:
        step = 7 if self.unit == "week" else 1
        return len(self.buckets) * step


def _day(timestamp: float) -> date:
    return datetime.fromtimestamp(timestamp).date()


def activity(store: Store, keep_days: int, now: float | None = None) -> Activity:
    """Files scanned, threats found and updates installed per day or week, oldest first."""
    now = datetime.now().timestamp() if now is None else now
    today = _day(now)
    oldest_kept = today - timedelta(days=max(1, keep_days) - 1)
    codes = (*SCANNED, *THREATS, *UPDATES)
    store.ensure(events.EVENTS_SCHEMA)
    since = datetime.combine(oldest_kept, datetime.min.time()).timestamp()
    rows = store.conn.execute(
        f"SELECT time, code, args FROM events WHERE time >= ? AND time <= ? "
        f"AND code IN ({', '.join('?' * len(codes))}) ORDER BY time", (since, now, *codes)).fetchall()
    first = min((_day(float(r["time"])) for r in rows), default=today)
    start = max(oldest_kept, min(first, today - timedelta(days=MIN_DAYS - 1)))
    unit = "day" if (today - start).days + 1 <= MAX_DAYS else "week"
    if unit == "week":
        start -= timedelta(days=start.weekday())
    step = 1 if unit == "day" else 7
    count = (today - start).days // step + 1
    totals = [[0, 0, 0, 0] for _ in range(count)]  # files, threats, updates, scans
    for row in rows:
        index = (_day(float(row["time"])) - start).days // step
        if not 0 <= index < count:
            continue
        code = row["code"]
        if code in SCANNED:
            totals[index][0] += _files(row["args"])
            totals[index][3] += 1
        elif code in THREATS:
            totals[index][1] += 1
        else:
            totals[index][2] += 1
    buckets = tuple(Bucket(start + timedelta(days=i * step), *values) for i, values in enumerate(totals))
    return Activity(unit, buckets)


def _files(args: str) -> int:
    try:
        value = json.loads(args).get("files", 0)
    except (ValueError, AttributeError):
        return 0
    return int(value) if isinstance(value, int | float) and value > 0 else 0
