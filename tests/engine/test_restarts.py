"""Restarts on a live disk: a worker killed and one hung while files appear in a folder already walked."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pytest

from app.core.context import Context
from app.core.journal import events
from app.core.scanning import definitions
from app.core.scanning.runs import run_scan
from app.core.scanning.supervisor import Supervisor
from tests.conftest import KILL, KILLED_RETURNCODE
from tests.engine.helpers import EICAR, write


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


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="POSIX signals")
def test_restarts_resume_by_path_while_the_tree_changes(ctx: Context, tmp_path: Path) -> None:
    root = tmp_path / "disk"
    for index in range(5):
        write(root / "a-early" / f"old{index}.txt", "an early file\n")
    infected = corpus(root / "b-late", 6000, 97)
    original = 5 + 6000
    ctx.settings.set("scan.rule_timeout_s", 1)
    supervisor = Supervisor(ctx, hang_grace_s=2.0)
    pids: list[int] = []
    supervisor.on_worker_started = pids.append
    stops: list[str] = []
    creating = threading.Event()

    def create_early_files(first: int) -> None:
        # Files appear in a folder the walk has passed, before and while the worker restarts.
        for index in range(first, first + 40):
            write(root / "a-early" / f"new{index:03d}.com", EICAR if index % 2 else b"new file")

    def keep_creating() -> None:
        index = 100
        while not creating.wait(0.02) and index < 400:
            create_early_files(index)
            index += 40

    def on_batch(progress, message) -> None:
        if not stops and progress.files_scanned > 400:
            stops.append("kill")
            create_early_files(0)
            threading.Thread(target=keep_creating, daemon=True).start()
            os.kill(pids[-1], KILL)
        elif len(stops) == 1 and len(pids) == 2 and progress.files_scanned > 1200:  # the new worker
            stops.append("stop")
            create_early_files(40)
            os.kill(pids[-1], signal.SIGSTOP)  # hung: the supervisor must notice, kill and go on

    defs = definitions.active(ctx)
    try:
        report = run_scan(ctx, "custom", [str(root)], defs, use_cache=False, jobs=2, on_batch=on_batch,
                          supervisor=supervisor)
    finally:
        creating.set()
        supervisor.close()
    outcome = report.outcome
    assert stops == ["kill", "stop"]
    assert outcome.progress.restarts == 2, "a restarted worker was taken for hung again"
    skipped = [e["path"] for e in outcome.errors]
    assert len(skipped) == len(set(skipped)), "a file was reported twice"
    assert all("engine stopped" in e["error"] for e in outcome.errors)
    found = [d["path"] for d in outcome.detections]
    assert len(found) == len(set(found)), "a detection was reported twice"
    assert not [path for path in found if "a-early" in path], "a file created behind the walk was scanned"
    assert set(found) | (set(skipped) & infected) == infected, "a detection was lost"
    assert outcome.progress.files_scanned + len(skipped) == original, "a file was skipped by mistake or scanned twice"

    journal = [(e.code, e.args) for e in events.query(ctx.store, kinds=["engine"])]
    codes = [code for code, _ in journal]
    assert codes.count("engine.restarted") == 2
    assert codes.count("engine.hung") + codes.count("engine.crashed") == len(skipped)
    assert codes.count("engine.stopped") <= 2
    assert [crash["returncode"] for crash in outcome.crashes] == [KILLED_RETURNCODE, None]  # killed, then hung
    for code, args in journal:
        assert args["version"] == defs.version
        if code in ("engine.hung", "engine.crashed"):
            assert args["file"] in skipped
