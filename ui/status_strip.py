"""The strip always on top: who is logged in, register, tenants in the basket, training mode,
printer state and how many events are not yet synced."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ui.receipt_output import PrinterState


class StatusStrip(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusStrip")
        self.user = QLabel(self)
        self.register = QLabel(self)
        self.tenants = QLabel(self)
        self.training = QLabel(self)
        self.printer = QLabel(self)
        self.unsynced = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        for label in (self.user, self.register, self.tenants, self.training):
            layout.addWidget(label)
        layout.addStretch(1)
        layout.addWidget(self.printer)
        layout.addWidget(self.unsynced)
        self.setStyleSheet("QLabel { padding: 2px 10px; font-size: 14px; }")

    def show_state(
        self,
        *,
        user: str | None,
        register: str,
        tenant_count: int,
        training: bool,
        printer: PrinterState,
        unsynced: int,
        online: bool | None = None,
        sync_problems: int = 0,
    ) -> None:
        """``online`` is None when the counter is not enrolled with a central server."""
        self.user.setText(user or self.tr("Not logged in"))
        self.register.setText(register)
        self.show_tenant_count(tenant_count)
        self.training.setText(self.tr("TRAINING") if training else "")
        self.training.setStyleSheet(
            "background: #ff6f00; color: white; font-weight: bold;" if training else ""
        )
        self.printer.setText(self.tr("Printer: %1").replace("%1", self._printer_text(printer)))
        self.printer.setStyleSheet("" if printer.ready else "color: #b71c1c;")
        text = self.tr("%1 not yet synced").replace("%1", str(unsynced))
        if online is not None:
            text = (self.tr("online") if online else self.tr("offline")) + " · " + text
        if sync_problems:
            text += " · " + self.tr("%1 sync problems").replace("%1", str(sync_problems))
        self.unsynced.setText(text)
        self.unsynced.setStyleSheet("color: #b71c1c;" if sync_problems or online is False else "")

    def _printer_text(self, printer: PrinterState) -> str:
        if printer.text == "no printer":
            return self.tr("No printer")
        if printer.text == "ready":
            return self.tr("ready")
        if printer.text.endswith(" failed"):
            count = printer.text.split()[0]
            return self.tr("%1 failed print jobs").replace("%1", count)
        return printer.text

    def show_tenant_count(self, tenant_count: int) -> None:
        self.tenants.setText(self.tr("Tenants in basket: %1").replace("%1", str(tenant_count)))
