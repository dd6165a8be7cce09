"""Every code the counter prints scans whole where it is taken, with Shift held for its capitals
as a wedge scanner sends it: receipt numbers at the sale screen and in Returns, a credit note at
payment, job tags on the board and in a ticket, codes into fields that take them (a serial
number, a search box) without leaving the screen. Real widgets, real wedge filter, offscreen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos.model.payment import Tender, TenderKind
from pos.services import returns
from pos.services.context import TillContext
from tests.integration.helpers import docs
from tests.integration.repair_helpers import take_in
from ui.main_window import MainWindow
from ui.payment_dialog import PaymentDialog
from ui.receipts.lookup_page import ReceiptLookupPage
from ui.repairs.board_page import BoardPage
from ui.repairs.intake_page import IntakePage
from ui.repairs.ticket_dialog import TicketDialog
from ui.returns_dialog import ReturnsDialog
from ui.search_dialog import SearchDialog

from .conftest import log_in, press, scan, type_slowly
from .test_sale_flow import COAT, COFFEE, TUBE


def sell_coat(window: MainWindow) -> str:
    scan(window.sale.code, COAT)
    sale = window.session.pay([Tender(TenderKind.CASH, 70000)])
    window.sale.model.reset()
    return sale.receipts[0].number


def credit_note(window: MainWindow, counter, boss: TillContext) -> str:  # type: ignore[no-untyped-def]
    """A credit note of 129 kr from a returned tube (a real return, as at the counter)."""
    scan(window.sale.code, TUBE)
    sale = window.session.pay([Tender(TenderKind.CASH, 12900)])
    window.sale.model.reset()
    number = sale.receipts[0].number
    (line,) = returns.returnable_lines(counter.uow, number)
    result = returns.complete_return(
        counter.uow, boss, number, [returns.ReturnRequest(line.line_id, 1)],
        [Tender(TenderKind.CREDIT_NOTE, 0)],
    )  # fmt: skip
    ((note, _amount),) = docs(counter, result)[0].credit_notes_issued
    return note


def test_a_receipt_number_scanned_at_the_sale_screen_opens_its_return_whole(window):
    log_in(window)
    number = sell_coat(window)
    assert number == "11-K1-000001"
    scan(window.sale.code, number)
    dialog = window.sale.dialog
    assert isinstance(dialog, ReturnsDialog) and dialog.isVisible()
    assert dialog.number.text() == number and dialog.table.rowCount() == 1
    assert window.sale.code.text() == "" and window.session.basket.lines == []
    assert not window.refusals.isVisible()


def test_a_receipt_scanned_into_the_open_return_loads_it_and_a_credit_note_is_refused(
    window, counter, boss
):
    log_in(window)
    number = sell_coat(window)
    note = credit_note(window, counter, boss)
    press(window.sale, Qt.Key.Key_F8)
    dialog = window.sale.dialog
    assert isinstance(dialog, ReturnsDialog)
    dialog.number.setFocus()
    scan(dialog.number, number)
    assert dialog.number.text() == number and dialog.table.rowCount() == 1
    heard: list[int] = []
    window.sound.sounded.connect(heard.append)
    scan(dialog.number, note)
    assert dialog.number.text() == number  # nothing typed into the field
    assert "receipt" in dialog.message.text() or "kvittering" in dialog.message.text()
    assert heard == [80] and window.refusals.isVisible()


def test_a_credit_note_scanned_at_payment_is_taken_while_the_amount_keeps_its_focus(
    window, counter, boss
):
    log_in(window)
    note = credit_note(window, counter, boss)
    assert note.startswith("TG13")  # the tube's seller: it pays only at that tenant
    scan(window.sale.code, TUBE)
    press(window.sale, Qt.Key.Key_F12)
    payment = window.sale.dialog
    assert isinstance(payment, PaymentDialog)
    payment.amount.setFocus()
    scan(payment.amount, note)
    assert [(t.kind, t.credit_note_number, t.amount) for t in payment.tenders] == [
        (TenderKind.CREDIT_NOTE, note, 12900)
    ]
    assert payment.amount.text() == "" and payment.message.text() == ""


def test_a_used_up_credit_note_scanned_at_payment_is_refused_and_adds_nothing(
    window, counter, boss, qtbot
):
    log_in(window)
    heard: list[int] = []
    window.sound.sounded.connect(heard.append)
    note = credit_note(window, counter, boss)
    scan(window.sale.code, TUBE)
    press(window.sale, Qt.Key.Key_F12)
    payment = window.sale.dialog
    assert isinstance(payment, PaymentDialog)
    scan(payment.amount, note)  # 129 kr: all it holds
    scan(payment.amount, note)  # again in the same payment: nothing is left on it
    assert [t.amount for t in payment.tenders] == [12900] and heard == [80]
    with qtbot.waitSignal(window.sale.sale_completed):
        press(payment.amount, Qt.Key.Key_Return)  # the note pays it all
    assert window.session.basket.lines == []
    scan(window.sale.code, TUBE)  # the next customer offers the same, now empty, note
    press(window.sale, Qt.Key.Key_F12)
    payment = window.sale.dialog
    assert isinstance(payment, PaymentDialog)
    scan(payment.amount, note)
    assert payment.tenders == [] and heard == [80, 80]
    assert "brukt opp" in payment.message.text()
    assert note in window.refusals.text.text() and "brukt opp" in window.refusals.text.text()


def test_a_scanned_job_tag_opens_that_job_never_the_row_selected_before(window, counter, ctx):
    first = take_in(counter, ctx, customer_name="Første Kunde")
    second = take_in(counter, ctx, customer_name="Andre Kunde")
    log_in(window, "2001", "2345")
    board = window.show_page("repairs.board")
    assert isinstance(board, BoardPage) and board.model.rowCount() == 2
    row_of = {board.model.rows[r].ticket_id: r for r in range(2)}
    board.view.selectRow(row_of[second])  # the job someone looked at before
    type_slowly(board.search, "Andre")  # a search still waiting for its pause
    scan(board.search, first)
    ticket = board.dialog
    assert isinstance(ticket, TicketDialog) and ticket.ticket_id == first
    assert board.search.text() == first
    assert board.model.rows[board.view.currentIndex().row()].ticket_id == first


def test_enter_on_the_board_acts_on_what_the_search_box_says(window, counter, ctx):
    first = take_in(counter, ctx, customer_name="Første Kunde")
    second = take_in(counter, ctx, customer_name="Andre Kunde")
    log_in(window, "2001", "2345")
    board = window.show_page("repairs.board")
    assert isinstance(board, BoardPage)
    board.view.selectRow({board.model.rows[r].ticket_id: r for r in range(2)}[first])
    board.search.setFocus()
    type_slowly(board.search, "Andre")
    press(board.search, Qt.Key.Key_Return)  # at once: the search has not run yet
    ticket = board.dialog
    assert isinstance(ticket, TicketDialog) and ticket.ticket_id == second


def test_in_an_open_ticket_another_jobs_tag_is_refused_and_a_part_goes_on(window, counter, ctx):
    first = take_in(counter, ctx)
    second = take_in(counter, ctx)
    log_in(window, "2001", "2345")
    board = window.show_page("repairs.board")
    assert isinstance(board, BoardPage)
    ticket = board.open_ticket(first)
    assert ticket is not None
    scan(ticket, second)
    assert QApplication.activeModalWidget() is ticket and ticket.ticket_id == first
    assert second in ticket.message.text() and window.refusals.isVisible()
    assert ticket.detail is not None and ticket.detail.lines == ()
    scan(ticket, "SYK-BREMS")
    assert [line.description for line in ticket.detail.lines] == ["Bremseklosser V-brake (par)"]


def test_a_serial_number_scanned_at_intake_fills_its_field_and_stays_on_the_form(window):
    log_in(window, "2001", "2345")
    intake = window.show_page("repairs.intake")
    assert isinstance(intake, IntakePage)
    type_slowly(intake.customer, "Kari")
    intake.serial.setFocus()
    scan(intake.serial, "SN-4F7K2-QX")
    assert intake.serial.text() == "SN-4F7K2-QX"
    assert window.stack.currentWidget() is intake and window.session.basket.lines == []
    intake.customer.setFocus()
    scan(intake.customer, "SN-4F7K2-QX")  # not a field for codes: refused, never typed
    assert intake.customer.text() == "Kari" and window.stack.currentWidget() is intake
    assert window.refusals.isVisible()


def test_a_code_scanned_into_the_item_search_is_searched_for(window):
    log_in(window)
    press(window.sale, Qt.Key.Key_F4)
    search = window.sale.dialog
    assert isinstance(search, SearchDialog)
    search.text.setFocus()
    scan(search.text, COFFEE)
    assert search.text.text() == COFFEE and search.isVisible()
    search.search()
    assert search.model.item_at(0) is not None and search.model.item_at(0).barcode == COFFEE
    assert window.session.basket.lines == []


def test_a_label_scanned_in_the_back_office_finds_its_item(window):
    log_in(window, "9001", "9999")
    items = window.show_page("items")
    scan(items, COAT)
    assert items.text.text() == COAT and items.model.rowCount() == 1
    assert window.stack.currentWidget() is items


def test_on_the_receipt_look_up_a_receipt_is_found_and_another_code_refused(window):
    log_in(window, "9001", "9999")
    number = sell_coat(window)
    page = window.show_page("receipts")
    assert isinstance(page, ReceiptLookupPage)
    scan(page.number, TUBE)  # an item's code is no receipt: refused, nothing looked up
    assert window.refusals.isVisible() and TUBE in window.refusals.text.text()
    assert window.stack.currentWidget() is page and page.number.text() == ""
    scan(page.number, number)
    assert page.selected() is not None and page.selected().number == number
