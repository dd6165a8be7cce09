"""Under the basket: each tenant's total, and in large type what the customer pays. A repair job
whose deposit was paid at intake is in the basket with its deposit deducted: the line above the
large figure says the basket's sum and the deposit taken off it, so the cashier says the amount
the customer really pays (the payment applies the same deposit)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pos.model.payment import Tender
from pos.money import Ore
from ui.common import kr

_RIGHT = Qt.AlignmentFlag.AlignRight


class BasketTotals(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tenant_totals = QLabel(self)
        self.tenant_totals.setObjectName("tenantTotals")
        self.deposits = QLabel(self)
        self.deposits.setObjectName("depositDeducted")
        self.deposits.setAlignment(_RIGHT)
        self.deposits.setWordWrap(True)
        self.total = QLabel(self)
        self.total.setObjectName("grandTotal")
        self.total.setFont(QFont(self.font().family(), 26, QFont.Weight.Bold))
        self.total.setAlignment(_RIGHT)
        due = QVBoxLayout()
        due.addWidget(self.deposits)
        due.addWidget(self.total)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tenant_totals, 1)
        layout.addLayout(due)

    def show_totals(self, tenant_rows: Sequence[str], total: Ore, deposits: Sequence[Tender]):
        """``tenant_rows`` as shown (rich text); ``deposits``: the jobs' deposits in the basket,
        each deducted from ``total``."""
        self.tenant_totals.setText("<br>".join(tenant_rows))
        taken = sum(deposit.amount for deposit in deposits)
        self.deposits.setVisible(bool(taken))
        if taken:
            jobs = ", ".join(deposit.credit_note_number for deposit in deposits)
            text = self.tr("Basket %1, deposit %2 deducted (%3). To pay:")
            for mark, value in (("%1", kr(total)), ("%2", kr(taken)), ("%3", jobs)):
                text = text.replace(mark, value)
            self.deposits.setText(text)
        self.total.setText(kr(max(total - taken, 0)))
