"""Pricing an open-price line (a quick key, an open-price item), or an unknown in-store label
that names its tenant: the price read off it and, if wanted, what it is (``describe``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from pos.errors import DomainError
from pos.model.tenant import Tenant
from pos.money import parse_nok
from ui.common import TOUCH_MIN_PX, error_text


class PriceDialog(QDialog):
    priced = Signal(str, int)
    """The cashier set a price: (tenant id, price in øre)."""

    def __init__(
        self,
        heading: str,
        tenants: list[Tenant],
        tenant_id: str | None,
        *,
        choose_tenant: bool,
        describe: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Price"))
        self.heading = QLabel(heading, self)
        self.heading.setWordWrap(True)
        self.tenant = QComboBox(self)
        for tenant in tenants:
            self.tenant.addItem(f"{tenant.code} {tenant.name}", tenant.id)
        if tenant_id is not None:
            self.tenant.setCurrentIndex(max(self.tenant.findData(tenant_id), 0))
        self.tenant.setEnabled(choose_tenant)
        self.price = QLineEdit(self)
        self.price.setObjectName("price")
        self.description = QLineEdit(self)
        self.description.setObjectName("description")
        self.description.setMaxLength(80)
        self.description.setPlaceholderText(self.tr("Optional, e.g. Rain trousers size 98"))
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b71c1c;")
        for widget in (self.tenant, self.price, self.description):
            widget.setMinimumHeight(TOUCH_MIN_PX)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(self.heading)
        layout.addRow(self.tr("Tenant"), self.tenant)
        layout.addRow(self.tr("Price (kr)"), self.price)
        if describe:  # the price first (read off the label), Tab to what it is
            layout.addRow(self.tr("What it is"), self.description)
        else:
            self.description.hide()
        layout.addRow(self.message)
        layout.addRow(buttons)
        self.price.setFocus()

    def submit(self) -> None:
        try:
            price = parse_nok(self.price.text())
        except DomainError as error:
            self.message.setText(error_text(error))
            return
        self.accept()
        self.priced.emit(str(self.tenant.currentData()), price)
