"""Every refusal at the sale screen is heard and stays on the refusal banner until seen, as a
refused scan does: a code typed by hand, a parked basket on a closed till, Pay with nothing to
pay. And a refusal while a dialog is in front (a repair job, the payment) shows over that dialog,
where the person is looking, not only on the banner under it."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from pos.errors import TillNotOpen
from pos.model.payment import Tender, TenderKind
from pos.model.till_close import BlindCount
from pos.services import till_close
from tests.integration.repair_helpers import take_in
from ui.common import ui_language
from ui.main_window import MainWindow
from ui.payment_dialog import PaymentDialog
from ui.refusal_banner import RefusalOverlay
from ui.repairs.board_page import BoardPage
from ui.resume_dialog import ResumeDialog
from ui.returns_dialog import ReturnsDialog

from .conftest import log_in, press, scan, type_slowly
from .test_sale_flow import COAT, TUBE


@pytest.fixture
def heard(window: MainWindow) -> list[int]:
    """The volumes of the refusal sounds played."""
    sounds: list[int] = []
    window.sound.sounded.connect(sounds.append)
    return sounds


def type_code(window: MainWindow, code: str) -> None:
    """A code typed by hand into the code field (slowly: not a scan), then Enter."""
    type_slowly(window.sale.code, code)
    press(window.sale.code, Qt.Key.Key_Return)


def on_top(overlay: QWidget, front: QWidget) -> bool:
    """The overlay is what the dialog shows at its middle: nothing of the dialog covers it."""
    found = front.childAt(overlay.geometry().center())
    return found is overlay or (found is not None and overlay.isAncestorOf(found))


def test_a_sold_one_off_typed_by_hand_is_refused_on_the_banner_and_heard(window, heard, caplog):
    caplog.set_level(logging.INFO, logger="ui.scan_router")
    log_in(window)
    scan(window.sale.code, COAT)
    window.session.pay([Tender(TenderKind.CASH, 70000)])
    window.sale.model.reset()
    type_code(window, COAT)  # sold: refused
    type_code(window, TUBE)  # the next code does not replace the refusal
    assert [line.description for line in window.session.basket.lines] == ['Slange 28" Schrader']
    assert heard == [80]
    shown = window.refusals.text.text()
    assert window.refusals.isVisible() and shown.startswith(f"Refused: {COAT} – ")
    assert "Ullkåpe" in shown
    assert "refused at sale" in caplog.text
    press(window.sale.code, Qt.Key.Key_Escape)  # seen
    assert not window.refusals.isVisible()


def test_a_parked_basket_on_a_closed_till_and_pay_on_nothing_are_refused_on_the_banner(
    window, heard
):
    log_in(window, "9001", "9999")
    scan(window.sale.code, TUBE)
    press(window.sale, Qt.Key.Key_F6)  # parked
    till_close.close_till(
        window.session.uow, window.session.context(), BlindCount({100000: 1}), note="telt"
    )
    press(window.sale, Qt.Key.Key_F7)
    dialog = window.sale.dialog
    assert isinstance(dialog, ResumeDialog)
    press(dialog.table, Qt.Key.Key_Return)
    assert window.session.basket.lines == [] and heard == [80]
    assert TillNotOpen().message(ui_language()) in window.refusals.text.text()
    press(window.sale, Qt.Key.Key_F12)  # nothing to pay
    assert heard == [80, 80] and "The basket is empty." in window.refusals.text.text()
    assert len(window.refusals.text.text().splitlines()) == 2  # both kept until seen


def test_a_refusal_in_an_open_repair_job_shows_over_the_job_until_seen(window, counter, ctx, heard):
    first = take_in(counter, ctx)
    second = take_in(counter, ctx)
    log_in(window, "2001", "2345")
    board = window.show_page("repairs.board")
    assert isinstance(board, BoardPage)
    ticket = board.open_ticket(first)
    assert ticket is not None
    QTest.qWaitForWindowExposed(ticket)
    scan(ticket, second)  # another job's tag: refused
    assert heard == [80] and QApplication.activeModalWidget() is ticket
    (overlay,) = window.refusals.shown_over()
    assert isinstance(overlay, RefusalOverlay) and overlay.parentWidget() is ticket
    assert second in overlay.text.text() and on_top(overlay, ticket)
    assert overlay.width() == ticket.width()
    press(ticket, Qt.Key.Key_Escape)  # seen, over the job: Esc is "seen" as at the basket
    assert not overlay.isVisible() and not window.refusals.isVisible()
    assert ticket.isVisible()  # the job stays open
    scan(ticket, second)
    assert overlay.isVisible() and heard == [80, 80]
    overlay.ok_button.click()  # or its button
    assert not overlay.isVisible() and not window.refusals.isVisible() and ticket.isVisible()
    press(ticket, Qt.Key.Key_Escape)  # nothing to see: Esc closes the job again
    assert not ticket.isVisible()


def test_a_refusal_over_the_payment_stays_on_the_banner_after_it_closes(window, heard):
    log_in(window)
    scan(window.sale.code, TUBE)
    press(window.sale, Qt.Key.Key_F12)
    payment = window.sale.dialog
    assert isinstance(payment, PaymentDialog)
    QTest.qWaitForWindowExposed(payment)
    scan(payment.amount, "ZZ??!!##%%")  # garbage: refused at payment
    (overlay,) = window.refusals.shown_over()
    assert overlay.parentWidget() is payment and on_top(overlay, payment)
    assert "ZZ??!!##%%" in overlay.text.text() and heard == [80]
    press(payment.amount, Qt.Key.Key_Escape)  # in the amount field: seen, still paying
    assert not overlay.isVisible() and payment.isVisible()
    scan(payment.amount, "ZZ??!!##%%")
    assert overlay.isVisible()
    payment.cancel_button.click()  # back to the basket without saying "seen"
    assert not payment.isVisible()
    assert window.refusals.isVisible() and "ZZ??!!##%%" in window.refusals.text.text()


def test_a_credit_note_or_receipt_typed_by_hand_and_refused_is_heard_and_kept(window, heard):
    log_in(window)
    scan(window.sale.code, TUBE)
    press(window.sale, Qt.Key.Key_F12)
    payment = window.sale.dialog
    assert isinstance(payment, PaymentDialog)
    QTest.qWaitForWindowExposed(payment)
    payment.credit_note.setFocus()
    type_slowly(payment.credit_note, "TG11999999")  # no such note
    press(payment.credit_note, Qt.Key.Key_Return)
    assert payment.tenders == [] and heard == [80]
    (overlay,) = window.refusals.shown_over()
    assert overlay.parentWidget() is payment and payment.message.text() in overlay.text.text()
    payment.cancel_button.click()
    press(window.sale, Qt.Key.Key_F8)  # Return
    returns = window.sale.dialog
    assert isinstance(returns, ReturnsDialog)
    QTest.qWaitForWindowExposed(returns)
    type_slowly(returns.number, "11-K1-999999")  # no such receipt
    press(returns.number, Qt.Key.Key_Return)
    assert heard == [80, 80] and returns.message.text() in window.refusals.text.text()
    assert len(window.refusals.text.text().splitlines()) == 2  # both kept until seen
