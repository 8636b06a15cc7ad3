"""The file-system watcher: watchdog with only the events real-time protection needs.

Linux (inotify): a file closed after writing, a file moved in or renamed (a finished browser download),
and a folder created or moved in (its files may be complete before the new watch exists, so the folder
is swept). Nothing else is subscribed: watchdog's default mask includes open and close-without-write,
which on a big tree floods the kernel queue, and 7.1.0's overflow recovery then re-walks the tree in
an endless loop at a full core (measured in the research behind this design).

Windows (ReadDirectoryChangesW, whose mask watchdog fixes): created, modified and moved files; as
there is no "closed" event, created/modified go through the quiet-and-stable rule
(:mod:`.stability`).

Lost events: watchdog 7.1.0 only *logs* an inotify queue overflow; :class:`OverflowSignal` turns that
log record into a sweep request. Windows gives no overflow signal at all, which the periodic sweep
covers.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
import sys
import warnings
from typing import Protocol

from watchdog.events import (
    DirCreatedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)

from app.engine.longpath import lstat_long

if sys.platform == "win32":  # watchdog's, handing events over as they come (see windows_observer.py)
    from app.core.realtime.windows_observer import PromptObserver as Observer
else:
    from watchdog.observers import Observer

log = logging.getLogger(__name__)

# When folders are deleted and made again quickly the kernel may hand back a watch descriptor watchdog
# still knows; watchdog then replaces the old callback (what we want) and warns with the repr of every
# watch it holds, megabytes of stderr on a big tree. It is not a problem to report.
warnings.filterwarnings("ignore", message="Callback with id", category=RuntimeWarning, module=r"watchdog\.")

#: The logger and message of watchdog 7.1.x's overflow warning (pinned in pyproject; a test checks it).
OVERFLOW_LOGGERS = ("watchdog.observers.inotify_c", "watchdog.observers.inotify")
OVERFLOW_TEXT = "queue overflowed"
#: How often watchdog's threads wake to check for stop. inotify (Linux) delivers events at once. watchdog's
#: own Windows reader held every event until the tree had been quiet for this long (5 s late, and nothing
#: at all while files kept changing); on Windows the wake is short, and the reader of windows_observer.py
#: hands over what has arrived without waiting for quiet.
WAKE_S = 5.0
WAKE_WINDOWS_S = 0.2


def wake_seconds(platform: str = sys.platform) -> float:
    return WAKE_WINDOWS_S if platform == "win32" else WAKE_S


class Sink(Protocol):
    def file(self, path: str) -> None: ...          # finished: check it now
    def touched(self, path: str) -> None: ...       # changed, not known to be finished (Windows)
    def directory(self, path: str) -> None: ...     # a folder appeared: sweep it
    def overflow(self, reason: str) -> None: ...    # events were lost: sweep everything


def event_filter(platform: str = sys.platform) -> list[type[FileSystemEvent]]:
    if platform.startswith("linux"):
        return [FileClosedEvent, FileMovedEvent, DirCreatedEvent, DirMovedEvent]
    return [FileCreatedEvent, FileModifiedEvent, FileMovedEvent, DirCreatedEvent, DirMovedEvent]


def _text(path: str | bytes) -> str:
    return path.decode("utf-8", "surrogateescape") if isinstance(path, bytes) else path


class _Handler(FileSystemEventHandler):
    def __init__(self, sink: Sink) -> None:
        self.sink = sink

    def on_closed(self, event: FileClosedEvent) -> None:
        self.sink.file(_text(event.src_path))

    def on_moved(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            self.sink.directory(_text(event.dest_path))
        else:
            self.sink.file(_text(event.dest_path))

    def on_created(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            self.sink.directory(_text(event.src_path))
        else:
            self.sink.touched(_text(event.src_path))

    def on_modified(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            self.sink.touched(_text(event.src_path))


class OverflowSignal(logging.Handler):
    """Turns watchdog's "Inotify queue overflowed" warning into :meth:`Sink.overflow`."""

    def __init__(self, sink: Sink) -> None:
        super().__init__(logging.WARNING)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        if OVERFLOW_TEXT in record.getMessage():
            self.sink.overflow("kernel")

    def install(self) -> None:
        for name in OVERFLOW_LOGGERS:
            logger = logging.getLogger(name)
            if logger.getEffectiveLevel() > logging.WARNING:
                logger.setLevel(logging.WARNING)
            logger.addHandler(self)

    def remove(self) -> None:
        for name in OVERFLOW_LOGGERS:
            logging.getLogger(name).removeHandler(self)


def _identity(path: str) -> tuple[int, int, bool] | None:
    try:
        st = lstat_long(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, stat.S_ISLNK(st.st_mode))


class Watcher:
    """Watches ``roots`` recursively and tells ``sink``. ``failed`` lists (root, errno) that could not
    be watched (for example the inotify watch limit); those roots rely on sweeps."""

    def __init__(self, roots: list[str], sink: Sink, platform: str = sys.platform) -> None:
        self.roots = roots
        self.sink = sink
        self.platform = platform
        self.failed: list[tuple[str, int]] = []
        self._observer: Observer | None = None  # type: ignore[valid-type]
        self._signal = OverflowSignal(sink)
        self._identity: dict[str, tuple[int, int, bool] | None] = {}

    def start(self) -> None:
        """Set up the watches. If the OS gives no watcher at all (the inotify instance limit), every
        root is listed in ``failed`` and protection relies on sweeps."""
        self.failed = []
        self._identity = {root: _identity(root) for root in self.roots}
        try:
            observer = Observer(timeout=wake_seconds(self.platform))
        except OSError as exc:
            log.error("no folder watcher is available (%s); the protected folders are covered by sweeps only", exc)
            self.failed = [(root, exc.errno or 0) for root in self.roots]
            return
        handler = _Handler(self.sink)
        self._signal.install()
        # Started first, so that each watch is set up (and can fail) here rather than in a thread.
        observer.start()
        self._observer = observer
        for root in self.roots:
            if not os.path.isdir(root):
                # Windows' watch is set up in the emitter's thread, where a missing folder is an
                # exception nobody sees: checked here, as inotify does by itself.
                log.error("cannot watch %s: it is not a folder (any more); it is covered by sweeps only", root)
                self.failed.append((root, errno.ENOENT))
                continue
            try:
                observer.schedule(handler, root, recursive=True, event_filter=event_filter(self.platform))
            except OSError as exc:
                code = exc.errno or 0
                hint = " (raise fs.inotify.max_user_watches)" if code == errno.ENOSPC else ""
                log.error("cannot watch %s: %s%s; it is covered by sweeps only", root, exc, hint)
                self.failed.append((root, code))

    def roots_moved(self) -> list[str]:
        """Roots that are no longer the folders being watched: renamed away, recreated, or replaced by a
        link (a watch follows the folder, not its name). One ``lstat`` per root."""
        return [root for root, seen in self._identity.items() if _identity(root) != seen]

    def alive(self) -> bool:
        """False when the observer or one of its emitter threads died (events are then being lost);
        True when none could be started (sweeps cover the folders; restarting would not help)."""
        observer = self._observer
        if observer is None:
            return bool(self.failed) and len(self.failed) == len(self.roots)
        if not observer.is_alive():
            return False
        return all(emitter.is_alive() for emitter in observer.emitters)

    def stop(self) -> None:
        self._signal.remove()
        observer, self._observer = self._observer, None
        if observer is not None:
            observer.stop()
            if observer.is_alive():
                observer.join(timeout=5)
