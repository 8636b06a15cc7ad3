"""Scheduled scans with a fake clock: catch-ups, no duplicates, waiting for a running scan, battery."""

from __future__ import annotations

import itertools
import random
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.core.context import Context
from app.core.journal import events
from app.core.schedule import rows
from app.core.schedule.scheduler import Power, Ran, Scheduler

DAY = 86400.0
T0 = datetime(2026, 3, 2, tzinfo=UTC).timestamp()  # a Monday, midnight


class World:
    """A fake clock, power supply and "a scan is running" flag, and a scan runner that takes time."""

    def __init__(self) -> None:
        self.now = T0
        self.power = Power(False)
        self.busy = False
        self.runs: list[tuple[float, str, bool]] = []
        self.scan_s = 20 * 60.0

    def run_scan(self, ctx: Context, kind: str, catch_up: bool) -> str:
        del ctx
        self.runs.append((self.now, kind, catch_up))
        self.now += self.scan_s
        return "finished"


@pytest.fixture
def ctx(rf_home: Path) -> Context:
    with Context.open() as context:
        yield context  # type: ignore[misc]


def scheduler(ctx: Context, world: World) -> Scheduler:
    return Scheduler(ctx, world.run_scan, clock=lambda: world.now, power=lambda: world.power,
                     busy=lambda _ctx: world.busy, tz=UTC)


def only_daily_at_noon(ctx: Context, world: World) -> int:
    for schedule in rows.load(ctx.store, world.now):
        rows.remove(ctx.store, schedule.id)
    return rows.add(ctx.store, "daily", 12 * 60, "quick", now=world.now)


def run_until(s: Scheduler, world: World, until: float, step: float = 30.0) -> list[Ran]:
    done: list[Ran] = []
    while world.now < until:
        done += s.tick()
        world.now += step
    return done


def test_a_week_of_missed_slots_gives_one_catch_up_a_few_minutes_after_start(ctx: Context) -> None:
    world = World()
    only_daily_at_noon(ctx, world)
    s = scheduler(ctx, world)
    world.now = T0 + 7 * DAY + 9 * 3600  # the PC was off for a week; it starts on day 7 at 09:00
    done = run_until(s, world, T0 + 7 * DAY + 11 * 3600)
    assert [(r.catch_up, r.outcome) for r in done] == [(True, "finished")]
    assert 4 * 60 <= done[0].at - (T0 + 7 * DAY + 9 * 3600) <= 6 * 60  # ~5 minutes after the start
    done = run_until(s, world, T0 + 8 * DAY)
    assert [(r.catch_up, datetime.fromtimestamp(r.at, UTC).strftime("%H:%M")) for r in done] == [(False, "12:00")]


def test_no_slot_runs_twice_over_a_hundred_days_with_the_pc_often_off(ctx: Context) -> None:
    world = World()
    only_daily_at_noon(ctx, world)
    rows.add(ctx.store, "weekly", 18 * 60, "full", weekday=4, now=world.now)
    rng = random.Random(7)
    s = scheduler(ctx, world)
    done: list[Ran] = []
    on_days = 0
    for day in range(100):
        start = T0 + day * DAY
        if rng.random() < 0.3:
            continue  # the PC stays off all day
        on_from, on_until = start + rng.choice([8, 10, 13, 15]) * 3600, start + rng.choice([17, 20, 23]) * 3600
        world.now = max(world.now, on_from)
        if on_from <= start + 11 * 3600 and on_until >= start + 13 * 3600:
            on_days += 1
        done += run_until(s, world, on_until, step=rng.choice([60.0, 120.0, 300.0]))
    for schedule_id in {r.schedule_id for r in done}:
        mine = [r for r in done if r.schedule_id == schedule_id]
        covers = [r.covers for r in mine]
        assert covers == sorted(set(covers)), "a slot was run twice"
        starts = [r.at for r in mine]
        assert all(b - a > 3600 for a, b in itertools.pairwise(starts)), "two runs for one slot"
    daily = [r for r in done if r.kind == "quick"]
    assert len(daily) >= on_days  # every day the PC was on at noon had its scan
    assert len(daily) <= 100


def test_a_slot_during_a_running_scan_waits_and_runs_once(ctx: Context) -> None:
    world = World()
    only_daily_at_noon(ctx, world)
    s = scheduler(ctx, world)
    world.now = T0 + 11 * 3600
    world.busy = True  # the user's full scan runs from 11:00 to 13:00
    assert run_until(s, world, T0 + 13 * 3600) == []
    world.busy = False
    done = run_until(s, world, T0 + 18 * 3600)
    assert len(done) == 1 and not done[0].catch_up
    assert T0 + 13 * 3600 <= done[0].at <= T0 + 13 * 3600 + 60


def test_low_battery_skips_the_slot_and_says_so(ctx: Context) -> None:
    world = World()
    only_daily_at_noon(ctx, world)
    s = scheduler(ctx, world)
    world.now = T0 + 11 * 3600
    world.power = Power(True, 20.0)
    done = run_until(s, world, T0 + 14 * 3600)
    assert [r.outcome for r in done] == ["skipped-battery"] and world.runs == []
    assert [e.code for e in events.query(ctx.store, kinds=["scan"])] == ["schedule.skipped_battery"]
    world.power = Power(True, 80.0)  # on battery but well charged: it runs
    done = run_until(s, world, T0 + DAY + 14 * 3600)
    assert [r.outcome for r in done] == ["finished"]
    ctx.settings.set("schedule.min_battery_percent", 0)  # never skip
    world.power = Power(True, 5.0)
    assert [r.outcome for r in run_until(s, world, T0 + 2 * DAY + 14 * 3600)] == ["finished"]


def test_the_default_is_one_daily_quick_scan_around_midday_made_once(ctx: Context) -> None:
    first = rows.load(ctx.store, T0, random.Random(3))
    assert len(first) == 1
    (default,) = first
    assert default.frequency == "daily" and default.kind == "quick" and 12 * 60 <= default.minute < 13 * 60
    rows.remove(ctx.store, default.id)
    assert rows.load(ctx.store, T0) == []  # the user's choice to have none is kept


def test_a_new_schedule_does_not_count_earlier_slots_as_missed(ctx: Context) -> None:
    world = World()
    world.now = T0 + 15 * 3600
    only_daily_at_noon(ctx, world)  # made at 15:00, after today's slot
    assert run_until(scheduler(ctx, world), world, T0 + DAY) == []


def test_a_bad_schedule_is_refused(ctx: Context) -> None:
    with pytest.raises(ValueError):
        rows.add(ctx.store, "hourly", 60, "quick")
    with pytest.raises(ValueError):
        rows.add(ctx.store, "daily", 24 * 60, "quick")
    with pytest.raises(ValueError):
        rows.add(ctx.store, "daily", 60, "deep")
