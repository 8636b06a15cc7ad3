"""Recovery: the black crash card for each crash not yet dismissed, the crash history with its evidence,
and the state of Windows' recovery features (WinRE, Quick Machine Recovery) — or the Linux evidence."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from app.core.context import Context
from app.core.recovery.crash_history import CrashHistory, DriverCount
from app.core.recovery.explain import kind_title
from app.core.recovery.model import CrashReport, RecoveryState, hex_code
from app.core.text.messages import Moment, translate
from app.ui.formatting import NONE, reason, when
from app.ui.i18n import text
from app.ui.models.rows import Column, RowsModel, sorted_filtered
from app.ui.pages import recovery_calls as calls
from app.ui.pages.base import ConsoleLike, Page
from app.ui.pages.recovery_text import card_text, minutes, recovery_message, yes_no
from app.ui.plain_text import plain_label
from app.ui.widgets.crash_card import CrashCard
from app.ui.widgets.fitting_browser import FittingBrowser
from app.ui.widgets.table import fit_rows, table_view


class RecoveryPage(Page):
    name = "recovery"
    icon = "page-recovery"
    kinds: ClassVar[tuple[str, ...]] = ("crash",)

    def __init__(self, app: ConsoleLike, source: Path | None = None) -> None:
        super().__init__(app)
        # a folder of crash evidence copied from a PC instead of this one (the application's choice)
        self.source = source if source is not None else getattr(app, "crash_source", None)
        self.view: calls.RecoveryView | None = None
        self.start()

    def build(self) -> None:
        layout = QVBoxLayout(self.body)
        layout.addWidget(QLabel(self.tr("<h2>Crashes and recovery</h2>"), self.body))
        top = QHBoxLayout()
        self.conclusion = plain_label(QLabel(self.body))
        self.conclusion.setWordWrap(True)
        font = self.conclusion.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.conclusion.setFont(font)
        self.conclusion.setAccessibleName(self.tr("Conclusion"))
        top.addWidget(self.conclusion, 1)
        self.export_button = QPushButton(self.tr("Export crash history…"), self.body)
        self.export_button.setToolTip(self.tr("Save the crash history as a text or HTML file to send to support; "
                                              "personal details and Wi-Fi passwords are left out."))
        self.export_button.clicked.connect(self.choose_export)
        self.export_button.setEnabled(False)
        top.addWidget(self.export_button)
        layout.addLayout(top)
        self.card = CrashCard(self.body)
        self.card.hide()
        self.card.dismissed.connect(self._dismiss)
        layout.addWidget(self.card)
        self.summary = plain_label(QLabel(self.body))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        history = QGroupBox(self.tr("Unexpected restarts"), self.body)
        history_layout = QVBoxLayout(history)
        self.crashes: RowsModel[CrashReport] = RowsModel([
            Column(self.tr("When"), lambda c: when(c.time.timestamp()) if c.time else NONE,
                   sort=lambda c: c.time.timestamp() if c.time else 0.0),
            Column(self.tr("What happened"), lambda c: text(kind_title(c.kind))),
            Column(self.tr("Stop code"), lambda c: " ".join(filter(None, (c.bugcheck_name, hex_code(c.bugcheck_code))))
                   or NONE),
            Column(self.tr("Probable cause"), lambda c: c.probable_module or NONE),
        ], parent=self)
        self.table = table_view(sorted_filtered(self.crashes, self), self.tr("Unexpected restarts"), history)
        fit_rows(self.table, minimum=2, maximum=6)
        self.table.selectionModel().selectionChanged.connect(self._show_evidence)
        history_layout.addWidget(self.table)
        self.evidence = FittingBrowser(history)
        self.evidence.setAccessibleName(self.tr("Evidence for the selected restart"))
        history_layout.addWidget(self.evidence)
        layout.addWidget(history)
        self.drivers_box = QGroupBox(self.tr("Probable drivers"), self.body)
        self.drivers_layout = QVBoxLayout(self.drivers_box)
        self.drivers_box.hide()
        layout.addWidget(self.drivers_box)
        self.state_box = QGroupBox(self.tr("Windows recovery features"), self.body)
        self.state_form = QFormLayout(self.state_box)
        layout.addWidget(self.state_box)
        self.notes = plain_label(QLabel(self.body))
        self.notes.setWordWrap(True)
        layout.addWidget(self.notes)
        layout.addStretch(1)

    @property
    def title(self) -> str:
        return self.tr("Recovery")

    def handle_action(self, action_id: str) -> bool:
        """``recovery.open``: the window shows this page, freshly read."""
        if action_id != "recovery.open":
            return False
        self.refresh()
        return True

    def set_source(self, source: Path | None) -> None:
        self.source = source
        self.refresh()

    def load_args(self) -> tuple[Any, ...]:
        return (self.source,)

    @staticmethod
    def load(ctx: Context, *args: Any) -> calls.RecoveryView:
        return calls.load(ctx, args[0])

    def show_data(self, data: calls.RecoveryView) -> None:
        self.view = data
        if data.pending:
            self.card.show_crash(card_text(data.pending[0].report, 1, len(data.pending)))
        else:
            self.card.hide()
        found = data.found
        crashes = found.crashes if found else []
        self.crashes.set_rows(crashes)
        found_text = translate("RecoveryPage", "%n unexpected restart(s) found.", None, 0).plural(len(crashes))
        self.summary.setText(text(found_text) if crashes else self.tr("No unexpected restarts were found."))
        if crashes:
            self.table.selectRow(0)
        else:
            self.evidence.clear()
        self._show_state(found.recovery if found else None)
        self._show_history(data.history)
        notes = [reason(p) for p in data.problems] + [recovery_message(n) for n in (found.notes if found else [])]
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

    def _show_history(self, history: CrashHistory | None) -> None:
        self.conclusion.setText(text(history.conclusion) if history else "")
        self.conclusion.setVisible(history is not None)
        self.export_button.setEnabled(history is not None)
        while self.drivers_layout.count():
            item = self.drivers_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        drivers = history.drivers if history else []
        for driver in drivers:
            label = plain_label(QLabel(self._driver_text(driver), self.drivers_box))
            label.setWordWrap(True)
            self.drivers_layout.addWidget(label)
        self.drivers_box.setVisible(bool(drivers))

    def _driver_text(self, driver: DriverCount) -> str:
        """"csagent.sys was named in 4 of the last 5 crashes." and, when the file is on this PC, whose it is."""
        summary = text(driver.summary)
        info = driver.version
        if info is None:
            return summary
        details = text(translate("RecoveryPage", "On this PC: %1 from %2, file version %3, dated %4 (%5).").arg(
            info.description or info.product or driver.module, info.company or self.tr("an unknown company"),
            info.file_version or NONE, Moment(info.date.timestamp(), "date") if info.date else NONE, info.path))
        return f"{summary}\n{details}"

    def choose_export(self) -> None:
        """Ask where to save the crash history (HTML or text; the documents folder is proposed)."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        dialog = QFileDialog(self, self.tr("Export crash history"), str(Path(folder) / "ringfence-crash-history.html"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("Web page (*.html)"), self.tr("Text (*.txt)")])
        dialog.setDefaultSuffix("html")
        dialog.fileSelected.connect(self.export_to)
        dialog.open()

    def export_to(self, target: str) -> None:
        """Write the crash history to ``target`` on a worker; the page says where it went."""
        if self.view is None or self.view.history is None:
            return
        self.call("recovery.export", calls.export, self.view.history, target, text, self.source,
                  self.tr("en", "the language code of an exported HTML page"), done=self._exported)

    def _exported(self, path: str) -> None:
        self.say(self.tr("The crash history was saved to %1. Personal details and Wi-Fi passwords were left out.")
                 .replace("%1", path))

    def _show_state(self, state: RecoveryState | None) -> None:
        while self.state_form.rowCount():
            self.state_form.removeRow(0)
        if state is None or state.platform != "windows":
            self.state_box.setTitle(self.tr("Recovery features"))
            explanation = QLabel(self.tr("Windows Recovery Environment and Quick Machine Recovery are Windows "
                                         "features; on this system the evidence above comes from the kernel's "
                                         "logs."), self.state_box)
            explanation.setWordWrap(True)
            self.state_form.addRow(explanation)
            return
        self.state_box.setTitle(self.tr("Windows recovery features"))
        rows = [
            (self.tr("Windows Recovery Environment"), yes_no(state.winre_enabled)),
            (self.tr("WinRE version"), state.winre_version or NONE),
            (self.tr("Quick Machine Recovery (cloud remediation)"), yes_no(state.qmr_cloud_remediation)),
            (self.tr("Automatic remediation"), yes_no(state.qmr_auto_remediation)),
            (self.tr("Keeps trying for"), minutes(state.qmr_total_wait_minutes)),
            (self.tr("Tries again every"), minutes(state.qmr_retry_interval_minutes)),
        ]
        for label, value in rows:
            field = plain_label(QLabel(value, self.state_box))
            field.setAccessibleName(label)
            self.state_form.addRow(label, field)
        for boot in state.recovery_boots:
            detail = plain_label(QLabel(recovery_message(boot.message), self.state_box))
            detail.setWordWrap(True)
            self.state_form.addRow(when(boot.time.timestamp()) if boot.time else NONE, detail)

    def _show_evidence(self, *_args: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        proxy = self.table.model()
        crash = self.crashes.rows[proxy.mapToSource(rows[0]).row()]  # type: ignore[attr-defined]
        history = self.view.history if self.view else None
        entry = next((e for e in history.entries if e.report is crash), None) if history else None
        lines = [f"<b>{escape(text(entry.definitions))}</b>"] if entry is not None else []
        lines += [f"<b>{escape(text(item.source))}</b> ({when(item.time.timestamp()) if item.time else NONE}): "
                  f"{escape(recovery_message(item.message))}" for item in crash.evidence]
        if crash.dump_path:
            lines.append(escape(text(translate("RecoveryPage", "Crash dump: %1").arg(crash.dump_path))))
        self.evidence.setHtml("<br>".join(lines))

    def _dismiss(self) -> None:
        if self.view and self.view.pending:
            self.call("recovery.dismiss", calls.dismiss, self.view.pending[0].id, done=lambda _ok: self.refresh())
