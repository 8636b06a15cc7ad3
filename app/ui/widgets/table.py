"""A read-only, sortable table view with rows selected whole, for the pages' lists.

Column sizing: one column (``stretch``, usually the path or the sentence) takes the room the others leave;
the others are as wide as their contents, up to :data:`MAX_COLUMN_WIDTH`, and the user may widen any of
them. In a narrow window the widest of the others give way (elided, never below their header) so that the
wide column keeps :data:`MIN_WIDE_WIDTH` and the table needs no horizontal scroll bar. Path columns
(``paths``) are elided in the middle, so a long folder keeps its start and its end (the file's own name);
every cell's tooltip holds its whole text."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QWidget

MAX_COLUMN_WIDTH = 360  # a longer cell is elided (its tooltip holds it whole)
MIN_WIDE_WIDTH = 160  # the stretching column keeps at least this much in a narrow window


class ElideMiddle(QStyledItemDelegate):
    """Cells elided in the middle: ``/home/ann/…/Downloads/invoice.pdf.exe``."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class FittedTable(QTableView):
    """A table whose columns fit its width (see the module's text); refitted when its width changes."""

    wide = 0

    def fit(self) -> None:
        header = self.horizontalHeader()
        header.setSectionResizeMode(self.wide, QHeaderView.ResizeMode.Interactive)
        self.resizeColumnsToContents()
        others = [c for c in range(header.count()) if c != self.wide and not self.isColumnHidden(c)]
        room = self.viewport().width() - MIN_WIDE_WIDTH
        wanted = {c: header.sectionSize(c) for c in others}
        cap = max(wanted.values(), default=0)
        while cap > 0 and sum(min(w, cap) for w in wanted.values()) > room:
            cap -= 8  # the widest columns give way first
        for column, width in wanted.items():
            floor = header.sectionSizeFromContents(column).width()  # the header's own text stays whole
            header.resizeSection(column, max(min(width, cap), floor))
        header.setSectionResizeMode(self.wide, QHeaderView.ResizeMode.Stretch)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()


def table_view(model: QAbstractItemModel, accessible_name: str, parent: QWidget | None, *, multi: bool = False,
               sort_column: int = 0, descending: bool = True, stretch: int | None = None,
               paths: Iterable[int] = ()) -> FittedTable:
    """``stretch``: the column that fills the width (default: the last one); ``paths``: columns elided in
    the middle."""
    view = FittedTable(parent)
    view.setModel(model)
    view.setAccessibleName(accessible_name)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.verticalHeader().hide()
    middle = ElideMiddle(view)
    for column in paths:
        view.setItemDelegateForColumn(column, middle)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # the user may widen a column
    header.setMaximumSectionSize(MAX_COLUMN_WIDTH)
    header.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.wide = model.columnCount() - 1 if stretch is None else stretch
    header.setStretchLastSection(False)
    model.modelReset.connect(view.fit)  # each new list: columns fitted again
    model.layoutChanged.connect(view.fit)
    view.fit()
    view.sortByColumn(sort_column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
    return view


def fit_rows(view: QTableView, minimum: int = 2, maximum: int = 8) -> None:
    """Keep ``view`` as tall as its rows (at least ``minimum``, at most ``maximum``; more rows scroll), so a
    short list leaves no empty box."""

    def fit() -> None:
        rows = max(minimum, min(view.model().rowCount(), maximum))
        row = view.verticalHeader().defaultSectionSize()
        scroll = view.horizontalScrollBar().sizeHint().height() if view.horizontalScrollBar().isVisible() else 0
        view.setFixedHeight(view.horizontalHeader().sizeHint().height() + rows * row + 2 * view.frameWidth() + scroll)

    view.model().modelReset.connect(fit)
    view.model().rowsInserted.connect(fit)
    view.model().rowsRemoved.connect(fit)
    view.model().layoutChanged.connect(fit)
    fit()
