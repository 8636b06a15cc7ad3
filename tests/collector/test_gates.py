"""Gate decisions: pass, pause on too little data, halt on each failing metric, the control-group
comparison, bake times and the schedules (pure decisions; the stats come from the real collector in
test_stats.py and the drills)."""

from __future__ import annotations

import pytest

from app.channel.collector.storage import ReleaseStats
from app.channel.gates import SCHEDULES, GateConfig, crash_z, evaluate, required_reporting
from app.core.updates.rollout import Release

NOW = 1_800_000_000.0
HOUR = 3600.0


def release(exposure: int = 10, severity: str = "normal", baked: float = 5 * HOUR) -> Release:
    return Release(7, "content/defs-000007.tar.gz", exposure, "rolling", None, NOW - 10 * HOUR, severity,
                   exposed_at=NOW - baked)


def healthy(reporting: int = 10, days: int = 10, crash_days: int = 0) -> ReleaseStats:
    return ReleaseStats(7, None, 0, reporting=reporting, activated=reporting, install_days=days, crash_days=crash_days)


def control(days: int = 1000, crash_days: int = 20) -> ReleaseStats:
    return ReleaseStats(6, None, 0, reporting=days, install_days=days, crash_days=crash_days)


def by_name(decision, name):
    return next(m for m in decision.metrics if m.name == name)


def test_a_healthy_baked_canary_moves_to_one_percent() -> None:
    d = evaluate(release(), healthy(), control(), fleet=5000, now=NOW)
    assert (d.action, d.next_exposure) == ("promote", 100)
    assert {m.verdict for m in d.metrics if m.name != "new install ids"} == {"pass"}


def test_the_normal_schedule_and_the_compressed_critical_one_both_start_at_the_canary() -> None:
    assert SCHEDULES["normal"].steps == (10, 100, 500, 2500, 10000)
    assert SCHEDULES["critical"].steps[0] == 10 and SCHEDULES["critical"].bake_seconds < SCHEDULES["normal"].bake_seconds
    for severity in ("normal", "critical"):
        d = evaluate(release(exposure=0, severity=severity), healthy(0, 0), control(), fleet=5000, now=NOW)
        assert (d.action, d.next_exposure) == ("promote", 10)
    d = evaluate(release(exposure=10, severity="critical", baked=HOUR), healthy(), control(), fleet=5000, now=NOW)
    assert (d.action, d.next_exposure) == ("promote", 500)
    d = evaluate(release(exposure=10, baked=HOUR), healthy(), control(), fleet=5000, now=NOW)
    assert d.action == "bake" and "180 min" in d.reason


def test_too_few_reporting_canaries_pause_instead_of_proceeding() -> None:
    d = evaluate(release(), healthy(reporting=2, days=2), control(), fleet=5000, now=NOW)
    assert d.action == "pause" and d.next_exposure is None
    assert by_name(d, "reporting installs").verdict == "inconclusive"
    assert "not enough data" in d.reason
    # half the expected cohort, at most 200: at 1 % of 100,000 installs that is 200
    assert required_reporting(100_000, 100, GateConfig()) == 200
    assert required_reporting(5000, 10, GateConfig()) == 3


def test_a_control_group_too_small_to_compare_pauses() -> None:
    d = evaluate(release(), healthy(), control(days=5, crash_days=0), fleet=5000, now=NOW)
    assert d.action == "pause" and by_name(d, "crash rate vs control").verdict == "inconclusive"


def severe(installs: int) -> list[tuple[ReleaseStats, str]]:
    """Each severe signal, reported by ``installs`` distinct installs."""
    return [
        (ReleaseStats(7, None, 0, reporting=10, activated=10, reverted={"crash_streak": installs}, install_days=10),
         "revert rate"),
        (ReleaseStats(7, None, 0, reporting=10, activated=10 - installs, rejected={"compile": installs}, install_days=10),
         "rejection rate"),
        (ReleaseStats(7, None, 0, reporting=10, activated=10, protected_installs=installs, install_days=10),
         "protected-file hits"),
        (ReleaseStats(7, None, 0, reporting=10, activated=10, protected_hits=5, protected_hit_installs=installs,
                      install_days=10), "protected-file hits"),
    ]


@pytest.mark.parametrize(("stats", "metric"), [
    *severe(2),
    (ReleaseStats(7, None, 0, reporting=10, activated=10, install_days=10, crash_days=4), "crash rate vs control"),
])
def test_each_failing_metric_halts_with_its_numbers_even_while_baking(stats: ReleaseStats, metric: str) -> None:
    d = evaluate(release(baked=0.1 * HOUR), stats, control(), fleet=5000, now=NOW)
    assert d.action == "halt"
    assert [m.name for m in d.metrics if m.verdict == "fail"] == [metric]
    assert d.reason.startswith("Automatic gate halted version 7 at 10 of 10000 buckets: " + metric)


@pytest.mark.parametrize(("stats", "metric"), severe(1))
def test_a_severe_signal_from_one_install_pauses_and_alerts_never_halts_never_proceeds(stats: ReleaseStats,
                                                                                      metric: str) -> None:
    for baked in (0.1 * HOUR, 5 * HOUR):  # baking or baked: it does not move either way
        d = evaluate(release(baked=baked), stats, control(), fleet=5000, now=NOW)
        assert d.action == "pause" and d.next_exposure is None
        assert [m.name for m in d.metrics if m.verdict == "alert"] == [metric]
        assert "vendor alerted" in d.reason and "not yet corroborated by 2 installs" in d.reason
        assert len(d.alerts) == 1 and d.alerts[0].startswith(f"Version 7: {metric}")


def test_revert_rate_at_the_limit_passes_and_above_it_halts() -> None:
    at_limit = ReleaseStats(7, None, 0, reporting=1000, activated=1000, reverted={"crash_streak": 5}, install_days=50)
    above = ReleaseStats(7, None, 0, reporting=1000, activated=1000, reverted={"crash_streak": 6}, install_days=50)
    assert evaluate(release(exposure=2500), at_limit, control(), fleet=40_000, now=NOW).action == "promote"
    assert evaluate(release(exposure=2500), above, control(), fleet=40_000, now=NOW).action == "halt"


def test_crash_rate_is_compared_with_the_control_group_not_with_zero() -> None:
    # 3 % of install-days crash on the release and 2 % on the previous version: noise, not a regression
    assert crash_z(healthy(days=400, crash_days=12), control(1000, 20)) < 2.33
    d = evaluate(release(exposure=500), healthy(400, 400, 12), control(1000, 20), fleet=20_000, now=NOW)
    assert d.action == "promote" and by_name(d, "crash rate vs control").verdict == "pass"
    # the same release when the control group hardly ever crashes: significantly worse
    d = evaluate(release(exposure=500), healthy(400, 400, 12), control(1000, 1), fleet=20_000, now=NOW)
    assert d.action == "halt" and "crash rate vs control" in d.reason
    # a fleet that crashes a lot on the old version too does not stop a release that is no worse
    d = evaluate(release(exposure=500), healthy(400, 400, 80), control(1000, 200), fleet=20_000, now=NOW)
    assert d.action == "promote"


def test_complete_releases_need_nothing() -> None:
    d = evaluate(release(exposure=10000), healthy(), control(), fleet=5000, now=NOW)
    assert d.action == "none"
