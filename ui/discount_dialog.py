"""A discount on one line: an amount or a percentage, always with a reason."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from pos.errors import DomainError
from pos.model.basket import BasketLine, percent_discount
from pos.money import Ore, parse_nok
from ui.common import TOUCH_MIN_PX, error_text, kr


def discount_from_text(text: str, gross: Ore) -> Ore:
    """'50' is 50 kr off, '10%' is ten per cent of the line (rounded to the øre)."""
    cleaned = text.strip()
    if cleaned.endswith("%"):
        percent = parse_nok(cleaned[:-1])  # in hundredths of a per cent
        return percent_discount(gross, percent)
    return parse_nok(cleaned)


class DiscountDialog(QDialog):
    discount_chosen = Signal(str, int, str)
    """A discount was entered: (line id, discount in øre, reason)."""

    def __init__(self, line: BasketLine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Discount"))
        self._line = line
        self.amount = QLineEdit(self)
        self.amount.setObjectName("discount")
        self.amount.setPlaceholderText(self.tr("e.g. 50 or 10%"))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Reason (required)"))
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b71c1c;")
        for widget in (self.amount, self.reason):
            widget.setMinimumHeight(TOUCH_MIN_PX)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(QLabel(f"{line.description}: {kr(line.gross_before_discount)}", self))
        layout.addRow(self.tr("Discount"), self.amount)
        layout.addRow(self.tr("Reason"), self.reason)
        layout.addRow(self.message)
        layout.addRow(buttons)
        self.amount.returnPressed.connect(self.reason.setFocus)
        self.reason.returnPressed.connect(self.submit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter is the fields' own (amount → reason → submit): passed on to the dialog, it
        would also press OK and give the discount before its reason is typed."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        try:
            discount = discount_from_text(self.amount.text(), self._line.gross_before_discount)
        except DomainError as error:
            self.message.setText(error_text(error))
            return
        self.accept()
        self.discount_chosen.emit(self._line.line_id, discount, self.reason.text())
