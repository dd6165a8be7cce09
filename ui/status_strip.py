"""The strip always on top: who is logged in, register, tenants in the basket, training mode,
printer state and how many events are not yet synced. The printer state is a button: failed
print jobs are shown there and retried from there (click, or Ctrl+Shift+P)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ui.receipt_output import PrinterState

PRINT_JOBS_KEY = "Ctrl+Shift+P"
"""Not Ctrl+P: the back-office pages print with that (two window shortcuts on one key fire
neither)."""


class StatusStrip(QWidget):
    print_jobs_requested = Signal()
    """The printer state was clicked: show the failed print jobs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusStrip")
        self.user = QLabel(self)
        self.register = QLabel(self)
        self.tenants = QLabel(self)
        self.training = QLabel(self)
        self.printer = QPushButton(self)
        self.printer.setObjectName("printerState")
        self.printer.setFlat(True)
        self.printer.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.printer.setCursor(Qt.CursorShape.PointingHandCursor)
        self.printer.clicked.connect(self.print_jobs_requested.emit)
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
        self.show_printer(printer)
        text = self.tr("%1 not yet synced").replace("%1", str(unsynced))
        if online is not None:
            text = (self.tr("online") if online else self.tr("offline")) + " · " + text
        else:  # kept here until a manager enrols the counter (F1 → sync with the centre)
            text = self.tr("%1 waiting (no server)").replace("%1", str(unsynced))
        if sync_problems:
            text += " · " + self.tr("%1 sync problems").replace("%1", str(sync_problems))
        self.unsynced.setText(text)
        self.unsynced.setStyleSheet("color: #b71c1c;" if sync_problems or online is False else "")

    def show_printer(self, printer: PrinterState) -> None:
        text = self.tr("Printer: %1").replace("%1", self._printer_text(printer))
        if printer.failed:
            text += f" · {PRINT_JOBS_KEY}"
        self.printer.setText(text)
        self.printer.setToolTip(
            self.tr("Failed print jobs: show and retry (%1)").replace("%1", PRINT_JOBS_KEY)
        )
        colour = "" if printer.ready else "color: #b71c1c;"
        weight = "font-weight: bold; text-decoration: underline;" if printer.failed else ""
        self.printer.setStyleSheet(
            f"QPushButton {{ {colour} {weight} border: none; padding: 2px 10px; font-size: 14px; }}"
        )

    def _printer_text(self, printer: PrinterState) -> str:
        if printer.waiting:
            count = len(printer.waiting)
            if count == 1:
                return self.tr("receipt %1 not printed").replace("%1", printer.waiting[0])
            return self.tr("%1 receipts not printed").replace("%1", str(count))
        if printer.failed == 1:
            return self.tr("1 failed print job")
        if printer.failed:
            return self.tr("%1 failed print jobs").replace("%1", str(printer.failed))
        if printer.text == "no printer":
            return self.tr("No printer")
        if printer.text == "ready":
            return self.tr("ready")
        return printer.text

    def show_tenant_count(self, tenant_count: int) -> None:
        self.tenants.setText(self.tr("Tenants in basket: %1").replace("%1", str(tenant_count)))
