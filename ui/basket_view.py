"""The basket's lines on the sale screen. The line F2, F3 and F9 act on is always marked, in a
colour that shows while the code field has the keyboard: the newest line, the one that took a
deleted line's place, or the one chosen by touch or with the arrow keys. A line just rung up
flashes; when it is the marked one, its mark takes the flash colour for that moment."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.basket_model import FLASH_COLOUR, BasketTableModel
from ui.common import TOUCH_MIN_PX, tab_passes

SELECTED_LINE = "#0d47a1"
TENANT_SAMPLE = "99 Sykkelfikseren Asker AS"
ITEM_SAMPLE = "Vinterjakke, Bergans, str. XL (rabatt)"
"""What the item column must show on one line before the tenant column may take room."""


class BasketView(QTableView):
    def __init__(self, model: BasketTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        tab_passes(self)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setDefaultSectionSize(TOUCH_MIN_PX)
        self.verticalHeader().hide()
        self._size_columns()
        self._mark_in(QColor(SELECTED_LINE), QColor("white"))
        model.flashed.connect(self._show_flash)
        self.selectionModel().selectionChanged.connect(lambda: self._show_flash(model.flashing))
        model.rowsInserted.connect(lambda _parent, _first, last: self.select_row(last))
        model.rowsRemoved.connect(lambda _parent, first, _last: self.select_row(first))
        model.modelReset.connect(lambda: self.select_row(model.rowCount() - 1))

    def _mark_in(self, background: QColor, text: QColor) -> None:
        palette = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, background)
            palette.setColor(group, QPalette.ColorRole.HighlightedText, text)
        self.setPalette(palette)

    def _show_flash(self, line_id: str | None) -> None:
        """Otherwise the mark would hide the flash of the line just rung up (the newest)."""
        rows = self.selectionModel().selectedRows()
        marked = self._model.line_at(rows[0].row()) if rows else None
        if line_id is not None and marked is not None and marked.line_id == line_id:
            self._mark_in(FLASH_COLOUR, QColor("black"))
        else:
            self._mark_in(QColor(SELECTED_LINE), QColor("white"))

    def _size_columns(self) -> None:
        """Fixed widths from the font, not ResizeToContents: that re-measures every row of
        every column on each scan, which cost most of the scan-to-basket time. The item's
        name gets the rest of the width."""
        header = self.horizontalHeader()
        widths = {
            BasketTableModel.QTY: "Antall",
            BasketTableModel.PRICE: "99 999,99",
            BasketTableModel.DISCOUNT: "-99 999,99",
            BasketTableModel.TOTAL: "999 999,99",
        }
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, sample in widths.items():
            header.resizeSection(column, self._text_width(sample))
        header.setSectionResizeMode(BasketTableModel.ITEM, QHeaderView.ResizeMode.Stretch)
        self._size_tenant_column()

    def _text_width(self, sample: str) -> int:
        return self.fontMetrics().horizontalAdvance(sample) + 24

    def _size_tenant_column(self) -> None:
        """The tenant's name where the item's name still has room for its own, else its code
        (the colour, the tooltip and the totals under the basket name it)."""
        names = self._text_width(TENANT_SAMPLE)
        fixed = sum(self.columnWidth(c) for c in range(BasketTableModel.QTY, self._columns()))
        room_for_item = self.viewport().width() - fixed - names
        show_names = room_for_item >= self._text_width(ITEM_SAMPLE)
        title = str(self._model.headerData(BasketTableModel.TENANT, Qt.Orientation.Horizontal))
        width = names if show_names else self._text_width(title)
        if show_names != self._model.tenant_names or self.columnWidth(0) != width:
            self._model.tenant_names = show_names
            self.horizontalHeader().resizeSection(BasketTableModel.TENANT, width)
            self.viewport().update()

    def _columns(self) -> int:
        return self._model.columnCount()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._size_tenant_column()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """No taller than it must be: the list takes the room left on the screen, and never
        asks the screen to scroll the total under it out of view."""
        return QSize(super().sizeHint().width(), self.minimumSizeHint().height())

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
