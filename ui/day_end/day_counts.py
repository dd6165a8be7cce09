"""The day's counts of the drawer on the day-end page: each shift change's (the hand-over to
the next person) and the close's, with what was expected, counted and the variance, and the
day's variance they add up to (the figure the day-end PDF gives)."""

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

from pos.model.day_end import CloseSummary
from pos.money import format_nok
from ui.common import tab_passes

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ROWS_SHOWN = 4
"""Rows the table is tall enough for; more scroll (a day has a few shift changes at most)."""


class DayCounts(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("dayCounts")
        tab_passes(self)
        self.setHorizontalHeaderLabels(
            [self.tr("The day's counts"), self.tr("Expected"), self.tr("Counted"),
             self.tr("Variance")]
        )  # fmt: skip
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setMaximumHeight(header.sizeHint().height() + (ROWS_SHOWN + 1) * 30)
        self.hide()

    def show_counts(self, counts: Sequence[CloseSummary]) -> None:
        """Each count of the day and their total variance; hidden on a day without one."""
        if not counts:
            self.setRowCount(0)
            self.hide()
            return
        rows = [
            (self._label(c), format_nok(c.expected), format_nok(c.counted), c.variance)
            for c in counts
        ]
        rows.append((self.tr("The day's variance"), "", "", sum(c.variance for c in counts)))
        self.setRowCount(len(rows))
        for index, (label, expected, counted, variance) in enumerate(rows):
            last = index == len(rows) - 1
            for column, text in enumerate((label, expected, counted, format_nok(variance))):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(_RIGHT)
                if last or (column == 3 and variance):
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.setItem(index, column, item)
        self.show()

    def _label(self, count: CloseSummary) -> str:
        text = self.tr("Shift change %1 (%2)") if count.shift_change else self.tr("Close %1 (%2)")
        return text.replace("%1", count.local_time[:5]).replace("%2", count.counted_by)

    def cell(self, row: int, column: int) -> str:
        """The text in a cell (tests, screenshots)."""
        item = self.item(row, column)
        return "" if item is None else item.text()
