"""The job's work entry: a labour line (amount or minutes at the workshop's rate), a part from the
workshop's stock by code or scan, and the customer's approval when the price passes the limit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from pos.errors import DomainError
from pos.money import parse_nok
from pos.services import repair_work
from pos.services.repair_work import ApprovalMethod
from ui.common import TOUCH_MIN_PX, error_text, touch_button
from ui.repairs.desk import RepairDesk


class WorkPanel(QWidget):
    changed = Signal()
    """A line or an approval was saved."""
    failed = Signal(str)
    """A refusal to show: (its message)."""

    def __init__(self, desk: RepairDesk, ticket_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.ticket_id = ticket_id
        self.labour_text = self._field(self.tr("Labour: what was done"))
        self.labour_amount = self._field(self.tr("Amount kr (or minutes: 30m)"))
        self.part_code = self._field(self.tr("Part code or scan"))
        self.part_qty = self._field(self.tr("Qty"))
        self.approval_amount = self._field(self.tr("Approved amount kr"))
        self.approval_method = QComboBox(self)
        self.approval_method.setMinimumHeight(TOUCH_MIN_PX)
        for method, text in (
            (ApprovalMethod.PHONE, self.tr("By phone")),
            (ApprovalMethod.IN_PERSON, self.tr("In person")),
            (ApprovalMethod.SMS, self.tr("By SMS")),
            (ApprovalMethod.EMAIL, self.tr("By e-mail")),
        ):
            self.approval_method.addItem(text, method.value)
        self.labour_button = touch_button(self.tr("Add labour"), self, "F3")
        self.part_button = touch_button(self.tr("Add part"), self, "F4")
        self.approval_button = touch_button(self.tr("Record approval"), self, "F5")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Labour"), self), 0, 0)
        grid.addWidget(self.labour_text, 0, 1)
        grid.addWidget(self.labour_amount, 0, 2)
        grid.addWidget(self.labour_button, 0, 3)
        grid.addWidget(QLabel(self.tr("Part"), self), 1, 0)
        grid.addWidget(self.part_code, 1, 1)
        grid.addWidget(self.part_qty, 1, 2)
        grid.addWidget(self.part_button, 1, 3)
        grid.addWidget(QLabel(self.tr("Customer approval"), self), 2, 0)
        grid.addWidget(self.approval_amount, 2, 1)
        grid.addWidget(self.approval_method, 2, 2)
        grid.addWidget(self.approval_button, 2, 3)
        self.labour_button.clicked.connect(self.add_labour)
        self.part_button.clicked.connect(self.add_part)
        self.approval_button.clicked.connect(self.record_approval)
        self.labour_amount.returnPressed.connect(self.add_labour)
        self.part_code.returnPressed.connect(self.add_part)
        self.approval_amount.returnPressed.connect(self.record_approval)

    def _field(self, placeholder: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setPlaceholderText(placeholder)
        field.setMinimumHeight(TOUCH_MIN_PX)
        return field

    def _do(self, action: Callable[[], object], *fields: QLineEdit) -> bool:
        try:
            action()
        except DomainError as error:
            self.failed.emit(error_text(error))
            return False
        for field in fields:
            field.clear()
        self.changed.emit()
        return True

    def add_labour(self) -> None:
        typed = self.labour_amount.text().strip().lower()
        ctx = self.desk.session.context()

        def add() -> object:
            if typed.endswith("m") and typed[:-1].strip().isdigit():
                minutes = int(typed[:-1])
                return repair_work.add_labour(
                    self.desk.uow, ctx, self.ticket_id, self.labour_text.text(), minutes=minutes
                )
            amount = parse_nok(typed)
            return repair_work.add_labour(
                self.desk.uow, ctx, self.ticket_id, self.labour_text.text(), amount=amount
            )

        self._do(add, self.labour_text, self.labour_amount)

    def add_part(self, code: str = "") -> bool:
        """A part onto the job (typed, or scanned); False if refused (``failed`` says why)."""
        code = code or self.part_code.text().strip()
        qty_text = self.part_qty.text().strip()
        ctx = self.desk.session.context()
        if not code:
            return False
        return self._do(
            lambda: repair_work.add_part(
                self.desk.uow,
                ctx,
                self.ticket_id,
                code,
                int(qty_text) if qty_text.isdigit() else 1,
            ),
            self.part_code,
            self.part_qty,
        )

    def record_approval(self) -> None:
        typed = self.approval_amount.text()
        method = ApprovalMethod(self.approval_method.currentData())
        ctx = self.desk.session.context()
        self._do(
            lambda: repair_work.record_approval(
                self.desk.uow, ctx, self.ticket_id, parse_nok(typed), method
            ),
            self.approval_amount,
        )
