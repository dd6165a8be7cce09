"""Taking payment: cash with quick amounts, card with the terminal's reference, Vipps, credit
notes by number or scan, any split; shows change, krone rounding and each tenant's receipt before
the sale is recorded. The preview uses the same ``settle`` that checkout records with."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from pos.errors import DomainError, ItemAlreadySold, PaymentShort, PermissionDenied
from pos.model.catalogue import Item, ItemKind, ItemStatus
from pos.model.payment import Settlement, Tender, TenderKind, settle
from pos.model.staff import Operator
from pos.money import Ore, parse_nok, round_to_krone
from pos.services.checkout import SaleResult
from ui.approval_flow import ask_approval
from ui.common import error_text, kr, touch_button
from ui.scanner.routing import CodeKind, route_code
from ui.scanner.targets import Refusal
from ui.tab_order import tab_in_layout_order
from ui.tasks import TaskRunner
from ui.till_session import TillSession
from ui.window_placement import roomy

QUICK_STEPS = (5000, 10000, 20000, 50000, 100000)


def quick_amounts(cash_needed: Ore, limit: int = 5) -> list[Ore]:
    """Exact (rounded) cash first, then the notes a customer is likely to hand over."""
    exact = round_to_krone(cash_needed)
    amounts = [exact]
    for step in QUICK_STEPS:
        candidate = -(-exact // step) * step
        if candidate > amounts[-1]:
            amounts.append(candidate)
    return amounts[:limit]


class PaymentDialog(QDialog):
    sale_completed = Signal(object)
    """The sale was recorded: (its SaleResult)."""
    refused = Signal(str)
    """Something typed or asked for here was refused (not a scan): (why)."""

    def __init__(self, session: TillSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Payment"))
        roomy(self, 960, 640)
        self._session = session
        self._tasks = tasks
        self._dues = session.dues()
        self._tenants = session.tenants()
        self.tenders: list[Tender] = session.deposit_tenders()
        """Deposits of repair jobs in the basket come first: the customer pays only the rest."""
        self.settlement: Settlement | None = None
        self._build()
        self.refresh()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        big = QFont(self.font().family(), 20, QFont.Weight.Bold)
        self.due_label = QLabel(self)
        self.due_label.setFont(big)
        self.state_label = QLabel(self)
        self.state_label.setFont(big)
        self.state_label.setWordWrap(True)  # change and its rounding, whole on any screen
        self.amount = QLineEdit(self)
        self.amount.setObjectName("amount")
        self.amount.setFont(big)
        self.amount.setPlaceholderText(self.tr("Amount (empty = the rest)"))
        self.reference = QLineEdit(self)
        self.reference.setPlaceholderText(self.tr("Card terminal reference"))
        self.credit_note = QLineEdit(self)
        self.credit_note.setPlaceholderText(self.tr("Credit note number (or scan it)"))
        for field in (self.amount, self.reference, self.credit_note):
            field.setMinimumHeight(48)
        self.tender_list = QListWidget(self)
        self.preview = QLabel(self)
        self.preview.setObjectName("receiptPreview")
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.preview.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.message.setWordWrap(True)
        self.quick_row = QHBoxLayout()
        methods = QGridLayout()
        self.cash_button = touch_button(self.tr("Cash"), self, "F1")
        self.card_button = touch_button(self.tr("Card"), self, "F2")
        self.vipps_button = touch_button(self.tr("Vipps"), self, "F3")
        self.note_button = touch_button(self.tr("Credit note"), self, "F4")
        self.undo_button = touch_button(self.tr("Remove last payment"), self, "F5")
        self.confirm_button = touch_button(self.tr("Confirm sale"), self, "F12")
        self.confirm_button.setStyleSheet("font-weight: bold;")
        self.cancel_button = touch_button(self.tr("Back to basket"), self, "Esc")
        for column, button in enumerate(
            (self.cash_button, self.card_button, self.vipps_button, self.note_button)
        ):
            methods.addWidget(button, 0, column)
        methods.addWidget(self.undo_button, 1, 0, 1, 2)
        methods.addWidget(self.cancel_button, 1, 2)
        methods.addWidget(self.confirm_button, 1, 3)
        left = QVBoxLayout()
        for widget in (self.due_label, self.amount, self.reference, self.credit_note):
            left.addWidget(widget)
        left.addLayout(self.quick_row)
        left.addLayout(methods)
        left.addWidget(self.tender_list)
        left.addWidget(self.state_label)
        left.addWidget(self.message)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.preview, 2)
        self.cash_button.clicked.connect(lambda: self.add_tender(TenderKind.CASH))
        self.card_button.clicked.connect(lambda: self.add_tender(TenderKind.CARD))
        self.vipps_button.clicked.connect(lambda: self.add_tender(TenderKind.VIPPS))
        self.note_button.clicked.connect(lambda: self.add_tender(TenderKind.CREDIT_NOTE))
        self.undo_button.clicked.connect(self.remove_last)
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.reject)
        self.amount.returnPressed.connect(self._amount_entered)
        self.credit_note.returnPressed.connect(lambda: self.add_tender(TenderKind.CREDIT_NOTE))
        tab_in_layout_order(self)

    # -- money -----------------------------------------------------------------------------
    @property
    def total(self) -> Ore:
        return sum(due for _, due in self._dues)

    def _non_cash(self) -> Ore:
        return sum(t.amount for t in self.tenders if t.kind is not TenderKind.CASH)

    def cash_needed(self) -> Ore:
        """What is still to pay in cash, before krone rounding (never negative)."""
        cash = sum(t.amount for t in self.tenders if t.kind is TenderKind.CASH)
        return max(self.total - self._non_cash() - cash, 0)

    def add_tender(self, kind: TenderKind, *, scanned: bool = False) -> None:
        """``scanned``: a credit note read by the scanner, whose refusal the scan router
        says; any other refusal is said here and sent on (``refused``)."""
        self.message.clear()
        try:
            tender = self._tender(kind)
            settle(self._dues, [*self.tenders, tender])
        except PaymentShort:
            pass  # more tenders may follow
        except DomainError as error:
            self.message.setText(error_text(error))
            if not scanned:
                self.refused.emit(error_text(error))
            return
        self.tenders.append(tender)
        self.amount.clear()
        self.reference.clear()
        self.credit_note.clear()
        self.refresh()
        self.amount.setFocus()

    def _tender(self, kind: TenderKind) -> Tender:
        typed = self.amount.text().strip()
        rest = self.cash_needed()
        if kind is TenderKind.CREDIT_NOTE:
            return self._credit_note_tender(typed)
        if kind is TenderKind.CASH:
            return Tender(kind, parse_nok(typed) if typed else round_to_krone(rest))
        return Tender(kind, parse_nok(typed) if typed else rest, self.reference.text().strip())

    def _credit_note_tender(self, typed: str) -> Tender:
        amount = parse_nok(typed) if typed else None
        return self._session.credit_note_tender(
            self.credit_note.text(), amount, self._dues, self.tenders
        )

    def remove_last(self) -> None:
        """F5: the last payment goes, and with it whatever was half typed for the next one."""
        if self.tenders and self.tenders[-1].kind is not TenderKind.DEPOSIT:
            self.tenders.pop()
        for field in (self.amount, self.reference, self.credit_note):
            field.clear()
        self.message.clear()
        self.refresh()
        self.amount.setFocus()

    def _amount_entered(self) -> None:
        if not self.amount.text().strip() and self.settlement is not None:
            self.confirm()
        else:
            self.add_tender(TenderKind.CASH)

    def quick_cash(self, amount: Ore) -> None:
        self.amount.setText(str(amount // 100))
        self.add_tender(TenderKind.CASH)

    # -- showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            self.settlement = settle(self._dues, self.tenders)
        except DomainError:
            self.settlement = None
        self.due_label.setText(self.tr("To pay: %1").replace("%1", kr(self.total)))
        self.tender_list.clear()
        for tender in self.tenders:
            self.tender_list.addItem(self._tender_text(tender))
        if self.settlement is not None:
            text = self.tr("Change: %1").replace("%1", kr(self.settlement.change))
            if self.settlement.rounding:
                text += "  " + self.tr("(rounding %1)").replace("%1", kr(self.settlement.rounding))
            self.state_label.setText(text)
        else:
            rest = self.cash_needed()
            self.state_label.setText(
                self.tr("Left to pay: %1 (cash %2)")
                .replace("%1", kr(rest))
                .replace("%2", kr(round_to_krone(rest)))
            )
        self.confirm_button.setEnabled(self.settlement is not None)
        self._quick_buttons()
        self.preview.setText(self._preview_html())

    def _quick_buttons(self) -> None:
        while self.quick_row.count():
            item = self.quick_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # a hidden button's shortcut no longer fires
                widget.deleteLater()
        needed = self.cash_needed()
        if not needed:
            return
        for position, amount in enumerate(quick_amounts(needed), start=1):
            button = touch_button(kr(amount), self, f"Ctrl+{position}")
            button.setObjectName(f"quick_{position}")
            button.clicked.connect(lambda _=False, a=amount: self.quick_cash(a))
            self.quick_row.addWidget(button)
        tab_in_layout_order(self)  # the new amounts sit between the fields and the means

    def _tender_text(self, tender: Tender) -> str:
        label = {
            TenderKind.CASH: self.tr("Cash"),
            TenderKind.CARD: self.tr("Card"),
            TenderKind.VIPPS: self.tr("Vipps"),
            TenderKind.CREDIT_NOTE: self.tr("Credit note"),
            TenderKind.DEPOSIT: self.tr("Deposit"),
        }[tender.kind]
        extra = tender.reference or tender.credit_note_number
        return f"{label} {kr(tender.amount)}" + (f" ({extra})" if extra else "")

    def _preview_html(self) -> str:
        heading, total_text, rounding_text = (
            self.tr("Receipts"),
            self.tr("Total"),
            self.tr("Rounding"),
        )
        parts = [f"<h3>{heading}</h3>"]
        shares = {s.tenant_id: s for s in self.settlement.shares} if self.settlement else {}
        for tenant_id, due in self._dues:
            tenant = self._tenants[tenant_id]
            parts.append(f"<p><b>{tenant.name}</b><br>{total_text}: {kr(due)}")
            share = shares.get(tenant_id)
            if share is not None:
                if share.rounding:
                    parts.append(f"<br>{rounding_text}: {kr(share.rounding)}")
                for index, amount in share.parts:
                    label = self._tender_text(self.tenders[index]).split(" ")[0]
                    parts.append(f"<br>{label}: {kr(amount)}")
            parts.append("</p>")
        return "".join(parts)

    # -- recording -------------------------------------------------------------------------
    def confirm(self, approver: Operator | None = None) -> None:
        if self.settlement is None or self._tasks.busy:
            return
        tenders = list(self.tenders)
        self.confirm_button.setEnabled(False)
        self._tasks.run(lambda: self._session.pay(tenders, approver), self._recorded, self._refused)

    def _recorded(self, result: SaleResult) -> None:
        self.accept()
        self.sale_completed.emit(result)

    def _refused(self, error: Exception) -> None:
        self.confirm_button.setEnabled(True)
        if isinstance(error, PermissionDenied):
            self.approval = ask_approval(self, self._session, self._tasks, error, self.confirm)
            return
        self.message.setText(error_text(error))
        self.refused.emit(error_text(error))

    # -- scans while paying ----------------------------------------------------------------
    def handle_scan(self, code: str) -> Refusal | None:
        """A credit note is taken as payment; anything else is refused (the basket is fixed
        while paying, and a scan never lands in the amount)."""
        routed = route_code(code)
        if routed.kind is CodeKind.CREDIT_NOTE:
            self.credit_note.setText(routed.code)
            taken = len(self.tenders)
            self.add_tender(TenderKind.CREDIT_NOTE, scanned=True)
            return None if len(self.tenders) > taken else Refusal(self.message.text())
        text = self._not_while_paying(routed.code)
        self.message.setText(text)
        return Refusal(text)

    def _not_while_paying(self, code: str) -> str:
        """Why a scanned item is refused here: a code the sale screen would refuse (a sold
        one-off item, an unknown code) is refused for that same reason, since going back to
        the basket would not help; a sellable item waits for the basket."""
        try:
            item = self._session.identify(code)
        except DomainError as error:
            return error_text(error)
        if isinstance(item, Item) and item.kind is ItemKind.ONE_OFF:
            if item.status is ItemStatus.SOLD:
                return error_text(ItemAlreadySold(item.description))
        text = self.tr("Scan refused while paying: go back to the basket to add %1.")
        return text.replace("%1", code)
