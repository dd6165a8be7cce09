"""Item search results, a page at a time (``canFetchMore``/``fetchMore``): a search over a
catalogue of a million items reads only the rows the view shows."""

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
from pos.services.catalogue import SEARCH_PAGE

_Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[str, str | None, int, int], list[Item]]
"""fetch(typed text, tenant id or None, offset, limit) -> one page of items."""


class SearchResultsModel(QAbstractTableModel):
    DESCRIPTION, TENANT, PRICE, CODE = range(4)

    def __init__(self, fetch: Fetch, tenant_codes: dict[str, str]) -> None:
        super().__init__()
        self._fetch = fetch
        self._tenant_codes = tenant_codes
        self._items: list[Item] = []
        self._text = ""
        self._tenant: str | None = None
        self._more = False
        self._headers = [
            QCoreApplication.translate("SearchResultsModel", "Item"),
            QCoreApplication.translate("SearchResultsModel", "Tenant"),
            QCoreApplication.translate("SearchResultsModel", "Price"),
            QCoreApplication.translate("SearchResultsModel", "Code"),
        ]

    def search(self, text: str, tenant_id: str | None) -> None:
        self.beginResetModel()
        self._text, self._tenant = text, tenant_id
        self._items = self._fetch(text, tenant_id, 0, SEARCH_PAGE)
        self._more = len(self._items) == SEARCH_PAGE
        self.endResetModel()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802
        page = self._fetch(self._text, self._tenant, len(self._items), SEARCH_PAGE)
        self._more = len(page) == SEARCH_PAGE
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
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        item = self._items[index.row()]
        return {
            self.DESCRIPTION: item.description,
            self.TENANT: self._tenant_codes.get(item.tenant_id, ""),
            self.PRICE: format_nok(item.price) if item.price is not None else "…",
            self.CODE: item.barcode or "",
        }.get(index.column())

    def item_at(self, row: int) -> Item | None:
        return self._items[row] if 0 <= row < len(self._items) else None
