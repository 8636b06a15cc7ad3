"""The settings' list of everything scans and real-time protection leave alone, each with why it is there.

It follows the Exclusions tab as the user edits it (the presets and the lists, before they are saved); the
notes saying where a place came from (a detection, the Scan page) and Ringfence's own folders are read
once on a worker (:func:`app.core.scanning.exclusions.known`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from app.core.scanning.exclusions import Excluded, Known, listing
from app.core.text.names import shown
from app.ui.i18n import plural, text
from app.ui.models.rows import Column, RowsModel, sorted_filtered
from app.ui.widgets.table import fit_rows, table_view


class ExclusionsList(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exclusionsList")
        self.known = Known({}, ())
        self.values: Mapping[str, Any] | None = None
        kinds = {"place": self.tr("Folder or file"), "folder-name": self.tr("Folder name"),
                 "pattern": self.tr("Name pattern"), "extension": self.tr("File extension")}
        self.model: RowsModel[Excluded] = RowsModel([
            Column(self.tr("Never scanned"), lambda e: shown(e.place)),
            Column(self.tr("What it is"), lambda e: kinds.get(e.kind, e.kind)),
            Column(self.tr("Threats found"), lambda e: str(e.threats_found) if e.threats_found else "",
                   sort=lambda e: e.threats_found,
                   tip=lambda e: plural(self.tr("%n threat(s) found earlier are in what this leaves alone.", "",
                                                e.threats_found), e.threats_found) if e.threats_found else ""),
            Column(self.tr("Why"), lambda e: text(e.reason)),
        ], stands_out=lambda e: bool(e.threat or e.threats_found), parent=self)  # it hides a threat found
        self.table = table_view(sorted_filtered(self.model, self), self.tr("Everything that is never scanned"), self,
                                sort_column=0, descending=False, stretch=3, paths=(0,))
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # first as listed: the
        self.table.model().sort(-1)  # places (those added from a threat among them), presets, patterns, our own
        fit_rows(self.table, minimum=4, maximum=10)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self.setTitle(self.tr("Everything that is never scanned, and why"))

    def set_known(self, known: Known) -> None:
        self.known = known
        self._show()

    def show_values(self, values: Mapping[str, Any]) -> None:
        self.values = values
        self._show()

    def _show(self) -> None:
        if self.values is not None:
            self.model.set_rows(listing(self.values, self.known))
