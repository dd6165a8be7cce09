"""Messages to customers waiting in the outbox: queued at a status change, sent by the central
server when the centre is online. Pending stay visible here until the server confirms them;
one the server tried and retries, and a failed one, show why (the last attempt's reason)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.services.repair_board import notifications
from ui.common import tab_passes, touch_button
from ui.pages import PageWidget
from ui.repairs.desk import RepairDesk


class NotificationsPage(PageWidget):
    def __init__(self, desk: RepairDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("repairNotifications")
        self.desk = desk
        heading = QLabel(self.tr("Messages to customers"), self)
        heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.include_failed = QCheckBox(self.tr("Show failed too"), self)
        self.table = tab_passes(QTableWidget(0, 7, self))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Queued"),
                self.tr("Ticket"),
                self.tr("State"),
                self.tr("How"),
                self.tr("To"),
                self.tr("Reason"),
                self.tr("Text"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.count = QLabel(self)
        refresh = touch_button(self.tr("Refresh"), self, "F5")
        back = touch_button(self.tr("Back"), self, "Esc")
        for button in (refresh, back):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(refresh)
        bottom.addWidget(back)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.include_failed)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        refresh.clicked.connect(self.on_shown)
        back.clicked.connect(self.close_requested.emit)
        self.include_failed.toggled.connect(lambda _on: self.on_shown())

    def on_shown(self) -> None:
        states = ("pending", "failed") if self.include_failed.isChecked() else ("pending",)
        rows = notifications(self.desk.uow, states)
        self.table.setRowCount(len(rows))
        for r, n in enumerate(rows):
            how = "SMS" if n.channel == "sms" else self.tr("E-mail")
            text = f"{n.subject}\n{n.body}" if n.subject else n.body
            values = (n.queued_at, n.ticket_id, self.state_text(n.state, n.error), how, n.to)
            for c, value in enumerate((*values, n.error, text)):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeRowsToContents()
        self.count.setText(self.tr("%1 message(s) waiting").replace("%1", str(len(rows))))

    def state_text(self, state: str, error: str) -> str:
        """A pending message with a reason is one the server tried and tries again."""
        if state == "failed":
            return self.tr("Failed")
        if error:
            return self.tr("Waiting: the server tries again")
        return self.tr("Waiting to be sent")
