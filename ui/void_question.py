"""Ctrl+F9's question before the whole basket goes: how many lines and how much, with "keep"
as the default so Enter alone never voids."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from pos.model.basket import Basket
from ui.common import TOUCH_MIN_PX, kr


class VoidQuestion(QMessageBox):
    confirmed = Signal()
    """The cashier chose to void the basket (a manager may still be asked)."""

    def __init__(self, basket: Basket, parent: QWidget | None = None) -> None:
        super().__init__(QMessageBox.Icon.Warning, "", "", parent=parent)
        self.setWindowTitle(self.tr("Void basket"))
        self.setText(
            self.tr("Void the whole basket: %n lines, %1?", "", len(basket.lines)).replace(
                "%1", kr(basket.total)
            )
        )
        self.confirm = self.addButton(self.tr("Void the basket"), QMessageBox.ButtonRole.AcceptRole)
        self.keep = self.addButton(self.tr("Keep the basket"), QMessageBox.ButtonRole.RejectRole)
        for button in (self.confirm, self.keep):
            button.setMinimumHeight(TOUCH_MIN_PX)
        self.setDefaultButton(self.keep)
        self.setEscapeButton(self.keep)
        self.buttonClicked.connect(
            lambda button: self.confirmed.emit() if button is self.confirm else None
        )
