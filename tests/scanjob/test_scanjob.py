"""Scans as jobs: real engine, real files, real SQLite and vault, temp RINGFENCE_HOME."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.foundation.filelock import file_lock
from app.core.journal import events
from app.core.quarantine import list_items
from app.core.scanning.actions import quarantine_detection
from app.core.scanning.job import Found, JobProgress, ScanBusy, ScanJob, ScanRequest, ScanSummary, Started, running_scan
from app.core.scanning.lock import LOCK_NAME
from app.core.text.messages import Message
from tests.conftest import ROOT, run_cli
from tests.engine.helpers import EICAR, slow_rules, write


@pytest.fixture
def ctx(rf_home: Path) -> Iterator[Context]:
    with Context.open() as context:
        yield context


def corpus(root: Path, count: int, infected: tuple[int, ...] = ()) -> list[Path]:
    paths = []
    for index in range(count):
        path = write(root / f"d{index % 5}" / f"f{index:05d}.txt",
                     EICAR if index in infected else f"ordinary file {index}\n" * 10)
        paths.append(path)
    return paths


class Runner:
    """Runs a job on its own thread, as the console does, collecting its events."""

    def __init__(self, job: ScanJob, on_event=None) -> None:
        self.job = job
        self.events: list[object] = []
        self.summary: ScanSummary | None = None
        self.error: BaseException | None = None
        self._on_event = on_event
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            with Context.open() as ctx:  # this thread's own context, as in the console
                self.summary = self.job.run(self._event, ctx=ctx)
        except BaseException as exc:  # handed to the test thread
            self.error = exc

    def _event(self, event: object) -> None:
        self.events.append(event)
        if self._on_event:
            self._on_event(event)

    def start(self) -> Runner:
        self.thread.start()
        return self

    def join(self, timeout: float = 120) -> ScanSummary:
        self.thread.join(timeout)
        assert not self.thread.is_alive(), "the scan did not end"
        if self.error:
            raise self.error
        assert self.summary is not None
        return self.summary


def wait_for(condition, timeout: float = 60) -> None:
    stop = threading.Event()
    for _ in range(int(timeout / 0.02)):
        if condition():
            return
        stop.wait(0.02)
    raise AssertionError("condition not met in time")


@pytest.mark.usefixtures("secret_service")
def test_quarantined_as_found_seen_from_another_thread(ctx: Context, tmp_path: Path) -> None:
    files = corpus(tmp_path / "c", 400, infected=(0, 399))
    job = ScanJob(ctx, ScanRequest("custom", [str(tmp_path / "c")], action="quarantine", use_cache=False, jobs=1))
    found, observed = threading.Event(), threading.Event()

    def hold_on_first_threat(event: object) -> None:  # the scan thread waits while the test looks
        if isinstance(event, Found) and not found.is_set():
            found.set()
            observed.wait(30)

    runner = Runner(job, on_event=hold_on_first_threat).start()
    assert found.wait(60)
    try:
        with Context.open() as observer:  # another thread, another connection: what the console's pages see
            assert [item.original_path for item in list_items(observer)] == [str(files[0])]
            assert not files[0].exists() and files[399].exists()
            unfinished = observer.store.conn.execute("SELECT finished FROM scans").fetchall()
            assert [tuple(r) for r in unfinished] == [(None,)]
            recorded = observer.store.conn.execute("SELECT path, action FROM detections").fetchall()
            assert [tuple(r) for r in recorded] == [(str(files[0]), "quarantined")]  # the history has it already
            shown = running_scan(observer)
            assert shown is not None and shown.kind == "custom" and shown.detections <= 1
        assert runner.thread.is_alive()
    finally:
        observed.set()
    summary = runner.join()
    assert not summary.cancelled and summary.outcome.progress.files_scanned == 400
    assert [(f.path, f.action) for f in summary.found] == [(str(files[0]), "quarantined"), (str(files[399]), "quarantined")]
    assert all(f.item_id for f in summary.found) and not files[399].exists()
    assert sorted(i.original_path for i in list_items(ctx)) == sorted([str(files[0]), str(files[399])])
    rows = ctx.store.conn.execute("SELECT path, action FROM detections WHERE scan_id=?", (summary.scan_id,)).fetchall()
    assert sorted(tuple(r) for r in rows) == [(str(files[0]), "quarantined"), (str(files[399]), "quarantined")]
    codes = [e.code for e in events.events_since(ctx.store, 0)]
    assert codes == ["scan.started", "threat.found", "quarantine.added", "threat.found", "quarantine.added", "scan.finished"]
    finished = events.events_since(ctx.store, 0)[-1]
    assert finished.args["files"] == 400 and finished.args["threats"] == 2
    assert running_scan(ctx) is None


def test_report_and_ask_leave_the_file_and_say_so(ctx: Context, tmp_path: Path) -> None:
    files = corpus(tmp_path / "c", 3, infected=(1,))
    for action, expected in (("report", "reported"), ("ask", "ask")):
        summary = ScanJob(ctx, ScanRequest("custom", [str(tmp_path / "c")], action=action, use_cache=False)).run()
        assert [(f.path, f.action, f.item_id) for f in summary.found] == [(str(files[1]), expected, None)]
        assert files[1].exists()
    row = ctx.store.conn.execute("SELECT action FROM detections WHERE scan_id=?", (summary.scan_id,)).fetchone()
    assert row[0] == "ask"


@pytest.mark.usefixtures("secret_service")
def test_ask_and_the_user_quarantines_while_the_scan_runs(ctx: Context, tmp_path: Path) -> None:
    files = corpus(tmp_path / "c", 50, infected=(0,))
    job = ScanJob(ctx, ScanRequest("custom", [str(tmp_path / "c")], action="ask", use_cache=False))
    answered: list[object] = []

    def answer(event: object) -> None:  # the user answers before the scan is over (on another context)
        if isinstance(event, Found):
            with Context.open() as console:
                answered.append(quarantine_detection(console, dict(event.detection), event_scan_id[0]))

    event_scan_id = [0]
    runner = Runner(job, on_event=lambda e: (event_scan_id.__setitem__(0, e.scan_id) if isinstance(e, Started)
                                             else answer(e)))
    summary = runner.start().join()
    assert [getattr(a, "action", None) for a in answered] == ["quarantined"] and not files[0].exists()
    assert [f.action for f in summary.found] == ["ask"]  # what the scan did; the user did the rest
    row = ctx.store.conn.execute("SELECT action FROM detections WHERE scan_id=?", (summary.scan_id,)).fetchall()
    assert [tuple(r) for r in row] == [("quarantined",)]


@pytest.mark.usefixtures("secret_service")
def test_ask_then_the_user_quarantines(ctx: Context, tmp_path: Path) -> None:
    files = corpus(tmp_path / "c", 3, infected=(2,))
    ctx.settings.set("scan.action", "ask")  # the console's setting decides when the request does not
    summary = ScanJob(ctx, ScanRequest("custom", [str(tmp_path / "c")], use_cache=False)).run()
    assert summary.action == "ask" and [f.action for f in summary.found] == ["ask"]
    result = quarantine_detection(ctx, summary.found[0].detection, summary.scan_id)
    assert result.action == "quarantined" and result.item_id and not files[2].exists()
    assert [i.id for i in list_items(ctx)] == [result.item_id]
    row = ctx.store.conn.execute("SELECT action FROM detections WHERE scan_id=?", (summary.scan_id,)).fetchone()
    assert row[0] == "quarantined"
    assert events.query(ctx.store, kinds=["quarantine"])[0].args["item_id"] == result.item_id


@pytest.mark.usefixtures("secret_service")
def test_a_file_deleted_before_it_could_be_quarantined_is_gone_not_a_failure(ctx: Context, tmp_path: Path) -> None:
    from app.core.realtime.realtime_messages import ACTIONS

    files = corpus(tmp_path / "c", 3, infected=(1,))
    ctx.settings.set("scan.action", "ask")
    summary = ScanJob(ctx, ScanRequest("custom", [str(tmp_path / "c")], use_cache=False)).run()
    files[1].unlink()  # the user (or the program that wrote it) deleted it first
    result = quarantine_detection(ctx, summary.found[0].detection, summary.scan_id)
    assert (result.action, result.item_id, result.error) == ("gone", None, None)
    row = ctx.store.conn.execute("SELECT action FROM detections WHERE scan_id=?", (summary.scan_id,)).fetchone()
    assert row[0] == "gone" and list_items(ctx) == []
    assert ACTIONS["gone"].english() == "deleted before it could be moved to the quarantine"


def test_cancel_before_the_engine_is_ready_stops_the_scan(ctx: Context, tmp_path: Path) -> None:
    corpus(tmp_path / "c", 300)
    job = ScanJob(ctx, ScanRequest("custom", [str(tmp_path / "c")], use_cache=False, jobs=1))
    seen: list[object] = []
    runner = Runner(job, on_event=seen.append)
    runner.start()
    job.cancel()  # at once: the worker process is at best starting
    summary = runner.join()
    assert summary.cancelled
    assert summary.outcome.progress.files_scanned < 300
    assert isinstance(seen[-1], JobProgress) and seen[-1].state == "cancelled"
    row = ctx.store.conn.execute("SELECT cancelled FROM scans WHERE id=?", (summary.scan_id,)).fetchone()
    assert row is None or row[0] == 1
    assert [e.code for e in events.events_since(ctx.store, 0)][-1] == "scan.cancelled"


def test_a_second_scan_is_refused_while_one_runs_also_from_the_cli(ctx: Context, tmp_path: Path) -> None:
    corpus(tmp_path / "c", 50)
    first = ScanJob(ctx, ScanRequest("custom", [str(tmp_path / "c")], use_cache=False))
    first.pause()  # starts paused: it holds the scan until resumed
    runner = Runner(first).start()
    wait_for(lambda: any(isinstance(e, Started) for e in runner.events))
    with pytest.raises(ScanBusy) as refused:
        ScanJob(ctx, ScanRequest("custom", [str(tmp_path / "c")])).run()
    assert refused.value.message.startswith("A scan of chosen files and folders is already running")
    assert refused.value.running is not None and refused.value.running.kind == "custom"
    shown = running_scan(ctx)
    assert shown is not None and shown.state == "paused" and shown.scan_id == first.progress.scan_id
    cli = run_cli("scan", str(tmp_path / "c"), "--json")
    assert cli.returncode == 2 and cli.stdout == ""
    shown_line, refused_line = cli.stderr.splitlines()
    assert re.fullmatch(rf"ringfence: the running scan: (0 % done, )?0 files checked, paused \(process {os.getpid()}\)",
                        shown_line), shown_line
    assert refused_line == ("ringfence: A scan of chosen files and folders is already running. Wait for it to finish, "
                            "or cancel it where it was started.")
    first.resume()
    assert runner.join().outcome.progress.files_scanned == 50
    assert running_scan(ctx) is None
    assert ScanJob(ctx, ScanRequest("custom", [str(tmp_path / "c")])).run().outcome.progress.files_scanned == 50


def test_a_scan_starting_while_the_console_asks_what_runs_is_not_refused(ctx: Context, tmp_path: Path) -> None:
    """The Scan page and the scheduler ask :func:`running_scan`, which takes the lock for an instant: a
    scan starting in that instant (here a long one: the asking thread was not scheduled for 0.3 s) waits
    for it instead of being refused as "already running"."""
    corpus(tmp_path / "c", 5)
    holding, asked = threading.Event(), []

    def ask() -> None:
        with file_lock(ctx.paths.data_dir / LOCK_NAME, wait=0, busy=Message("Test", "probe")):
            holding.set()
            threading.Event().wait(0.3)
        asked.append(running_scan(ctx))

    prober = threading.Thread(target=ask, daemon=True)
    prober.start()
    assert holding.wait(10)
    summary = ScanJob(ctx, ScanRequest("custom", [str(tmp_path / "c")], use_cache=False)).run()
    assert summary.outcome.progress.files_scanned == 5
    prober.join(10)
    assert asked == [None]


def test_pause_holds_the_scan_and_resume_finishes_it(ctx: Context, tmp_path: Path) -> None:
    for index in range(200):
        write(tmp_path / "c" / f"f{index:04d}.txt", f"ordinary file {index}\n" * 25)
    job = ScanJob(ctx, ScanRequest("custom", [str(tmp_path / "c")], use_cache=False, jobs=1,
                                   definitions=slow_rules(tmp_path / "rules")))
    runner = Runner(job).start()
    wait_for(lambda: job.progress.files_done >= 10)
    job.pause()
    assert job.progress.state == "paused"
    threading.Event().wait(0.5)  # let what was in flight land
    held = job.progress.files_done
    threading.Event().wait(1.0)
    assert job.progress.files_done == held < 200 and runner.thread.is_alive()
    job.resume()
    summary = runner.join()
    assert summary.outcome.progress.files_scanned == 200 and not summary.cancelled


def test_progress_counts_reach_100_percent_with_a_sane_estimate(ctx: Context, tmp_path: Path) -> None:
    for index in range(400):  # long enough that the second half is past the first second of scanning
        write(tmp_path / "c" / f"f{index:04d}.txt", f"ordinary file {index}\n" * 25)
    write(tmp_path / "c" / "skip.iso", "excluded by name")
    ctx.settings.set("scan.exclude_globs", ["*.iso"])
    ctx.settings.save()
    job = ScanJob(ctx, ScanRequest("custom", [str(tmp_path / "c")], use_cache=False, jobs=1,
                                   definitions=slow_rules(tmp_path / "rules")))
    runner = Runner(job).start()
    summary = runner.join()
    snapshots = [e for e in runner.events if isinstance(e, JobProgress)]
    assert snapshots[0].state == "starting" and snapshots[-1].state == "finished"
    assert snapshots[-1].percent == 100.0 and snapshots[-1].remaining_s == 0.0
    assert snapshots[-1].files_total == 400 and snapshots[-1].total_final  # the excluded file is not counted
    assert snapshots[-1].bytes_total == sum(p.stat().st_size for p in (tmp_path / "c").glob("*.txt"))
    percents = [s.percent for s in snapshots if s.percent is not None]
    assert percents == sorted(percents) and all(0 <= p <= 100 for p in percents)
    # in the second half, the time left is about the time the first half took (the files are alike); no
    # time left is shown before a second of scanning has been seen (estimate.MIN_OBSERVED_S)
    middle = next(s for s in snapshots if s.percent is not None and s.percent >= 50 and s.state == "running"
                  and s.remaining_s is not None)
    assert middle.percent < 90 and middle.files_per_s > 0
    assert 0.3 * middle.elapsed_s <= middle.remaining_s <= 3 * middle.elapsed_s
    assert all(s.remaining_s is None or s.remaining_s >= 0 for s in snapshots)
    assert summary.outcome.progress.files_scanned == 400


def test_a_job_is_refused_while_the_cli_scans(ctx: Context, tmp_path: Path) -> None:
    for index in range(300):
        write(tmp_path / "c" / f"f{index:04d}.txt", f"ordinary file {index}\n" * 25)
    cli = subprocess.Popen([sys.executable, "-m", "app", "scan", str(tmp_path / "c"), "--no-cache", "--jobs", "1",
                            "--definitions", str(slow_rules(tmp_path / "rules")), "--json"],
                           cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: (shown := running_scan(ctx)) is not None and shown.files_done > 0, timeout=60)
        with pytest.raises(ScanBusy) as refused:
            ScanJob(ctx, ScanRequest("quick")).run()
        running = refused.value.running
        assert running is not None and running.pid == cli.pid and running.kind == "custom"
        assert running.state == "running" and running.files_total == 300
    finally:
        out, err = cli.communicate(timeout=120)
    assert cli.returncode == 0, err
    assert json.loads(out)["files_scanned"] == 300
    assert running_scan(ctx) is None


def test_a_scan_that_cannot_start_says_why_and_frees_the_lock(ctx: Context, tmp_path: Path) -> None:
    corpus(tmp_path / "c", 2)
    seen: list[object] = []
    job = ScanJob(ctx, ScanRequest("custom", [str(tmp_path / "c")], definitions=tmp_path / "no-such-rules"))
    with pytest.raises(RingfenceError, match="do not exist"):
        job.run(seen.append)
    assert isinstance(seen[-1], JobProgress) and seen[-1].state == "failed"
    assert running_scan(ctx) is None
    with pytest.raises(RingfenceError) as nothing:
        ScanJob(ctx, ScanRequest("custom", [])).run()
    assert nothing.value.msg.source == "Choose a file or folder to scan."
    again = ScanJob(ctx, ScanRequest("custom", [str(tmp_path / "c")]))
    assert again.run().outcome.progress.files_scanned == 2
    with pytest.raises(RuntimeError, match="runs once"):
        again.run()
