"""The question for the on-detection action "ask": what should happen to each threat found.

One window, not one per file: threats found while it is open join its list (a scan that finds many
does not bury the desktop in windows). It never blocks anything — it is shown without a modal loop and
its owner carries out the choice on a worker: **Move to quarantine**, **Allow** (the file is good) or
**Leave it** (only reported). The choice applies to the selected threats; new ones arrive selected, so a
single click answers for the whole group. Closing the window leaves the rest in place as reported.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.text.names import shown
from app.ui.i18n import plural
from app.ui.plain_text import plain_label, tip
from app.ui.widgets.detection_details import attribution_text, category_text, source_text

CHOICES = ("quarantine", "allow", "leave")


@dataclass(frozen=True)
class Pending:
    """A file with a threat waiting for the user's choice: the file on disk, the threat's names and what the
    owner needs to carry out the choice (a scan's ``Found`` records, a journal event)."""

    key: str
    file: str
    threat: str
    records: tuple[Any, ...] = ()
    provenance: dict[str, str] = field(default_factory=dict, compare=False)  # of the (first) threat's rule


class ThreatChoiceDialog(QDialog):
    chosen = Signal(str, list)  # the choice (one of CHOICES), the list[Pending] it applies to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("threatChoice")
        self.setModal(False)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.pending: dict[str, Pending] = {}
        self.heading = QLabel(self)  # our own words only (bold): rich text
        self.heading.setWordWrap(True)
        self.hint = plain_label(QLabel(self))
        self.hint.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setColumnCount(5)
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.buttons = QDialogButtonBox(self)
        self.quarantine = QPushButton(self)
        self.allow = QPushButton(self)
        self.leave = QPushButton(self)
        for button, choice, role in ((self.quarantine, "quarantine", QDialogButtonBox.ButtonRole.AcceptRole),
                                     (self.allow, "allow", QDialogButtonBox.ButtonRole.ActionRole),
                                     (self.leave, "leave", QDialogButtonBox.ButtonRole.RejectRole)):
            self.buttons.addButton(button, role)
            button.clicked.connect(lambda _checked=False, c=choice: self.choose(c))
        self.quarantine.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.resize(720, 320)
        self._retranslate()

    def add(self, pending: Pending) -> None:
        """Another threat to decide about, shown at once; another threat in a file already listed joins
        that file's line (one choice per file)."""
        known = self.pending.get(pending.key)
        if known is not None:
            threats = known.threat if pending.threat in known.threat.split(", ") else f"{known.threat}, {pending.threat}"
            self.pending[pending.key] = Pending(known.key, known.file, threats, known.records + pending.records,
                                                known.provenance)
            for index in range(self.list.topLevelItemCount()):
                item = self.list.topLevelItem(index)
                if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == pending.key:
                    item.setText(2, threats)
            return
        self.pending[pending.key] = pending
        item = QTreeWidgetItem([shown(os.path.basename(pending.file)), shown(os.path.dirname(pending.file)),
                                pending.threat, category_text(pending.provenance), source_text(pending.provenance)])
        item.setData(0, Qt.ItemDataRole.UserRole, pending.key)
        item.setToolTip(0, tip(shown(pending.file)))
        for column in (2, 3, 4):
            item.setToolTip(column, tip(attribution_text(pending.provenance)))
        self.list.addTopLevelItem(item)
        item.setSelected(True)
        for column in range(5):
            self.list.resizeColumnToContents(column)
        self._retranslate()
        if not self.isVisible():
            self.show()
        self.raise_()

    def discard(self, key: str) -> None:
        """A threat the user dealt with elsewhere (the Scan page's list) leaves the question."""
        if self.pending.pop(key, None) is None:
            return
        for index in reversed(range(self.list.topLevelItemCount())):
            item = self.list.topLevelItem(index)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == key:
                self.list.takeTopLevelItem(index)
        if not self.pending:
            self.hide()
        self._retranslate()

    def selected(self) -> list[Pending]:
        return [self.pending[item.data(0, Qt.ItemDataRole.UserRole)] for item in self.list.selectedItems()]

    def choose(self, choice: str) -> None:
        """Apply ``choice`` to the selected threats; they leave the list (the window closes when it is empty)."""
        chosen = self.selected()
        if not chosen:
            return
        for item in self.list.selectedItems():
            self.pending.pop(item.data(0, Qt.ItemDataRole.UserRole), None)
            self.list.takeTopLevelItem(self.list.indexOfTopLevelItem(item))
        self.chosen.emit(choice, chosen)
        if not self.pending:
            self.hide()
        else:
            if not self.list.selectedItems():  # the next click answers for the rest
                self.list.selectAll()
            self._retranslate()

    def reject(self) -> None:
        """Closed (Esc, the window's close button): everything still listed is left in place."""
        if self.pending:
            rest = list(self.pending.values())
            self.pending.clear()
            self.list.clear()
            self.chosen.emit("leave", rest)
        super().reject()

    def _selection_changed(self) -> None:
        any_selected = bool(self.list.selectedItems())
        for button in (self.quarantine, self.allow, self.leave):
            button.setEnabled(any_selected)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        count = len(self.pending)
        self.setWindowTitle(self.tr("Threat found"))
        found = plural(self.tr("Ringfence found %n threat(s).", "", count), count)
        question = self.tr("What should Ringfence do?")
        self.heading.setText(f"<b>{found}</b> {question}")
        self.hint.setText(self.tr("Until you choose, the files stay where they are. Your choice applies to the "
                                  "selected threats."))
        self.list.setHeaderLabels([self.tr("File"), self.tr("Folder"), self.tr("Threat"), self.tr("Kind"),
                                   self.tr("Rule set")])
        self.list.setAccessibleName(self.tr("Threats waiting for your choice"))
        self.quarantine.setText(self.tr("Move to &quarantine"))
        self.allow.setText(self.tr("&Allow (the file is safe)"))
        self.leave.setText(self.tr("&Leave it (report only)"))
        self._selection_changed()
