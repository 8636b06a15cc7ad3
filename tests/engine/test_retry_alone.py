"""One crash never hides an innocent file: every file in flight when the worker dies is checked once
more, alone, after the restart; only a file that stops the engine again is skipped, and reported as
suspicious."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.core.context import Context
from app.core.scanning import definitions
from app.core.scanning.runs import run_scan
from app.core.scanning.supervisor import Supervisor
from app.engine.inflight import read_journal
from tests.engine.helpers import EICAR, slow_rules, write

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")
EICAR_RULE = 'rule Eicar { strings: $e = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE" condition: $e }\n'


@pytest.fixture
def ctx() -> Iterator[Context]:
    with Context.open() as context:
        yield context


def tree(root: Path, count: int) -> set[str]:
    """``count`` files of about 1.5 KB (each takes the slow rule a while), every third one with EICAR."""
    infected = set()
    for index in range(count):
        body = (f"file {index} " * 120).encode()[:1500]
        path = write(root / f"f{index:03d}.txt", EICAR + b"\n" + body if index % 3 == 0 else body)
        if index % 3 == 0:
            infected.add(str(path))
    return infected


def kill_when(ctx: Context, pids: list[int], wanted: Callable[[list[str]], bool], kills: list[list[str]], *,
              times: int, stop: threading.Event) -> None:
    """SIGKILL the current worker (each one once) whenever the files in flight are ``wanted``."""
    done: set[int] = set()
    while not stop.is_set() and len(kills) < times:
        pid = pids[-1] if pids else None
        if pid is not None and pid not in done:
            for journal in ctx.paths.run_dir.glob("journal-*.bin"):
                flight = [path for _, _, path in read_journal(journal)]
                if wanted(flight):
                    os.kill(pid, signal.SIGKILL)
                    done.add(pid)
                    kills.append(flight)
                    break
        time.sleep(0.002)


def scan_with_killer(ctx: Context, folder: Path, rules: Path, wanted: Callable[[list[str]], bool],
                     times: int) -> tuple[object, list[list[str]]]:
    write(rules / "eicar.yar", EICAR_RULE)
    defs = definitions.choose(ctx, rules)
    kills: list[list[str]] = []
    stop = threading.Event()
    with Supervisor(ctx) as supervisor:
        pids: list[int] = []
        supervisor.on_worker_started = pids.append
        killer = threading.Thread(target=kill_when, args=(ctx, pids, wanted, kills), kwargs={"times": times, "stop": stop},
                                  daemon=True)
        killer.start()
        try:
            report = run_scan(ctx, "custom", [str(folder)], defs, use_cache=False, jobs=2, supervisor=supervisor)
        finally:
            stop.set()
            killer.join()
    return report, kills


def test_files_in_flight_at_three_crashes_are_each_checked_again_and_every_eicar_is_reported_once(
        ctx: Context, tmp_path: Path) -> None:
    folder = tmp_path / "disk"
    infected = tree(folder, 45)
    report, kills = scan_with_killer(ctx, folder, slow_rules(tmp_path / "rules"), lambda flight: len(flight) == 2, 3)
    outcome = report.outcome  # type: ignore[attr-defined]
    assert len(kills) == 3 and all(len(flight) == 2 for flight in kills)
    assert outcome.progress.restarts == 3
    found = [d["path"] for d in outcome.detections]
    assert sorted(found) == sorted(infected), "an EICAR was lost or reported twice"
    assert outcome.errors == []  # every file in flight shared the worker with the crash: none is to blame
    assert outcome.progress.files_scanned == 45


def test_a_file_that_stops_the_engine_again_alone_is_skipped_and_called_suspicious(
        ctx: Context, tmp_path: Path) -> None:
    folder = tmp_path / "disk"
    infected = tree(folder, 30)
    culprit = str(folder / "f010.txt")  # harmless, but it "crashes the engine" every time it is checked
    report, kills = scan_with_killer(ctx, folder, slow_rules(tmp_path / "rules"), lambda flight: culprit in flight, 5)
    outcome = report.outcome  # type: ignore[attr-defined]
    assert len(kills) == 2 and kills[1] == [culprit]  # with a neighbour first, then alone
    assert outcome.progress.restarts == 2
    assert sorted(d["path"] for d in outcome.detections) == sorted(infected)  # the neighbour was checked again
    [error] = outcome.errors
    assert error["path"] == culprit and error["code"] == "engine-crashed"
    assert "again when it checked the file alone" in error["error"] and "suspicious" in error["error"]
    assert outcome.progress.files_scanned == 29
