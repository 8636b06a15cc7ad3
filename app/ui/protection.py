"""Real-time protection and scheduled scans in the console: started off the GUI thread, stopped at quit.

:class:`Protection` owns the :class:`~app.core.realtime.service.RealtimeService` and the
:class:`~app.core.schedule.scheduler.SchedulerThread` for the console and carries out their actions:
``realtime.resume`` (resume a pause, or turn protection back on) and ``realtime.pause:SECONDS`` /
``realtime.pause:restart``. Starting and stopping block for a moment (watches are set up, the engine
worker starts or stops), so both run on the worker pool — except at quit, where the pool is being
drained anyway; pause and resume never block.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from app.core.context import Context

if TYPE_CHECKING:
    from app.ui.application import ConsoleApp

log = logging.getLogger(__name__)


def start_realtime(ctx: Context) -> Any:
    from app.core.realtime.service import RealtimeService

    service = RealtimeService(ctx)
    service.start()
    return service


def start_scheduler(ctx: Context) -> Any:
    from app.core.schedule.scheduler import SchedulerThread

    scheduler = SchedulerThread(ctx)
    scheduler.start()
    return scheduler


def stop_all(ctx: Context | None, *services: Any) -> None:
    del ctx
    for service in services:
        if service is not None:
            service.stop()


class Protection(QObject):
    def __init__(self, app: ConsoleApp) -> None:
        super().__init__(app)
        self.app = app
        self.realtime: Any = None
        self.scheduler: Any = None
        self._starting = False
        app.register_action("realtime.resume", self.resume)
        app.register_action("realtime.pause", self.pause)

    def start(self) -> None:
        self.app.workers.submit("scan scheduler", start_scheduler).finished.connect(self._scheduler_started)
        self.apply_settings()

    def apply_settings(self) -> None:
        """Start or stop real-time protection to match the ``realtime.enabled`` setting."""
        enabled = bool(self.app.settings["realtime.enabled"])
        if enabled and self.realtime is None and not self._starting:
            self._starting = True
            self.app.workers.submit("real-time protection", start_realtime).finished.connect(self._realtime_started)
        elif not enabled and self.realtime is not None:
            service, self.realtime = self.realtime, None
            self.app.workers.submit("stop real-time protection", stop_all, service)

    def _realtime_started(self, service: Any) -> None:
        self._starting = False
        self.realtime = service
        if self.app.quitting or not self.app.settings["realtime.enabled"]:
            self.realtime = None
            self.app.workers.submit("stop real-time protection", stop_all, service)

    def _scheduler_started(self, scheduler: Any) -> None:
        self.scheduler = scheduler
        if self.app.quitting:
            self.scheduler = None
            self.app.workers.submit("stop scan scheduler", stop_all, scheduler)

    def resume(self, _argument: str = "") -> None:
        if self.realtime is not None:
            self.realtime.resume()
        elif not self.app.settings["realtime.enabled"]:
            self.app.save_settings({"realtime.enabled": True})  # saved on a worker; then apply_settings starts it

    def pause(self, argument: str) -> None:
        """``argument``: seconds, or ``restart`` (until Ringfence restarts)."""
        if self.realtime is None:
            return
        try:
            seconds = None if argument == "restart" else float(argument)
        except ValueError:
            log.warning("pause: %r is not a duration", argument)
            return
        self.realtime.pause(seconds)

    def stop(self) -> None:
        """At quit, like the worker pool's shutdown right after it: both stop now (normally well under a
        second; the scheduler waits at most 5 s for a running scheduled scan's thread)."""
        services, self.realtime, self.scheduler = (self.realtime, self.scheduler), None, None
        stop_all(None, *services)
