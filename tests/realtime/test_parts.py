"""The small parts of real-time protection, each on its own."""

from __future__ import annotations

import importlib.util
import itertools
import threading
from pathlib import Path

import pytest
from watchdog.events import DirCreatedEvent, DirMovedEvent, FileClosedEvent, FileMovedEvent

from app.core.realtime.backoff import FORGET_AFTER_S, Backoff
from app.core.realtime.filters import is_partial
from app.core.realtime.pause import PauseState
from app.core.realtime.roots import default_roots
from app.core.realtime.stability import StabilityTracker
from app.core.realtime.watcher import OVERFLOW_TEXT, WAKE_S, event_filter, wake_seconds
from app.core.realtime.workqueue import NORMAL, URGENT, WorkQueue, priority


def test_queue_runs_programs_first_and_holds_each_path_once() -> None:
    queue = WorkQueue(capacity=10)
    for name in ("a.txt", "b.exe", "a.txt", "c.zip", "d.ps1"):
        assert queue.put(name)
    assert len(queue) == 4
    assert queue.take(10, timeout=0) == ["b.exe", "d.ps1", "c.zip", "a.txt"]
    assert priority("X.EXE") == URGENT and priority("notes.md") == NORMAL


def test_queue_overflow_is_reported_once_and_never_silent() -> None:
    queue = WorkQueue(capacity=2)
    assert queue.put("1") and queue.put("2")
    assert not queue.put("3")
    assert queue.put("1")  # already waiting: no room needed
    assert queue.take_overflow() and not queue.take_overflow()


def test_a_sweep_waits_for_room_instead_of_overflowing() -> None:
    queue = WorkQueue(capacity=1)
    queue.put("first")
    stop = threading.Event()
    done = threading.Event()
    threading.Thread(target=lambda: (queue.put_wait("second", stop), done.set()), daemon=True).start()
    assert not done.wait(0.2)
    assert queue.take(1, timeout=0) == ["first"]
    assert done.wait(2)
    assert not queue.overflowed and queue.take(1, timeout=0) == ["second"]


class FakeFiles:
    def __init__(self) -> None:
        self.now = 0.0
        self.files: dict[str, tuple[int, int]] = {}

    def stat(self, path: str) -> tuple[int, int] | None:
        return self.files.get(path)


def test_windows_rule_waits_for_quiet_and_two_equal_looks() -> None:
    fs = FakeFiles()
    tracker = StabilityTracker(clock=lambda: fs.now, stat=fs.stat)
    fs.files["f"] = (10, 1)
    tracker.touched("f")
    fs.now = 0.1
    assert tracker.ready() == []  # not quiet yet
    fs.now = 0.3
    assert tracker.ready() == []  # first look
    fs.files["f"] = (20, 2)  # still growing, no event (the cache has not been flushed)
    fs.now = 0.6
    assert tracker.ready() == []  # the looks differ
    fs.now = 0.9
    assert tracker.ready() == ["f"]
    assert len(tracker) == 0


def test_windows_rule_has_a_hard_cap_for_a_file_that_keeps_changing() -> None:
    fs = FakeFiles()
    tracker = StabilityTracker(clock=lambda: fs.now, stat=fs.stat)
    ready: list[str] = []
    for step in range(40):
        fs.now = step * 0.1
        fs.files["log"] = (step, step)
        tracker.touched("log")
        ready += tracker.ready()
        if ready:
            break
    assert ready == ["log"] and 2.0 <= fs.now <= 2.1


def test_a_deleted_file_leaves_the_windows_rule() -> None:
    fs = FakeFiles()
    tracker = StabilityTracker(clock=lambda: fs.now, stat=fs.stat)
    tracker.touched("gone")
    fs.now = 5
    assert tracker.ready() == [] and len(tracker) == 0


def test_linux_subscribes_only_to_what_it_needs() -> None:
    assert set(event_filter("linux")) == {FileClosedEvent, FileMovedEvent, DirCreatedEvent, DirMovedEvent}
    assert FileClosedEvent not in event_filter("win32")  # Windows has no close event


def test_the_overflow_text_is_what_the_pinned_watchdog_logs() -> None:
    # Read, not imported: the inotify module loads the C library at import, which Windows has not.
    spec = importlib.util.find_spec("watchdog.observers.inotify_c")
    assert spec is not None and spec.origin is not None
    source = Path(spec.origin).read_text(encoding="utf-8")
    assert f'"Inotify {OVERFLOW_TEXT}; filesystem events were lost"' in source


def test_the_observer_wakes_often_on_windows() -> None:
    # watchdog's Windows reader holds events until the folder has been quiet for the wake interval
    assert wake_seconds("win32") <= 0.5
    assert wake_seconds("linux") == WAKE_S  # inotify delivers at once; a long wake costs nothing there


@pytest.mark.parametrize("name, partial", [("a.part", True), ("b.CRDOWNLOAD", True), ("c.partial", True),
                                           ("d.download", True), ("e.exe", False), ("participants.txt", False)])
def test_partial_downloads(name: str, partial: bool) -> None:
    assert is_partial(name) is partial


def test_windows_default_roots_come_from_the_profile() -> None:
    env = {"USERPROFILE": r"C:\Users\Jörg", "APPDATA": r"C:\Users\Jörg\AppData\Roaming",
           "LOCALAPPDATA": r"C:\Users\Jörg\AppData\Local", "TEMP": r"C:\Users\Jörg\AppData\Local\Temp",
           "ProgramData": r"C:\ProgramData"}
    roots = default_roots(Path("/unused"), env, platform="win32")
    names = [r.replace("/", "\\") for r in roots]
    assert any(n.endswith(r"Jörg\Downloads") for n in names)
    assert any(n.endswith(r"Programs\Startup") for n in names)
    assert any(n.endswith(r"Local\Temp") for n in names)


def test_linux_default_roots(tmp_path: Path) -> None:
    roots = default_roots(tmp_path, {"TMPDIR": "/tmp"}, platform="linux")
    assert str(tmp_path / "Downloads") in roots and str(tmp_path / ".config" / "autostart") in roots


def test_pause_ends_at_its_deadline_and_never_lasts_forever_by_accident() -> None:
    now = [0.0]
    pause = PauseState(clock=lambda: now[0], wall=lambda: 1_000_000 + now[0])
    info = pause.pause(900)
    assert info.paused and info.until == 1_000_900
    now[0] = 899
    assert not pause.expired() and pause.paused
    now[0] = 900
    assert pause.expired() and not pause.paused
    with pytest.raises(ValueError):
        pause.pause(0)
    assert pause.pause(None).until is None and not pause.expired()
    assert pause.resume() and not pause.resume()


def test_a_file_that_keeps_changing_waits_longer_each_time_and_its_last_state_is_checked() -> None:
    now = [0.0]
    backoff = Backoff(clock=lambda: now[0])
    checks: list[float] = []
    for step in range(300):  # closed after writing every 100 ms for 30 s
        now[0] = step * 0.1
        if backoff.admit("big.log"):
            checks.append(now[0])
            backoff.checked("big.log")
        for path in backoff.due():
            checks.append(now[0])
            backoff.checked(path)
    assert len(checks) <= 6, checks  # 0, 1, 3, 7, 15, 31 s: not 300 full checks
    assert [round(b - a) for a, b in itertools.pairwise(checks)] == [1, 2, 4, 8][:len(checks) - 1]
    assert backoff.held() == 1  # the last change is held, not dropped
    now[0] = 100.0
    assert backoff.due() == ["big.log"] and backoff.held() == 0
    now[0] = 100.0 + FORGET_AFTER_S + 1
    assert backoff.admit("big.log")  # quiet long enough: checked at once again
