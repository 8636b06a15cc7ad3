"""Real-time protection and scheduled scans in the console: started off the GUI thread, stopped at quit.

:class:`Protection` owns the :class:`~app.core.realtime.realtime_service.RealtimeService` and the
:class:`~app.core.schedule.scheduler.SchedulerThread` for the console and carries out their actions:
``realtime.resume`` (resume a pause, or turn protection back on) and ``realtime.pause:SECONDS`` /
``realtime.pause:restart``. Starting and stopping block for a moment (watches are set up, the engine
worker starts or stops), so both run on the worker pool — except at quit, where the pool is being
drained anyway; pause and resume never block.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from app.core.context import Context
from app.core.text.messages import translate
from app.ui.console import Console, owner
from app.ui.i18n import text

if TYPE_CHECKING:
    from app.ui.tray import TrayIcon

PAUSES = (("900", 15), ("3600", 60), ("restart", None))  # how long a user may pause: argument, minutes


def pause_label(minutes: int | None) -> str:
    """A pause choice in the current language ("For 15 minutes", "Until Ringfence restarts")."""
    if minutes is None:
        return text(translate("Protection", "Until Ringfence restarts"))
    if minutes < 60:
        return text(translate("Protection", "For %n minute(s)", None, 0).plural(minutes))
    return text(translate("Protection", "For %n hour(s)", None, 0).plural(minutes // 60))


log = logging.getLogger(__name__)


def start_realtime(ctx: Context) -> Any:
    from app.core.realtime.realtime_service import RealtimeService

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
    def __init__(self, app: Console) -> None:
        super().__init__(owner(app))
        self.app = app
        self.realtime: Any = None
        self.scheduler: Any = None
        self._starting = False
        self.pause_menu: QMenu | None = None  # the tray's entries, once there is a tray
        self.pause_actions: list[QAction] = []
        self.resume_action: QAction | None = None
        app.register_action("realtime.resume", self.resume)
        app.register_action("realtime.pause", self.pause)

    def add_tray_entries(self, tray: TrayIcon) -> None:
        """"Pause real-time protection" (15 minutes, 1 hour, until restart) or "Resume", above Quit.

        There is no "off forever" here: turning protection off is a setting, and the verdict says so."""
        self.pause_menu = QMenu()
        self.pause_actions = [self.pause_menu.addAction("", partial(self.pause, arg)) for arg, _ in PAUSES]
        self.resume_action = tray.menu.addAction("", self.resume)
        tray.add_action(self.pause_menu.menuAction())
        tray.add_action(self.resume_action)
        tray.menu.aboutToShow.connect(self.update_tray_entries)  # the texts follow the language, the entries the state
        self.update_tray_entries()

    def update_tray_entries(self) -> None:
        """Show "Pause" while protection runs, "Resume" while it is paused or off (status() only reads)."""
        if self.pause_menu is None or self.resume_action is None:
            return
        self.retranslate(self.pause_menu, self.resume_action)
        state = self.realtime.status().state if self.realtime is not None else "off"
        self.pause_menu.menuAction().setVisible(state not in ("paused", "off"))
        self.pause_menu.menuAction().setEnabled(state == "on")
        self.resume_action.setVisible(state in ("paused", "off"))

    def retranslate(self, pause_menu: QMenu, resume_action: QAction) -> None:
        pause_menu.setTitle(self.tr("Pause real-time protection"))
        for action, (_arg, minutes) in zip(self.pause_actions, PAUSES, strict=True):
            action.setText(pause_label(minutes))
        resume_action.setText(self.tr("Resume real-time protection") if self.app.settings["realtime.enabled"]
                              else self.tr("Turn on real-time protection"))

    def start(self) -> None:
        self.app.workers.submit("scan scheduler", start_scheduler).finished.connect(self._scheduler_started)
        self.apply_settings()

    def apply_settings(self) -> None:
        """Start or stop real-time protection to match the ``realtime.enabled`` setting."""
        enabled = bool(self.app.settings["realtime.enabled"])
        if self.realtime is not None:  # new exclusions count from the next file, without a restart
            self.realtime.apply_settings(self.app.settings)
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
        self.update_tray_entries()

    def stop(self) -> None:
        """At quit, like the worker pool's shutdown right after it: both stop now (normally well under a
        second; the scheduler waits at most 5 s for a running scheduled scan's thread)."""
        services, self.realtime, self.scheduler = (self.realtime, self.scheduler), None, None
        stop_all(None, *services)
