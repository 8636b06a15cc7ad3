"""The update service in a long-running app: "check now" respects pause and Pinned, a busy lock is
answered at once, the poller stops promptly, and validation and activation report progress."""

from __future__ import annotations

import threading
import time

import pytest

from app.core.foundation.filelock import LockBusy, file_lock
from app.core.text.messages import translate
from app.core.updates.poller import Poller
from app.core.updates.service import CheckResult
from tests.updates.conftest import Setup


def run_poller_check(setup: Setup) -> CheckResult:
    """Start a poller, let its start-up check finish, then press "check now" and return that result."""
    results: list[CheckResult] = []
    got = threading.Condition()

    def record(result: CheckResult) -> None:
        with got:
            results.append(result)
            got.notify_all()

    poller = Poller(setup.new_service, on_result=record, first_delay=0)
    poller.start()
    try:
        with got:
            assert got.wait_for(lambda: len(results) == 1, timeout=60)
        poller.check_now()
        with got:
            assert got.wait_for(lambda: len(results) == 2, timeout=60)
    finally:
        assert poller.stop(timeout=30)
    return results[1]


def test_check_now_while_paused_installs_nothing(setup: Setup) -> None:
    setup.release("v1")
    assert setup.service.check().outcome == "updated"
    setup.service.pause(24)
    setup.release("v2")
    assert run_poller_check(setup).outcome == "paused"
    assert setup.service.status().current_version == 1
    assert setup.service.apply().outcome == "updated"  # installing anyway is its own, explicit action
    assert setup.service.status().current_version == 2


def test_check_now_while_pinned_installs_nothing(setup: Setup) -> None:
    setup.release("v1")
    assert setup.service.check().outcome == "updated"
    setup.service.set_ring("pinned")
    setup.release("v2")
    assert run_poller_check(setup).outcome == "pinned"
    assert setup.service.status().current_version == 1
    assert setup.service.check(manual=True).outcome == "pinned"


def test_an_update_action_answers_busy_at_once(setup: Setup) -> None:
    setup.release("v1")
    held, release = threading.Event(), threading.Event()

    def hold() -> None:  # another updater (the poller, or another process) in the middle of its work
        with file_lock(setup.ctx.paths.tuf_dir / ".update.lock", wait=5, busy=translate("Test", "busy")):
            held.set()
            release.wait(30)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert held.wait(10)
        started = time.monotonic()
        for action in (setup.service.check, setup.service.apply, lambda: setup.service.pause(2), setup.service.resume):
            with pytest.raises(LockBusy) as busy:
                action()
            assert "being updated right now" in busy.value.message
        assert time.monotonic() - started < 5  # no waiting out a timeout per action
    finally:
        release.set()
        holder.join()
    assert setup.service.check().outcome == "updated"


def test_stopping_the_poller_does_not_wait_for_a_slow_check(setup: Setup) -> None:
    setup.release("v1")
    setup.server.faults["/targets/content/"] = ("drip", 0.05)  # a download that takes minutes
    poller = Poller(setup.new_service, first_delay=0)
    poller.start()
    deadline = time.monotonic() + 30
    while not any("/targets/content/" in r for r in setup.server.requests) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert any("/targets/content/" in r for r in setup.server.requests), "the download never started"
    started = time.monotonic()
    poller.stop(timeout=1.0)
    assert time.monotonic() - started < 5


def test_a_poller_stopped_before_its_first_check_never_checks(setup: Setup) -> None:
    setup.release("v1")
    poller = Poller(setup.new_service, first_delay=3600)
    poller.start()
    assert poller.stop()
    assert poller.checks == 0 and setup.server.requests == []


def test_validation_and_activation_report_progress(setup: Setup) -> None:
    setup.release("v1")
    seen: list[tuple[str, int, int]] = []
    service = setup.new_service(progress=lambda phase, done, total: seen.append((phase, done, total)))
    assert service.check().outcome == "updated"
    phases = [phase for phase, _, _ in seen]
    assert "downloading" in phases
    assert ("validating", 0, 1) in seen and ("validating", 1, 1) in seen
    assert ("activating", 0, 1) in seen and ("activating", 1, 1) in seen
    assert phases.index("validating") > phases.index("downloading") and phases.index("activating") > phases.index("validating")
