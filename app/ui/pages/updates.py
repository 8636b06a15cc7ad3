"""Updates: the definitions in use, the update state in plain words, progress, history with reasons,
what changed, and the user's controls (ring, pause, roll back, check now)."""

from __future__ import annotations

import time
from typing import Any, ClassVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from app.core.context import Context
from app.core.detections.sources import AboutDefinitions, about_definitions
from app.core.text.messages import translate
from app.core.updates.update_history import HistoryEntry
from app.core.updates.update_status import EVENT_TEXT
from app.ui.dialogs.about_definitions import AboutDefinitionsDialog
from app.ui.formatting import NONE, core_label, reason, size, when
from app.ui.i18n import text
from app.ui.labels import RINGS, ring_name
from app.ui.models.rows import Column, RowsModel, sorted_filtered
from app.ui.pages import updates_calls as calls
from app.ui.pages.base import ConsoleLike, Page
from app.ui.pages.updates_badge import describe
from app.ui.pages.updates_changes import ChangesView
from app.ui.plain_text import plain_label
from app.ui.widgets.ask import ask
from app.ui.widgets.state_badge import StateBadge
from app.ui.widgets.table import fit_rows, table_view

STALE_OPERATION_S = 900


class UpdatesPage(Page):
    name = "updates"
    icon = "page-updates"
    kinds: ClassVar[tuple[str, ...]] = ("updates",)

    def __init__(self, app: ConsoleLike) -> None:
        super().__init__(app)
        self.view: calls.UpdatesView | None = None
        self.about_dialog: AboutDefinitionsDialog | None = None
        self.question: QMessageBox | None = None
        self.checking = False
        self.countdown = QTimer(self, interval=60_000)
        self.countdown.timeout.connect(self._show_badge)
        self.countdown.start()
        self.watch = QTimer(self, interval=1000)  # follows a download or validation another process runs
        self.watch.timeout.connect(self.refresh)
        self.start()

    def build(self) -> None:
        layout = QVBoxLayout(self.body)
        layout.addWidget(QLabel(self.tr("<h2>Updates</h2>"), self.body))
        self.badge = StateBadge(self.body)
        layout.addWidget(self.badge)
        self.progress = QProgressBar(self.body)
        self.progress.setAccessibleName(self.tr("Update progress"))
        self.progress.hide()
        layout.addWidget(self.progress)
        layout.addLayout(self._controls())
        facts = QGroupBox(self.tr("Definitions"), self.body)
        form = QFormLayout(facts)
        self.facts: dict[str, QLabel] = {}
        for key, label in (("version", self.tr("Version in use")), ("age", self.tr("Built")),
                           ("ring", self.tr("Update ring")), ("automatic", self.tr("Automatic updates")),
                           ("verification", self.tr("Verification")),
                           ("checked", self.tr("Last check")), ("latest", self.tr("Newest on the channel"))):
            value = plain_label(QLabel(facts))
            value.setWordWrap(True)
            value.setAccessibleName(label)
            form.addRow(label, value)
            self.facts[key] = value
        self.about_button = QPushButton(self.tr("About the &definitions…"), facts)
        self.about_button.clicked.connect(self.show_about)
        form.addRow(self.about_button)
        self.changes = ChangesView(self.body)
        side_by_side = QHBoxLayout()  # what is in use beside what changed: both as tall as their contents
        side_by_side.addWidget(facts, 2)
        side_by_side.addWidget(self.changes, 3)
        layout.addLayout(side_by_side)
        history = QGroupBox(self.tr("History"), self.body)
        history_layout = QVBoxLayout(history)
        self.history: RowsModel[HistoryEntry] = RowsModel([
            Column(self.tr("Time"), lambda h: when(h.time), sort=lambda h: h.time),
            Column(self.tr("Version"), lambda h: h.version or self.tr("built-in"),
                   sort=lambda h: int(h.version) if h.version and h.version.isdigit() else -1),
            Column(self.tr("What happened"), lambda h: core_label("UpdateState", EVENT_TEXT.get(h.event, h.event))),
            Column(self.tr("Why"), lambda h: reason(h.reason)),
        ], stands_out=lambda h: h.event in ("reverted", "revoked", "rejected", "refused", "halted"), parent=self)
        self.history_table = table_view(sorted_filtered(self.history, self), self.tr("Update history"), history)
        fit_rows(self.history_table, minimum=3, maximum=12)  # no empty box under a short history
        history_layout.addWidget(self.history_table)
        layout.addWidget(history)
        layout.addStretch(1)

    @property
    def title(self) -> str:
        return self.tr("Updates")

    def _controls(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.check_button = QPushButton(self.tr("&Check now"), self.body)
        self.check_button.clicked.connect(self.check_now)
        self.rollback_button = QPushButton(self.tr("&Roll back"), self.body)
        self.rollback_button.clicked.connect(self._confirm_rollback)
        self.pause_button = QPushButton(self.tr("&Pause updates"), self.body)
        menu = QMenu(self.pause_button)
        menu.addAction(self.tr("For 24 hours"), lambda: self._pause(24))
        menu.addAction(self.tr("For 72 hours"), lambda: self._pause(72))
        self.pause_button.setMenu(menu)
        self.resume_button = QPushButton(self.tr("R&esume updates"), self.body)
        self.resume_button.clicked.connect(lambda: self.call("updates.resume", calls.resume, done=self._changed))
        self.install_button = QPushButton(self.tr("&Install anyway"), self.body)
        self.install_button.setToolTip(self.tr("Install the newest definitions for this PC now, although updates "
                                               "are paused or pinned."))
        self.install_button.clicked.connect(self._confirm_install)
        self.install_button.hide()
        ring_label = QLabel(self.tr("R&ing:"), self.body)
        self.ring = QComboBox(self.body)
        self.ring.setAccessibleName(self.tr("Update ring"))
        self.ring.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        ring_label.setBuddy(self.ring)
        for key in RINGS:
            self.ring.addItem(ring_name(key), key)
        self.ring.activated.connect(self._ring_chosen)
        for widget in (self.check_button, self.install_button, self.rollback_button, self.pause_button,
                       self.resume_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(ring_label)
        row.addWidget(self.ring)
        return row

    # -- data ---------------------------------------------------------------------------------------

    @staticmethod
    def load(ctx: Context, *args: Any) -> calls.UpdatesView:
        return calls.load(ctx)

    def show_data(self, data: calls.UpdatesView) -> None:
        self.view = data
        st = data.status
        self._show_badge()
        op = st.progress or {}
        busy = bool(op) and time.time() - float(op.get("since") or 0) < STALE_OPERATION_S  # else: left by a dead process
        if busy and not self.checking:
            self._show_progress(st.progress or {})
        elif not self.checking:
            self.progress.hide()
        if busy != self.watch.isActive():
            self.watch.start() if busy else self.watch.stop()
        self.facts["version"].setText(str(st.current_version) if st.current_version is not None
                                      else self.tr("Built-in definitions"))
        self.facts["age"].setText(when(data.created))
        self.facts["ring"].setText(ring_name(st.ring))
        self.facts["automatic"].setText(
            text(translate("UpdatesPage", "Paused until %1").arg(when(st.paused_until))) if st.paused_until
            else self.tr("Only when you choose Check now") if st.ring == "pinned" else self.tr("On"))
        self.facts["verification"].setText(self._verification(st))
        self.facts["checked"].setText(when(st.last_check))
        self.facts["latest"].setText(NONE if st.latest_available is None else str(st.latest_available))
        self.ring.setCurrentIndex(max(0, self.ring.findData(st.ring)))
        self.rollback_button.setEnabled(st.current_version is not None and not self.checking)
        self.check_button.setEnabled(st.channel_configured and not self.checking)
        self.install_button.setVisible(st.channel_configured and data.held_back is not None)
        self.install_button.setEnabled(not self.checking)
        self.pause_button.setVisible(st.paused_until is None)
        self.resume_button.setVisible(st.paused_until is not None)
        self.changes.show_changes(data.changes)
        self.history.set_rows(st.history)

    def show_about(self) -> None:
        """The rule sets the definitions in use were built from, their licences and counts (read on a worker)."""
        self.call("updates.about", about_definitions, done=self._about_loaded)

    def _about_loaded(self, about: AboutDefinitions) -> None:
        self.about_dialog = AboutDefinitionsDialog(about, self)
        self.about_dialog.open()

    def _verification(self, st: Any) -> str:
        if not st.channel_configured:
            return self.tr("No update channel is set up.")
        if st.last_error:
            return text(translate("UpdatesPage", "The last check failed: %1").arg(reason(st.last_error)))
        if st.last_success:
            return text(translate("UpdatesPage", "Signed and verified on %1").arg(when(st.last_success)))
        return self.tr("Not checked yet")

    def _show_badge(self) -> None:
        if self.view is not None:
            tone, heading, detail = describe(self.view.status, time.time())
            self.badge.set_state(tone, heading, detail)

    def _show_progress(self, op: dict[str, Any]) -> None:
        self.progress.show()
        total, done = int(op.get("total") or 0), int(op.get("done") or 0)
        if op.get("phase") == "downloading" and total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
            self.progress.setFormat(text(translate("UpdatesPage", "Downloading: %1 of %2").arg(size(done), size(total))))
        else:
            self.progress.setRange(0, 0)  # validating: no measure, a busy bar
            self.progress.setFormat(self.tr("Checking the new definitions…"))

    # -- actions ------------------------------------------------------------------------------------

    def check_now(self) -> None:
        self._run("updates.check", calls.check)

    def _run(self, name: str, fn: Any) -> None:
        """Check (or install anyway) on a worker, with the download and validation progress."""
        self.checking = True
        for button in (self.check_button, self.rollback_button, self.install_button):
            button.setEnabled(False)
        self._show_progress({"phase": "validating"})
        self.progress.setFormat(self.tr("Checking for updates…"))
        job = self.call(name, fn, progress=True, done=self._checked)
        job.progress.connect(lambda value: self._show_progress({"phase": value[0], "done": value[1], "total": value[2]}))
        job.done.connect(self._check_done)

    def _checked(self, result: Any) -> None:
        if result.outcome in ("offline", "refused", "rejected"):
            self.show_failure(result.msg)
        else:
            self.say(reason(result.msg))

    def _check_done(self) -> None:
        self.checking = False
        self.progress.hide()
        self.refresh()

    def _confirm_install(self) -> None:
        held_back = self.view.held_back if self.view is not None else None
        question = {
            "paused": self.tr("Updates are paused. Install the newest definitions for this PC now anyway?"),
            "pinned": self.tr("Your definitions are pinned. Install the newest definitions for this PC now anyway?"),
        }.get(held_back or "", self.tr("Automatic updates stopped after Ringfence went back to its built-in "
                                       "definitions. Install the newest definitions for this PC now anyway?"))
        detail = self.tr("Ringfence checks their signature, validates and self-tests them before it uses them, as "
                         "always. Your choice for automatic updates stays as it is.")
        latest = self.view.status.latest_available if self.view is not None else None
        current = self.view.status.current_version if self.view is not None else None
        if latest is not None and latest > (current or 0):
            detail = text(translate("UpdatesPage", "Version %1 is available.").arg(latest)) + " " + detail
        choices = [(self.tr("Install anyway"), "yes", QMessageBox.ButtonRole.AcceptRole),
                   (self.tr("Cancel"), "no", QMessageBox.ButtonRole.RejectRole)]
        self.question = ask(self, self.tr("Install anyway"), question, choices, self._install_answered, detail=detail)

    def _install_answered(self, answer: str | None) -> None:
        self.question = None
        if answer == "yes" and not self.checking:
            self._run("updates.install", calls.install_anyway)

    def _confirm_rollback(self) -> None:
        question = self.tr("Go back to the previous definitions? Ringfence will not install this version again "
                           "automatically.")
        choices = [(self.tr("Roll back"), "yes", QMessageBox.ButtonRole.DestructiveRole),
                   (self.tr("Cancel"), "no", QMessageBox.ButtonRole.RejectRole)]
        self.question = ask(self, self.tr("Roll back"), question, choices, self._rollback_answered)

    def _rollback_answered(self, answer: str | None) -> None:
        self.question = None
        if answer == "yes":
            self.call("updates.rollback", calls.rollback, done=self._changed)

    def _pause(self, hours: int) -> None:
        self.call("updates.pause", calls.pause, float(hours), done=self._changed)

    def _ring_chosen(self, index: int) -> None:
        self.call("updates.ring", calls.set_ring, self.ring.itemData(index), done=self._changed)

    def _changed(self, _result: object = None) -> None:
        self.refresh()
