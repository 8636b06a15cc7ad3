"""The event journal as the CLI and the console use it: across processes, from the quarantine and the
recovery watcher, listed by ``ringfence history`` and kept within the ``history.keep_days`` setting."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.core import quarantine as q
from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.journal import events
from app.core.maintenance import maintain
from app.core.recovery.model import CrashReport
from app.core.recovery.seen import SeenCrashes
from app.core.text.messages import render
from tests.conftest import run_cli

DAY = 86400.0


@pytest.fixture
def ctx(rf_home: Path) -> Iterator[Context]:
    context = Context.open()
    yield context
    context.close()


def make(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_an_event_written_by_the_cli_reaches_this_process(ctx: Context, tmp_path: Path) -> None:
    start = events.latest_id(ctx.store)  # what a running console does first
    target = make(tmp_path / "suspect.exe", b"not wanted here")
    done = run_cli("quarantine", "add", str(target), "--json")
    assert done.returncode == 0, done.stderr
    item_id = json.loads(done.stdout)["id"]
    fresh = events.events_since(ctx.store, start)
    assert [(e.code, e.args["item_id"], e.args["path"]) for e in fresh] == [("quarantine.added", item_id, str(target))]
    assert render(fresh[0].message) == f"{target} was moved to the quarantine (manual)."
    assert events.events_since(ctx.store, fresh[-1].id) == []


def test_restore_allow_unallow_delete_and_purge_are_journalled(ctx: Context, tmp_path: Path) -> None:
    keep = make(tmp_path / "a" / "tool.exe", b"a trusted tool")
    drop = make(tmp_path / "b" / "junk.exe", b"junk")
    keep_id = q.quarantine_by_hand(ctx, keep).item_id
    drop_id = q.quarantine_by_hand(ctx, drop).item_id
    assert keep_id and drop_id and not keep.exists()
    mark = events.latest_id(ctx.store)
    q.restore(ctx, keep_id, allow=True)
    q.delete(ctx, drop_id)
    got = events.events_since(ctx.store, mark)
    assert [e.code for e in got] == ["quarantine.restored", "quarantine.allowed", "quarantine.deleted"]
    assert got[0].args["path"] == str(keep) and got[1].args["name"] == "tool.exe" and got[2].args["path"] == str(drop)
    [entry] = q.allowed_entries(ctx)
    assert entry.name == "tool.exe" and abs(entry.added_at - time.time()) < 60 and len(entry.sha256) == 64
    assert q.disallow(ctx, entry.sha256)
    assert events.events_since(ctx.store, got[-1].id)[0].code == "quarantine.unallowed"
    old = [q.quarantine_by_hand(ctx, make(tmp_path / "c" / f"old{i}.bin", b"old %d" % i)).item_id for i in range(2)]
    assert all(old)
    mark = events.latest_id(ctx.store)
    assert {item.id for item in q.purge(ctx, days=0)} == set(old)
    [purged] = [e for e in events.events_since(ctx.store, mark) if e.code.startswith("quarantine.")]
    assert purged.code == "quarantine.purged" and render(purged.message) == "2 old items were deleted from the quarantine."


def test_quarantining_by_hand_reports_progress_and_refuses_clearly(ctx: Context, tmp_path: Path) -> None:
    big = make(tmp_path / "big.iso", os.urandom(5 * 1024 * 1024 + 17))
    seen: list[tuple[str, int, int]] = []
    outcome = q.quarantine_by_hand(ctx, big, progress=lambda phase, done, total: seen.append((phase, done, total)))
    assert outcome.action == "quarantined"
    for phase in ("hashing", "sealing"):
        steps = [(d, t) for p, d, t in seen if p == phase]
        assert len(steps) > 1 and steps[-1] == (5 * 1024 * 1024 + 17,) * 2
        assert [d for d, _ in steps] == sorted(d for d, _ in steps)
    assert [p for p, _, _ in seen].index("sealing") > [p for p, _, _ in seen].index("hashing")
    with pytest.raises(RingfenceError) as missing:
        q.quarantine_by_hand(ctx, tmp_path / "nothing.exe")
    assert "does not exist" in str(missing.value)
    with pytest.raises(RingfenceError) as folder:
        q.quarantine_by_hand(ctx, tmp_path)
    assert "is a folder" in str(folder.value)


def test_a_pc_crash_found_is_journalled_once(ctx: Context) -> None:
    crash = CrashReport("power_loss", datetime.now(UTC), "crash-2")
    seen = SeenCrashes(ctx.store)
    seen.announce([crash])
    seen.announce([crash])
    [event] = [e for e in events.events_since(ctx.store, 0) if e.code == "crash.found"]
    assert event.kind == "crash" and event.args["crash_id"] == "crash-2"
    assert "Power loss or hard freeze" in render(event.message)


def test_history_lists_filters_and_prints_json(ctx: Context, tmp_path: Path) -> None:
    now = time.time()
    events.record(ctx.store, "updates.activated", when=now - 3 * DAY, version="7")
    events.record(ctx.store, "scan.started", when=now - 60, scan_kind="quick")
    events.record(ctx.store, "quarantine.deleted", when=now - 30, path="/tmp/x.exe", item_id="abc", threat="T")
    listing = run_cli("history")
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.splitlines()
    assert len(lines) == 3 and "x.exe was deleted from the quarantine" in lines[0] and "Definitions 7" in lines[2]
    recent = json.loads(run_cli("history", "--since", "2d", "--json").stdout)
    assert [e["code"] for e in recent] == ["quarantine.deleted", "scan.started"]
    assert recent[0]["kind"] == "quarantine" and recent[0]["time"].endswith("Z") and recent[0]["args"]["item_id"] == "abc"
    only = json.loads(run_cli("history", "--kind", "updates", "--json").stdout)
    assert [e["code"] for e in only] == ["updates.activated"]
    since = datetime.fromtimestamp(now - DAY, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert len(json.loads(run_cli("history", "--since", since, "--json").stdout)) == 2
    bad = run_cli("history", "--since", "last tuesday")
    assert bad.returncode == 2 and "neither a date/time" in bad.stderr and "Traceback" not in bad.stderr


def test_maintenance_prunes_the_journal_by_the_setting_and_purges_the_quarantine(ctx: Context, tmp_path: Path) -> None:
    now = time.time()
    events.record(ctx.store, "scan.started", when=now - 40 * DAY, scan_kind="full")
    events.record(ctx.store, "scan.started", when=now - 20 * DAY, scan_kind="quick")
    ctx.settings.set("history.keep_days", 30)
    ctx.settings.set("quarantine.purge_days", 1)
    item = q.quarantine_by_hand(ctx, make(tmp_path / "f.bin", b"fresh")).item_id
    report = maintain(ctx, at_start=True, now=now)
    assert report.events_pruned == 1 and report.quarantine_purged == [] and report.problems == []
    assert [e.args.get("scan_kind") for e in events.query(ctx.store, kinds=["scan"])] == ["quick"]
    report = maintain(ctx, now=now + 2 * DAY)
    assert report.quarantine_purged == [item]
