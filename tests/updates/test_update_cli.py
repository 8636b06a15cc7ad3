"""``ringfence update`` as a user runs it, plus the UI-facing pieces: status JSON, history, release notes,
rule diff, freshness."""

from __future__ import annotations

import json

from app.core.updates.update_status import freshness
from tests.conftest import run_cli
from tests.updates.conftest import Setup

DAY = 86400.0


def test_status_without_a_channel_says_how_to_add_one() -> None:
    proc = run_cli("update", "status")
    assert proc.returncode == 0, proc.stderr
    assert "No update channel is configured" in proc.stdout
    assert "ringfence update channel URL --root ROOT_JSON" in proc.stdout
    doc = json.loads(run_cli("update", "status", "--json").stdout)
    assert doc["state"] == "not_configured" and doc["current_version"] is None and doc["channel_url"] is None
    check = run_cli("update", "check")
    assert check.returncode == 0 and "No update channel is configured" in check.stdout


def test_the_whole_loop_from_the_command_line(setup: Setup) -> None:
    setup.release("v1")
    proc = run_cli("update", "check")
    assert proc.returncode == 0, proc.stderr
    assert "Version 1 passed validation" in proc.stdout
    doc = json.loads(run_cli("update", "status", "--json").stdout)
    for key in ("current_version", "state", "ring", "bucket", "last_check", "last_success", "channel_url", "history"):
        assert key in doc
    assert doc["current_version"] == 1 and doc["state"] == "probation" and doc["channel_url"] == setup.server.url
    assert doc["history"][0] == {"version": "1", "event": "activated", "reason": "Version 1 passed validation and its self-test.",
                                 "time": doc["history"][0]["time"]}
    assert run_cli("update", "ring", "pinned").returncode == 0
    setup.release("v2")
    pinned = json.loads(run_cli("update", "check", "--json").stdout)
    assert pinned["outcome"] == "pinned" and pinned["current_version"] == 1
    assert json.loads(run_cli("update", "apply", "--json").stdout)["current_version"] == 2
    paused = run_cli("update", "pause", "24")
    assert paused.returncode == 0 and "revocations still apply" in paused.stdout
    assert json.loads(run_cli("update", "status", "--json").stdout)["paused_until"] is not None
    assert run_cli("update", "resume").returncode == 0
    back = run_cli("update", "rollback", "--json")
    assert json.loads(back.stdout)["current_version"] is None  # no known-good yet: the baseline
    assert "You rolled back from version 2" in run_cli("update", "status").stdout


def test_bad_input_gets_one_clear_sentence(setup: Setup, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad_root = tmp_path / "root.json"
    bad_root.write_text("{}")
    proc = run_cli("update", "channel", "http://127.0.0.1:1", "--root", str(bad_root))
    assert proc.returncode == 2 and "not a valid, self-signed TUF root" in proc.stderr and "Traceback" not in proc.stderr
    proc = run_cli("update", "pause", "500")
    assert proc.returncode == 2 and "1 to 72 hours" in proc.stderr
    proc = run_cli("update", "channel", "ftp://x", "--root", str(bad_root))
    assert proc.returncode == 2 and "https://" in proc.stderr


def test_rejected_update_exits_2_with_the_reason(setup: Setup) -> None:
    setup.release("v1")
    setup.force_release("counts")
    proc = run_cli("update", "check")
    assert proc.returncode == 2 and "declare 21 rules but contain 20" in proc.stdout


def test_release_notes_and_rule_diff(setup: Setup) -> None:
    setup.release("v1")
    setup.service.check()
    setup.release("v2")
    setup.service.check()
    setup.release("v3", exposure=0)  # not for this device: notes are there before the download
    setup.service.check()
    assert setup.service.release_notes(2) == "Release 2.\n"
    assert setup.service.release_notes(3) == "Release 3.\n"
    diff = setup.service.rule_diff(1, 2)
    assert diff.added == ["extra:Ringfence_Test_Extra"] and diff.removed == [] and diff.changed == []
    assert diff.unchanged == 2
    from_baseline = setup.service.rule_diff(None, 1)
    assert "eicar:EICAR_Test_File" in from_baseline.changed or "eicar:EICAR_Test_File" in from_baseline.added
    assert "marker:Ringfence_Test_Marker" in from_baseline.added


def test_freshness_thresholds() -> None:
    now = 1_000_000_000.0
    assert freshness(now - 2 * DAY, now) == ("fresh", None)
    assert freshness(now - 3.5 * DAY, now) == ("out_of_date", now - 3.5 * DAY)
    assert freshness(now - 8 * DAY, now) == ("badly_out_of_date", now - 8 * DAY)


def test_offline_for_days_is_out_of_date_not_an_error(setup: Setup) -> None:
    setup.release("v1")
    setup.service.check()
    setup.server.faults["timestamp.json"] = ("status", 503)
    setup.clock.advance(4 * DAY)
    assert setup.service.check().outcome == "offline"
    status = setup.service.status()
    assert status.state == "out_of_date" and status.current_version == 1
    setup.clock.advance(4 * DAY)
    assert setup.service.status().state == "badly_out_of_date"
    assert setup.service.status().text.startswith("Badly out of date since ")


def test_progress_is_reported_while_downloading(setup: Setup) -> None:
    seen: list[tuple[str, int, int]] = []
    service = setup.new_service(progress=lambda phase, done, total: seen.append((phase, done, total)))
    setup.release("v1")
    assert service.check().outcome == "updated"
    downloads = [s for s in seen if s[0] == "downloading"]
    assert downloads and downloads[-1][1] == downloads[-1][2] > 0  # then validation and activation follow
