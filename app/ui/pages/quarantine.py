"""Quarantine: what was moved away and why; restore (asking before anything is replaced), restore to a
folder, restore and allow, delete — for one item or many — and the allow-list."""

from __future__ import annotations

import os
from dataclasses import asdict
from typing import ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.core.context import Context
from app.core.detections import fp_report
from app.core.journal.provenance import provenance
from app.core.quarantine.vault import NO_LONGER_DETECTED, Item
from app.core.text.messages import translate
from app.core.text.names import shown
from app.ui.dialogs.false_positive import FalsePositiveDialog
from app.ui.formatting import size, when
from app.ui.i18n import text
from app.ui.models.rows import Column, RowsModel, sorted_filtered
from app.ui.pages import quarantine_calls as calls
from app.ui.pages.base import ConsoleLike, Page
from app.ui.pages.quarantine_allowed import AllowListView
from app.ui.plain_text import plain_label
from app.ui.widgets.ask import ask
from app.ui.widgets.detection_details import DetectionDetails, attribution_text, category_text, source_text
from app.ui.widgets.table import table_view

Role = QMessageBox.ButtonRole


class QuarantinePage(Page):
    name = "quarantine"
    icon = "page-quarantine"
    kinds: ClassVar[tuple[str, ...]] = ("quarantine", "threat", "updates")

    def __init__(self, app: ConsoleLike) -> None:
        super().__init__(app)
        self.question: QMessageBox | None = None
        self.start()

    def build(self) -> None:
        layout = QVBoxLayout(self.body)
        layout.addWidget(QLabel(self.tr("<h2>Quarantine</h2>"), self.body))
        intro = QLabel(self.tr("Files found to be threats are kept here, encrypted, where they cannot do harm. "
                               "You can put a file back if you trust it."), self.body)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tabs = QTabWidget(self.body)
        self.tabs.addTab(self._items_tab(), self.tr("Quarantined files"))
        self.allowed = AllowListView(self, self.tabs)
        self.tabs.addTab(self.allowed, self.tr("Allow-list"))
        layout.addWidget(self.tabs, 1)

    @property
    def title(self) -> str:
        return self.tr("Quarantine")

    def _items_tab(self) -> QWidget:
        tab = QWidget(self.body)
        layout = QVBoxLayout(tab)
        self.search = QLineEdit(tab)
        self.search.setPlaceholderText(self.tr("Search by name, location or threat"))
        self.search.setAccessibleName(self.tr("Search the quarantine"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.model: RowsModel[Item] = RowsModel([
            Column(self.tr("Name"), lambda i: shown(os.path.basename(i.original_path)), tip=lambda i: shown(i.original_path)),
            Column(self.tr("Original location"), lambda i: shown(os.path.dirname(i.original_path)),
                   tip=lambda i: i.original_path),
            Column(self.tr("Threat"), lambda i: i.rule, tip=attribution_text),
            Column(self.tr("Quarantined"), lambda i: when(i.quarantined_at), sort=lambda i: i.quarantined_at),
            Column(self.tr("Definitions"), lambda i: i.definitions_version or self.tr("unknown")),
            Column(self.tr("Size"), lambda i: size(i.size), sort=lambda i: i.size),
            Column(self.tr("Status"), self._status, tip=self._status_tip),
            Column(self.tr("Kind"), category_text),
            Column(self.tr("Rule set"), source_text, tip=attribution_text),
        ], stands_out=lambda i: i.status == NO_LONGER_DETECTED, parent=self)
        self.proxy = sorted_filtered(self.model, self)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = table_view(self.proxy, self.tr("Quarantined files"), tab, multi=True, sort_column=3,
                                stretch=1, paths=(0, 1))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.details = DetectionDetails(tab)
        self.report_button = QPushButton(self.tr("Report &false positive…"), tab)
        self.report_button.clicked.connect(self.report_false_positive)
        about = QHBoxLayout()  # the selected item's detection, and the report about it
        about.addWidget(self.details, 1)
        about.addWidget(self.report_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(about)
        buttons = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("&Restore"), tab)
        self.restore_to_button = QPushButton(self.tr("Restore &to…"), tab)
        self.restore_allow_button = QPushButton(self.tr("Restore and &allow"), tab)
        self.delete_button = QPushButton(self.tr("&Delete"), tab)
        self.restore_button.clicked.connect(self.restore)
        self.restore_to_button.clicked.connect(self._choose_folder)
        self.restore_allow_button.clicked.connect(lambda: self.restore(allow=True))
        self.delete_button.clicked.connect(self._confirm_delete)
        for button in (self.restore_button, self.restore_to_button, self.restore_allow_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.summary = plain_label(QLabel(tab))
        buttons.addWidget(self.summary)
        layout.addLayout(buttons)
        self._selection_changed()
        return tab

    def _status(self, item: Item) -> str:
        return self.tr("No longer detected") if item.status == NO_LONGER_DETECTED else self.tr("Quarantined")

    def _status_tip(self, item: Item) -> str:
        if item.status == NO_LONGER_DETECTED:
            return self.tr("No longer detected (definitions %1): you may restore it").replace(
                "%1", item.recheck_version or "?")
        return self.tr("Quarantined")

    # -- data ---------------------------------------------------------------------------------------

    @staticmethod
    def load(ctx: Context, *args: object) -> list[Item]:
        return calls.load(ctx)

    def show_data(self, data: list[Item]) -> None:
        self.model.set_rows(data)
        self.summary.setText(text(translate("QuarantinePage", "%n item(s), %1", None, 0).plural(len(data)).arg(
            size(sum(i.size for i in data)))))
        self._selection_changed()

    def refresh(self) -> None:
        super().refresh()
        if hasattr(self, "allowed"):
            self.allowed.refresh()

    def selected(self) -> list[Item]:
        rows = {self.proxy.mapToSource(index).row() for index in self.table.selectionModel().selectedRows()}
        return [self.model.rows[r] for r in sorted(rows)]

    def _selection_changed(self, *_args: object) -> None:
        count = len(self.table.selectionModel().selectedRows())
        for button in (self.restore_button, self.restore_to_button, self.restore_allow_button, self.delete_button):
            button.setEnabled(count > 0)
        self.report_button.setEnabled(count == 1)
        chosen = self.selected() if count == 1 else []
        self.details.show_detection(chosen[0].rule if chosen else None, chosen[0] if chosen else None)

    def report_false_positive(self) -> FalsePositiveDialog | None:
        """The false-positive report about the selected item, and the offer to allow its hash."""
        chosen = self.selected()
        if len(chosen) != 1:
            return None
        item = chosen[0]
        report = fp_report.from_detection({**asdict(item), **provenance(item)})
        dialog = FalsePositiveDialog(report, self.app.workers, self)  # "Restore and allow" brings it back
        dialog.open()
        return dialog

    # -- actions ------------------------------------------------------------------------------------

    def restore(self, *, to: str | None = None, allow: bool = False, items: list[Item] | None = None) -> None:
        """Restore the selected items; an existing file of the same name is never replaced without asking."""
        ids = [i.id for i in (items if items is not None else self.selected())]
        if ids:
            self.call("quarantine.restore", calls.restore, ids, to, "skip", allow,
                      done=lambda results: self._restored(results, to, allow))

    def _restored(self, results: list[calls.Done], to: str | None, allow: bool) -> None:
        self._report(results)
        taken = [r for r in results if r.outcome == "exists"]
        if taken:
            question = text(translate("QuarantinePage", "%n file(s) with the same name already exist.", None, 0)
                            .plural(len(taken)))
            detail = "\n".join(shown(r.path or "") for r in taken[:10])
            choices = [(self.tr("Keep both"), "rename", Role.AcceptRole), (self.tr("Replace"), "overwrite", Role.DestructiveRole),
                       (self.tr("Cancel"), "cancel", Role.RejectRole)]
            self.question = ask(self, self.tr("Restore"), question, choices,
                                lambda answer: self._conflict_answered(answer, [r.item_id for r in taken], to, allow),
                                detail=detail)
        self.refresh()

    def _conflict_answered(self, answer: str | None, ids: list[str], to: str | None, allow: bool) -> None:
        self.question = None
        if answer in ("rename", "overwrite"):
            self.call("quarantine.restore", calls.restore, ids, to, answer, allow,
                      done=self._after)

    def _choose_folder(self) -> None:
        dialog = QFileDialog(self, self.tr("Restore to folder"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        items = self.selected()
        dialog.fileSelected.connect(lambda folder: self.restore(to=folder, items=items))
        dialog.open()

    def _confirm_delete(self) -> None:
        items = self.selected()
        if not items:
            return
        question = text(translate("QuarantinePage", "Delete %n item(s) permanently? They cannot be restored afterwards.",
                                  None, 0).plural(len(items)))
        choices = [(self.tr("Delete"), "delete", Role.DestructiveRole), (self.tr("Cancel"), "cancel", Role.RejectRole)]
        self.question = ask(self, self.tr("Delete"), question, choices, lambda answer: self._delete(answer, items))

    def _delete(self, answer: str | None, items: list[Item]) -> None:
        self.question = None
        if answer == "delete":
            self.call("quarantine.delete", calls.delete, [i.id for i in items],
                      done=self._after)

    def _after(self, results: list[calls.Done]) -> None:
        self._report(results)
        self.refresh()

    def _report(self, results: list[calls.Done]) -> None:
        failed = [r for r in results if r.outcome == "failed"]
        restored = [r for r in results if r.outcome == "restored"]
        deleted = [r for r in results if r.outcome == "deleted"]
        if failed:
            self.show_failure(failed[0].error or "")
        elif len(restored) == 1:
            self.say(text(translate("QuarantinePage", "The file was restored to %1.").arg(restored[0].path or "")))
        elif restored:
            self.say(text(translate("QuarantinePage", "%n file(s) restored.", None, 0).plural(len(restored))))
        elif deleted:
            self.say(text(translate("QuarantinePage", "%n item(s) deleted.", None, 0).plural(len(deleted))))
