"""The Scan page's results: each threat the moment it is found (with what was done about it and the
user's quarantine / allow / show in folder), the files that could not be checked, and the summary."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QListWidget, QPushButton, QVBoxLayout, QWidget

from app.core.scanning.job import Found, ScanSummary
from app.core.text.messages import translate
from app.core.text.names import shown
from app.ui.formatting import duration, reason
from app.ui.i18n import text
from app.ui.models.rows import Column, RowsModel, sorted_filtered
from app.ui.widgets.detection_details import DetectionDetails, attribution_text
from app.ui.widgets.table import fit_rows, table_view

if TYPE_CHECKING:
    from app.ui.pages.scan_calls import Handled

QUARANTINABLE = ("reported", "ask", "failed")


class ResultsOwner(Protocol):
    """What the results ask of the page that shows them (the Scan page): what the user already did
    about each threat, by ``(path, rule)``, and carrying out a new choice."""

    done: dict[tuple[str, str], str]

    def act(self, what: str, found: Found) -> None: ...


def summary_text(summary: ScanSummary) -> str:
    p = summary.outcome.progress
    counts = translate("ScanPage", "%n file(s) checked in %1; threats found: %2; files not checked: %3.", None, 0) \
        .plural(p.files_scanned).arg(duration(summary.duration_s), len(summary.found), len(summary.problems))
    head = (translate("ScanPage", "Scan cancelled: %1") if summary.cancelled
            else translate("ScanPage", "Scan finished: %1"))
    line = text(head.arg(counts))
    if p.incomplete:  # never silent, whether or not the setting makes it a threat as well
        line += " " + text(translate("ScanPage", "%n file(s) could not be fully checked: an archive limit was reached "
                                     "or a password was needed.", None, 0).plural(p.incomplete))
    return line


class ResultsView(QWidget):
    def __init__(self, page: ResultsOwner, parent: QWidget) -> None:
        super().__init__(parent)
        self.page = page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        box = QGroupBox(self.tr("Threats found"), self)
        box_layout = QVBoxLayout(box)
        self.model: RowsModel[Found] = RowsModel([
            Column(self.tr("File"), lambda f: shown(os.path.basename(f.path)), tip=lambda f: shown(f.path)),
            Column(self.tr("Folder"), lambda f: shown(os.path.dirname(f.file)), tip=lambda f: shown(f.path)),
            Column(self.tr("Threat"), lambda f: f.rule, tip=attribution_text),
            Column(self.tr("What was done"), self._action_text),
        ], stands_out=lambda f: self._action(f) in QUARANTINABLE, parent=self)
        self.table = table_view(sorted_filtered(self.model, self), self.tr("Threats found"), box, sort_column=0,
                                descending=False, stretch=1, paths=(0, 1))
        fit_rows(self.table, minimum=3, maximum=14)  # grows with the threats found, then scrolls
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        box_layout.addWidget(self.table)
        self.details = DetectionDetails(box)  # the kind, rule set, author and licence of the selected threat
        box_layout.addWidget(self.details)
        buttons = QHBoxLayout()
        self.quarantine = QPushButton(self.tr("Move to &quarantine"), box)
        self.allow = QPushButton(self.tr("&Allow this file"), box)
        self.folder = QPushButton(self.tr("Show in f&older"), box)
        self.report = QPushButton(self.tr("&Report false positive…"), box)
        self.exclude = QPushButton(self.tr("&Never scan this folder…"), box)
        self.exclude.setToolTip(self.tr("Leave the folder of this file alone in every scan and in real-time protection"))
        self.quarantine.clicked.connect(lambda: self._act("quarantine"))
        self.allow.clicked.connect(lambda: self._act("allow"))
        self.folder.clicked.connect(lambda: self._act("folder"))
        self.report.clicked.connect(lambda: self._act("report"))
        self.exclude.clicked.connect(lambda: self._act("exclude"))
        for button in (self.quarantine, self.allow, self.folder, self.report, self.exclude):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box_layout.addLayout(buttons)
        layout.addWidget(box)
        self.problems_box = QGroupBox(self.tr("Files that could not be checked"), self)
        problems_layout = QVBoxLayout(self.problems_box)
        self.problems = QListWidget(self.problems_box)
        self.problems.setAccessibleName(self.tr("Files that could not be checked"))
        problems_layout.addWidget(self.problems)
        layout.addWidget(self.problems_box)
        layout.addStretch(1)
        self.problems_box.hide()
        self._selection_changed()

    def _action(self, found: Found) -> str:
        return self.page.done.get((found.path, found.rule), found.action)

    def _action_text(self, found: Found) -> str:
        labels = {"quarantined": self.tr("Moved to the quarantine"), "reported": self.tr("Reported only"),
                  "ask": self.tr("Waiting for your choice"),
                  "skipped-protected": self.tr("Left in place: a system or Ringfence file"),
                  "allowed": self.tr("Allowed"), "restored": self.tr("Put back and allowed"),
                  "gone": self.tr("Deleted before it could be quarantined")}
        action = self._action(found)
        if action == "failed":
            return text(translate("ScanPage", "Could not be quarantined: %1").arg(reason(found.error)))
        return labels.get(action, action)

    def show_found(self, found: list[Found], problems: list[Any]) -> None:
        if len(found) != len(self.model.rows) or not found:
            self.model.set_rows(found)
        self.problems.clear()
        for problem in problems:
            self.problems.addItem(text(translate("ScanPage", "%1: %2").arg(problem.path, reason(problem.message))))
        self.problems_box.setVisible(bool(problems))
        self._selection_changed()

    def handled(self, handled: Handled) -> None:
        self.page.done[(handled.found.path, handled.found.rule)] = handled.action
        self.model.set_rows(list(self.model.rows))
        self._selection_changed()

    def selected(self) -> Found | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.rows[self.table.model().mapToSource(rows[0]).row()]  # type: ignore[attr-defined]

    def _selection_changed(self, *_args: object) -> None:
        found = self.selected()
        action = self._action(found) if found else ""
        self.quarantine.setEnabled(found is not None and action in QUARANTINABLE)
        self.allow.setEnabled(found is not None and action not in ("allowed", "restored"))
        self.folder.setEnabled(found is not None)
        self.exclude.setEnabled(found is not None)
        self.report.setEnabled(found is not None and bool(found.sha256))
        self.details.show_detection(found.rule if found else None, found)

    def _act(self, what: str) -> None:
        found = self.selected()
        if found is not None:
            self.page.act(what, found)
