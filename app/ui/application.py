"""The console's application object: it owns the core services and decides; views show and emit.

:class:`ConsoleApp` holds the worker pool (every core call runs there), the update poller, the journal
watcher, the verdict, the settings, the tray and the main window. Pages get it at construction and use
its signals and :meth:`~ConsoleApp.run_action` / :meth:`~ConsoleApp.show_page` (see
:mod:`app.ui.main_window` for the page contract).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from app.core.beacon.sender import BeaconThread
from app.core.desktop import autostart, scan_menu
from app.core.foundation.paths import Paths
from app.core.foundation.settings import Settings
from app.core.journal.events import Event
from app.ui import startup
from app.ui.background_ask import BackgroundAsk
from app.ui.beacon_consent import BeaconConsent
from app.ui.drives import Drives
from app.ui.housekeeping import Housekeeping
from app.ui.i18n import text
from app.ui.journal_watcher import JournalWatcher
from app.ui.language import Language
from app.ui.main_window import MainWindow
from app.ui.notifications import Notifier
from app.ui.protection import Protection
from app.ui.tray import TrayIcon
from app.ui.workers import Workers

log = logging.getLogger(__name__)

VERDICT_REFRESH_MS = 60_000
TRAY_WAIT_INTERVAL_MS, TRAY_WAIT_TRIES = 2_000, 150  # look for a late tray host for five minutes
SCAN_START, SCAN_END = "scan.started", ("scan.finished", "scan.cancelled", "scan.abandoned")


class ConsoleApp(QObject):
    settings_changed = Signal()
    events = Signal(list)  # list[Event]: new journal events, oldest first, from any process
    verdict_changed = Signal(object)  # app.core.status.verdict.Verdict
    scanning_changed = Signal(bool)  # a scan started / ended (from the journal: the CLI's scans too)
    about_to_quit = Signal()  # long-running page work stops here (the workers' jobs are cancelled next)

    def __init__(self, qapp: QApplication, paths: Paths, *, use_tray: bool | None = None,
                 poll_updates: bool = True, first_poll_delay: float | None = None,
                 crash_source: Path | None = None, protect: bool | None = None,
                 ask_consent: bool | None = None) -> None:
        super().__init__()
        self.qapp = qapp
        self.paths = paths.ensure()
        self.settings = Settings.load(paths.settings_file)  # a small JSON file; everything else runs on workers
        autostart.reflect(self.settings)  # a file or a registry value: the installer may have set it
        scan_menu.reflect(self.settings)  # the same for "Scan with Ringfence" in the file manager
        self.workers = Workers(paths, parent=self)
        self.language = Language(qapp)
        self.language.apply(self.settings["ui.language"])
        self.verdict: Any = None
        self.scanning = False
        self.quitting = False
        self.crash_source = crash_source  # a folder of recorded crash evidence instead of this PC's
        self._actions: dict[str, Callable[[str], None]] = {}
        self._register_actions()

        self.watcher = JournalWatcher(self.workers, parent=self)
        self.watcher.events.connect(self._journal)
        self.poll_updates, self._first_poll_delay = poll_updates, first_poll_delay
        self.poller: Any = None  # app.core.updates.poller.Poller, started on a worker by start()
        self._check_when_ready = False
        # the opt-in health reports (they send nothing until the user agreed); a plain thread, never the GUI's
        self.beacon = BeaconThread(paths) if poll_updates else None
        # the health-report question, asked once a while after start (with the background services)
        self.consent = BeaconConsent(self) if (poll_updates if ask_consent is None else ask_consent) else None
        self._verdict_job: Any = None
        self._verdict_again = False
        self._verdict_timer = QTimer(self)
        self._verdict_timer.setInterval(VERDICT_REFRESH_MS)
        self._verdict_timer.timeout.connect(self.refresh_verdict)
        # journal pruning and quarantine retention: at start-up, then daily (on workers)
        self.housekeeping = Housekeeping(self.workers, parent=self)
        self.housekeeping.ran.connect(lambda _report: self.refresh_verdict())

        # real-time protection and scheduled scans run with the other background services (not in tests)
        self.protection = Protection(self) if (poll_updates if protect is None else protect) else None

        self.tray: TrayIcon | None = None
        if use_tray if use_tray is not None else TrayIcon.available():
            self._make_tray()
        # At login the console may start before the desktop's panel: keep looking for a tray host a while
        self._tray_wait = QTimer(self)
        self._tray_wait.setInterval(TRAY_WAIT_INTERVAL_MS)
        self._tray_wait.timeout.connect(self._look_for_tray)
        self._tray_wait_left = TRAY_WAIT_TRIES if use_tray is None and self.tray is None else 0
        self.notifier = Notifier(self._notify, lambda: bool(self.settings["ui.do_not_disturb"]), parent=self)
        self.events.connect(self.notifier.feed)
        self.window = MainWindow(self)
        self.window.close_requested.connect(self._window_closed)
        self.background_ask = BackgroundAsk(self)  # "ask" for real-time protection and scheduled scans
        # USB drives: noticed, asked about or scanned (app.core.drives), with the other background services
        self.drives = Drives(self) if self.protection is not None else None

    def _make_tray(self) -> None:
        self.tray = TrayIcon(self)
        self.tray.open_requested.connect(self.open_window)
        self.tray.quick_scan_requested.connect(lambda: self.run_action("scan.quick"))
        self.tray.check_updates_requested.connect(lambda: self.run_action("update.check"))
        self.tray.quit_requested.connect(self.quit)
        if self.protection is not None:
            self.protection.add_tray_entries(self.tray)

    def _look_for_tray(self) -> None:
        self._tray_wait_left -= 1
        if self.tray is None and not self.quitting and TrayIcon.available():
            log.info("a system tray appeared: Ringfence now lives in it")
            self._make_tray()
            assert self.tray is not None
            if self.drives is not None:
                self.drives.connect_tray(self.tray)
            self._update_tray()
            self.tray.show()
        if self.tray is not None or self._tray_wait_left <= 0:
            self._tray_wait.stop()

    # -- start and stop -----------------------------------------------------------------------------
    def start(self, minimized: bool = False) -> None:
        """Show the window (or only the tray), then start the background work off the GUI thread."""
        if self.tray is not None:
            self.tray.show()
        if not minimized or self.tray is None:
            self.window.show()
        if self._tray_wait_left > 0:
            self._tray_wait.start()
        self.watcher.start()
        if self.consent is not None:
            self.consent.arm()
        self.refresh_verdict()
        self._verdict_timer.start()
        self.housekeeping.start()  # finishes interrupted quarantine work, prunes the journal, purges old items
        self.workers.submit("crash look-up", startup.announce_crashes, self.crash_source).done.connect(self.refresh_verdict)
        if self.beacon is not None:
            self.beacon.start()
        if self.protection is not None:
            self.protection.start()
        if self.drives is not None:
            self.drives.start()
        if self.poll_updates:
            job = self.workers.submit("update poller", startup.start_poller, self._poll_result, self._first_poll_delay)
            job.finished.connect(self._poller_started)

    def _poller_started(self, poller: Any) -> None:
        self.poller = poller
        if self.quitting:
            poller.stop(timeout=5.0)
        elif self._check_when_ready:
            poller.check_now()

    def quit(self) -> None:
        """Stop everything cleanly: page work, the poller, running scans and their engine, then Qt."""
        if self.quitting:
            return
        self.quitting = True
        log.info("console quitting")
        self.about_to_quit.emit()
        self.watcher.stop()
        self._verdict_timer.stop()
        self.housekeeping.stop()
        self._tray_wait.stop()
        if self.consent is not None:
            self.consent.stop()
        self.background_ask.stop()
        self.window.hide()
        if self.tray is not None:
            self.tray.hide()
        if self.poller is not None:
            self.poller.stop(timeout=5.0)
        if self.beacon is not None:
            self.beacon.stop()  # a daemon thread: it ends after at most one request, never holding up the quit
        if self.protection is not None:
            self.protection.stop()
        if self.drives is not None:
            self.drives.stop()
        self.workers.shutdown()
        self.qapp.quit()

    def _window_closed(self) -> None:
        if self.tray is None:
            self.quit()
            return
        self.window.hide()
        self.workers.submit("tray hint", startup.first_time_hidden).finished.connect(self._tray_hint)

    def _tray_hint(self, first_time: bool) -> None:
        if first_time and self.tray is not None:
            self.tray.notify(self.tr("Ringfence keeps running"),
                             self.tr("Ringfence keeps protecting your PC from the tray. To stop it, choose Quit in the "
                                     "tray menu."))

    # -- what pages and the tray ask for ------------------------------------------------------------
    def open_window(self) -> None:
        self.window.bring_to_front()

    def show_page(self, name: str) -> None:
        self.open_window()
        self.window.show_page(name)

    def page(self, name: str) -> QWidget | None:
        return self.window.pages.get(name)

    def scan_from_outside(self, paths: list[str]) -> None:
        """Scan what was chosen in the file manager, at once, on the Scan page (brought forward when the
        window is open; from the tray, the scan's notification tells when it is done)."""
        if self.window.isVisible():
            self.show_page("scan")
        page = self.page("scan")
        if page is not None:
            page.scan_paths(paths)  # type: ignore[attr-defined]

    def register_action(self, action_id: str, handler: Callable[[str], None]) -> None:
        """A feature's own fix action (for example ``realtime.resume``)."""
        self._actions[action_id] = handler

    def run_action(self, action_id: str) -> None:
        """Carry out a fix action id (from a verdict reason, a tray entry or a page)."""
        name, _, argument = action_id.partition(":")
        handler = self._actions.get(action_id) or self._actions.get(name)
        if handler is not None:
            handler(argument)
        elif self.window.dispatch_action(action_id):
            self.open_window()
        else:
            log.warning("no handler for the action %r", action_id)
            self.window.statusBar().showMessage(self.tr("This action is not available in this version."), 8000)

    def _register_actions(self) -> None:
        self.register_action("update.check", lambda _arg: self.check_updates())
        self.register_action("settings.open", lambda tab: self.open_settings(tab or None))
        self.register_action("settings.reload", lambda _arg: self.reload_settings())
        self.register_action("app.open", lambda _arg: self.open_window())
        self.register_action("app.quit", lambda _arg: self.quit())

    def check_updates(self) -> None:
        if self.poller is not None:
            self.poller.check_now()
        else:
            self._check_when_ready = True
        self.window.show_page("updates")
        self.open_window()

    def open_settings(self, tab: str | None = None) -> None:
        from app.ui.dialogs.settings import SettingsDialog

        self.open_window()
        dialog = SettingsDialog(self, tab)
        dialog.open()

    def save_settings(self, values: dict[str, Any]) -> Any:
        """Validate and save ``values`` on a worker; returns the job (``failed`` carries the message)."""
        job = self.workers.submit("save settings", startup.save_settings, values, urgent=True)
        job.finished.connect(self.adopt_settings)
        return job

    def reload_settings(self) -> None:
        """Settings a page saved itself ("Never scan this folder") become the console's."""
        self.workers.submit("load settings", startup.load_settings).finished.connect(self.adopt_settings)

    def adopt_settings(self, settings: Settings) -> None:
        """Settings just saved on a worker become the console's (language, protection, pages follow)."""
        self.settings = settings
        self.language.apply(settings["ui.language"])
        if self.protection is not None:
            self.protection.apply_settings()
        self.settings_changed.emit()
        self.refresh_verdict()

    # -- the verdict and the journal ----------------------------------------------------------------
    def refresh_verdict(self) -> None:
        if self._verdict_job is not None:
            self._verdict_again = True
            return
        self._verdict_again = False
        self._verdict_job = job = self.workers.submit("verdict", startup.compute_verdict)
        job.finished.connect(self._verdict_arrived)
        job.failed.connect(lambda message: log.warning("verdict not computed: %s", text(message)))
        job.done.connect(self._verdict_done)

    def _verdict_done(self) -> None:
        self._verdict_job = None
        if self._verdict_again and not self.quitting:
            self.refresh_verdict()

    def _verdict_arrived(self, verdict: Any) -> None:
        changed = verdict != self.verdict
        self.verdict = verdict
        self._update_tray()
        if changed:
            self.verdict_changed.emit(verdict)

    def _journal(self, found: list[Event]) -> None:
        scanning = self.scanning
        for event in found:
            if event.code == SCAN_START:
                scanning = True
            elif event.code in SCAN_END:
                scanning = False
        if scanning != self.scanning:
            self.scanning = scanning
            self.scanning_changed.emit(scanning)
        self.events.emit(found)
        self._update_tray()
        self.refresh_verdict()

    def _poll_result(self, _result: object) -> None:
        """From the poller's thread: a check ended (the journal carries what changed)."""
        QTimer.singleShot(0, self, self.refresh_verdict)

    def tray_state(self) -> str:
        if self.scanning:
            return "scanning"
        return str(getattr(self.verdict, "level", "attention")) if self.verdict is not None else "ok"

    def verdict_summary(self) -> str:
        reasons = getattr(self.verdict, "reasons", ())
        if self.scanning:
            return QCoreApplication.translate("ConsoleApp", "Scanning…")
        if reasons:
            return text(reasons[0].message)
        return QCoreApplication.translate("ConsoleApp", "Your PC is protected.")

    def _update_tray(self) -> None:
        if self.tray is not None:
            self.tray.set_state(self.tray_state(), self.verdict_summary())

    def _notify(self, title: str, body: str, critical: bool) -> None:
        log.info("notification: %s — %s", title, body)
        if self.tray is not None:
            self.tray.notify(title, body, critical)

    def retranslate(self) -> None:
        self._update_tray()
