"""Cash put into or taken out of the drawer, with the amount and a reason. Enter in the amount
goes to the reason, Enter in the reason records it;
when the rules want a manager, one approves with their PIN. The drawer kick and a slip are
queued; the opening is journaled when the kick reaches the printer."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from pos.errors import DomainError
from pos.model.staff import Operator
from pos.money import Ore, parse_nok
from ui.approval_flow import with_approval
from ui.common import TOUCH_MIN_PX, error_text
from ui.tasks import TaskRunner
from ui.till_session import TillSession
from ui.window_placement import roomy


class CashDialog(QDialog):
    cash_moved = Signal(int, str)
    """Recorded: (amount in øre, positive in and negative out; the reason)."""

    def __init__(
        self,
        session: TillSession,
        tasks: TaskRunner,
        *,
        out: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.tasks, self.out = session, tasks, out
        self.setObjectName("cashOutDialog" if out else "cashInDialog")
        self.setWindowTitle(
            self.tr("Cash out of the till") if out else self.tr("Cash into the till")
        )
        roomy(self, 520, 360)
        self.amount = QLineEdit(self)
        self.amount.setObjectName("cashAmount")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("cashReason")
        self.reason.setMaxLength(80)
        suggestions = (
            [self.tr("Bank deposit"), self.tr("Purchase for the centre"), self.tr("Change to bank")]
            if out
            else [self.tr("Change from the bank"), self.tr("Float topped up")]
        )
        self.reason.setPlaceholderText(suggestions[0])
        self.reason.setCompleter(QCompleter(suggestions, self))
        for field in (self.amount, self.reason):
            field.setMinimumHeight(TOUCH_MIN_PX)
        self.error = QLabel("", self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Take out") if out else self.tr("Put in")
        )
        for button in buttons.buttons():
            button.setMinimumHeight(TOUCH_MIN_PX)
        self.amount.returnPressed.connect(self.reason.setFocus)
        self.reason.returnPressed.connect(self.submit)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Amount (kr)"), self.amount)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.error)
        form.addRow(buttons)
        self.amount.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter is the fields' own (amount → reason → record), never OK's as well."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        try:
            amount = parse_nok(self.amount.text())
        except DomainError as error:
            self._failed(error_text(error))
            return
        signed: Ore = -abs(amount) if self.out else abs(amount)
        reason = self.reason.text().strip()

        def move(approver: Operator | None) -> None:
            self.session.move_cash(signed, reason, approver)
            self.cash_moved.emit(signed, reason)
            self.accept()

        with_approval(self, self.session, self.tasks, move, self._failed)

    def _failed(self, text: str) -> None:
        self.error.setText(text)
        self.amount.setFocus()
