"""A tenant's items a page at a time (``canFetchMore``/``fetchMore``): the list over a million
items reads only the rows the view shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from pos.model.catalogue import Item
from pos.money import format_nok
from pos.services.item_entry import LIST_PAGE

_Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[int, int], list[Item]]
"""fetch(offset, limit) -> one page of items for the current filter."""


class ItemsModel(QAbstractTableModel):
    CODE, DESCRIPTION, CONDITION, PRICE, STATUS, REPRINT = range(6)

    def __init__(self) -> None:
        super().__init__()
        self._fetch: Fetch | None = None
        self._items: list[Item] = []
        self._more = False
        self._headers = [
            QCoreApplication.translate("ItemsModel", "Code"),
            QCoreApplication.translate("ItemsModel", "Item"),
            QCoreApplication.translate("ItemsModel", "Condition"),
            QCoreApplication.translate("ItemsModel", "Price"),
            QCoreApplication.translate("ItemsModel", "Status"),
            QCoreApplication.translate("ItemsModel", "Label"),
        ]
        self._statuses = {
            "available": QCoreApplication.translate("ItemsModel", "for sale"),
            "sold": QCoreApplication.translate("ItemsModel", "sold"),
            "inactive": QCoreApplication.translate("ItemsModel", "inactive"),
        }
        self._reprint = QCoreApplication.translate("ItemsModel", "reprint")

    def load(self, fetch: Fetch) -> None:
        """Start over with a new filter: only the first page is read."""
        self.beginResetModel()
        self._fetch = fetch
        self._items = fetch(0, LIST_PAGE)
        self._more = len(self._items) == LIST_PAGE
        self.endResetModel()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802
        if self._fetch is None:
            return
        page = self._fetch(len(self._items), LIST_PAGE)
        self._more = len(page) == LIST_PAGE
        if page:
            first = len(self._items)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._items.extend(page)
            self.endInsertRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.PRICE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.CODE: item.barcode or "",
            self.DESCRIPTION: item.description,
            self.CONDITION: item.condition,
            self.PRICE: format_nok(item.price) if item.price is not None else "…",
            self.STATUS: self._statuses.get(item.status.value, item.status.value),
            self.REPRINT: self._reprint if item.label_reprint else "",
        }.get(index.column())

    def item_at(self, row: int) -> Item | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def replace(self, row: int, item: Item) -> None:
        """Show an item as it is now (after a price change) without reading the page again."""
        self._items[row] = item
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
