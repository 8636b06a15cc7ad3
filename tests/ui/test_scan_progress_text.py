"""The Scan page's progress text as a scan of uneven files goes on: the real meter (real file count of a real
folder) on a simulated clock feeds the page's progress events; the page shows files and megabytes per
second, a time left that appears once the files are counted, and the same in German."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from app.core.scanning.progress import FileCounter, JobProgress, ProgressMeter
from app.engine.walker import WalkOptions
from app.ui.pages.scan import ScanPage
from tests.ui.conftest import Console

MB = 1_000_000


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def uneven(tmp_path: Path) -> Path:
    """Two hundred small files, then one of 20 MB (sparse: no disk is filled), then small files again."""
    root = tmp_path / "uneven"
    for folder in ("a-small", "c-small"):
        (root / folder).mkdir(parents=True)
        for index in range(200):
            (root / folder / f"f{index:03d}.txt").write_bytes(b"x" * 1000)
    (root / "b-large").mkdir()
    with open(root / "b-large" / "disk.img", "wb") as handle:
        handle.truncate(20 * MB)
    return root


@pytest.fixture
def meter(uneven: Path) -> Iterator[tuple[ProgressMeter, Clock]]:
    clock = Clock()
    meter = ProgressMeter("custom", 0, clock=clock)
    meter.counter = FileCounter([str(uneven)], WalkOptions()).start()
    assert meter.counter.done.wait(30)
    yield meter, clock


def drive(meter: ProgressMeter, clock: Clock, page: ScanPage, seconds: float, *, files_per_s: float,
          bytes_per_file: int) -> JobProgress:
    """The engine reporting every 0.2 s at the given pace; the page gets every snapshot."""
    snapshot = meter.snapshot("running")
    for _ in range(round(seconds / 0.2)):
        clock.now += 0.2
        files = meter.files_done + round(files_per_s * 0.2)
        meter.update(files, meter.bytes_done + round(files_per_s * 0.2) * bytes_per_file, f"/data/f{files}", 0, 0)
        snapshot = meter.snapshot("running")
        page._event(snapshot)
    return snapshot


def test_the_scan_page_shows_speed_in_files_and_megabytes_and_a_steady_time_left(
        qtbot: QtBot, console: Console, meter: tuple[ProgressMeter, Clock]) -> None:
    progress_meter, clock = meter
    page = shown_page(qtbot, console)
    view = page.progress_view
    page._event(progress_meter.snapshot("running"))
    assert view.remaining.text() == "estimating…" and view.speed.text() == "0 files/s"
    first = drive(progress_meter, clock, page, 4, files_per_s=50, bytes_per_file=1000)  # the small files: 50 a second
    assert first.percent is not None and first.remaining_s is not None
    assert view.speed.text() == "50 files/s · 50.0 kB/s"
    assert view.bar.value() == round(first.percent * 10) and view.bar.format() == f"{first.percent:.0f} %"
    shown = view.remaining.text()
    assert shown.endswith(" s")
    # the large file: 20 MB in 4 s, one report when it is done; the small files' pace said nothing about it
    clock.now += 4
    progress_meter.update(201, progress_meter.bytes_done + 20 * MB, "/data/disk.img", 0, 0)
    after = progress_meter.snapshot("running")
    page._event(after)
    assert view.files.text() == "201 of 401"
    assert after.remaining_s is not None and first.remaining_s is not None
    assert after.remaining_s <= 2 * first.remaining_s  # no wild jump
    drive(progress_meter, clock, page, 2, files_per_s=50, bytes_per_file=1000)
    assert "MB/s" in view.speed.text() or "kB/s" in view.speed.text()
    assert view.remaining.text() != shown  # the time left moves on


def shown_page(qtbot: QtBot, console: Console) -> ScanPage:
    page = ScanPage(console)
    qtbot.addWidget(page)
    page.show()
    return page


def test_while_the_files_are_counted_the_page_says_so(qtbot: QtBot, console: Console) -> None:
    page = shown_page(qtbot, console)
    page._event(JobProgress(state="running", kind="full", files_done=1200, files_total=5000, files_per_s=310.0,
                            bytes_per_s=42_500_000))
    view = page.progress_view
    assert view.bar.maximum() == 0  # a busy bar, no made-up percentage
    assert view.files.text() == f"{QLocale().toString(1200)} (still counting)"
    assert view.remaining.text() == "known once the files are counted"
    assert view.speed.text() == "310 files/s · 42.5 MB/s"


def test_the_progress_reads_in_german(qtbot: QtBot, console: Console, german: None) -> None:
    page = shown_page(qtbot, console)
    page._event(JobProgress(state="running", kind="full", files_done=1200, files_total=5000, files_per_s=2.5,
                            bytes_per_s=42_500_000))
    view = page.progress_view
    assert view.remaining.text() == "bekannt, sobald die Dateien gezählt sind"
    assert view.speed.text() == "2,5 Dateien/s · 42,5 MB/s"
    page._event(JobProgress(state="running", kind="full", files_done=1200, files_total=1200, total_final=True,
                            percent=40.0, files_per_s=310.0))
    assert view.remaining.text() == "wird geschätzt …"
    assert view.speed.text() == "310 Dateien/s"
