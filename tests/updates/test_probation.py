"""Probation after activation: a version that crashes the real engine worker or misbehaves goes back
to the last-known-good; a last-known-good that fails too goes back to the baseline."""

from __future__ import annotations

import os
import signal
import time

import pytest

from app.core.foundation.errors import EngineError
from app.core.scanning.definitions import active, read_pointer
from app.core.scanning.engine_selftest import selftest_request
from app.core.scanning.supervisor import Supervisor
from app.core.text.messages import render
from app.core.updates import health
from tests.updates.conftest import Setup

HOUR = 3600.0


def known_good_v1(s: Setup) -> None:
    """Version 1 activated 30 hours ago, ran cleanly (2 starts, 600 files) and passed probation."""
    s.clock.t = time.time() - 30 * HOUR
    s.release("v1")
    assert s.service.check().outcome == "updated"
    when = s.clock.t + HOUR
    for kind in ("start", "exit", "start", "exit"):
        health.record_engine_event(s.ctx.store, kind, 1, when=when)
    health.record_scan_stats(s.ctx.store, 1, files=600, errors=0, detections=1, seconds=6.0, when=when)
    s.clock.t = time.time() - 1
    s.service.startup()
    assert s.service.state.known_good == [1] and s.service.state.probation is None
    assert s.events()[0] == "probation_passed"


def on_v2(s: Setup) -> None:
    known_good_v1(s)
    s.release("v2")
    s.clock.t = time.time() - 1
    assert s.service.check().outcome == "updated"
    assert s.service.state.probation is not None and s.service.state.probation.version == 2


def healthy_run(s: Setup, version: int, errors: int) -> None:
    """Two clean engine restarts and 500 files scanned on ``version``: the probation's exit condition."""
    start = s.clock.t
    for kind in ("start", "exit", "start", "exit"):
        health.record_engine_event(s.ctx.store, kind, version, when=start + 10)
    health.record_scan_stats(s.ctx.store, version, files=500, errors=errors, detections=0, seconds=5.0, when=start + 10)


class Engine:
    """The real engine worker under the real supervisor, on the active definitions, killed on demand."""

    def __init__(self, s: Setup) -> None:
        self.defs = active(s.ctx)
        self.request = selftest_request(s.ctx, self.defs)
        self.sup = Supervisor(s.ctx)
        self.pids: list[int] = []
        self.kills = 0
        self.sup.on_worker_started = self._started

    def _started(self, pid: int) -> None:
        self.pids.append(pid)
        if self.kills > 0:
            self.kills -= 1
            os.kill(pid, signal.SIGKILL)  # dies before answering: the supervisor records a crash

    def crash(self, times: int) -> None:
        """SIGKILL ``times`` freshly started workers; the supervisor restarts them; the last one runs."""
        self.kills = times
        while True:
            try:
                self.sup.request(self.request, "selftest", self.defs.version)
                return
            except EngineError:
                continue

    def kill_running(self) -> None:
        """SIGKILL the running worker behind the supervisor's back; the next request restarts it."""
        os.kill(self.pids[-1], signal.SIGKILL)
        assert self.sup.proc is not None
        deadline = time.monotonic() + 10
        while self.sup.proc.alive() and time.monotonic() < deadline:
            time.sleep(0.02)
        self.sup.request(self.request, "selftest", self.defs.version)

    def close(self) -> None:
        self.sup.close()


def test_three_crashes_revert_to_last_known_good_then_baseline(setup: Setup) -> None:
    on_v2(setup)
    engine = Engine(setup)
    engine.crash(2)
    setup.service.startup()
    assert setup.service.state.active_version == 2  # two crashes in a row: not yet
    engine.kill_running()  # the third, noticed only when the worker is restarted
    status = setup.service.startup()
    engine.close()
    assert setup.service.state.active_version == 1 and read_pointer(setup.ctx)["version"] == 1
    assert status.state == "rolled_back" and "3 times in a row" in status.text
    assert setup.events()[0] == "reverted" and "2" in setup.service.state.bad
    # the last-known-good crashes too: the built-in baseline, and no more automatic activations
    engine = Engine(setup)
    assert engine.defs.version == "1"
    engine.crash(3)
    setup.service.startup()
    engine.close()
    assert setup.service.state.active_version is None and read_pointer(setup.ctx) is None
    assert active(setup.ctx).source == "baseline"
    assert setup.events()[0] == "baseline" and setup.service.state.auto_stopped
    setup.release("v3")
    assert setup.service.check().outcome == "stopped"
    assert setup.service.apply().outcome == "updated"  # the user decides to try again
    assert setup.service.state.active_version == 3


def test_crashes_of_a_new_version_without_known_good_go_to_baseline(setup: Setup) -> None:
    setup.release("v1")
    setup.clock.t = time.time() - 1
    assert setup.service.check().outcome == "updated"
    engine = Engine(setup)
    engine.crash(3)
    setup.service.startup()
    engine.close()
    assert setup.service.state.active_version is None and setup.events()[0] == "baseline"


def test_clean_exits_reset_the_crash_streak(setup: Setup) -> None:
    on_v2(setup)
    t = setup.clock.t + 1
    for kind in ("start", "crash", "start", "crash", "start", "exit", "start", "crash", "start"):
        health.record_engine_event(setup.ctx.store, kind, 2, when=t)
        t += 1
    counts = health.engine_counts(setup.ctx.store, 2, setup.clock.t)
    assert counts.crash_streak == 1
    setup.service.startup()
    assert setup.service.state.active_version == 2


@pytest.mark.parametrize(("stats", "reason"), [
    ({"files": 300, "errors": 12, "detections": 0, "seconds": 3.0}, "failed on 12 of 300"),
    ({"files": 300, "errors": 0, "detections": 0, "seconds": 30.0}, "three times slower"),
    ({"files": 300, "errors": 0, "detections": 40, "seconds": 3.0}, "suddenly found 40 threats"),
    ({"files": 10, "errors": 0, "detections": 3, "seconds": 0.1,
      "protected_hits": ["C:/Windows/System32/svchost.exe", "C:/Windows/explorer.exe", "C:/Windows/System32/lsass.exe"]},
     "flagged 3 protected system files"),
    ({"files": 40, "errors": 3, "timeouts": 3, "detections": 0, "seconds": 200.0},
     "could not check 3 files within the time limit"),
])
def test_health_triggers_revert_to_last_known_good(setup: Setup, stats: dict, reason: str) -> None:
    on_v2(setup)
    health.record_scan_stats(setup.ctx.store, 2, when=setup.clock.t + 1, **stats)
    setup.service.startup()
    assert setup.service.state.active_version == 1
    entry = setup.service.status().history[0]
    assert entry.event == "reverted" and reason in render(entry.reason)


def test_the_first_activation_of_a_large_rule_set_on_a_clean_pc_is_no_detection_spike(setup: Setup) -> None:
    """Weeks on a few rules found nothing in 20,000 files; the big set then finds a folder of hack tools
    and a few suspicious scripts (25 files in 5,000): real findings, not a bad rule flagging a kind of file."""
    on_v2(setup)
    health.record_scan_stats(setup.ctx.store, 1, files=19_400, errors=0, detections=0, seconds=190.0,
                             when=setup.clock.t - HOUR)
    health.record_scan_stats(setup.ctx.store, 2, files=5_000, errors=0, detections=25, seconds=50.0,
                             when=setup.clock.t + 1)
    setup.service.startup()
    assert setup.service.state.active_version == 2 and setup.service.state.probation is not None
    health.record_scan_stats(setup.ctx.store, 2, files=2_000, errors=0, detections=400, seconds=20.0,
                             when=setup.clock.t + 2)  # a rule that flags every program is still a spike
    setup.service.startup()
    assert setup.service.state.active_version == 1
    assert "suddenly found 425 threats in 7000 files" in render(setup.service.status().history[0].reason)


def test_selftest_failure_after_activation_reverts(setup: Setup) -> None:
    on_v2(setup)
    health.record_selftest(setup.ctx.store, 2, False, "EICAR not detected", when=setup.clock.t + 1)
    setup.service.startup()
    assert setup.service.state.active_version == 1
    assert "EICAR not detected" in render(setup.service.status().history[0].reason)


def test_one_protected_hit_is_reported_not_reverted(setup: Setup) -> None:
    on_v2(setup)
    health.record_scan_stats(setup.ctx.store, 2, files=50, errors=0, detections=1, seconds=0.5,
                             protected_hits=["/usr/bin/ls"], when=setup.clock.t + 1)
    setup.service.startup()
    setup.service.startup()
    assert setup.service.state.active_version == 2
    assert setup.events().count("protected_hit") == 1


def test_probation_passes_and_old_versions_are_collected(setup: Setup) -> None:
    on_v2(setup)
    healthy_run(setup, 2, errors=1)
    setup.clock.advance(23 * HOUR)
    setup.service.startup()
    assert setup.service.status().state == "probation"
    setup.clock.advance(HOUR + 1)
    setup.service.startup()
    assert setup.service.state.known_good == [2, 1] and setup.service.state.probation is None
    setup.release("v3")
    setup.service.check()
    healthy_run(setup, 3, errors=0)
    setup.clock.advance(25 * HOUR)
    setup.service.startup()
    assert setup.service.state.known_good == [3, 2]
    assert sorted(p.name for p in (setup.ctx.paths.definitions_dir / "versions").iterdir() if p.is_dir()) == ["2", "3"]


def test_a_quiet_machine_leaves_probation_after_seven_days(setup: Setup) -> None:
    setup.release("v1")
    assert setup.service.check().outcome == "updated"
    setup.clock.advance(6 * 24 * HOUR)
    setup.service.startup()
    assert setup.service.state.probation is not None
    setup.clock.advance(24 * HOUR + 1)
    setup.service.startup()
    assert setup.service.state.known_good == [1]
