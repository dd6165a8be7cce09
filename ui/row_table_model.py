"""One read-only table model for the lists the screens show (item search, the items page, the
ticket board, receipts, an import's preview): rows of a frozen type, headers, and the cell text
a subclass gives. The paged variant reads a page at a time as the view scrolls, so a list over a
million items reads only what is shown (``canFetchMore``/``fetchMore``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")
Fetch = Callable[[int, int], list[R]]
"""fetch(offset, limit) -> one page of rows."""
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
"""Alignment for amounts."""


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Subclasses give ``cell(row, column)`` and, for colour or alignment, ``style``."""

    def __init__(self, headers: Sequence[str] = ()) -> None:
        super().__init__()
        self.rows: list[R] = []
        self._headers = list(headers)

    def headers(self) -> list[str]:
        return self._headers

    def cell(self, row: R, column: int) -> str:
        raise NotImplementedError

    def style(self, row: R, column: int, role: int) -> Any:
        """What a role other than the text says of a cell (None: nothing)."""
        return None

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def append_rows(self, rows: Sequence[R]) -> None:
        if rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    def replace_row(self, index: int, row: R) -> None:
        """Show one row as it is now without reading the list again."""
        self.rows[index] = row
        self.dataChanged.emit(self.index(index, 0), self.index(index, self.columnCount() - 1))

    def row_at(self, index: int) -> R | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    # -- Qt --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers())

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, index.column())
        return self.style(row, index.column(), role)


class PagedRowTableModel(RowTableModel[R]):
    def __init__(self, headers: Sequence[str], page_size: int) -> None:
        super().__init__(headers)
        self._page_size = page_size
        self._fetch: Fetch[R] | None = None
        self._more = False

    def load(self, fetch: Fetch[R]) -> None:
        """Start over with a new filter: only the first page is read."""
        self._fetch = fetch
        first = fetch(0, self._page_size)
        self._more = len(first) == self._page_size
        self.set_rows(first)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if self._fetch is None:
            return
        page = self._fetch(len(self.rows), self._page_size)
        self._more = len(page) == self._page_size
        self.append_rows(page)
