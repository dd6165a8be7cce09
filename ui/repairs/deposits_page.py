"""Deposits the centre holds against repair tickets, for the manager: money paid in at intake
and not yet deducted at pickup or paid back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.services.repair_board import open_deposits
from ui.common import kr, tab_passes, touch_button
from ui.pages import PageWidget
from ui.repairs.desk import RepairDesk
from ui.repairs.labels import status_label


class DepositsPage(PageWidget):
    def __init__(self, desk: RepairDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("repairDeposits")
        self.desk = desk
        heading = QLabel(self.tr("Open deposits"), self)
        heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.table = tab_passes(QTableWidget(0, 6, self))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Ticket"),
                self.tr("Workshop"),
                self.tr("Customer"),
                self.tr("Status"),
                self.tr("Paid"),
                self.tr("Held"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.total = QLabel(self)
        self.total.setStyleSheet("font-size: 16px; font-weight: bold;")
        refresh = touch_button(self.tr("Refresh"), self, "F5")
        back = touch_button(self.tr("Back"), self, "Esc")
        for button in (refresh, back):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total, 1)
        bottom.addWidget(refresh)
        bottom.addWidget(back)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        refresh.clicked.connect(self.on_shown)
        back.clicked.connect(self.close_requested.emit)

    def on_shown(self) -> None:
        deposits = open_deposits(self.desk.uow)
        self.table.setRowCount(len(deposits))
        for r, d in enumerate(deposits):
            status = status_label(d.status) if d.status is not None else d.status_label
            values = (d.ticket_id, d.tenant_code, d.customer, status, d.paid_at)
            for c, value in enumerate((*values, kr(d.held))):
                item = QTableWidgetItem(value)
                if c == 5:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        total = sum(d.held for d in deposits)
        self.total.setText(
            self.tr("%1 deposit(s), %2 held in total")
            .replace("%1", str(len(deposits)))
            .replace("%2", kr(total))
        )
