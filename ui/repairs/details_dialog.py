"""Correcting a ticket's descriptive fields (customer contact, item, fault, condition). Only
what really changed is saved and sent, so another counter's edits of other fields survive."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pos.errors import DomainError
from pos.services import repair_edit
from ui.common import error_text
from ui.repairs.desk import RepairDesk
from ui.scanner.targets import take_codes


class DetailsDialog(QDialog):
    def __init__(self, desk: RepairDesk, ticket_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.ticket_id = desk, ticket_id
        self.changed: tuple[str, ...] = ()
        self.setWindowTitle(self.tr("Edit repair %1").replace("%1", ticket_id))
        labels = {
            "customer_name": self.tr("Customer"),
            "customer_phone": self.tr("Mobile"),
            "customer_email": self.tr("E-mail"),
            "item_category": self.tr("Kind of item"),
            "item_brand_model": self.tr("Brand and model"),
            "item_serial": self.tr("Serial number"),
            "fault": self.tr("Fault"),
            "condition": self.tr("Condition"),
        }
        values = repair_edit.editable_texts(desk.uow, ticket_id)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for name, label in labels.items():
            edit = QLineEdit(values[name], self)
            edit.setMinimumHeight(40)
            self.edits[name] = edit
            form.addRow(label, edit)
        take_codes(self.edits["item_serial"])  # a serial number's barcode scans into it
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def save(self) -> None:
        texts = {name: edit.text() for name, edit in self.edits.items()}
        try:
            self.changed = self.desk.update_details(self.ticket_id, texts)
        except DomainError as error:
            self.message.setText(error_text(error))
            return
        self.accept()
