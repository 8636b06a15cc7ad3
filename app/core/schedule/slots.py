"""When a schedule's slots fall, and what a look at the clock decides.

A slot is a moment a scan is due: every day at ``minute`` past midnight (local time), or once a week
on ``weekday`` (0 = Monday). Slots after ``last_slot`` (the newest slot already handled) and up to now
are *pending*. Seen within ``GRACE_S`` of its time, the newest pending slot runs now; older ones were
missed (the PC was off or asleep) and together earn exactly **one** catch-up, ``CATCH_UP_DELAY_S``
after Ringfence noticed (a few minutes after the next start, like Task Scheduler's "start when
available"). Running — or skipping — marks every pending slot handled, so no slot ever runs twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

GRACE_S = 10 * 60.0
CATCH_UP_DELAY_S = 5 * 60.0
FREQUENCIES = ("daily", "weekly")


@dataclass(frozen=True)
class Schedule:
    id: int
    frequency: str  # "daily" or "weekly"
    minute: int  # minutes after local midnight, 0..1439
    kind: str  # "quick" or "full"
    weekday: int = 0  # 0 = Monday (weekly only)
    enabled: bool = True
    last_slot: float = 0.0  # the newest slot handled (wall-clock seconds); slots before it never run

    def __post_init__(self) -> None:
        if self.frequency not in FREQUENCIES:
            raise ValueError(f"unknown frequency {self.frequency!r}")
        if not 0 <= self.minute < 24 * 60 or not 0 <= self.weekday <= 6:
            raise ValueError("a schedule's time must be within the day and its weekday 0..6")


def slots(schedule: Schedule, after: float, until: float, tz: tzinfo | None = None) -> Iterator[float]:
    """The schedule's slots in ``(after, until]``, oldest first (local wall-clock times)."""
    start = datetime.fromtimestamp(after, tz)
    day = start.replace(hour=0, minute=0, second=0, microsecond=0)
    end = datetime.fromtimestamp(until, tz)
    while day <= end:
        if schedule.frequency == "daily" or day.weekday() == schedule.weekday:
            moment = (day + timedelta(minutes=schedule.minute)).timestamp()
            if after < moment <= until:
                yield moment
        day = (day + timedelta(days=1, hours=2)).replace(hour=0)  # steps over a DST change safely


@dataclass(frozen=True)
class Decision:
    """``run_at``: when to run (``None``: nothing pending); ``catch_up``: it stands for missed slots;
    ``covers``: the newest pending slot, to be stored as handled once the run starts (or is skipped)."""

    run_at: float | None
    catch_up: bool = False
    covers: float = 0.0


def decide(schedule: Schedule, now: float, noticed: float | None, tz: tzinfo | None = None) -> Decision:
    """What to do about ``schedule`` at ``now``. ``noticed`` is when the pending slots were first seen
    (``None`` if this is the first look): a catch-up waits from then, not from the slot."""
    if not schedule.enabled:
        return Decision(None)
    pending = list(slots(schedule, schedule.last_slot, now, tz))
    if not pending:
        return Decision(None)
    newest = pending[-1]
    first_look = now if noticed is None else noticed
    if first_look - newest <= GRACE_S:
        return Decision(newest, False, newest)
    return Decision(first_look + CATCH_UP_DELAY_S, True, newest)


def next_slot(schedule: Schedule, now: float, tz: tzinfo | None = None) -> float | None:
    """The next slot after ``now`` (for the console's "next scan" line)."""
    if not schedule.enabled:
        return None
    return next(slots(schedule, now, now + 8 * 86400, tz), None)
