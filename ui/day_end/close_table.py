"""What a till close found, shown right after it: each tenant's expected cash, its part of the
counted cash and its variance, the drawer in all, and the card terminal and Vipps totals typed
at the close against every tender recorded (repair deposits included)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from pos.model.till_close import BatchCheck, TillCloseDoc
from pos.money import Ore, format_nok
from ui.common import tab_passes

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class CloseTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("closeTable")
        tab_passes(self)
        self.setHorizontalHeaderLabels(
            [self.tr("Cash per tenant"), self.tr("Expected"), self.tr("Counted"),
             self.tr("Variance")]
        )  # fmt: skip
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.hide()

    def show_close(self, doc: TillCloseDoc) -> None:
        rows: list[tuple[str, Ore, Ore | None, Ore | None, bool]] = [
            (t.tenant_name, t.expected, t.counted, t.variance, False) for t in doc.tenants
        ]
        rows.append(
            (self.tr("The drawer in all"), doc.expected_cash, doc.counted_cash, doc.variance, True)
        )
        rows += [self._batch_row(batch) for batch in doc.batches]
        self.setRowCount(len(rows))
        for index, (label, expected, counted, variance, bold) in enumerate(rows):
            cells = [label, _kr(expected), _kr(counted), _kr(variance)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(_RIGHT)
                if bold or (column == 3 and variance):
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.setItem(index, column, item)
        self.show()

    def _batch_row(self, batch: BatchCheck) -> tuple[str, Ore, Ore | None, Ore | None, bool]:
        name = self.tr("Card terminal") if batch.kind == "card" else self.tr("Vipps")
        if batch.deposits:
            name += " " + self.tr("(repair deposits %1 included)").replace(
                "%1", format_nok(batch.deposits)
            )
        return name, batch.recorded, batch.entered, batch.difference, False

    def cell(self, row: int, column: int) -> str:
        """The text in a cell (tests, screenshots)."""
        item = self.item(row, column)
        return "" if item is None else item.text()


def _kr(amount: Ore | None) -> str:
    return "–" if amount is None else format_nok(amount)
