"""Brings new event-journal entries to the GUI thread, from any process (the CLI, the engine, the console).

Every ``interval_ms`` a worker reads :func:`app.core.journal.events.events_since` for the events after the last
one seen and :attr:`JournalWatcher.events` carries them (oldest first) to the GUI thread. The first read
only learns where the journal ends: what happened before the console started is not news. One read at a
time; a slow disk makes reads less frequent, never piles them up.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.context import Context
from app.core.journal import events as journal
from app.ui.workers import Job, Workers

log = logging.getLogger(__name__)


def _read(ctx: Context, last_id: int | None) -> tuple[int, list[journal.Event]]:
    if last_id is None:
        return journal.latest_id(ctx.store), []
    found = journal.events_since(ctx.store, last_id)
    return (found[-1].id if found else last_id), found


class JournalWatcher(QObject):
    events = Signal(list)  # list[Event], oldest first

    def __init__(self, workers: Workers, interval_ms: int = 1000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workers = workers
        self.last_id: int | None = None
        self._job: Job | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.poll()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def poll(self) -> None:
        """Read what is new now (unless a read is still running)."""
        if self._job is not None:
            return
        self._job = job = self.workers.submit("journal", _read, self.last_id)
        job.finished.connect(self._arrived)
        job.failed.connect(lambda message: log.warning("journal read failed: %s", message))
        job.done.connect(self._idle)

    def _idle(self) -> None:
        self._job = None

    def _arrived(self, result: tuple[int, list[journal.Event]]) -> None:
        last_id, found = result
        self.last_id = last_id
        if found:
            self.events.emit(found)
