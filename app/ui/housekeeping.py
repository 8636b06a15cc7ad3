"""The console's housekeeping: :func:`app.core.maintenance.maintain` on a worker at start-up (which also
finishes or undoes an interrupted quarantine operation) and then once a day while the console runs.

A QTimer only decides *when*; the work itself (deleting journal rows and vault files) always runs on the
worker pool, never on the GUI thread. A run still going when the next is due is not doubled.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.maintenance import INTERVAL_S, MaintenanceReport, maintain
from app.ui.i18n import text
from app.ui.workers import Job, Workers

log = logging.getLogger(__name__)


class Housekeeping(QObject):
    ran = Signal(object)  # MaintenanceReport, after each run

    def __init__(self, workers: Workers, parent: QObject | None = None, interval_ms: int = int(INTERVAL_S * 1000)) -> None:
        super().__init__(parent)
        self.workers = workers
        self.last: MaintenanceReport | None = None
        self.runs = 0
        self._job: Job | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.run)

    def start(self) -> Job:
        """The start-up run (recovers interrupted quarantine work first), then the daily timer."""
        self.timer.start()
        return self.run(at_start=True)

    def stop(self) -> None:
        self.timer.stop()

    def run(self, at_start: bool = False) -> Job:
        if self._job is not None:
            return self._job
        self._job = job = self.workers.submit("maintenance", maintain, at_start=at_start)
        job.finished.connect(self._finished)
        job.failed.connect(lambda message: log.warning("maintenance failed: %s", text(message)))
        job.done.connect(self._done)
        return job

    def _finished(self, report: Any) -> None:
        self.last = report
        self.runs += 1
        self.ran.emit(report)

    def _done(self) -> None:
        self._job = None
