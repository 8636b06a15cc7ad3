"""Scan: quick, full or chosen files and folders (pickers or drag and drop); live progress; threats listed
the moment they are found, each with quarantine / allow / show in folder; pause, resume, cancel; a summary.

The scan runs as one core :class:`~app.core.scanning.job.ScanJob` on a worker; its events come back as
progress signals. A scan started elsewhere (the command line, a schedule) is shown while it runs.
"""

from __future__ import annotations

import os
from dataclasses import asdict, replace
from typing import Any, ClassVar

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from app.core.context import Context
from app.core.detections import fp_report
from app.core.foundation.errors import RingfenceError
from app.core.journal.provenance import provenance
from app.core.scanning.job import Found, JobProgress, ScanJob, ScanRequest, ScanSummary
from app.ui.dialogs.false_positive import FalsePositiveDialog
from app.ui.dialogs.threat_choice import Pending, ThreatChoiceDialog
from app.ui.i18n import plural
from app.ui.pages import scan_calls as calls
from app.ui.pages.base import ConsoleLike, Page
from app.ui.pages.scan_results import ResultsView, summary_text
from app.ui.plain_text import plain_label
from app.ui.widgets.scan_progress import ScanProgressView

ACTIONS = ("quarantine", "report", "ask")


class ScanPage(Page):
    name = "scan"
    icon = "page-scan"
    kinds: ClassVar[tuple[str, ...]] = ("scan",)

    def __init__(self, app: ConsoleLike) -> None:
        super().__init__(app)
        self.running = False  # a scan started on this page is running
        self.job: ScanJob | None = None  # its core job, once the worker has made it
        self.progress: JobProgress | None = None
        self.found: list[Found] = []
        self.problems: list[Any] = []
        self.summary: ScanSummary | None = None
        self.scan_id = 0
        self.done: dict[tuple[str, str], str] = {}  # what the user did after the scan, by (path, rule)
        self.items: dict[tuple[str, str], str] = {}  # the vault items of what the user quarantined then
        self.asking: ThreatChoiceDialog | None = None  # the question for the action "ask", once needed
        self.queued: list[str] = []  # chosen in the file manager while a scan ran: scanned next
        self.setAcceptDrops(True)
        self.watch = QTimer(self, interval=1000)  # follows a scan another process runs
        self.watch.timeout.connect(self.refresh)
        self.start()

    @property
    def title(self) -> str:
        return self.tr("Scan")

    def build(self) -> None:
        layout = QVBoxLayout(self.body)
        layout.addWidget(QLabel(self.tr("<h2>Scan</h2>"), self.body))
        choices = QGridLayout()  # each kind of scan with what it covers beside it
        self.quick = QPushButton(self.tr("&Quick scan"), self.body)
        self.full = QPushButton(self.tr("&Full scan"), self.body)
        self.folder = QPushButton(self.tr("Scan a f&older…"), self.body)
        self.files = QPushButton(self.tr("Scan f&iles…"), self.body)
        self.never = QPushButton(self.tr("Never scan a fol&der…"), self.body)
        never_text = self.tr("Scans and real-time protection leave it alone. Settings, Exclusions lists "
                             "everything that is never scanned, and why.")
        quick_text = self.tr("The places where threats usually arrive: downloads, the desktop, "
                             "temporary and start-up folders, running programs.")
        full_text = self.tr("Every file on every drive. This can take a long time.")
        self.quick.setToolTip(quick_text)
        self.full.setToolTip(full_text)
        self.quick.clicked.connect(lambda: self.start_scan("quick"))
        self.full.clicked.connect(lambda: self.start_scan("full"))
        self.folder.clicked.connect(self._pick_folder)
        self.files.clicked.connect(self._pick_files)
        self.never.clicked.connect(self._pick_never)
        hint = QLabel(self.tr("You can also drop files and folders here to scan them."), self.body)
        for row, (button, about) in enumerate(((self.quick, quick_text), (self.full, full_text),
                                               (self.folder, None), (self.files, None), (self.never, never_text))):
            choices.addWidget(button, row, 0)
            if about is not None:
                described = QLabel(about, self.body)
                described.setWordWrap(True)
                choices.addWidget(described, row, 1)
        choices.addWidget(hint, 2, 1, 2, 1)
        choices.setColumnStretch(1, 1)
        layout.addLayout(choices)
        layout.addSpacing(layout.spacing())
        action_row = QHBoxLayout()
        label = QLabel(self.tr("When a &threat is found:"), self.body)
        self.action = QComboBox(self.body)
        label.setBuddy(self.action)
        self.action.setAccessibleName(self.tr("When a threat is found"))
        for key, text_ in zip(ACTIONS, (self.tr("Move it to the quarantine"), self.tr("Only report it"),
                                        self.tr("Ask me")), strict=True):
            self.action.addItem(text_, key)
        settings = getattr(self.app, "settings", None)
        chosen = settings["scan.action"] if settings is not None else "quarantine"
        self.action.setCurrentIndex(max(0, self.action.findData(chosen)))
        action_row.addWidget(label)
        action_row.addWidget(self.action)
        action_row.addStretch(1)
        layout.addLayout(action_row)
        hint.setWordWrap(True)
        self.progress_view = ScanProgressView(self.body)
        self.progress_view.pause_clicked.connect(self.pause)
        self.progress_view.resume_clicked.connect(self.resume)
        self.progress_view.cancel_clicked.connect(self.cancel)
        self.progress_view.hide()
        layout.addWidget(self.progress_view)
        self.outcome = plain_label(QLabel(self.body))
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        layout.addWidget(self.outcome)
        self.results = ResultsView(self, self.body)
        layout.addWidget(self.results)
        layout.addStretch(1)  # the page from the top, whatever is shown
        self.paint_state()

    # -- what is shown ------------------------------------------------------------------------------

    def paint_state(self) -> None:
        """Everything from the page's state (also after a rebuild in another language)."""
        busy = self.running
        for button in (self.quick, self.full, self.folder, self.files, self.never, self.action):
            button.setEnabled(not busy)
        if self.progress is not None:
            self.progress_view.show_progress(self.progress, controllable=busy)
            self.progress_view.show()
        self.results.show_found(self.found, self.problems)
        self.results.setVisible(busy or self.summary is not None or bool(self.found))  # no empty list before a scan
        if self.summary is not None:
            self.outcome.setText(summary_text(self.summary))
            self.outcome.show()

    @staticmethod
    def load(ctx: Context, *args: Any) -> JobProgress | None:
        return calls.elsewhere(ctx)

    def show_data(self, data: JobProgress | None) -> None:
        if self.running:
            return  # our own scan holds the lock; its events say more
        if data is not None and data.pid != os.getpid():
            self.progress = data
            self.progress_view.show_progress(data, controllable=False)
            self.progress_view.show()
            self.watch.start()
        else:
            self.watch.stop()
            if self.progress is not None and self.progress.pid != os.getpid():
                self.progress_view.hide()
                self.progress = None

    # -- running a scan -----------------------------------------------------------------------------

    def handle_action(self, action_id: str) -> bool:
        kind = {"scan.quick": "quick", "scan.full": "full"}.get(action_id)
        if kind is None:
            return False
        if not self.running:
            self.start_scan(kind)
        return True

    def scan_paths(self, paths: list[str]) -> None:
        """A custom scan of ``paths`` now, or right after the scan that runs."""
        if not self.running:
            self.start_scan("custom", paths)
            return
        self.queued += [p for p in paths if p not in self.queued]
        self.say(plural(self.tr("%n item(s) will be scanned when this scan is done.", "", len(self.queued)),
                        len(self.queued)))

    def start_scan(self, kind: str, paths: list[str] | None = None) -> None:
        if self.running:
            return
        request = ScanRequest(kind=kind, paths=tuple(paths or ()), action=self.action.currentData())
        self.found, self.problems, self.summary, self.scan_id, self.done, self.items = [], [], None, 0, {}, {}
        self.progress = JobProgress(state="starting", kind=kind)
        self.notice.hide()
        self.outcome.hide()
        job = self.call(f"scan.{kind}", calls.run, request, progress=True, done=self._finished)
        job.progress.connect(self._event)
        job.done.connect(self._ended)
        self.running, self.job = True, None
        self.paint_state()

    def _event(self, event: object) -> None:
        if isinstance(event, ScanJob):
            self.job = event
        elif isinstance(event, JobProgress):
            self.progress = event
            self.scan_id = event.scan_id or self.scan_id
            self.progress_view.show_progress(event)
            self.progress_view.show()
        elif isinstance(event, Found):
            self.found.append(event)
            self.results.show_found(self.found, self.problems)
            if event.action == "ask":
                self.ask(event)
        elif hasattr(event, "message") and hasattr(event, "path"):
            self.problems.append(event)
            self.results.show_found(self.found, self.problems)

    def _finished(self, summary: ScanSummary) -> None:
        self.summary = summary
        self.scan_id = summary.scan_id
        self.found = list(summary.found)
        self.problems = [*summary.problems, *summary.not_checked]

    def _ended(self) -> None:
        self.running, self.job = False, None
        if self.summary is None:  # refused or failed before it ran: show what runs elsewhere, if anything
            self.progress = None
            self.progress_view.hide()
            self.refresh()
        self.paint_state()
        if self.queued:
            queued, self.queued = self.queued, []
            self.start_scan("custom", queued)

    def pause(self) -> None:
        if self.job is not None:
            self.job.pause()
            self._event(self.job.progress)

    def resume(self) -> None:
        if self.job is not None:
            self.job.resume()
            self._event(self.job.progress)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self._event(self.job.progress)

    # -- choosing what to scan ----------------------------------------------------------------------

    def _pick_folder(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a folder to scan"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.fileSelected.connect(lambda folder: self.start_scan("custom", [folder]))
        dialog.open()

    def _pick_files(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose files to scan"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(lambda files: self.start_scan("custom", list(files)))
        dialog.open()

    def _pick_never(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a folder never to scan"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.fileSelected.connect(self.never_scan)
        dialog.open()

    def never_scan(self, folder: str, found: Found | None = None) -> None:
        """Add ``folder`` to what is never scanned (from the detection ``found``, if given); saved at once,
        and real-time protection follows."""
        self.call("scan.never", calls.never_scan, folder, found, done=self._excluded)

    def _excluded(self, folder: str) -> None:
        self.app.run_action("settings.reload")  # the console takes the saved settings: protection follows
        self.say(self.tr("%1 will never be scanned. Settings, Exclusions lists everything that is never scanned, "
                         "and why.").replace("%1", folder))

    def ask_never_scan(self, found: Found) -> QMessageBox:
        """From a detection: say what excluding its folder means (the threat stays where it is), then do it."""
        folder = os.path.dirname(found.file)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Never scan this folder?"),
                          self.tr("Ringfence will no longer check any file in %1, in scans and in real-time "
                                  "protection, including %2, where it found %3. What was done about that file "
                                  "stays as it is. You can take the folder off the list in Settings, Exclusions.")
                          .replace("%1", folder).replace("%2", found.path).replace("%3", found.rule),
                          QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("neverScanQuestion")
        yes = box.addButton(self.tr("Never scan it"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda button: self.never_scan(folder, found) if button is yes else None)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self.running and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and not self.running:
            event.acceptProposedAction()
            self.start_scan("custom", paths)

    # -- acting on a detection ----------------------------------------------------------------------

    def act(self, what: str, found: Found) -> None:
        key = (found.path, found.rule)
        if self.done.get(key) == "quarantined" and key in self.items:
            found = replace(found, item_id=self.items[key])  # quarantined after the scan, from this list
        if what == "folder":
            QDesktopServices.openUrl(QUrl.fromLocalFile(os.path.dirname(found.file)))
        elif what == "quarantine":
            self.call("scan.quarantine", calls.quarantine, found, self.scan_id, done=self._handled)
        elif what == "allow":
            self.call("scan.allow", calls.allow, found, done=self._handled)
        elif what == "report":
            self.report_false_positive(found)
        elif what == "exclude":
            self.ask_never_scan(found)

    def report_false_positive(self, found: Found) -> FalsePositiveDialog | None:
        """The report about ``found`` (shown before anything is saved) and the offer to allow the file."""
        try:
            report = fp_report.from_detection({**found.detection, **asdict(found)})
        except RingfenceError as exc:
            self.show_failure(exc.msg)
            return None
        if self.done.get((found.path, found.rule), found.action) == "quarantined":
            dialog = FalsePositiveDialog(report, self.app.workers, self)  # "Allow this file" in the list restores it
        else:
            dialog = FalsePositiveDialog(report, self.app.workers, self, allow_name=os.path.basename(found.file))
            dialog.allowed.connect(lambda: self.results.handled(calls.Handled(found, "allowed")))
        dialog.open()
        return dialog

    def ask(self, found: Found) -> None:
        """The action "ask": the threat joins the (non-blocking) question; the scan goes on meanwhile."""
        if self.asking is None:
            self.asking = ThreatChoiceDialog(self)
            self.asking.chosen.connect(self._answered)
        self.asking.add(Pending(found.file, found.file, found.rule, ((self.scan_id, found),), provenance(found)))

    def _answered(self, choice: str, chosen: list[Pending]) -> None:
        for pending in chosen:  # each with the scan that found it (another may have started since)
            scan_id = pending.records[0][0]
            self.call(f"scan.{choice}", calls.decide, choice, [found for _scan, found in pending.records], scan_id,
                      done=self._decided)

    def _decided(self, handled: list[calls.Handled]) -> None:
        for each in handled:
            self._handled(each)

    def _handled(self, handled: calls.Handled) -> None:
        if self.asking is not None:  # answered from the list instead: no longer a question
            self.asking.discard(handled.found.file)
        if handled.item_id:
            self.items[(handled.found.path, handled.found.rule)] = handled.item_id
        self.results.handled(handled)
        if handled.error:
            self.show_failure(handled.error)
