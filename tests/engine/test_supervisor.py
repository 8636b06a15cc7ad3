"""The supervised worker: killed, hung and controlled mid-scan, with real processes and real YARA."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from app.core.context import Context
from app.core.scanning import definitions
from app.core.scanning.runs import run_scan
from app.core.scanning.supervisor import ScanControl, Supervisor
from tests.conftest import KILL, run_cli
from tests.engine.helpers import BASELINE_VERSION, EICAR, slow_rules, write


@pytest.fixture
def ctx() -> Context:
    with Context.open() as context:
        yield context


def corpus(root: Path, count: int, eicar_every: int) -> set[str]:
    infected = set()
    for index in range(count):
        path = root / f"dir{index % 7}" / f"file{index:05d}.txt"
        if index % eicar_every == 0:
            write(path, EICAR)
            infected.add(str(path))
        else:
            write(path, f"ordinary file number {index}\n" * 20)
    return infected


def test_worker_killed_mid_scan_scan_completes_nothing_lost_or_repeated(ctx: Context, tmp_path: Path) -> None:
    infected = corpus(tmp_path / "c", 3000, 97)
    supervisor = Supervisor(ctx)
    kills: list[int] = []
    pids: list[int] = []
    supervisor.on_worker_started = pids.append

    def on_batch(progress, message) -> None:
        # kill the worker twice, each time after some progress was reported (batches the dead worker sent
        # before it died may still arrive: a worker is killed once)
        if len(kills) < 2 and progress.files_scanned > 400 * (len(kills) + 1) and pids[-1] not in kills:
            kills.append(pids[-1])
            os.kill(pids[-1], KILL)

    defs = definitions.active(ctx)
    try:
        report = run_scan(ctx, "custom", [str(tmp_path / "c")], defs, use_cache=False, jobs=2,
                          on_batch=on_batch, supervisor=supervisor)
    finally:
        supervisor.close()
    outcome = report.outcome
    assert len(kills) == 2 and outcome.progress.restarts == 2
    crashed = [e["path"] for e in outcome.errors]
    assert all("engine stopped" in e["error"] for e in outcome.errors)
    found = [d["path"] for d in outcome.detections]
    assert len(found) == len(set(found)), "a detection was reported twice"
    assert set(found) | (set(crashed) & infected) == infected, "a detection was lost"
    assert outcome.progress.files_scanned + len(crashed) == 3000
    assert len(outcome.crashes) == 2
    rows = ctx.store.conn.execute("SELECT kind FROM engine_events ORDER BY id").fetchall()
    assert [r[0] for r in rows].count("crash") == 2


def test_rule_that_hangs_times_out_and_the_scan_goes_on(ctx: Context, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    write(rules / "slow.yar", "rule Slow { condition: for any i in (0..filesize-1) : "
                              "(for any j in (0..filesize-1) : (uint8(i) == uint8(j) + 1000)) }")
    write(rules / "eicar.yar", 'rule Eicar { strings: $e = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE" condition: $e }')
    write(tmp_path / "scan" / "aaaa.txt", "a" * 100_000)
    write(tmp_path / "scan" / "eicar.com", EICAR)
    ctx.settings.set("scan.rule_timeout_s", 1)
    defs = definitions.choose(ctx, rules)
    report = run_scan(ctx, "custom", [str(tmp_path / "scan")], defs, use_cache=False, jobs=2)
    assert [Path(d["path"]).name for d in report.outcome.detections] == ["eicar.com"]
    assert len(report.outcome.errors) == 1
    assert "longer than the 1 s limit" in report.outcome.errors[0]["error"]
    # checked by no rule: reported as not fully checked too, never counted as a clean file
    assert report.outcome.progress.incomplete == 1
    assert [(Path(s["path"]).name, s["limit"]) for s in report.outcome.skipped_items] == [("aaaa.txt", "time")]


def test_cancel_and_pause(ctx: Context, tmp_path: Path) -> None:
    corpus(tmp_path / "c", 1500, 10_000)
    # a rule slow enough (about 1 ms a file) for the scan to be cancelled and paused while it runs
    defs = definitions.choose(ctx, slow_rules(tmp_path / "rules", inner="20"))
    control = ScanControl()
    seen: list[int] = []

    def cancel_early(progress, message) -> None:
        seen.append(progress.files_scanned)
        if progress.files_scanned > 100:
            control.cancel()

    report = run_scan(ctx, "custom", [str(tmp_path / "c")], defs, use_cache=False, jobs=1, control=control,
                      on_batch=cancel_early)
    assert report.outcome.cancelled
    assert report.outcome.progress.files_scanned < 1500

    control = ScanControl()
    control.pause()
    resumed = threading.Timer(0.8, control.resume)
    resumed.start()
    report = run_scan(ctx, "custom", [str(tmp_path / "c")], defs, use_cache=False, jobs=2, control=control)
    assert not report.outcome.cancelled
    assert report.outcome.progress.files_scanned == 1500
    assert report.duration_s >= 0.7


def test_selftest_and_scan_bytes_through_the_worker(ctx: Context) -> None:
    from app.core.scanning.engine_selftest import run_selftest
    from app.core.scanning.runs import engine_scan_bytes, scan_request

    defs = definitions.active(ctx)
    with Supervisor(ctx) as supervisor:
        result = run_selftest(ctx, defs, supervisor)
        assert result["ok"] and result["definitions_version"] == BASELINE_VERSION
        scan_bytes = engine_scan_bytes(supervisor, scan_request(ctx, [], defs, use_cache=False, jobs=1), defs.version)
        assert scan_bytes("sample.com", EICAR) == ["EICAR_Test_File"]
        assert scan_bytes("letter.txt", b"hello") == []


def test_an_activation_self_test_leaves_the_split_rules_compiling_in_the_background(ctx: Context) -> None:
    import time

    from app.core.scanning.engine_selftest import run_selftest

    defs = definitions.active(ctx)
    compiled = ctx.paths.compiled_dir
    for old in compiled.glob("*.rfp"):
        old.unlink()
    result = run_selftest(ctx, defs)  # the self-test itself proves the whole set only
    assert result["ok"] and not list(compiled.glob("*.rfp"))
    result = run_selftest(ctx, defs, warm=True)
    assert result["ok"]
    deadline = time.monotonic() + 60
    while not list(compiled.glob("*.rfp")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert list(compiled.glob("*.rfp")), "the worker left behind compiles the split rules for the first scan"


def _split_appears(compiled: Path) -> bool:
    import time

    deadline = time.monotonic() + 120
    while not list(compiled.glob("*.rfp")) and time.monotonic() < deadline:
        time.sleep(0.1)
    return bool(list(compiled.glob("*.rfp")))


def test_the_first_scan_of_new_definitions_starts_with_every_rule_and_leaves_the_split_for_the_next(
        ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With no split in the cache, a scan matches with the whole set at once (the first file is checked
    seconds sooner, what real-time protection needs after an update) and a worker of its own compiles
    the split behind it, even when the process that started it has ended: the next scan starts with
    the split."""
    from app.core.scanning.runs import engine_scan_bytes, scan_request
    from app.engine.partition import OTHER
    from app.engine.rules import load_for_scan

    compiled = tmp_path / "compiled"  # not the suite's shared cache
    monkeypatch.setenv("RINGFENCE_COMPILED_CACHE", str(compiled))
    defs = definitions.active(ctx)
    infected = corpus(tmp_path / "c", 30, 7)
    cli = run_cli("scan", str(tmp_path / "c"), "--no-cache", "--json")  # the CLI ends right after the scan
    assert cli.returncode == 1 and {d["path"] for d in json.loads(cli.stdout)["detections"]} == infected
    assert list(compiled.glob("*.rfc")), "the whole set is cached at once"
    assert _split_appears(compiled), "a worker of its own compiles the split into the cache"

    split, missing = load_for_scan(defs.definitions, compiled)  # what the next worker loads
    assert len(split.keys) > 1 and not missing
    for old in compiled.glob("*.rfp"):
        old.unlink()
    whole, missing = load_for_scan(defs.definitions, compiled)
    assert whole.keys == {OTHER} and whole.rule_count == split.rule_count and missing
    with Supervisor(ctx) as supervisor:  # the same through the console's requests: a scan, a few bytes
        report = run_scan(ctx, "custom", [str(tmp_path / "c")], defs, use_cache=False, supervisor=supervisor)
        assert {d["path"] for d in report.outcome.detections} == infected
        scan_bytes = engine_scan_bytes(supervisor, scan_request(ctx, [], defs, use_cache=False, jobs=1), defs.version)
        assert scan_bytes("sample.com", EICAR) == ["EICAR_Test_File"]
    assert _split_appears(compiled)


def test_a_scan_that_started_with_every_rule_goes_on_with_the_split_once_it_is_compiled(
        ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first full scan after an install is long: its worker takes the split as soon as the worker
    compiling it has put it in the cache, and finds the same. (The worker's scan runs here, in this
    process; the first batch that says ``split_missing`` holds the scan while the split is compiled.)"""
    from app.core.scanning.runs import scan_request
    from app.engine.rules import load_or_compile_partitions
    from app.engine.worker_scan import Controls, Scan

    compiled = tmp_path / "compiled"
    monkeypatch.setenv("RINGFENCE_COMPILED_CACHE", str(compiled))
    defs = definitions.active(ctx)
    infected = corpus(tmp_path / "c", 300, 101)
    said: list[bool] = []
    found: set[str] = set()

    def emit(message: dict) -> None:
        if message.get("type") != "batch":
            return
        said.append(bool(message.get("split_missing")))
        found.update(d["path"] for d in message.get("detections", []))
        if said.count(True) == 1 and said[-1]:  # what the warm worker does meanwhile
            load_or_compile_partitions(defs.definitions, compiled)

    request = {**scan_request(ctx, [], defs, use_cache=False, jobs=1), "roots": [str(tmp_path / "c")]}
    done = Scan(request, emit, Controls()).run()
    assert any(said) and not said[-1] and not done["split_missing"], said  # the whole set first, then the split
    assert found == infected
