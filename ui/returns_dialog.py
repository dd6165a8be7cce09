"""Returning goods against a receipt: scan or type its number, choose lines and quantities and
how the money goes back; a manager approves (the service enforces it).

From the keyboard alone: once a receipt is found the first line's quantity has the focus (type
it; Tab to the next line's), F1–F4 choose how the money goes back (as at payment: cash, card,
Vipps, a new credit note), F12 records the return."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.errors import DomainError, PermissionDenied, ReturnNotAllowed
from pos.model.payment import Tender, TenderKind
from pos.model.staff import Operator
from pos.services.checkout import SaleResult
from pos.services.returns import ReturnableLine, ReturnRequest
from ui.approval_flow import ask_approval
from ui.common import TOUCH_MIN_PX, error_text, kr, tab_passes, touch_button
from ui.scanner.routing import CodeKind, route_code
from ui.scanner.targets import Refusal
from ui.tab_order import tab_in_layout_order
from ui.tasks import TaskRunner
from ui.till_session import TillSession
from ui.window_placement import roomy


class ReturnsDialog(QDialog):
    return_completed = Signal(object)
    """The return was recorded: (its SaleResult)."""
    refused = Signal(str)
    """Something typed or asked for here was refused (not a scan): (why)."""

    def __init__(self, session: TillSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Return"))
        roomy(self, 820, 520)
        self._session = session
        self._tasks = tasks
        self._lines: list[ReturnableLine] = []
        self._number = ""
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(self.tr("Receipt number, e.g. 11-K1-000123 (or scan it)"))
        self.number.setMinimumHeight(TOUCH_MIN_PX)
        self.table = tab_passes(QTableWidget(0, 4, self))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Sold"), self.tr("Amount"), self.tr("Return qty")]
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(TOUCH_MIN_PX)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab goes from one quantity to the next
        self.refund = QComboBox(self)
        self.refund.setMinimumHeight(TOUCH_MIN_PX)
        for kind, label, key in (
            (TenderKind.CASH, self.tr("Cash"), "F1"),
            (TenderKind.CARD, self.tr("Card"), "F2"),
            (TenderKind.VIPPS, self.tr("Vipps"), "F3"),
            (TenderKind.CREDIT_NOTE, self.tr("New credit note"), "F4"),
        ):
            self.refund.addItem(f"{label} ({key})", kind)
            QShortcut(QKeySequence(key), self).activated.connect(
                lambda k=kind: self.refund.setCurrentIndex(self.refund.findData(k))
            )
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.confirm_button = touch_button(self.tr("Record return"), self, "F12")
        cancel = touch_button(self.tr("Cancel"), self, "Esc")
        find = touch_button(self.tr("Find receipt"), self)
        row = QHBoxLayout()
        row.addWidget(self.number, 3)
        row.addWidget(find, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Refund to"), self))
        bottom.addWidget(self.refund, 1)
        bottom.addWidget(cancel)
        bottom.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        tab_in_layout_order(self)
        find.clicked.connect(lambda: self.load())  # never its checked flag as the number
        self.number.returnPressed.connect(self.load)
        cancel.clicked.connect(self.reject)
        self.confirm_button.clicked.connect(lambda: self.confirm())
        self.confirm_button.setEnabled(False)

    def handle_scan(self, code: str) -> Refusal | None:
        """A receipt's number loads it; anything else is refused (nothing typed anywhere)."""
        routed = route_code(code)
        if routed.kind is not CodeKind.RECEIPT:
            text = self.tr("Scan the receipt's number to return from it.")
            self.message.setText(text)
            return Refusal(text)
        self.load(routed.code, scanned=True)
        return Refusal(self.message.text()) if not self._lines else None

    def load(self, number: str | None = None, *, scanned: bool = False) -> None:
        """The receipt's lines to return from; ``scanned``: its refusal is the scan router's
        to say, any other is said here and sent on (``refused``)."""
        if number is not None:
            self.number.setText(number)
        self.message.clear()
        try:
            self._lines = self._session.returnable(self.number.text())
        except DomainError as error:
            self._lines = []
            self.message.setText(error_text(error))
            if not scanned:
                self.refused.emit(error_text(error))
        self._number = self.number.text().strip().upper() if self._lines else ""
        self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(len(self._lines))
        for row, line in enumerate(self._lines):
            self.table.setItem(row, 0, QTableWidgetItem(line.description))
            self.table.setItem(row, 1, QTableWidgetItem(f"{line.qty_sold} ({line.qty_left})"))
            self.table.setItem(row, 2, QTableWidgetItem(kr(line.amount)))
            spin = QSpinBox(self.table)
            spin.setRange(0, line.qty_left)
            spin.setValue(line.qty_left if len(self._lines) == 1 else 0)
            spin.setMinimumHeight(TOUCH_MIN_PX)
            self.table.setCellWidget(row, 3, spin)
        self.confirm_button.setEnabled(bool(self._lines))
        spins = self._spins()
        for before, after in pairwise([self.table, *spins, self.refund]):  # row by row
            QWidget.setTabOrder(before, after)
        if spins:  # the quantity is what is typed next
            spins[0].setFocus()
            spins[0].selectAll()

    def _spins(self) -> list[QSpinBox]:
        found = (self.table.cellWidget(row, 3) for row in range(self.table.rowCount()))
        return [spin for spin in found if isinstance(spin, QSpinBox)]

    def set_quantity(self, row: int, qty: int) -> None:
        spin = self.table.cellWidget(row, 3)
        assert isinstance(spin, QSpinBox)
        spin.setValue(qty)

    def requests(self) -> list[ReturnRequest]:
        chosen = []
        for row, line in enumerate(self._lines):
            spin = self.table.cellWidget(row, 3)
            if isinstance(spin, QSpinBox) and spin.value():
                chosen.append(ReturnRequest(line.line_id, spin.value()))
        return chosen

    def confirm(self, approver: Operator | None = None) -> None:
        requests = self.requests()
        if not requests:
            text = error_text(
                ReturnNotAllowed(reason_nb="ingen linjer valgt", reason_en="no lines")
            )
            self.message.setText(text)
            self.refused.emit(text)
            return
        refund = [Tender(TenderKind(self.refund.currentData()), 0)]
        number = self._number
        self.confirm_button.setEnabled(False)
        self._tasks.run(
            lambda: self._session.complete_return(number, requests, refund, approver),
            self._recorded,
            self._refused,
        )

    def _recorded(self, result: SaleResult) -> None:
        self.accept()
        self.return_completed.emit(result)

    def _refused(self, error: Exception) -> None:
        self.confirm_button.setEnabled(True)
        if isinstance(error, PermissionDenied):
            self.approval = ask_approval(self, self._session, self._tasks, error, self.confirm)
            return
        self.message.setText(error_text(error))
        self.refused.emit(error_text(error))
