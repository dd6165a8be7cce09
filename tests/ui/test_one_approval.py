"""A manager's approval is asked the same way on every screen: one dialog that says why, the
approver's PIN checked with the tries left, a colleague who may not grant it refused in that
dialog (nothing done), a manager's PIN lets the action run with them as its approver."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from pos.errors import CannotApprove, PermissionDenied, WrongPin
from pos.model.events import EventCode
from pos.model.payment import Tender, TenderKind
from pos.model.staff import Permission
from pos.services import approval, auth
from pos.services.context import TillContext
from ui.approval_dialog import ApprovalDialog
from ui.discount_dialog import DiscountDialog
from ui.returns_dialog import ReturnsDialog
from ui.till_day.cash_dialog import CashDialog

from .conftest import log_in, press, scan, type_slowly
from .test_sale_flow import COAT, COFFEE


def answer(dialog: object, staff_no: str, pin: str) -> None:
    assert isinstance(dialog, ApprovalDialog) and dialog.isVisible()
    dialog.staff_no.clear()
    type_slowly(dialog.staff_no, staff_no)
    press(dialog.staff_no, Qt.Key.Key_Return)
    type_slowly(dialog.pin, pin)
    press(dialog.pin, Qt.Key.Key_Return)


def a_colleague_is_refused_then_a_manager_approves(dialog: object) -> None:
    answer(dialog, "2001", "2345")  # the technician's right PIN: may not approve this
    assert isinstance(dialog, ApprovalDialog) and dialog.isVisible()
    assert "Tor Tekniker har ikke lov til å godkjenne dette" in dialog.message.text()
    answer(dialog, "9001", "1111")
    assert "4 forsøk igjen" in dialog.message.text() and dialog.isVisible()
    answer(dialog, "9001", "9999")
    assert not dialog.isVisible()


def test_a_void_a_discount_and_a_no_sale_are_approved_through_the_one_dialog(window):
    log_in(window)  # a cashier
    scan(window.sale.code, COAT)
    press(window.sale, Qt.Key.Key_F3)
    discount = window.sale.dialog
    assert isinstance(discount, DiscountDialog)
    type_slowly(discount.amount, "300")
    type_slowly(discount.reason, "Flekk")
    press(discount.reason, Qt.Key.Key_Return)
    a_colleague_is_refused_then_a_manager_approves(window.sale.dialog)
    assert window.session.basket.lines[0].discount == 30000

    press(window.sale, Qt.Key.Key_F9, Qt.KeyboardModifier.ControlModifier)
    confirm = window.sale.dialog
    assert isinstance(confirm, QMessageBox)
    accept = QMessageBox.ButtonRole.AcceptRole
    next(b for b in confirm.buttons() if confirm.buttonRole(b) is accept).click()
    before = len(window.session.basket.lines)
    answer(window.sale.dialog, "2001", "2345")
    assert len(window.session.basket.lines) == before  # refused: nothing voided
    answer(window.sale.dialog, "9001", "9999")
    assert window.session.basket.lines == []


def test_a_return_and_cash_out_ask_the_same_way(window):
    log_in(window, "2001", "2345")  # a technician: no returns, no cash out alone
    scan(window.sale.code, COFFEE)
    sale = window.session.pay([Tender(TenderKind.CASH, 5000)])
    window.sale.model.reset()
    scan(window.sale.code, sale.receipts[0].number)
    returns = window.sale.dialog
    assert isinstance(returns, ReturnsDialog)
    returns.refund.setCurrentIndex(returns.refund.findData(TenderKind.CASH.value))
    press(returns, Qt.Key.Key_F12)
    answer(returns.approval, "1001", "1234")  # a cashier may not approve a return
    assert "Kari Kasserer har ikke lov" in returns.approval.message.text()  # type: ignore[union-attr]
    answer(returns.approval, "9001", "9999")
    assert not returns.isVisible() and "R000001" in window.sale.message.text()

    till = window.show_page("till")
    till.move_cash(out=True)  # type: ignore[attr-defined]
    cash = till.dialog  # type: ignore[attr-defined]
    assert isinstance(cash, CashDialog)
    type_slowly(cash.amount, "100")
    type_slowly(cash.reason, "Til banken")
    press(cash.reason, Qt.Key.Key_Return)
    asked = [w for w in cash.findChildren(ApprovalDialog) if w.isVisible()]
    assert len(asked) == 1
    answer(asked[0], "1001", "1234")  # a cashier may move cash: a colleague's approval will do
    assert not cash.isVisible()
    (moved,) = [d for code, d in _journal(window) if code == EventCode.CASH_WITHDRAWAL]
    assert moved["reason"] == "Til banken" and moved["approved_by"]  # the cashier approved


def _journal(window):  # type: ignore[no-untyped-def]
    with window.session.uow.read() as uow:
        return [(r["event_code"], json.loads(r["details"])) for r in uow.queries.journal_rows()]


def test_the_service_checks_the_pin_and_that_the_approver_may_grant_it(counter, ctx):
    refusal = PermissionDenied(Permission.VOID.value)
    assert approval.needed_for(refusal) is Permission.VOID
    manager = approval.approve(counter.uow, ctx, Permission.VOID, "9001", "9999")
    assert manager.staff_no == "9001"
    with pytest.raises(CannotApprove) as refused:
        approval.approve(counter.uow, ctx, Permission.VOID, "1001", "1234")
    assert refused.value.message("en").startswith("Kari Kasserer may not approve this")
    with pytest.raises(WrongPin) as wrong:
        approval.approve(counter.uow, ctx, Permission.VOID, "9001", "0000")
    assert "4 forsøk igjen" in wrong.value.message("nb")  # counted as at login
    cashier_ctx = TillContext("K1", auth.authenticate(counter.uow, "2001", "2345"), ctx.signer)
    cashier = approval.approve(counter.uow, cashier_ctx, Permission.CASH_IN_OUT, "1001", "1234")
    assert cashier.staff_no == "1001"  # a cashier may grant what cashiers may do
