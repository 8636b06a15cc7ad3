"""Every definitions outcome reaches the event journal under its own code, and the protection
verdict names what the user should know about the update channel (real channel, real HTTP)."""

from __future__ import annotations

import time

from app.channel import publisher
from app.core.journal import events
from app.core.status.verdict import compute_verdict
from app.core.text.messages import render
from app.core.updates import health
from tests.updates.conftest import Setup

DAY = 86400.0


def journal(setup: Setup) -> list[events.Event]:
    return events.events_since(setup.ctx.store, 0)


def codes(setup: Setup) -> list[str]:
    return [e.code for e in journal(setup)]


def last(setup: Setup, code: str) -> events.Event:
    return [e for e in journal(setup) if e.code == code][-1]


def reasons(setup: Setup, now: float | None = None) -> list[str]:
    return [r.code for r in compute_verdict(setup.ctx, setup.clock.t if now is None else now).reasons
            if r.code.startswith(("updates.", "definitions."))]


def crash_streak(setup: Setup, version: int) -> None:
    """Three engine starts of ``version`` that crashed, after every real worker event so far (the activation's
    self-test ran real workers, stamped with the real time)."""
    base = max(setup.clock.t, time.time()) + 1
    for offset in range(3):
        health.record_engine_event(setup.ctx.store, "start", version, when=base + offset)
        health.record_engine_event(setup.ctx.store, "crash", version, "killed", when=base + 0.5 + offset)
    setup.clock.t = base + 10


def test_activation_and_probation_passed(setup: Setup) -> None:
    setup.release("v1")
    assert setup.service.check().outcome == "updated"
    assert render(last(setup, "updates.activated").message) == "Definitions 1 are now active."
    for kind in ("start", "exit", "start", "exit"):
        health.record_engine_event(setup.ctx.store, kind, 1, when=setup.clock.t + 1)
    health.record_scan_stats(setup.ctx.store, 1, files=600, errors=0, detections=0, seconds=6, when=setup.clock.t + 1)
    setup.clock.advance(25 * 3600)
    setup.service.startup()
    assert codes(setup)[-1] == "updates.probation_passed"


def test_a_refused_version_names_its_step(setup: Setup) -> None:
    setup.release("v1")
    setup.service.check()
    setup.force_release("no-eicar")
    assert setup.service.check().outcome == "rejected"
    event = last(setup, "updates.rejected")
    assert event.args["version"] == "4" and event.args["step"] and event.args["reason"]
    assert event.kind == "updates" and event.severity == "warning"


def test_tampered_metadata_is_rejected_at_verification(setup: Setup) -> None:
    setup.release("v1")
    setup.server.faults["rollout"] = ("tamper",)
    assert setup.service.check().outcome == "refused"
    event = last(setup, "updates.rejected")
    assert event.args["step"] == "verification"
    assert render(event.message).startswith("Definitions from the update server were refused at the signature check step: ")


def test_probation_rollback_during_a_check_and_at_start_up_differ(setup: Setup) -> None:
    setup.on_v2_after_v1()
    crash_streak(setup, 2)
    result = setup.service.check()
    assert result.outcome in ("up_to_date", "reverted"), (result, codes(setup))
    assert "updates.rolled_back" in codes(setup), (result, codes(setup), setup.events())
    event = last(setup, "updates.rolled_back")
    assert (event.args["version"], event.args["to_version"]) == ("2", "1")
    assert event.args["trigger"]["source"].startswith("Version %1 stopped the engine %2 times")  # code and args, stored
    assert render(event.message) == ("Definitions 2 were rolled back to 1 during probation: Version 2 stopped the "
                                     "engine 3 times in a row; Ringfence went back to version 1.")
    assert reasons(setup) == ["updates.rolled_back"]
    # the same trigger noticed by the start-up step is its own code
    setup.release("v3")
    setup.service.check()
    assert setup.service.state.active_version == 3 and reasons(setup) == []  # a new activation clears the reason
    crash_streak(setup, 3)
    setup.service.startup()
    assert last(setup, "updates.reverted_at_start").args["version"] == "3"
    assert "updates.rolled_back" in reasons(setup)


def test_vendor_withdrawal_rollback_to_halt_and_the_users_rollback(setup: Setup) -> None:
    setup.on_v2_after_v1()
    publisher.revoke(setup.repo, 2, "flags a printer driver")
    assert setup.service.check().outcome == "reverted"
    withdrawn = last(setup, "updates.withdrawn")
    assert (withdrawn.args["version"], withdrawn.args["to_version"]) == ("2", "1")
    assert reasons(setup) == ["updates.withdrawn"]
    setup.release("v3")
    setup.service.check()
    assert reasons(setup) == []
    publisher.rollback_to(setup.repo, 1)
    assert setup.service.check().outcome == "reverted"
    assert last(setup, "updates.vendor_rollback").args["to_version"] == "1"
    assert reasons(setup) == ["updates.vendor_rollback"]
    publisher.halt(setup.repo, "Investigating false alarms.")
    setup.service.check()
    assert render(last(setup, "updates.halted").message) == "The vendor halted definitions updates: Investigating false alarms."
    assert "updates.halted" in reasons(setup)
    publisher.resume(setup.repo)
    publisher.rollback_to(setup.repo, None)
    setup.service.check()
    assert "updates.halted" not in reasons(setup)
    setup.service.rollback()
    assert codes(setup)[-1] == "updates.user_rollback"
    assert reasons(setup) == []  # the user chose it: nothing to be told about


def test_every_outcome_has_its_own_code() -> None:
    outcome_codes = ["updates.activated", "updates.rejected", "updates.rolled_back", "updates.reverted_at_start",
                     "updates.withdrawn", "updates.vendor_rollback", "updates.halted", "updates.user_rollback",
                     "updates.probation_passed"]
    assert all(code in events.CATALOG for code in outcome_codes)
    assert len({events.CATALOG[c].text.source for c in outcome_codes}) == len(outcome_codes)


def test_definitions_age_and_an_unreachable_channel_until_a_check_succeeds(setup: Setup) -> None:
    setup.release("v1")
    setup.service.check()
    assert reasons(setup) == []
    assert reasons(setup, setup.clock.t + 4 * DAY) == ["definitions.old"]
    assert reasons(setup, setup.clock.t + 8 * DAY) == ["definitions.very_old"]
    assert compute_verdict(setup.ctx, setup.clock.t + 8 * DAY).reasons[0].fix == "update.check"
    setup.clock.advance(2 * 3600)
    setup.server.faults["/metadata/"] = ("status", 503)
    assert setup.service.check().outcome == "offline"
    assert reasons(setup) == []  # a short outage is normal
    setup.clock.advance(DAY + 60)
    assert setup.service.check().outcome == "offline"
    assert reasons(setup) == ["updates.unreachable"]
    setup.server.faults.clear()
    assert setup.service.check().outcome in ("up_to_date", "updated")
    assert reasons(setup) == []
