"""The allow-list tab of the Quarantine page: files the user declared good, and taking them off again."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.quarantine.allowlist import AllowEntry
from app.core.text.messages import translate
from app.ui.formatting import when
from app.ui.i18n import text
from app.ui.models.rows import Column, RowsModel, sorted_filtered
from app.ui.pages import quarantine_calls as calls
from app.ui.pages.base import Page
from app.ui.plain_text import plain_label
from app.ui.widgets.table import table_view


class AllowListView(QWidget):
    def __init__(self, page: Page, parent: QWidget) -> None:
        super().__init__(parent)
        self.page = page
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Files on the allow-list are never reported as threats, whatever the definitions "
                               "say. Remove a file to have it checked again."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model: RowsModel[AllowEntry] = RowsModel([
            Column(self.tr("Added"), lambda a: when(a.added_at), sort=lambda a: a.added_at),
            Column(self.tr("File"), lambda a: a.name or self.tr("(no name recorded)")),
            Column(self.tr("SHA-256"), lambda a: a.sha256, tip=lambda a: a.note or a.sha256),
        ], parent=self)
        self.proxy = sorted_filtered(self.model, self)
        self.table = table_view(self.proxy, self.tr("Allow-list"), self, multi=True, stretch=2, paths=(1, 2))
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.remove_button = QPushButton(self.tr("Re&move from the allow-list"), self)
        self.remove_button.clicked.connect(self._remove)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.remove_button.setEnabled(self.table.selectionModel().hasSelection()))
        self.remove_button.setEnabled(False)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.summary = plain_label(QLabel(self))
        row.addWidget(self.summary)
        layout.addLayout(row)

    def refresh(self) -> None:
        self.page.call("quarantine.allowed", calls.allowed, done=self._show)

    def _show(self, entries: list[AllowEntry]) -> None:
        self.model.set_rows(entries)
        self.summary.setText(text(translate("QuarantinePage", "%n file(s) allowed", None, 0).plural(len(entries))))
        self.remove_button.setEnabled(False)

    def _remove(self) -> None:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        hashes = [self.model.rows[r].sha256 for r in rows]
        self.page.call("quarantine.disallow", calls.disallow, hashes, done=lambda _n: self.refresh())
