"""The folder watcher on its own, with the real observer of this system: events arrive promptly.

watchdog's Windows reader (ReadDirectoryChangesW) hands events over only once a folder has been quiet
for the observer's wake interval: with 5 s, every event came 5 s late, and none at all while files kept
changing. This runs on Linux (inotify) and on Windows alike.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from app.core.realtime.watcher import Watcher


class Seen:
    """A sink that notes when each file name was first reported, finished or merely touched."""

    def __init__(self) -> None:
        self.first: dict[str, float] = {}
        self.lock = threading.Lock()

    def _note(self, path: str) -> None:
        with self.lock:
            self.first.setdefault(Path(path).name, time.monotonic())

    def file(self, path: str) -> None:
        self._note(path)

    def touched(self, path: str) -> None:
        self._note(path)

    def directory(self, path: str) -> None:
        self._note(path)

    def overflow(self, reason: str) -> None:
        pass

    def when(self, name: str) -> float | None:
        with self.lock:
            return self.first.get(name)


def test_a_new_file_is_reported_within_two_seconds_while_another_keeps_changing(tmp_path: Path) -> None:
    seen = Seen()
    watcher = Watcher([str(tmp_path)], seen)
    watcher.start()
    try:
        assert watcher.failed == []
        written = time.monotonic()
        (tmp_path / "new.exe").write_bytes(b"MZ new program")
        count = 0
        while seen.when("new.exe") is None and time.monotonic() - written < 6:
            (tmp_path / "busy.log").write_bytes(b"line %d\n" % count)  # a download or a log, never quiet
            count += 1
            time.sleep(0.05)
        reported = seen.when("new.exe")
        assert reported is not None, "no event while another file kept changing"
        assert reported - written < 2.0
    finally:
        watcher.stop()
