"""The ticket board's table: one page of tickets from ``repair_board.board`` at a time (never all
50 000), overdue jobs in red. Paging and filters are the page's; this only shows rows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from pos.services.repair_board import BoardQuery, BoardRow, board
from pos.unit_of_work import UnitOfWorkFactory
from ui.repairs.labels import status_label
from ui.row_table_model import RowTableModel

PAGE_SIZE = 50
OVERDUE = QColor("#b71c1c")


class BoardTableModel(RowTableModel[BoardRow]):
    TICKET, STATUS, TENANT, CUSTOMER, PHONE, ITEM, TECHNICIAN, PROMISED = range(8)

    def __init__(self, uow: UnitOfWorkFactory, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self._uow = uow
        self._today = today
        self.query = BoardQuery()
        self.page = 0
        self.has_more = False

    def headers(self) -> list[str]:
        """Translated as they are shown: the board follows a change of language."""
        return [
            self.tr("Ticket"),
            self.tr("Status"),
            self.tr("Workshop"),
            self.tr("Customer"),
            self.tr("Phone"),
            self.tr("Item"),
            self.tr("Technician"),
            self.tr("Promised"),
        ]

    # -- loading ---------------------------------------------------------------------------
    def load(self, query: BoardQuery, page: int = 0) -> None:
        """Show page ``page`` of the tickets matching ``query``."""
        found = board(self._uow, query, page=max(page, 0), page_size=PAGE_SIZE, today=self._today())
        self.query, self.page, self.has_more = query, found.page, found.has_more
        self.set_rows(found.rows)

    def next_page(self) -> None:
        if self.has_more:
            self.load(self.query, self.page + 1)

    def previous_page(self) -> None:
        if self.page > 0:
            self.load(self.query, self.page - 1)

    def style(self, row: BoardRow, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return QBrush(OVERDUE)
        if role == Qt.ItemDataRole.ToolTipRole and row.overdue:
            return self.tr("Overdue: promised %1").replace("%1", row.promised)
        return None

    def cell(self, row: BoardRow, column: int) -> str:
        values = (
            row.ticket_id,
            status_label(row.status),
            row.tenant_code,
            row.customer,
            row.phone,
            row.item,
            row.technician,
            row.promised + (" !" if row.overdue else ""),
        )
        return values[column]
