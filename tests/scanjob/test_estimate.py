"""The scan estimator driven by simulated scans on a simulated clock: uneven files, long archives, pauses.

A simulated scan is a list of files, each with its size and the seconds the engine spends on it; the
engine reports its running counts every 0.2 s (only completed files count, in walk order, as the real
engine reports them), and the console samples what to show. The truth is known: the scan ends when the
last file's time is spent.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pytest

from app.core.scanning.estimate import Estimate, ScanEstimator

REPORT_S = 0.2
MB = 1_000_000


def tiny(count: int, size: int = 2_000) -> list[tuple[int, float]]:
    return [(size + (i % 7) * 900, 0.003 + (size + (i % 7) * 900) / (60 * MB)) for i in range(count)]


def huge(count: int, size: int = 400 * MB, archives_every: int = 0) -> list[tuple[int, float]]:
    files = []
    for i in range(count):
        if archives_every and i % archives_every == archives_every - 1:
            files.append((300 * MB, 0.003 + 300 / 8))  # an archive: unpacked member by member, 37 s
        files.append((size, 0.003 + size / (60 * MB)))
    return files


@dataclass
class Shown:
    at: float
    estimate: Estimate
    truth: float  # seconds the scan really has left


def simulate(files: list[tuple[int, float]], *, counted_after: float = 20.0, sample_every: float = 1.0,
             cached: bool = False, estimator: ScanEstimator | None = None) -> tuple[float, list[Shown]]:
    ends, t = [], 0.0
    for _size, cost in files:
        t += cost
        ends.append(t)
    end = t
    total_files, total_bytes = len(files), sum(size for size, _ in files)
    est = estimator or ScanEstimator()
    done = walked = 0
    now, next_sample, shown = 0.0, 0.0, []
    while now < end:
        now = round(now + REPORT_S, 6)
        while done < len(files) and ends[done] <= now:
            walked += files[done][0]
            done += 1
        est.observe(now, done, walked, 0 if cached else walked)
        if now >= next_sample:
            next_sample += sample_every
            shown.append(Shown(now, est.estimate(now, done, walked, files_total=total_files, bytes_total=total_bytes,
                                                     final=now >= counted_after),
                               max(0.0, end - now)))
    return end, shown


UNEVEN = [*tiny(20_000), *huge(40, archives_every=8), *tiny(20_000)]


@pytest.mark.parametrize("sample_every", [REPORT_S, 1.0, 3.0])
def test_time_left_never_swings_by_more_than_twice_after_the_first_minute(sample_every: float) -> None:
    _end, shown = simulate(UNEVEN, sample_every=sample_every)
    left = [(s.at, s.estimate.remaining_s) for s in shown if s.estimate.remaining_s is not None and s.truth > 0]
    assert left, "a time left is shown once the total is counted"
    for (_t0, before), (t1, after) in itertools.pairwise(left):
        if t1 > 60:
            assert before / 2 <= after <= before * 2, (t1, before, after)


def test_time_left_converges_to_the_truth_and_is_never_absurd() -> None:
    end, shown = simulate(UNEVEN)
    assert 500 < end < 650  # the scenario: about ten minutes, two thirds of it in a few large files
    for s in shown:
        left = s.estimate.remaining_s
        if s.at < 60 or left is None:
            continue
        assert s.truth / 2 <= left + 5 and left <= 2 * s.truth + 5, (s.at, left, s.truth)  # never "199 h"
        if s.at >= end / 2:
            assert abs(left - s.truth) <= 0.3 * s.truth + 5, (s.at, left, s.truth)
        if s.at >= end * 0.9:
            assert abs(left - s.truth) <= 0.1 * s.truth + 3, (s.at, left, s.truth)


def test_inside_a_long_archive_speed_and_time_left_hold() -> None:
    files = [*tiny(5_000), (300 * MB, 120.0), *tiny(5_000)]  # two minutes in one archive
    end, shown = simulate(files, counted_after=0)
    first_done = sum(cost for _size, cost in tiny(5_000))
    inside = [s for s in shown if first_done + 5 < s.at < first_done + 115]
    assert len(inside) > 100
    held = inside[0].estimate
    assert held.remaining_s is not None
    for s in inside:
        assert s.estimate.files_per_s == held.files_per_s and s.estimate.bytes_per_s == held.bytes_per_s
        assert s.estimate.remaining_s is not None and held.remaining_s / 2 <= s.estimate.remaining_s <= held.remaining_s
    after = next(s for s in shown if s.at > first_done + 125)  # the archive done: the cost of bytes is known
    assert after.estimate.remaining_s is not None and abs(after.estimate.remaining_s - after.truth) < 0.5 * after.truth + 5
    assert shown[-1].estimate.percent is not None and shown[-1].estimate.percent > 95
    assert end > 120


def test_percent_weighs_bytes_and_never_goes_back() -> None:
    # ten thousand tiny files, then one file of 2 GB: by count the tiny files are 99.99 % of the scan
    files = [*tiny(10_000), (2_000 * MB, 2_000 / 60)]
    _end, shown = simulate(files, counted_after=0)
    percents = [s.estimate.percent for s in shown if s.estimate.percent is not None]
    assert percents == sorted(percents) and percents[-1] <= 100
    tiny_done = next(s for s in shown if s.at > sum(cost for _size, cost in tiny(10_000)) + 1)
    assert tiny_done.estimate.percent is not None and tiny_done.estimate.percent < 75
    assert tiny_done.estimate.files_per_s > 100  # the speed of the tiny files, not of the one big one
    assert tiny_done.estimate.remaining_s is not None and tiny_done.estimate.remaining_s > 10


def test_no_percent_and_no_time_left_while_the_total_is_counted() -> None:
    _end, shown = simulate(tiny(30_000), counted_after=30)
    counting = [s.estimate for s in shown if s.at < 30]
    assert counting and all(e.percent is None and e.remaining_s is None for e in counting)
    assert counting[-1].files_per_s > 100  # the speed is known meanwhile
    assert all(s.estimate.percent is not None for s in shown if s.at >= 30)


def test_speed_in_megabytes_counts_only_bytes_read() -> None:
    _end, shown = simulate(tiny(20_000), counted_after=0, cached=True)  # a rescan answered by the cache
    last = shown[-1].estimate
    assert last.bytes_per_s == 0 and last.files_per_s > 100
    assert last.remaining_s is not None and last.percent is not None and last.percent > 95
    _end, shown = simulate(huge(10), counted_after=0)
    assert 50 * MB < shown[-1].estimate.bytes_per_s < 70 * MB


def test_time_paused_is_not_scanning_time() -> None:
    est = ScanEstimator()
    for step in range(101):  # 100 files a second for 10 s
        est.observe(step * 0.1, step * 10, step * 10_000, step * 10_000)
    before = est.estimate(10.0, 1000, 10_000_000, files_total=2000, bytes_total=20_000_000, final=True)
    est.pause(10.0)
    paused = est.estimate(500.0, 1000, 10_000_000, files_total=2000, bytes_total=20_000_000, final=True)
    est.resume(500.0)
    est.observe(500.1, 1010, 10_100_000, 10_100_000)
    after = est.estimate(500.1, 1010, 10_100_000, files_total=2000, bytes_total=20_000_000, final=True)
    assert before.remaining_s is not None and 8 <= before.remaining_s <= 12
    assert paused.remaining_s == before.remaining_s
    assert after.remaining_s is not None and abs(after.remaining_s - before.remaining_s) < 1
    assert after.files_per_s == pytest.approx(100, rel=0.05)


def test_finished_counts_say_100_percent_and_nothing_left() -> None:
    est = ScanEstimator()
    est.observe(0.0, 0, 0, 0)
    est.observe(5.0, 10, 1000, 1000)
    done = est.estimate(5.0, 10, 1000, files_total=10, bytes_total=1000, final=True)
    assert done.percent == 100.0 and done.remaining_s == 0.0
