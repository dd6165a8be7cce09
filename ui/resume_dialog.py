"""Resuming a parked basket (F7): every basket waiting on this register with who parked it,
when, the tenants in it and its first item, so the right customer's basket is found at a
glance. Enter or a touch on a row resumes it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.services.parked_list import ParkedBasket
from ui.common import TOUCH_MIN_PX, tab_passes, touch_button
from ui.tab_order import tab_in_layout_order
from ui.window_placement import roomy


class ResumeDialog(QDialog):
    chosen = Signal(str)
    """A basket was chosen: (its parked id)."""

    def __init__(self, parked: Sequence[ParkedBasket], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Resume a parked basket"))
        roomy(self, 900, 480)
        self.parked = list(parked)
        headers = [
            self.tr("Parked"),
            self.tr("By"),
            self.tr("First item"),
            self.tr("Tenants"),
            self.tr("Lines"),
            self.tr("Total"),
        ]
        self.table = tab_passes(QTableWidget(len(self.parked), len(headers), self))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(TOUCH_MIN_PX)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        for row, basket in enumerate(self.parked):
            self._fill(row, basket)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self.table.selectRow(0)
        self.resume_button = touch_button(self.tr("Resume"), self, "Return")
        self.cancel_button = touch_button(self.tr("Back to the basket"), self, "Esc")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.resume_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Which customer's basket?"), self))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resume_button.clicked.connect(self.resume_selected)
        self.cancel_button.clicked.connect(self.reject)
        self.table.cellDoubleClicked.connect(lambda row, _column: self.resume_row(row))
        tab_in_layout_order(self)

    def _fill(self, row: int, basket: ParkedBasket) -> None:
        when = basket.parked_at + (" " + self.tr("(training)") if basket.training else "")
        values = (
            when,
            basket.parked_by,
            basket.first_item,
            basket.tenants,
            str(basket.lines),
            basket.total_text,
        )
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column >= 4:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)

    def resume_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.resume_row(rows[0].row())

    def resume_row(self, row: int) -> None:
        if 0 <= row < len(self.parked):
            self.accept()
            self.chosen.emit(self.parked[row].id)
