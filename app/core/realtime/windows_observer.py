"""watchdog's Windows observer, changed to hand events over as they come (Windows only).

watchdog 7.1's reader (``winapi.DirectoryChangeReader.get_events``) keeps draining its queue of
ReadDirectoryChangesW buffers until none has come for the observer's timeout: while any file in a watched
tree keeps changing (a download, a log, a build), it hands over nothing at all, however short the timeout.
This reader waits for the first buffer, then takes only what has already arrived. It relies on one detail
of the watchdog pinned in pyproject.toml, the reader's ``_buf_queue``; tests/realtime/test_watcher_latency.py
fails if that changes.
"""

from __future__ import annotations

import time
from typing import Any

from watchdog.observers.api import DEFAULT_OBSERVER_TIMEOUT, BaseObserver
from watchdog.observers.read_directory_changes import WindowsApiEmitter
from watchdog.observers.winapi import DirectoryChangeReader, WinAPINativeEvent

#: How often the reader looks for a first buffer while the folder is quiet.
POLL_S = 0.05


class PromptReader(DirectoryChangeReader):
    def get_events(self, timeout: float) -> list[WinAPINativeEvent]:
        deadline = time.monotonic() + timeout
        while self._buf_queue.empty():
            if time.monotonic() >= deadline:
                return []
            time.sleep(POLL_S)
        # With no wait, watchdog's drain takes what has arrived and stops at the first empty look.
        return super().get_events(0)


class PromptEmitter(WindowsApiEmitter):
    def on_thread_start(self) -> None:
        with self._lock:
            assert self._reader is None
            reader = PromptReader(self.watch.path, recursive=self.watch.is_recursive)
            self._reader = reader
        reader.start()


class PromptObserver(BaseObserver):
    def __init__(self, *, timeout: float = DEFAULT_OBSERVER_TIMEOUT, **kwargs: Any) -> None:
        super().__init__(PromptEmitter, timeout=timeout, **kwargs)
