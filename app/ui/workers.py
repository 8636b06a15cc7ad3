"""The one way the console runs core calls off the GUI thread.

:class:`Workers` owns a ``QThreadPool``. :meth:`Workers.submit` runs ``fn(ctx, *args)`` on a pool
thread with that thread's own :class:`~app.core.context.Context` (one context, and so one SQLite
connection, per thread — see docs/threads.md) and returns a :class:`Job` whose signals bring back the
result, a failure message or progress. Workers never touch widgets; the GUI thread only reacts to
signals (they are queued across threads by Qt).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.foundation.paths import Paths
from app.core.foundation.settings import Settings
from app.core.text.messages import translate

log = logging.getLogger(__name__)


class Job(QObject):
    """One core call in flight. ``finished(result)``, ``failed(message)`` or ``progress(value)``."""

    finished = Signal(object)
    failed = Signal(object)  # a Message (or plain text from code not yet converted)
    progress = Signal(object)
    done = Signal()  # after finished or failed, whichever came

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.cancel = threading.Event()  # a long call may poll it

    def report(self, value: Any) -> None:
        """Progress from the worker thread (safe: the signal is queued to the GUI thread)."""
        self.progress.emit(value)


class _Runnable(QRunnable):
    def __init__(self, workers: Workers, job: Job, call: Callable[[Context], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._workers, self._job, self._call = workers, job, call

    def run(self) -> None:
        job = self._job
        try:
            result = self._call(self._workers.context())
        except RingfenceError as exc:
            log.warning("%s failed: %s", job.name, exc.message)
            job.failed.emit(exc.msg)
        except Exception as exc:
            log.exception("%s failed unexpectedly", job.name)
            job.failed.emit(translate("Console", "Something went wrong (%1). The details are in the log.")
                            .arg(f"{type(exc).__name__}: {exc}"))
        else:
            job.finished.emit(result)
        job.done.emit()


class Workers(QObject):
    """The console's worker threads, each with its own core context."""

    def __init__(self, paths: Paths, max_threads: int = 4, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        # Pool threads live as long as the pool, so a thread's id names its context for good. (A
        # threading.local would not do: Python forgets it between two runs on a thread Qt started.)
        self.pool.setExpiryTimeout(-1)
        self._contexts: dict[int, Context] = {}
        self._settings_seen: dict[int, tuple[int, int, int] | None] = {}  # the settings file each context read
        self._jobs: set[Job] = set()
        self._lock = threading.Lock()

    def context(self) -> Context:
        """This thread's context (opened on first use; never shared between threads), with the settings as
        saved now: another thread (the settings dialog, "Never scan this folder") may have changed them."""
        thread = threading.get_ident()
        with self._lock:
            ctx = self._contexts.get(thread)
        seen = _file_state(self.paths.settings_file)
        if ctx is None:
            ctx = Context.open(self.paths)
            with self._lock:
                self._contexts[thread] = ctx
        elif self._settings_seen.get(thread) != seen:
            ctx.settings = Settings.load(self.paths.settings_file)
        self._settings_seen[thread] = seen
        return ctx

    def submit(self, name: str, fn: Callable[..., Any], *args: Any, progress: bool = False, urgent: bool = False,
               **kwargs: Any) -> Job:
        """Run ``fn(ctx, *args, **kwargs)`` on a worker thread.

        With ``progress=True`` the call also gets ``job=`` (report progress with ``job.report(value)``,
        poll ``job.cancel``). ``urgent``: what the user just asked for (saving the settings) goes before
        background calls still waiting for a thread. The call starts when control returns to the event
        loop, so signals connected right after ``submit`` never miss a result that comes back quickly.
        """
        job = Job(name)
        self._jobs.add(job)
        job.done.connect(lambda: self._jobs.discard(job))
        if progress:
            kwargs["job"] = job
        runnable = _Runnable(self, job, lambda ctx: fn(ctx, *args, **kwargs))
        QTimer.singleShot(0, self, lambda: self.pool.start(runnable, 1 if urgent else 0))
        return job

    def busy(self) -> int:
        return len(self._jobs)

    def shutdown(self, wait_ms: int = 10_000) -> bool:
        """Ask long calls to stop, wait for the pool, close every context. True if all finished."""
        for job in list(self._jobs):
            job.cancel.set()
        finished = self.pool.waitForDone(wait_ms)
        with self._lock:
            for ctx in self._contexts.values():
                ctx.close()
            self._contexts.clear()
        return finished


def _file_state(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size, st.st_ino  # saving writes a new file: a new inode, even in the same tick
