"""The sale screen: the basket, totals per tenant, the code field and every counter action, each
with a keyboard shortcut and a touch-sized button. Scans arrive through ``handle_scan``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pos.errors import DomainError
from pos.model.catalogue import Item, ItemKind
from pos.model.staff import Operator
from pos.money import Ore
from pos.services.catalogue import search_items
from ui import approval_flow
from ui.basket_model import BasketTableModel
from ui.basket_recovery import recovery_notice
from ui.basket_totals import BasketTotals
from ui.basket_view import BasketView
from ui.common import TOUCH_MIN_PX, error_text, kr
from ui.discount_dialog import DiscountDialog
from ui.message_line import MessageLine
from ui.page_stack import UpDownScroll
from ui.payment_dialog import PaymentDialog
from ui.quick_keys import QuickKeys
from ui.resume_dialog import ResumeDialog
from ui.returns_dialog import ReturnsDialog
from ui.sale_actions import Action, action_grid
from ui.sale_scans import SaleScans
from ui.scanner.targets import Refusal
from ui.search_dialog import SearchDialog
from ui.tasks import TaskRunner
from ui.till_session import TillSession
from ui.void_question import VoidQuestion

Approved = Callable[[Operator | None], None]


class SaleWidget(QWidget):
    basket_changed = Signal()
    """Lines were added, changed or removed, or the basket was replaced."""
    training_changed = Signal(bool)
    """Training mode was switched: (on)."""
    sale_completed = Signal(object)
    """A sale or return was recorded: (its SaleResult)."""
    logout_requested = Signal()
    """The cashier asked to log out."""
    menu_requested = Signal()
    """F1: the pages beyond the sale screen (repairs, back office, day end)."""
    refused = Signal(str, str)
    """Something done here was refused: (why, the code if one typed by hand was refused). A
    scan's refusal goes back to the scan router instead; the window sounds both and keeps
    them on the refusal banner until seen."""

    def __init__(self, session: TillSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sale")
        self.session = session
        self.tasks = tasks
        self.model = BasketTableModel(session)
        self.price_lookup = False
        self.dialog: QDialog | None = None
        self.scans = SaleScans(self, self)
        self._build()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.code = QLineEdit(self)
        self.code.setObjectName("code")
        self.code.setPlaceholderText(self.tr("Scan or type a code, Enter to add"))
        self.code.setMinimumHeight(TOUCH_MIN_PX)
        self.view = BasketView(self.model, self)
        self.totals = BasketTotals(self)
        self.message = MessageLine(self, size_px=15)
        self.message.setObjectName("saleMessage")
        self.message.setMinimumHeight(TOUCH_MIN_PX)
        left = QVBoxLayout()
        left.addWidget(self.code)
        left.addWidget(self.view, 1)
        left.addWidget(self.message)
        left.addWidget(self.totals)
        self.quick_keys = QuickKeys(self)
        side = QWidget(self)  # scrolls on a short screen: the total beside it stays in view
        right = QVBoxLayout(side)
        right.setContentsMargins(0, 0, 0, 0)
        right.addLayout(self._actions())
        right.addWidget(QLabel(self.tr("Quick keys (open price)"), self))
        right.addWidget(self.quick_keys, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(UpDownScroll(side, self), 2)
        self.code.returnPressed.connect(self._code_entered)
        self.code.installEventFilter(self)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Up and Down in the code field choose the line, so the keyboard alone can reach
        every line."""
        if watched is self.code and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
            if step is not None:
                self.view.move_selection(step)
                return True
        return super().eventFilter(watched, event)

    def _actions(self) -> QGridLayout:
        actions: list[Action] = [
            ("pay", self.tr("Pay"), "F12", self.pay),
            ("qty", self.tr("Quantity"), "F2", self.change_quantity),
            ("discount", self.tr("Discount"), "F3", self.discount),
            ("delete", self.tr("Delete line"), "F9", self.delete_line),
            ("search", self.tr("Find item"), "F4", self.search),
            ("lookup", self.tr("Price look-up"), "F5", self.toggle_price_lookup),
            ("park", self.tr("Park"), "F6", self.park),
            ("resume", self.tr("Resume"), "F7", self.resume),
            ("return", self.tr("Return"), "F8", lambda: self.start_return()),
            ("void", self.tr("Void basket"), "Ctrl+F9", self.void),
            ("nosale", self.tr("Open drawer"), "F10", self.no_sale),
            ("training", self.tr("Training"), "F11", self.toggle_training),
            ("logout", self.tr("Log out"), "Ctrl+L", self.logout_requested.emit),
            ("menu", self.tr("Menu"), "F1", self.menu_requested.emit),
        ]
        grid, self.buttons = action_grid(self, actions)
        return grid

    def start(self) -> None:
        """Called after login: fresh quick keys, a basket an interruption left on this
        register back (or parked for its cashier), totals, focus on the code field."""
        self._fill_quick_keys()
        self.say("")
        try:
            recovered = self.session.recover()
        except DomainError as error:
            recovered = None
            self.say(error_text(error), problem=True)
        self.model.reset()
        self.refresh()
        if recovered is not None:
            text, problem = recovery_notice(recovered)
            self.say(text, problem=problem)
            self.training_changed.emit(self.session.training)
        self.code.setFocus()

    def _fill_quick_keys(self) -> None:
        codes = {tenant_id: tenant.code for tenant_id, tenant in self.session.tenants().items()}
        items = self.session.quick_items()
        labelled = [(f"{codes.get(item.tenant_id, '')} {item.description}", item) for item in items]
        self.quick_keys.show_items(labelled, self.ask_price)

    # -- showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        rows = [
            f"{t.tenant.code} {t.tenant.name}: <b>{kr(t.total)}</b>"
            for t in self.session.totals_by_tenant()
        ]
        self.totals.show_totals(rows, self.session.basket.total, self.session.deposit_tenders())
        lookup = self.buttons["lookup"]
        lookup.setStyleSheet("background: #fff59d; font-weight: bold;" if self.price_lookup else "")
        self.basket_changed.emit()

    def say(self, text: str, *, problem: bool = False) -> None:
        self.message.say(text, problem=problem)

    def refuse(self, text: str) -> None:
        """Said on the message line, sounded and kept on the refusal banner until seen."""
        self.say(text, problem=True)
        self.refused.emit(text, "")

    def fail(self, error: Exception) -> None:
        self.refuse(error_text(error))

    def _refusal(self, error: Exception) -> Refusal:
        """Said here, and returned to whoever takes it on to the banner (the scan router)."""
        self.say(error_text(error), problem=True)
        return Refusal(error_text(error))

    def _refuse_returned(self, refusal: Refusal | None, code: str = "") -> None:
        if refusal is not None:
            self.refused.emit(refusal.text, code)

    def selected_line_id(self) -> str | None:
        """The marked line (the newest one is marked if none is)."""
        row = self.view.selected_row()
        line = self.model.line_at(row) if row is not None else None
        return line.line_id if line else None

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(self.code.setFocus)
        dialog.open()

    def open_dialog(self, dialog: QDialog) -> None:
        self._open(dialog)

    def pickup_added(self, said: str) -> None:
        self.model.reset()
        self.view.scrollToBottom()
        self.say(said)
        self.refresh()

    # -- codes -----------------------------------------------------------------------------
    def _code_entered(self) -> None:
        text = self.code.text().strip()
        self.code.clear()
        if text:  # typed by hand: refused as loudly as a scan
            self._refuse_returned(self.handle_scan(text), text)

    def handle_scan(self, raw: str) -> Refusal | None:
        if not self.price_lookup:
            closed = self.till_closed()
            if closed is not None:
                return closed
        return self.scans.handle(raw)

    def till_closed(self) -> Refusal | None:
        """A new basket on a closed till is refused at once (never first at payment)."""
        if self.session.basket.lines:
            return None
        try:
            self.session.require_open_till()
        except DomainError as error:
            return self._refusal(error)
        return None

    def add_item(self, item: Item, qty: int = 1, price: Ore | None = None) -> Refusal | None:
        try:
            line = self.model.add(item, qty, price)
        except DomainError as error:
            return self._refusal(error)
        self.model.flash(line.line_id)  # the line just rung up lights up for a moment
        self._say_stock(line.item_id, f"{line.description}: {kr(line.amount)}", item)
        self.refresh()
        return None

    def _say_stock(self, item_id: str, said: str, item: Item | None = None) -> None:
        """``said``, and a warning when the line takes the centre's count below zero (it is
        sold all the same: the goods are at the counter)."""
        left = self.session.stock_left(item_id, item)
        if left is not None and left < 0:
            warning = self.tr("stock goes below zero (%1): count the shelf")
            self.say(f"{said}. {warning.replace('%1', str(left))}", problem=True)
        elif said:
            self.say(said)

    def ask_price(self, item: Item) -> None:
        closed = self.till_closed()
        if closed is not None:
            self._refuse_returned(closed)
        else:
            self.scans.ask_price(item)

    # -- line actions ----------------------------------------------------------------------
    def change_quantity(self) -> None:
        line_id = self.selected_line_id()
        if line_id is None:
            return
        line = self.session.basket.line(line_id)
        dialog = QInputDialog(self)
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(1, 9999)
        dialog.setIntValue(line.qty)
        dialog.setLabelText(self.tr("Quantity of %1").replace("%1", line.description))
        dialog.intValueSelected.connect(lambda qty: self._set_quantity(line_id, qty))
        self._open(dialog)

    def _set_quantity(self, line_id: str, qty: int) -> None:
        try:
            line = self.session.set_quantity(line_id, qty)
        except DomainError as error:
            self.fail(error)
        else:
            self._say_stock(line.item_id, "")
        self.model.line_changed(line_id)
        self.refresh()

    def discount(self) -> None:
        line_id = self.selected_line_id()
        if line_id is None:
            return
        dialog = DiscountDialog(self.session.basket.line(line_id), self)
        dialog.discount_chosen.connect(self._discount_chosen)
        self._open(dialog)

    def _discount_chosen(self, line_id: str, discount: int, reason: str) -> None:
        def give(approver: Operator | None) -> None:
            self.session.set_discount(line_id, discount, reason, approver)
            self.model.line_changed(line_id)
            self.refresh()

        self.with_approval(give)

    def delete_line(self) -> None:
        line_id = self.selected_line_id()
        if line_id is None:
            return
        try:
            # a repair job leaves the basket whole, with its deposit
            if self.session.deletes_whole_job(line_id):
                self.model.beginResetModel()
                try:
                    line = self.session.delete_line(line_id)
                finally:
                    self.model.endResetModel()
            else:
                line = self.model.delete(line_id)
        except DomainError as error:
            self.fail(error)
            return
        self.say(self.tr("Deleted: %1").replace("%1", line.description))
        self.refresh()

    def search(self) -> None:
        dialog = SearchDialog(
            lambda text, tenant, offset, limit: search_items(
                self.session.uow, text, tenant_id=tenant, offset=offset, limit=limit
            ),
            sorted(self.session.tenants().values(), key=lambda t: t.code),
            self,
        )
        dialog.item_chosen.connect(self._item_found)
        self._open(dialog)

    def _item_found(self, item: Item) -> None:
        if self.price_lookup:
            self.scans.show_price(item)
        elif item.kind is ItemKind.OPEN_PRICE or item.price is None:
            self.ask_price(item)
        else:
            self._refuse_returned(self.add_item(item))

    def toggle_price_lookup(self) -> None:
        self.price_lookup = not self.price_lookup
        self.say(
            self.tr("Price look-up: scan an item to see its price (F5 to stop).")
            if self.price_lookup
            else self.tr("Price look-up ended.")
        )
        self.refresh()

    # -- basket actions --------------------------------------------------------------------
    def with_approval(self, action: Approved) -> None:
        """Do it; if the rules want a manager, ask for one and do it again with them."""
        approval_flow.with_approval(
            self, self.session, self.tasks, action, self.refuse, show=self._open,
        )  # fmt: skip

    def park(self) -> None:
        try:
            self.session.park()
        except DomainError as error:
            self.fail(error)
            return
        self.model.reset()
        self.say(self.tr("Basket parked. Resume it with F7."))
        self.refresh()

    def resume(self) -> None:
        parked = self.session.parked()
        if not parked:
            self.refuse(self.tr("No parked baskets."))
            return
        dialog = ResumeDialog(parked, self)
        dialog.chosen.connect(self._resume)
        self._open(dialog)

    def _resume(self, parked_id: str) -> None:
        try:
            resumed = self.session.resume(parked_id)
        except DomainError as error:
            self.fail(error)
            return
        finally:
            self.model.reset()
            self.refresh()
        if resumed.problems:  # a job collected or changed while the basket was parked
            self.refuse(" ".join(error_text(problem) for problem in resumed.problems))
        else:
            self.say(self.tr("Basket resumed."))

    def void(self) -> None:
        """Ctrl+F9: the whole basket goes, so it is asked first (of a manager too)."""
        basket = self.session.basket
        if not basket.lines:
            return
        question = VoidQuestion(basket, self)
        question.confirmed.connect(lambda: self.with_approval(self._void))
        self._open(question)

    def _void(self, approver: Operator | None) -> None:
        self.session.void(approver)
        self.model.reset()
        self.say(self.tr("Basket voided."))
        self.refresh()

    def no_sale(self) -> None:
        dialog = QInputDialog(self)
        dialog.setLabelText(self.tr("Why open the drawer without a sale?"))
        dialog.textValueSelected.connect(self._no_sale)
        self._open(dialog)

    def _no_sale(self, reason: str) -> None:
        def open_drawer(approver: Operator | None) -> None:
            if self.session.open_drawer(reason, approver):
                self.say(self.tr("Opening the drawer (no sale): sent to the printer."))
            else:
                self.say(self.tr("No receipt printer: the drawer cannot be opened."), problem=True)

        self.with_approval(open_drawer)

    def toggle_training(self) -> None:
        try:
            self.session.set_training(not self.session.training)
        except DomainError as error:
            self.fail(error)
            return
        self.training_changed.emit(self.session.training)
        self.refresh()

    # -- money -----------------------------------------------------------------------------
    def pay(self) -> None:
        if not self.session.basket.lines:
            self.refuse(self.tr("The basket is empty."))
            return
        try:  # a basket kept over a close: said before the customer pays
            self.session.require_open_till()
        except DomainError as error:
            self.fail(error)
            return
        dialog = PaymentDialog(self.session, self.tasks, self)
        dialog.sale_completed.connect(self._sale_recorded)
        dialog.refused.connect(lambda text: self.refused.emit(text, ""))
        self._open(dialog)
        dialog.amount.setFocus()

    def _sale_recorded(self, result: object) -> None:
        from pos.services.checkout import SaleResult

        assert isinstance(result, SaleResult)
        self.model.reset()
        numbers = ", ".join(r.number for r in result.receipts)
        text = self.tr("Sale recorded: %1.").replace("%1", numbers)
        if result.change:
            text += " " + self.tr("Change %1.").replace("%1", kr(result.change))
        self.say(text)
        self.refresh()
        self.sale_completed.emit(result)

    def start_return(self, number: str = "") -> None:
        """F8 (or a tool): the return window, with the receipt's lines when a number is given."""
        self._refuse_returned(self.open_return(number, read=False))

    def open_return(self, number: str, *, read: bool = True) -> Refusal | None:
        """``read``: the number came as a code (scanned, or typed in the code field); a receipt
        not found is then that code's refusal, returned to whoever reports it."""
        closed = self.till_closed()
        if closed is not None:
            return closed
        dialog = ReturnsDialog(self.session, self.tasks, self)
        dialog.return_completed.connect(self._return_recorded)
        dialog.refused.connect(lambda text: self.refused.emit(text, ""))
        self._open(dialog)
        if number and read:
            return dialog.handle_scan(number)
        if number:
            dialog.load(number)
        return None

    def _return_recorded(self, result: object) -> None:
        from pos.services.checkout import SaleResult

        assert isinstance(result, SaleResult)
        numbers = ", ".join(r.number for r in result.receipts)
        text = self.tr("Return recorded: %1.").replace("%1", numbers)
        for number, amount in (note for r in result.receipts for note in r.credit_notes):
            note = self.tr("Credit note %1 for %2: give it to the customer (it is on the slip).")
            text += " " + note.replace("%1", number).replace("%2", kr(amount))
        self.say(text)
        self.refresh()
        self.sale_completed.emit(result)
