"""Halt, revoke, rollback-to and disable-rule: publisher command → served channel → client, and back."""

from __future__ import annotations

from app.channel import publisher
from app.core.scanning.definitions import read_pointer
from tests.updates.conftest import Setup


def test_halt_stops_activations_and_resume_lifts_it(setup: Setup) -> None:
    setup.release("v1")
    assert setup.service.check().outcome == "updated"
    publisher.halt(setup.repo, "Investigating false alarms on a game launcher.")
    setup.release("v2")
    result = setup.service.check()
    assert result.outcome == "halted" and "game launcher" in result.message
    status = setup.service.status()
    assert status.state == "halted" and "game launcher" in status.text and status.halt_message
    assert setup.service.state.active_version == 1  # halt never switches protection off
    assert setup.service.apply().outcome == "halted"  # not even by hand
    publisher.resume(setup.repo)
    assert setup.service.check().outcome == "updated"
    assert setup.service.state.active_version == 2


def test_revoke_reverts_at_once_and_is_never_taken_again(setup: Setup) -> None:
    setup.on_v2_after_v1()
    publisher.revoke(setup.repo, 2, "flags a signed printer driver")
    result = setup.service.check()
    assert result.outcome == "reverted" and "flags a signed printer driver" in result.message
    assert read_pointer(setup.ctx)["version"] == 1
    assert setup.service.status().history[0].event == "revoked"
    assert setup.service.apply().outcome == "up_to_date"


def test_revocation_applies_offline_from_the_last_verified_document(setup: Setup) -> None:
    setup.on_v2_after_v1()
    publisher.revoke(setup.repo, 2, "bad rule")
    setup.server.faults["/targets/content/"] = ("status", 404)  # nothing needs downloading to revert
    assert setup.service.check().outcome == "reverted"
    assert setup.service.state.active_version == 1
    # a revocation already received applies with no network at all: put version 2 back behind the
    # client's back (as an interrupted revert would leave it) and start offline
    setup.server.shutdown()
    setup.service.state.active_version = 2
    setup.service._save()
    from app.core.updates.staging import switch_pointer

    switch_pointer(setup.ctx, 2)
    setup.service.startup()
    assert setup.service.state.active_version == 1 and read_pointer(setup.ctx)["version"] == 1


def test_rollback_to_uses_the_archive_on_disk_while_offline(setup: Setup) -> None:
    setup.release("v1")
    setup.service.check()
    setup.release("v2")
    setup.service.check()
    setup.service.activator.staging.remove(1)  # version 1 is no longer unpacked, only its download is cached
    publisher.rollback_to(setup.repo, 1)
    setup.server.faults["defs-000001"] = ("status", 404)  # and the server cannot deliver it
    result = setup.service.check()
    assert result.outcome == "reverted" and "back from version 2 to version 1" in result.message
    assert read_pointer(setup.ctx)["version"] == 1
    assert not any("defs-000001" in r for r in setup.server.requests[-5:])
    # a rollback target caps what the client takes; clearing it lets version 2 back in
    assert setup.service.check().outcome == "up_to_date"
    publisher.rollback_to(setup.repo, None)
    assert setup.service.check().outcome == "updated" and setup.service.state.active_version == 2


def test_rollback_to_downloads_the_target_when_needed(setup: Setup) -> None:
    setup.release("v1", exposure=0)  # never reached this device
    setup.release("v2")
    setup.service.check()
    assert setup.service.state.active_version == 2
    publisher.rollback_to(setup.repo, 1)
    result = setup.service.check()
    assert result.outcome == "reverted" and setup.service.state.active_version == 1


def test_disable_rule_round_trip(setup: Setup) -> None:
    setup.release("v1")
    setup.service.check()
    publisher.disable_rule(setup.repo, "marker:Ringfence_Test_Marker")
    setup.service.check()
    assert setup.service.disabled_rules() == ["marker:Ringfence_Test_Marker"]
    assert setup.service.status().disabled_rules == ["marker:Ringfence_Test_Marker"]
    publisher.disable_rule(setup.repo, "marker:Ringfence_Test_Marker", enable=True)
    setup.service.check()
    assert setup.service.disabled_rules() == []


def test_user_rollback_goes_to_last_known_good_and_declines_the_version(setup: Setup) -> None:
    setup.on_v2_after_v1()
    result = setup.service.rollback()
    assert result.outcome == "reverted" and setup.service.state.active_version == 1
    assert setup.service.check().outcome == "up_to_date"  # not re-taken automatically
    assert setup.service.apply().outcome == "updated"  # unless the user asks
