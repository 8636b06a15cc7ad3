"""Rings and exposure: who takes a release, and when (served channel, real HTTP, injectable clock)."""

from __future__ import annotations

import random
import statistics

from app.channel import publisher
from app.core.scanning.definitions import read_pointer
from app.core.updates.rings import Policy, bucket, choose
from app.core.updates.rollout import Release, RolloutDoc
from tests.updates.conftest import Setup


def test_buckets_are_sticky_uniform_and_salted() -> None:
    ids = [f"id-{i}" for i in range(20_000)]
    buckets = [bucket(i, "s1") for i in ids]
    assert buckets == [bucket(i, "s1") for i in ids]  # sticky
    assert all(0 <= b < 10_000 for b in buckets)
    deciles = [sum(1 for b in buckets if b // 1000 == d) for d in range(10)]
    assert max(deciles) - min(deciles) < 0.1 * statistics.mean(deciles)  # uniform
    moved = sum(1 for i in ids[:1000] if bucket(i, "s1") != bucket(i, "s2"))
    assert moved > 990  # a new salt reshuffles


def test_raising_exposure_only_adds_clients() -> None:
    rng = random.Random(4)
    doc = RolloutDoc("stable", 1, 0, 1, releases=[Release(7, "t", 0)])
    ids = [str(rng.random()) for _ in range(2000)]
    previous: set[str] = set()
    for exposure in (10, 100, 500, 2500, 10_000):
        doc.releases[0].exposure = exposure
        taking = {i for i in ids if choose(doc, Policy("default", bucket(i, "x"), 0), active=None, engine_version="1.0",
                                           excluded=set(), declined=set()).version == 7}
        assert previous <= taking
        previous = taking
    assert previous == set(ids)


def test_exposure_10_reaches_only_buckets_below_10(setup: Setup) -> None:
    setup.release("v1", exposure=10)
    setup.set_bucket(at_least=10)
    result = setup.service.check()
    assert result.outcome == "rolling_out" and read_pointer(setup.ctx) is None
    assert setup.service.status().state == "rolling_out"
    setup.set_bucket(below=10)
    result = setup.service.check()
    assert result.outcome == "updated" and read_pointer(setup.ctx)["version"] == 1


def test_early_takes_a_release_at_once(setup: Setup) -> None:
    setup.release("v1", exposure=1)
    setup.set_bucket(at_least=5000)
    assert setup.service.check().outcome == "rolling_out"
    setup.service.set_ring("early")
    assert setup.service.check().outcome == "updated"
    assert setup.service.state.active_version == 1


def test_delayed_waits_48_hours_after_completion(setup: Setup) -> None:
    setup.service.set_ring("delayed")
    setup.set_bucket(below=10)
    setup.release("v1", exposure=5000)
    assert setup.service.check().outcome == "delayed"  # in the exposure, but the release is not complete
    publisher.expose(setup.repo, 1, 10_000)  # completed now
    assert setup.service.check().outcome == "delayed"
    setup.clock.advance(47 * 3600)
    assert setup.service.check().outcome == "delayed"
    setup.clock.advance(1 * 3600 + 1)
    assert setup.service.check().outcome == "updated"


def test_pinned_never_updates_by_itself_but_apply_does(setup: Setup) -> None:
    setup.service.set_ring("pinned")
    setup.release("v1")
    assert setup.service.check().outcome == "pinned"
    assert setup.service.status().state == "pinned" and read_pointer(setup.ctx) is None
    assert setup.service.apply().outcome == "updated"
    assert setup.service.state.active_version == 1


def test_pause_holds_new_versions_but_revocations_apply(setup: Setup) -> None:
    setup.release("v1")
    assert setup.service.check().outcome == "updated"
    setup.service.pause(72)
    setup.release("v2")
    assert setup.service.check().outcome == "paused"
    assert setup.service.state.active_version == 1
    assert setup.service.status().state in ("probation", "paused")
    publisher.revoke(setup.repo, 1, "false alarms on a vendor driver")
    result = setup.service.check()
    assert result.outcome == "reverted" and "false alarms" in result.message
    assert setup.service.state.active_version is None and read_pointer(setup.ctx) is None
    setup.clock.advance(72 * 3600 + 1)  # the pause ends by itself
    assert setup.service.check().outcome == "updated"
    assert setup.service.state.active_version == 2
