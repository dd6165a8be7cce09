"""The basket's lines on the sale screen. The line F2, F3 and F9 act on is always marked, in a
colour that shows while the code field has the keyboard: the newest line, the one that took a
deleted line's place, or the one chosen by touch or with the arrow keys."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.basket_model import BasketTableModel
from ui.common import TOUCH_MIN_PX

SELECTED_LINE = "#0d47a1"


class BasketView(QTableView):
    def __init__(self, model: BasketTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setDefaultSectionSize(TOUCH_MIN_PX)
        self.verticalHeader().hide()
        self._size_columns()
        palette = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, QColor(SELECTED_LINE))
            palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("white"))
        self.setPalette(palette)
        model.rowsInserted.connect(lambda _parent, _first, last: self.select_row(last))
        model.rowsRemoved.connect(lambda _parent, first, _last: self.select_row(first))
        model.modelReset.connect(lambda: self.select_row(model.rowCount() - 1))

    def _size_columns(self) -> None:
        header = self.horizontalHeader()
        # Fixed widths from the font, not ResizeToContents: that re-measures every row of every
        # column on each scan, which cost most of the scan-to-basket time.
        metrics = self.fontMetrics()
        widths = {
            BasketTableModel.TENANT: "99 Sykkelfikseren Asker AS",
            BasketTableModel.QTY: "Antall",
            BasketTableModel.PRICE: "99 999,99",
            BasketTableModel.DISCOUNT: "-99 999,99",
            BasketTableModel.TOTAL: "999 999,99",
        }
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, sample in widths.items():
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        header.setSectionResizeMode(BasketTableModel.ITEM, QHeaderView.ResizeMode.Stretch)

    def select_row(self, row: int) -> None:
        row = min(row, self._model.rowCount() - 1)
        if row < 0:
            return
        self.selectRow(row)
        self.scrollTo(self._model.index(row, 0))

    def selected_row(self) -> int | None:
        """The marked row; the newest line is marked if none is."""
        rows = self.selectionModel().selectedRows()
        if not rows:
            self.select_row(self._model.rowCount() - 1)
            rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def move_selection(self, step: int) -> None:
        current = self.selected_row()
        if current is not None:
            self.select_row(max(current + step, 0))
