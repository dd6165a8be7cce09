"""Item search results, a page at a time (``canFetchMore``/``fetchMore``): a search over a
catalogue of a million items reads only the rows the view shows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from pos.model.catalogue import Item
from pos.money import format_nok
from pos.services.catalogue import SEARCH_PAGE
from ui.row_table_model import PagedRowTableModel

Fetch = Callable[[str, str | None, int, int], list[Item]]
"""fetch(typed text, tenant id or None, offset, limit) -> one page of items."""


class SearchResultsModel(PagedRowTableModel[Item]):
    DESCRIPTION, TENANT, PRICE, CODE = range(4)

    def __init__(self, fetch: Fetch, tenant_codes: dict[str, str]) -> None:
        super().__init__(
            [
                QCoreApplication.translate("SearchResultsModel", "Item"),
                QCoreApplication.translate("SearchResultsModel", "Tenant"),
                QCoreApplication.translate("SearchResultsModel", "Price"),
                QCoreApplication.translate("SearchResultsModel", "Code"),
            ],
            SEARCH_PAGE,
        )
        self._search = fetch
        self._tenant_codes = tenant_codes

    def search(self, text: str, tenant_id: str | None) -> None:
        self.load(lambda offset, limit: self._search(text, tenant_id, offset, limit))

    def cell(self, item: Item, column: int) -> str:
        return {
            self.DESCRIPTION: item.description,
            self.TENANT: self._tenant_codes.get(item.tenant_id, ""),
            self.PRICE: format_nok(item.price) if item.price is not None else "…",
            self.CODE: item.barcode or "",
        }[column]

    def item_at(self, row: int) -> Item | None:
        return self.row_at(row)
