"""USB drives in the console: the drive watcher runs with the other background services, and "ask" asks.

:class:`Drives` starts :class:`~app.core.drives.drive_service.DriveService` on the worker pool and stops it
at quit. When a drive is connected and the ``drives.on_connect`` setting is ``ask``, the journal event
``drives.connected`` comes here and becomes the question "USB drive KINGSTON (E:) connected — Scan now?":
a notification from the tray (clicking it starts the scan), or, without a tray, a small non-modal
question in the window. The action ``drives.scan:ROOT`` scans the drive at ROOT.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from app.core.context import Context
from app.core.text.messages import arg_from_json, translate
from app.ui.console import Console, owner
from app.ui.i18n import text

if TYPE_CHECKING:
    from app.core.drives.drive_service import DriveTable
    from app.core.journal.events import Event

log = logging.getLogger(__name__)


def start_drive_service(ctx: Context, table: DriveTable | None = None) -> Any:
    from app.core.drives.drive_service import DriveService

    service = DriveService(ctx, table)
    service.start()
    return service


def stop_drive_service(ctx: Context | None, service: Any) -> None:
    del ctx
    service.stop()


class Drives(QObject):
    def __init__(self, app: Console, table: Callable[[], DriveTable] | None = None) -> None:
        super().__init__(owner(app))
        self.app = app
        self.table = table  # makes the drive table (tests give a recorded mount table); None: this PC's
        self.service: Any = None
        self.pending = ""  # the root of the drive the latest question is about
        self.question: QMessageBox | None = None
        self.told: list[str] = []  # questions and answers shown, latest last (for the log and tests)
        app.events.connect(self.feed)
        app.register_action("drives.scan", self.scan)
        self.connect_tray(getattr(app, "tray", None))

    def start(self) -> None:
        table = self.table() if self.table is not None else None
        self.app.workers.submit("drive watcher", start_drive_service, table).finished.connect(self._started)

    def _started(self, service: Any) -> None:
        self.service = service
        if self.app.quitting:
            self.service = None
            self.app.workers.submit("stop drive watcher", stop_drive_service, service)

    def stop(self) -> None:
        """At quit (a drive scan that runs is cancelled; at most a few seconds)."""
        if self.question is not None:
            self.question.hide()
        service, self.service = self.service, None
        if service is not None:
            service.stop()

    def feed(self, found: list[Event]) -> None:
        for event in found:
            if event.code == "drives.connected" and event.args.get("decision") == "ask":
                self.ask(str(event.args.get("root") or ""), arg_from_json(event.args.get("label", "")),
                         str(event.args.get("place") or ""))

    def ask(self, root: str, label: Any, place: str) -> None:
        if not root:
            return
        self.pending = root
        #: %1: the drive's name (KINGSTON), %2: where it is (E: or its folder)
        question = text(translate("Drives", "USB drive %1 (%2) connected — Scan now?").arg(label, place))
        self.told.append(question)
        tray = getattr(self.app, "tray", None)
        if tray is not None:
            tray.notify(self.tr("USB drive connected"), question + " " + self.tr("Click here to scan it."),
                        tag=f"drives.scan:{root}")
            return
        if self.question is None:
            self.question = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.NoButton,
                                        self.app.window)
            self.question.setObjectName("drive-question")
            self.question.setModal(False)  # the console stays usable while the question waits
            self.scan_button = self.question.addButton("", QMessageBox.ButtonRole.AcceptRole)
            self.later_button = self.question.addButton("", QMessageBox.ButtonRole.RejectRole)
            self.question.buttonClicked.connect(self._answered)
        self.question.setWindowTitle(self.tr("USB drive connected"))
        self.question.setText(question)
        self.scan_button.setText(self.tr("Scan now"))
        self.later_button.setText(self.tr("Not now"))
        self.question.show()
        self.question.raise_()

    def _answered(self, button: Any) -> None:
        if button is self.scan_button:
            self.scan(self.pending)

    def connect_tray(self, tray: Any) -> None:
        """Clicking the question's notification scans the drive (the tray may appear after start-up)."""
        if tray is not None:
            tray.message_clicked.connect(self._clicked)

    def _clicked(self, tag: str) -> None:
        if tag.startswith("drives.scan:"):
            self.scan(tag.partition(":")[2])

    def scan(self, root: str) -> None:
        """Scan the drive at ``root`` (the action ``drives.scan:ROOT``); it runs on the drive watcher's thread."""
        self.pending = ""
        if self.service is None or not root:
            return
        if not self.service.scan_now(root):
            said = self.tr("That USB drive is no longer connected.")
        else:
            said = self.tr("Scanning the USB drive; History shows what it finds.")
        self.told.append(said)
        self.app.window.statusBar().showMessage(said, 10_000)
