"""The protection verdict: each condition drives the level and names its reason; fixing the cause
clears it. Real engine, real SQLite, the real Secret Service keyring (tests run under scripts/test)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.core.context import Context
from app.core.quarantine.keystore import BACKEND_ENV, KeyringBackend, load_key
from app.core.recovery.model import CrashReport
from app.core.recovery.seen import SeenCrashes
from app.core.scanning.definitions import ActiveDefinitions, choose, load_path
from app.core.scanning.engine_selftest import run_selftest
from app.core.status.verdict import Verdict, compute_verdict
from app.core.text.messages import render
from app.core.updates import health
from app.core.updates.state import load_state, save_state
from tests.conftest import run_cli

HOUR, DAY = 3600.0, 86400.0


@pytest.fixture
def ctx(rf_home: Path, tmp_path: Path) -> Iterator[Context]:
    """A healthy installation: a key in the real keyring and one completed scan."""
    if not KeyringBackend("probe").usable():
        pytest.fail("no usable Secret Service: run the tests through scripts/test (dbus-run-session + gnome-keyring)")
    context = Context.open()
    load_key(context.paths)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "letter.txt").write_text("Dear reader, nothing to see here.\n", encoding="utf-8")
    assert run_cli("scan", str(tmp_path / "docs")).returncode == 0
    yield context
    context.close()


def refreshed(ctx: Context, at: float) -> None:
    """The update state a successful channel check leaves behind at ``at``: the definitions are current."""
    st = load_state(ctx.paths.data_dir)
    st.last_success = at
    save_state(ctx.paths.data_dir, st)


def verdict(ctx: Context, now: float | None = None) -> Verdict:
    now = time.time() if now is None else now
    refreshed(ctx, now)
    return compute_verdict(ctx, now)


def codes(v: Verdict) -> list[str]:
    return [r.code for r in v.reasons]


def test_a_healthy_installation_is_ok(ctx: Context) -> None:
    result = verdict(ctx)
    assert result.level == "ok" and result.reasons == ()
    assert result.to_json() == {"level": "ok", "reasons": []}


def test_old_definitions_need_attention_then_raise_an_alert(ctx: Context) -> None:
    now = time.time()
    refreshed(ctx, now - 4 * DAY)
    old = compute_verdict(ctx, now)
    assert old.level == "attention" and codes(old) == ["definitions.old"]
    assert render(old.reasons[0].message) == "The definitions are 4 days old."
    assert old.reasons[0].fix == "settings.open:updates"  # no channel configured: the fix is to set one up
    refreshed(ctx, now - 8 * DAY)
    very_old = compute_verdict(ctx, now)
    assert very_old.level == "alert" and codes(very_old) == ["definitions.very_old"]
    assert verdict(ctx, now).level == "ok"  # a successful check clears it


def test_no_completed_scan_in_14_days(ctx: Context, tmp_path: Path) -> None:
    now = time.time()
    late = verdict(ctx, now + 15 * DAY)
    assert late.level == "attention" and codes(late) == ["scan.overdue"]
    assert render(late.reasons[0].message) == "No scan has been completed for 15 days."
    assert late.reasons[0].fix == "scan.quick"
    assert verdict(ctx, now + 13 * DAY).level == "ok"


def test_never_scanned_needs_a_scan(rf_home: Path, tmp_path: Path) -> None:
    with Context.open() as context:
        load_key(context.paths)
        first = verdict(context)
        assert codes(first) == ["scan.overdue"] and render(first.reasons[0].message) == "No scan has been completed yet."
        (tmp_path / "a.txt").write_text("plain\n", encoding="utf-8")
        assert run_cli("scan", str(tmp_path / "a.txt")).returncode == 0
        assert verdict(context).level == "ok"


def test_an_engine_crash_in_the_last_day_until_a_selftest_passes(ctx: Context) -> None:
    now = time.time()
    health.record_engine_event(ctx.store, "crash", "1", "worker died", when=now - 2 * HOUR)
    crashed = verdict(ctx, now)
    assert crashed.level == "attention" and codes(crashed) == ["engine.crashed"]
    assert crashed.reasons[0].fix == "engine.selftest"
    assert verdict(ctx, now + DAY).level == "ok"  # older than 24 hours: no longer news
    health.record_engine_event(ctx.store, "hang", "1", "no answer", when=now - HOUR)
    assert codes(verdict(ctx, now)) == ["engine.hung"]
    run_selftest(ctx, choose(ctx, None))  # the fix: a self-test passes after the trouble
    assert verdict(ctx).level == "ok"


def test_a_failing_selftest_is_an_alert_until_one_passes(ctx: Context, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "marker.yar").write_text('rule Only_A_Marker {\n  strings: $m = "NOT-EICAR-1b2c"\n  condition: $m\n}\n',
                                      encoding="utf-8")
    broken = ActiveDefinitions(load_path(ctx, rules), "custom")
    report = run_selftest(ctx, broken)
    assert not report["ok"]
    failing = verdict(ctx)
    assert failing.level == "alert" and codes(failing) == ["engine.selftest_failed"]
    assert run_selftest(ctx, choose(ctx, None))["ok"]
    assert verdict(ctx).level == "ok"


def test_the_quarantine_key_outside_the_keyring(rf_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("plain\n", encoding="utf-8")
    assert run_cli("scan", str(tmp_path / "a.txt")).returncode == 0
    monkeypatch.setenv(BACKEND_ENV, "file")
    with Context.open() as context:
        load_key(context.paths)
        in_file = verdict(context)
        assert in_file.level == "attention" and codes(in_file) == ["quarantine.key_not_in_keyring"]
        monkeypatch.delenv(BACKEND_ENV)
        load_key(context.paths)  # with a working keyring the key moves there on its next use
        assert verdict(context).level == "ok"


def test_an_unacknowledged_pc_crash_until_dismissed(ctx: Context) -> None:
    seen = SeenCrashes(ctx.store)
    crash = CrashReport("bugcheck", datetime.now(UTC), "crash-key-1", bugcheck_code=0xD1)
    assert seen.announce([crash]) == [crash]
    pending = verdict(ctx)
    assert pending.level == "attention" and codes(pending) == ["crash.unacknowledged"]
    assert pending.reasons[0].fix == "recovery.open" and "Stop error" in render(pending.reasons[0].message)
    assert [p.id for p in seen.pending()] == ["crash-key-1"] and seen.pending()[0].report["bugcheck_code"] == "0x000000D1"
    assert seen.acknowledge("crash-key-1") and not seen.acknowledge("crash-key-1")
    assert verdict(ctx).level == "ok" and seen.pending() == []


def test_a_corrupt_settings_file(ctx: Context) -> None:
    ctx.paths.settings_file.write_text('{"scan.jobs": 2,', encoding="utf-8")
    with Context.open() as broken:
        result = verdict(broken)
        assert result.level == "attention" and codes(result) == ["settings.corrupt"]
        assert result.reasons[0].fix == "settings.open:general"
        backup = broken.settings.recovered_from
        assert backup is not None and backup.read_text(encoding="utf-8") == '{"scan.jobs": 2,'
        assert str(backup) in render(result.reasons[0].message)
    with Context.open() as again:  # every context of this process keeps telling (the console opens many)
        assert codes(verdict(again)) == ["settings.corrupt"]
    done = run_cli("status", "--json")  # a new process: the damaged file is aside, nothing left to tell
    assert json.loads(done.stdout)["level"] == "ok", done.stdout


def test_alerts_come_first_and_decide_the_level(ctx: Context) -> None:
    now = time.time()
    health.record_engine_event(ctx.store, "crash", "1", when=now - HOUR)
    from app.core.scanning.engine_selftest import record_result

    record_result(ctx.store, "1", False, ("eicar",), when=now - HOUR / 2)
    result = verdict(ctx, now)
    assert result.level == "alert" and codes(result) == ["engine.selftest_failed", "engine.crashed"]


def test_status_shows_the_verdict(ctx: Context) -> None:
    refreshed(ctx, time.time())
    done = run_cli("status", "--json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["level"] == "ok" and doc["reasons"] == []
    assert {"app_version", "engine", "definitions", "last_scan", "updates", "quarantine", "notes"} <= set(doc)
    ctx.paths.settings_file.write_text("not json", encoding="utf-8")
    done = run_cli("status", "--json")
    doc = json.loads(done.stdout)
    assert doc["level"] == "attention"
    assert [(r["code"], r["severity"], r["fix"]) for r in doc["reasons"]] == [
        ("settings.corrupt", "attention", "settings.open:general")]
    assert doc["reasons"][0]["message"].startswith("The settings file could not be read; it was kept as ")
    ctx.paths.settings_file.write_text("still not json", encoding="utf-8")
    text = run_cli("status").stdout
    assert "Protection: needs attention" in text and "settings file could not be read" in text
