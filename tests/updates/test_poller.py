"""The poller checks at start-up, wakes on "check now", treats offline as normal and stops promptly."""

from __future__ import annotations

import threading
import time

from app.core.updates.poller import Poller
from app.core.updates.service import CheckResult
from tests.updates.conftest import Setup


def _wait(condition, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_checks_at_start_up_and_on_demand(setup: Setup) -> None:
    setup.release("v1")
    results: list[CheckResult] = []
    poller = Poller(setup.new_service, on_result=results.append, first_delay=0)
    poller.start()
    try:
        assert _wait(lambda: any(r.outcome == "updated" for r in results))
        assert setup.service.status().current_version == 1
        setup.release("v2")
        poller.check_now()  # "check now" from the tray or the Updates page
        assert _wait(lambda: any(r.version == 2 and r.outcome == "updated" for r in results))
    finally:
        started = time.monotonic()
        poller.stop()
        assert time.monotonic() - started < 10


def test_offline_is_a_normal_state_and_the_loop_survives(setup: Setup) -> None:
    setup.server.shutdown()
    setup.server.server_close()
    results: list[CheckResult] = []
    seen = threading.Event()

    def record(result: CheckResult) -> None:
        results.append(result)
        seen.set()

    poller = Poller(setup.new_service, on_result=record, first_delay=0)
    poller.start()
    try:
        assert seen.wait(30)
        assert results[0].outcome == "offline"
        seen.clear()
        poller.check_now()
        assert seen.wait(30) and len(results) == 2
    finally:
        poller.stop()


def test_without_a_channel_the_poller_waits_instead_of_spinning(rf_home: object) -> None:
    """No channel configured: one check, then a long wait (a manual check still runs at once)."""
    from app.core.context import Context
    from app.core.updates.service import UpdateService

    results: list[CheckResult] = []
    poller = Poller(lambda: UpdateService(Context.open()), on_result=results.append, first_delay=0)
    poller.start()
    try:
        assert _wait(lambda: len(results) >= 1)
        time.sleep(1.0)
        assert [r.outcome for r in results] == ["not_configured"]
        poller.check_now()
        assert _wait(lambda: len(results) == 2)
        time.sleep(0.5)
        assert len(results) == 2
    finally:
        poller.stop()
