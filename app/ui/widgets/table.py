"""A read-only, sortable table view with rows selected whole and columns fitted to their contents, for the
pages' lists."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

MAX_COLUMN_WIDTH = 480  # a long path is elided (its tooltip holds it whole)


def table_view(model: QAbstractItemModel, accessible_name: str, parent: QWidget, *, multi: bool = False,
               sort_column: int = 0, descending: bool = True) -> QTableView:
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
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # the user may widen a column
    header.setStretchLastSection(True)
    header.setMaximumSectionSize(MAX_COLUMN_WIDTH)
    model.modelReset.connect(view.resizeColumnsToContents)  # each new list: columns as wide as they need
    model.layoutChanged.connect(view.resizeColumnsToContents)
    view.sortByColumn(sort_column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
    return view
