"""A read-only, sortable table view with rows selected whole, for the pages' lists.

Column sizing: one column (``stretch``, usually the path or the sentence) takes the room the others leave;
the others are as wide as their contents, up to :data:`MAX_COLUMN_WIDTH`, and the user may widen any of
them. Path columns (``paths``) are elided in the middle, so a long folder keeps its start and its end (the
file's own name); every cell's tooltip holds its whole text."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QWidget

MAX_COLUMN_WIDTH = 360  # a longer cell is elided (its tooltip holds it whole)


class ElideMiddle(QStyledItemDelegate):
    """Cells elided in the middle: ``/home/ann/…/Downloads/invoice.pdf.exe``."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


def table_view(model: QAbstractItemModel, accessible_name: str, parent: QWidget, *, multi: bool = False,
               sort_column: int = 0, descending: bool = True, stretch: int | None = None,
               paths: Iterable[int] = ()) -> QTableView:
    """``stretch``: the column that fills the width (default: the last one); ``paths``: columns elided in
    the middle."""
    view = QTableView(parent)
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
    wide = model.columnCount() - 1 if stretch is None else stretch
    header.setStretchLastSection(False)

    def fit() -> None:
        """Each new list: every column as wide as it needs, the wide one takes the rest."""
        header.setSectionResizeMode(wide, QHeaderView.ResizeMode.Interactive)
        view.resizeColumnsToContents()
        header.setSectionResizeMode(wide, QHeaderView.ResizeMode.Stretch)

    model.modelReset.connect(fit)
    model.layoutChanged.connect(fit)
    fit()
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
