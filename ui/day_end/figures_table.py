"""A read-only table of drawer figures on the day-end page: a label, then expected, counted and
variance right-aligned, with totals and any variance in bold. The till close's result and the
day's counts both show this shape; each names its first column."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from pos.money import Ore, format_nok
from ui.common import tab_passes

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

FigureRow = tuple[str, Ore | None, Ore | None, Ore | None, bool]
"""Label, expected, counted, variance (None shows a dash) and whether the row is a total."""


class FiguresTable(QTableWidget):
    def __init__(self, first_title: str, missing: str, parent: QWidget | None = None) -> None:
        """`missing` is the text of a figure a row does not have (a dash, or nothing)."""
        super().__init__(0, 4, parent)
        self._missing = missing
        tab_passes(self)
        self.setHorizontalHeaderLabels(
            [first_title, self.tr("Expected"), self.tr("Counted"), self.tr("Variance")]
        )
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.hide()

    def show_rows(self, rows: Sequence[FigureRow]) -> None:
        self.setRowCount(len(rows))
        for index, (label, expected, counted, variance, bold) in enumerate(rows):
            cells = [label, *(self._kr(amount) for amount in (expected, counted, variance))]
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

    def cell(self, row: int, column: int) -> str:
        """The text in a cell (tests, screenshots)."""
        item = self.item(row, column)
        return "" if item is None else item.text()

    def _kr(self, amount: Ore | None) -> str:
        return self._missing if amount is None else format_nok(amount)
