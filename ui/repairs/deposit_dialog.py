"""Taking a repair deposit through the till: cash (with change), card or Vipps. It becomes the
repair workshop's own deposit receipt (not a sale) and is deducted when the job is paid."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos.errors import DomainError
from pos.model.payment import Tender, TenderKind
from pos.money import Ore, parse_nok, round_to_krone
from ui.common import error_text, kr, touch_button
from ui.repairs.desk import RepairDesk
from ui.tasks import TaskRunner
from ui.window_placement import roomy


class DepositDialog(QDialog):
    paid = Signal(object)
    """The deposit was recorded: (its DepositResult)."""

    def __init__(
        self,
        desk: RepairDesk,
        tasks: TaskRunner,
        ticket_id: str,
        amount: Ore,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Deposit for %1").replace("%1", ticket_id))
        roomy(self, 520, 360)
        self.desk = desk
        self.tasks = tasks
        self.ticket_id = ticket_id
        self.due = amount
        big = QFont(self.font().family(), 18, QFont.Weight.Bold)
        self.due_label = QLabel(self.tr("Deposit to take: %1").replace("%1", kr(amount)), self)
        self.due_label.setFont(big)
        self.given = QLineEdit(self)
        self.given.setObjectName("given")
        self.given.setFont(big)
        self.given.setPlaceholderText(self.tr("Cash handed over (empty = exact)"))
        self.reference = QLineEdit(self)
        self.reference.setPlaceholderText(self.tr("Card terminal reference"))
        for field in (self.given, self.reference):
            field.setMinimumHeight(48)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.cash_button = touch_button(self.tr("Cash"), self, "F1")
        self.card_button = touch_button(self.tr("Card"), self, "F2")
        self.vipps_button = touch_button(self.tr("Vipps"), self, "F3")
        self.later_button = touch_button(self.tr("No deposit now"), self, "Esc")
        grid = QGridLayout()
        for column, button in enumerate(
            (self.cash_button, self.card_button, self.vipps_button, self.later_button)
        ):
            grid.addWidget(button, 0, column)
        layout = QVBoxLayout(self)
        for widget in (self.due_label, self.given, self.reference):
            layout.addWidget(widget)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        self.cash_button.clicked.connect(lambda: self.pay(TenderKind.CASH))
        self.card_button.clicked.connect(lambda: self.pay(TenderKind.CARD))
        self.vipps_button.clicked.connect(lambda: self.pay(TenderKind.VIPPS))
        self.later_button.clicked.connect(self.reject)
        self.given.returnPressed.connect(lambda: self.pay(TenderKind.CASH))

    def tender(self, kind: TenderKind) -> Tender:
        typed = self.given.text().strip()
        if kind is TenderKind.CASH:
            return Tender(kind, parse_nok(typed) if typed else round_to_krone(self.due))
        return Tender(kind, self.due, self.reference.text().strip())

    def pay(self, kind: TenderKind) -> None:
        if self.tasks.busy:
            return
        try:
            tender = self.tender(kind)
        except DomainError as error:
            self.message.setText(error_text(error))
            return
        self.message.clear()
        self.tasks.run(
            lambda: self.desk.pay_deposit(self.ticket_id, [tender], self.due),
            self._paid,
            lambda error: self.message.setText(error_text(error)),
        )

    def _paid(self, result: object) -> None:
        self.accept()
        self.paid.emit(result)
