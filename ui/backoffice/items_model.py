"""A tenant's items a page at a time (``canFetchMore``/``fetchMore``): the list over a million
items reads only the rows the view shows. A stock item shows its count (with a central server,
the centre's: every counter's sales); other items none."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from pos.model.catalogue import Item
from pos.money import format_nok
from pos.services.item_entry import LIST_PAGE
from ui.row_table_model import RIGHT, PagedRowTableModel


class ItemsModel(PagedRowTableModel[Item]):
    CODE, DESCRIPTION, CONDITION, PRICE, STOCK, STATUS, REPRINT = range(7)

    def __init__(self) -> None:
        super().__init__(
            [
                QCoreApplication.translate("ItemsModel", "Code"),
                QCoreApplication.translate("ItemsModel", "Item"),
                QCoreApplication.translate("ItemsModel", "Condition"),
                QCoreApplication.translate("ItemsModel", "Price"),
                QCoreApplication.translate("ItemsModel", "In stock"),
                QCoreApplication.translate("ItemsModel", "Status"),
                QCoreApplication.translate("ItemsModel", "Label"),
            ],
            LIST_PAGE,
        )
        self._statuses = {
            "available": QCoreApplication.translate("ItemsModel", "for sale"),
            "sold": QCoreApplication.translate("ItemsModel", "sold"),
            "inactive": QCoreApplication.translate("ItemsModel", "inactive"),
        }
        self._reprint = QCoreApplication.translate("ItemsModel", "reprint")

    def cell(self, item: Item, column: int) -> str:
        return {
            self.CODE: item.barcode or "",
            self.DESCRIPTION: item.description,
            self.CONDITION: item.condition,
            self.PRICE: format_nok(item.price) if item.price is not None else "…",
            self.STOCK: "" if item.stock_qty is None else str(item.stock_qty),
            self.STATUS: self._statuses.get(item.status.value, item.status.value),
            self.REPRINT: self._reprint if item.label_reprint else "",
        }[column]

    def style(self, item: Item, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.PRICE, self.STOCK):
            return RIGHT
        return None

    def item_at(self, row: int) -> Item | None:
        return self.row_at(row)

    def replace(self, row: int, item: Item) -> None:
        """Show an item as it is now (after a price change) without reading the page again."""
        self.replace_row(row, item)
