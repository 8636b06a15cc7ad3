"""One table model for every list the pages show: whole lists in, columns declared once.

A page declares its :class:`Column` list (header, how a row is shown, how it sorts) and hands
:meth:`RowsModel.set_rows` the complete list a worker returned; :func:`sorted_filtered` wraps it in a
``QSortFilterProxyModel`` that sorts by the column's sort key and filters on every column's text.
Nothing here fills a table row by row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont, QIcon

from app.ui.plain_text import tip

T = TypeVar("T")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str  # already translated
    show: Callable[[T], str]
    sort: Callable[[T], Any] | None = None  # defaults to the text shown
    tip: Callable[[T], str] | None = None
    icon: Callable[[T], QIcon | None] | None = None  # shown before the text


class RowsModel(QAbstractTableModel, Generic[T]):
    """Rows of any type shown through declared columns; ``stands_out(row)`` rows are bold."""

    def __init__(self, columns: Sequence[Column[T]], stands_out: Callable[[T], bool] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.stands_out = stands_out
        self.rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, index: Index) -> T:
        return self.rows[index.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.show(row)
        if role == Qt.ItemDataRole.ToolTipRole:  # Qt takes a tooltip that looks like HTML for HTML
            return tip(column.tip(row) if column.tip else column.show(row))
        if role == SORT_ROLE:
            return column.sort(row) if column.sort else column.show(row).casefold()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DecorationRole and column.icon is not None:
            return column.icon(row)
        if role == Qt.ItemDataRole.FontRole and self.stands_out is not None and self.stands_out(row):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None


def sorted_filtered(model: RowsModel[Any], parent: QObject | None = None) -> QSortFilterProxyModel:
    """A proxy that sorts by each column's sort key and filters (case-insensitively) on all columns."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy
