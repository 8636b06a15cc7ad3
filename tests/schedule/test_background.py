"""Scheduled scans run in the background: low priority, about half a core, through the scan job."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from app.core.context import Context
from app.core.desktop import priority
from app.core.desktop.priority import lower_priority
from app.core.quarantine import list_items
from app.core.schedule.background import DutyCycle
from app.core.schedule.scheduler import run_background_scan
from tests.engine.helpers import EICAR


def test_the_duty_cycle_holds_a_busy_process_to_half_a_core() -> None:
    clock = [0.0]
    cpu = [0.0]
    running = [True]
    cycle = DutyCycle(lambda: cpu[0], lambda: running.__setitem__(0, False), lambda: running.__setitem__(0, True),
                      clock=lambda: clock[0])
    cycle.step()
    for _ in range(2000):  # 10 ms steps: the scan burns a whole core whenever it is allowed to run
        dt = 0.01
        clock[0] += dt
        if running[0]:
            cpu[0] += dt
        wait = cycle.step()
        if wait > 0 and running[0]:
            cycle.pause()
        elif wait == 0 and not running[0]:
            cycle.resume()
    assert 0.45 <= cpu[0] / clock[0] <= 0.52


def test_the_duty_cycle_leaves_a_light_process_alone() -> None:
    clock, cpu = [0.0], [0.0]
    cycle = DutyCycle(lambda: cpu[0], lambda: None, lambda: None, clock=lambda: clock[0])
    cycle.step()
    for _ in range(100):
        clock[0] += 1.0
        cpu[0] += 0.3
        assert cycle.step() == 0.0


@pytest.mark.skipif(sys.platform != "linux", reason="nice and the idle I/O class as Linux has them")
def test_lower_priority_sets_nice_and_the_idle_io_class() -> None:
    children = [subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) for _ in range(2)]
    try:
        assert lower_priority(children[0].pid)
        background = psutil.Process(children[0].pid)
        assert background.nice() == 10 and background.ionice().ioclass == psutil.IOPRIO_CLASS_IDLE
        assert lower_priority(children[1].pid, "below_normal")
        below = psutil.Process(children[1].pid)
        assert below.nice() == 5 and below.ionice().ioclass != psutil.IOPRIO_CLASS_IDLE
    finally:
        for child in children:
            child.kill()
            child.wait()


def test_a_scheduled_scan_runs_through_the_scan_job_with_its_worker_in_the_background(
        rf_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "invoice.exe").write_bytes(EICAR)
    (folder / "notes.txt").write_text("fine")
    monkeypatch.setattr("app.core.scanning.targets.quick_targets", lambda: [str(folder)])
    seen: list[tuple[int, int]] = []
    real = priority.lower_priority

    def lowered(pid: int, level: str = "background", platform: str = sys.platform) -> bool:
        ok = real(pid, level, platform)
        seen.append((pid, psutil.Process(pid).nice()))
        return ok

    monkeypatch.setattr(priority, "lower_priority", lowered)
    with Context.open() as ctx:
        assert run_background_scan(ctx, "quick", True) == "finished"
        assert not (folder / "invoice.exe").exists() and (folder / "notes.txt").exists()
        assert len(list_items(ctx)) == 1
    assert seen and seen[0][1] == 10


def test_stopping_the_scheduler_cancels_its_running_scan(
        rf_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import time
    from datetime import datetime

    from app.core.journal import events
    from app.core.schedule import rows
    from app.core.schedule.scheduler import SchedulerThread
    from tests.realtime.conftest import wait_for

    folder = tmp_path / "big"
    for i in range(3000):
        sub = folder / f"d{i // 300}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"f{i}.bin").write_bytes(os.urandom(64 * 1024))
    monkeypatch.setattr("app.core.scanning.targets.quick_targets", lambda: [str(folder)])
    with Context.open() as ctx:
        for schedule in rows.load(ctx.store):
            rows.remove(ctx.store, schedule.id)
        local = datetime.now()
        rows.add(ctx.store, "daily", local.hour * 60 + local.minute, "quick", now=time.time() - 120)  # due now
        thread = SchedulerThread(ctx)
        thread.start()
        assert wait_for(lambda: any(e.code == "scan.started" for e in events.query(ctx.store, kinds=["scan"])), 20)
        started = time.monotonic()
        thread.stop(timeout=20)
        assert time.monotonic() - started < 10
        assert wait_for(lambda: any(e.code == "scan.cancelled" for e in events.query(ctx.store, kinds=["scan"])), 5)
