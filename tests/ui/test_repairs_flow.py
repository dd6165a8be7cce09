"""A repair through the real counter window: intake form, paper queued, deposit at the till,
status changes with the message preview, work and approval, pickup scanned in a mixed basket."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from pos.model.printing import JobKind, JobStatus, PrinterRole
from pos.model.repair import RepairStatus
from pos.services import print_queue, repair_board, repair_status
from pos.services.repair_detail import ticket_detail
from printers.printing import Printing
from tests.integration.repair_helpers import photo, ready_job, take_in
from tests.printers.escpos_decoder import decode
from ui.common import kr
from ui.main_window import MainWindow
from ui.pages import PageContext
from ui.payment_dialog import PaymentDialog
from ui.printer_output import QueuedPrinterOutput
from ui.repairs.board_page import BoardPage
from ui.repairs.intake_page import IntakePage
from ui.repairs.labels import status_label
from ui.repairs.status_dialog import StatusDialog
from ui.repairs.ticket_dialog import TicketDialog
from ui.tasks import ImmediatePool, TaskRunner
from ui.till_session import TillSession

from .conftest import log_in, press, scan, type_slowly

COFFEE = "KAFFE-MED"  # 32,00 (Kafé Kvisten)


@pytest.fixture
def repair_window(qtbot, counter, clock, tmp_path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    printing = Printing(counter.uow, "K1", clock=clock, override_url=f"file://{tmp_path}/p.bin")
    session = TillSession(
        counter.uow, "K1", counter.signer(), clock=clock, output=QueuedPrinterOutput(printing)
    )
    tasks = TaskRunner(ImmediatePool())
    context = PageContext(session, tasks, printing, counter.data_dir)
    win = MainWindow(
        session, tasks, centre_name="Demo", register_name="Kasse 1", page_context=context
    )
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    yield win
    app = QApplication.instance()
    assert app is not None
    app.removeEventFilter(win.idle)


def type_in(widget: QWidget, text: str) -> None:
    """Keys as typed (no wedge filter is installed here, so no need to type slowly)."""
    QTest.keyClicks(widget, text)


def queued(window: MainWindow) -> list:
    """Queued print jobs, oldest first."""
    jobs = print_queue.jobs(window.session.uow, "K1", (JobStatus.QUEUED,), limit=100)
    return sorted(jobs, key=lambda job: job.seq)


def fill_intake(page: IntakePage, tmp_path, *, limit: str = "500") -> None:  # type: ignore[no-untyped-def]
    page.tenant.setCurrentIndex(page.tenant.findData("13"))
    type_in(page.customer, "Kari Nordmann")
    type_in(page.phone, "123")
    press(page.phone, Qt.Key.Key_Return)
    assert "telefonnummer" in page.phone_problem.text() or "phone" in page.phone_problem.text()
    page.phone.clear()
    type_in(page.phone, "912 34 567")
    press(page.phone, Qt.Key.Key_Return)
    assert page.phone_problem.text() == ""
    type_in(page.email, "kari@example.no")
    page.consent.setChecked(True)
    type_in(page.category, "Sykkel")
    type_in(page.brand_model, "DBS")
    type_in(page.fault, "Girer ikke")
    type_in(page.accessories, "Lader")
    type_in(page.estimate, "450")
    type_in(page.limit, limit)
    type_in(page.deposit, "200")
    page.technician.setCurrentIndex(page.technician.findData("2001"))
    page.add_photos([photo(tmp_path)])
    page.terms.setChecked(True)


def change_status(ticket: TicketDialog, to: RepairStatus) -> StatusDialog:
    press(ticket.summary, Qt.Key.Key_F2)
    dialog = ticket.status_dialog
    assert isinstance(dialog, StatusDialog) and dialog.isVisible()
    dialog.choose(to)
    return dialog


def test_intake_to_paid_pickup_in_a_mixed_basket_through_the_widgets(
    repair_window, qtbot, tmp_path
):
    window = repair_window
    log_in(window, "2001", "2345")
    page = window.show_page("repairs.intake")
    assert isinstance(page, IntakePage)
    fill_intake(page, tmp_path)
    press(page.customer, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    ticket_id = page.ticket_id
    assert ticket_id.startswith("R"), page.message.text()
    assert ticket_id in page.message.text()

    # The claim slip on the receipt printer, a tag for the bike and one for the charger.
    jobs = queued(window)
    assert [(j.role, j.kind) for j in jobs] == [(PrinterRole.RECEIPT, JobKind.SLIP)] + [
        (PrinterRole.TAG, JobKind.SLIP)
    ] * 2
    with window.session.uow.read() as uow:
        tag = decode(uow.printing.payload(jobs[2].id)).printed_pages[0]
    assert tag.barcodes == [("CODE128", ticket_id)] and "Lader" in tag.text

    # The deposit through the till: 500 kr cash for 200 kr, its receipt and the drawer.
    deposit = page.dialog
    assert deposit is not None and deposit.isVisible()
    type_in(deposit.given, "500")
    press(deposit.given, Qt.Key.Key_F1)
    assert "300,00" in page.message.text() and "13-K1-D000001" in page.message.text()
    kinds = [j.kind for j in queued(window)]
    assert kinds == [JobKind.SLIP] * 3 + [JobKind.DRAWER_KICK, JobKind.RECEIPTS]
    press(page.customer, Qt.Key.Key_F6)  # one keypress: one more tag
    assert [(j.role, j.kind) for j in queued(window)][-1] == (PrinterRole.TAG, JobKind.SLIP)

    # The board: the tag scanned opens the ticket.
    board = window.show_page("repairs.board")
    assert isinstance(board, BoardPage)
    assert board.model.rowCount() == 1 and board.model.rows[0].ticket_id == ticket_id
    window.route_scan(ticket_id)
    ticket = board.dialog
    assert isinstance(ticket, TicketDialog) and ticket.isVisible()

    change_status(ticket, RepairStatus.DIAGNOSING)
    assert "No message" in ticket.status_dialog.message_preview.text() or "Ingen" in (
        ticket.status_dialog.message_preview.text()
    )
    press(ticket.status_dialog.note, Qt.Key.Key_F12)
    type_in(ticket.work.labour_text, "Justere gir")
    type_in(ticket.work.labour_amount, "450")
    press(ticket.work.labour_amount, Qt.Key.Key_Return)
    window.route_scan("SYK-BREMS")  # a part scanned while the ticket is open
    assert [w.amount for w in ticket.detail.lines] == [45000, 14900]
    assert ticket.detail.needs_approval  # 599 kr > 500 kr approved
    type_in(ticket.work.approval_amount, "599")
    press(ticket.work.approval_amount, Qt.Key.Key_F5)
    assert not ticket.detail.needs_approval

    for to in (RepairStatus.IN_REPAIR, RepairStatus.READY_FOR_PICKUP):
        dialog = change_status(ticket, to)
        shown = dialog.message_preview.text()
        press(dialog.note, Qt.Key.Key_F12)
        assert not dialog.isVisible(), dialog.problem.text()
    assert ticket.detail.status is RepairStatus.READY_FOR_PICKUP
    (sent,) = repair_board.notifications(window.session.uow)
    assert sent.to == "+4791234567" and sent.channel == "sms"
    assert shown == f"SMS to +4791234567:\n«{sent.body}»" or shown.endswith(f"«{sent.body}»")
    assert "Å betale: 399,00 kr" in sent.body
    press(ticket.summary, Qt.Key.Key_Escape)

    # Pickup at the till in a basket with the café's coffee.
    window.show_sale()
    scan(window.sale.code, COFFEE)
    scan(window.sale.code, ticket_id)
    assert len(window.session.basket.lines) == 3, window.sale.message.text()
    totals = window.sale.totals  # the job with its deposit deducted, before F12
    assert totals.total.text() == kr(3200 + 59900 - 20000)
    assert totals.deposits.isVisible() and ticket_id in totals.deposits.text()
    assert kr(3200 + 59900) in totals.deposits.text() and kr(20000) in totals.deposits.text()
    press(window.sale, Qt.Key.Key_F12)
    payment = window.sale.dialog
    assert isinstance(payment, PaymentDialog)
    assert payment.total == 3200 + 59900 and payment.cash_needed() == 3200 + 39900
    type_in(payment.amount, "500")
    press(payment.amount, Qt.Key.Key_Return)
    with qtbot.waitSignal(window.sale.sale_completed) as completed:
        press(payment.amount, Qt.Key.Key_Return)
    result = completed.args[0]
    assert result.change == 50000 - 43100

    with window.session.uow.read() as uow:
        row = uow.repairs.ticket_row(ticket_id)
        docs = [uow.queries.receipt_doc(r.receipt_id) for r in result.receipts]
        held = uow.repairs.deposit_held(ticket_id)
    assert row["status"] == "collected" and row["collected_sale_id"] == result.sale_id
    bike = next(d for d in docs if d.tenant_name.startswith("Sykkel"))
    # Deposit receipt (200 kr) + what the customer paid now (399 kr) = the job's receipt.
    assert bike.total == 59900
    assert [(p.label, p.amount) for p in bike.payments][0] == (f"Depositum {ticket_id}", 20000)
    assert sum(p.amount for p in bike.payments[1:]) == 39900
    assert held == 0 and repair_board.open_deposits(window.session.uow) == []


def test_the_status_list_offers_only_the_moves_the_rules_allow(repair_window, tmp_path):
    window = repair_window
    ticket, ticket_id = _job_opened_from_the_board(window, tmp_path)
    press(ticket.summary, Qt.Key.Key_F2)
    dialog = ticket.status_dialog
    assert isinstance(dialog, StatusDialog)
    assert dialog.offered() == [
        RepairStatus.DIAGNOSING, RepairStatus.AWAITING_APPROVAL, RepairStatus.IN_REPAIR,
        RepairStatus.NOT_REPAIRABLE, RepairStatus.RETURNED_UNREPAIRED,
    ]  # fmt: skip
    assert dialog.target.currentIndex() == 0 and dialog.save_button.isEnabled()
    assert dialog.target.findText(status_label(RepairStatus.SCRAPPED)) == -1

    # Another counter moves the job while the list is open: the move shown is refused, said.
    repair_status.change_status(
        window.session.uow, window.session.context(), ticket_id,
        RepairStatus.NOT_REPAIRABLE,
    )  # fmt: skip
    dialog.choose(RepairStatus.DIAGNOSING)
    assert "Kan ikke repareres" in dialog.problem.text() or "not_repairable" in (
        dialog.problem.text()
    )
    assert not dialog.save_button.isEnabled()
    press(dialog.note, Qt.Key.Key_F12)
    with window.session.uow.read() as uow:
        assert uow.repairs.ticket_row(ticket_id)["status"] == "not_repairable"
    dialog.reject()
    ticket.refresh()
    press(ticket.summary, Qt.Key.Key_F2)
    assert ticket.status_dialog.offered() == [
        RepairStatus.RETURNED_UNREPAIRED,
        RepairStatus.SCRAPPED,
    ]


def test_collected_is_offered_only_when_nothing_is_left_to_pay(repair_window, counter):
    window = repair_window
    log_in(window, "2001", "2345")
    ctx = window.session.context()
    owing = ready_job(counter, ctx)  # labour, a part and a deposit: paid at the till
    free = take_in(counter, ctx, deposit=0)  # looked at, nothing to charge
    for to in (RepairStatus.DIAGNOSING, RepairStatus.READY_FOR_PICKUP):
        repair_status.change_status(counter.uow, ctx, free, to)
    board = window.show_page("repairs.board")
    assert isinstance(board, BoardPage)
    for ticket_id, offered in (
        (owing, [RepairStatus.IN_REPAIR]),
        (free, [RepairStatus.IN_REPAIR, RepairStatus.COLLECTED]),
    ):
        ticket = board.open_ticket(ticket_id)
        assert ticket is not None
        press(ticket.summary, Qt.Key.Key_F2)
        assert ticket.status_dialog is not None
        assert ticket.status_dialog.offered() == offered
        ticket.status_dialog.reject()
        ticket.reject()


def test_a_final_status_is_saved_only_when_save_is_pressed_again(repair_window, tmp_path):
    """Received → "returned unrepaired" is allowed, but closes the job: a status picked by a
    slip of the mouse and F12 changes nothing until F12 is pressed a second time."""
    window = repair_window
    log_in(window, "2001", "2345")
    page = window.show_page("repairs.intake")
    fill_intake(page, tmp_path)
    page.deposit.clear()
    press(page.customer, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    ticket = window.show_page("repairs.board").open_ticket(page.ticket_id)
    dialog = change_status(ticket, RepairStatus.RETURNED_UNREPAIRED)
    assert "final" in dialog.final_warning.text() or "endelig" in dialog.final_warning.text()
    press(dialog.note, Qt.Key.Key_F12)
    assert dialog.isVisible() and dialog.armed
    with window.session.uow.read() as uow:
        assert uow.repairs.ticket_row(page.ticket_id)["status"] == "received"
    dialog.choose(RepairStatus.IN_REPAIR)  # another status: the confirmation starts again
    dialog.choose(RepairStatus.RETURNED_UNREPAIRED)
    assert not dialog.armed
    press(dialog.note, Qt.Key.Key_F12)
    press(dialog.note, Qt.Key.Key_F12)
    assert not dialog.isVisible(), dialog.problem.text()
    with window.session.uow.read() as uow:
        assert uow.repairs.ticket_row(page.ticket_id)["status"] == "returned_unrepaired"


def test_the_outcome_for_the_repair_data_export_is_recorded_from_the_ticket(
    repair_window, tmp_path
):
    window = repair_window
    log_in(window, "2001", "2345")
    page = window.show_page("repairs.intake")
    fill_intake(page, tmp_path)
    page.deposit.clear()
    press(page.customer, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    ticket = window.show_page("repairs.board").open_ticket(page.ticket_id)
    dialog = ticket.record_outcome()
    assert not dialog.barrier.isEnabled()  # a barrier belongs to end of life only
    dialog.outcome.setCurrentIndex(2)
    assert dialog.barrier.isEnabled()
    dialog.barrier.setCurrentIndex(2)  # spare parts too expensive
    dialog.year.setValue(2015)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    with window.session.uow.read() as uow:
        row = uow.repairs.ticket_row(page.ticket_id)
    assert (row["outcome"], row["barrier"], row["year_of_manufacture"]) == ("end_of_life", 2, 2015)


def test_the_deposit_receipt_says_which_job_it_is_for_and_is_no_credit_note(
    repair_window, tmp_path
):
    window = repair_window
    log_in(window, "2001", "2345")
    page = window.show_page("repairs.intake")
    assert isinstance(page, IntakePage)
    fill_intake(page, tmp_path)
    press(page.customer, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    ticket_id = page.ticket_id
    deposit = page.dialog
    assert deposit is not None and deposit.isVisible()
    type_in(deposit.reference, "T-4711")
    press(deposit.reference, Qt.Key.Key_F2)  # by card
    (receipt,) = [j for j in queued(window) if j.kind is JobKind.RECEIPTS]
    with window.session.uow.read() as uow:
        printed = decode(uow.printing.payload(receipt.id))
    assert printed.unknown == []
    page_text = printed.printed_pages[0].text
    flat = " ".join(page_text.split())
    assert printed.printed_pages[0].lines[0].text == "Kvittering for depositum"
    assert f"Depositum for reparasjon {ticket_id}: Sykkel DBS." in flat
    assert "trekkes fra ved henting" in flat and "ikke et salg" in flat
    assert "Bankkort" in flat and "T-4711" in flat
    assert "Tilgodelapp" not in page_text and "Gjelder kun varer" not in page_text
    assert ("CODE128", ticket_id) not in printed.printed_pages[0].barcodes


def test_the_messages_page_shows_when_a_message_was_queued_in_norwegian_time(
    repair_window, counter, ctx
):
    from tests.integration.repair_helpers import ready_job

    ready_job(counter, ctx)  # at 10:15 in Oslo (09:15 UTC): "klar til henting" queued
    window = repair_window
    log_in(window, "2001", "2345")
    page = window.show_page("repairs.notifications")
    assert page.table.rowCount() == 1
    assert page.table.item(0, 0).text() == "2026-03-02 10:15"
    assert page.table.item(0, 3).text() == "SMS"


def test_a_ticket_opens_with_the_work_done_to_type(repair_window, tmp_path):
    """The job scanned on the board opens with its labour field ready: the work done, Tab,
    the amount, Enter adds it (no mouse needed to reach the fields)."""
    window = repair_window
    ticket, ticket_id = _job_opened_from_the_board(window, tmp_path)
    assert ticket.focusWidget() is ticket.work.labour_text
    type_slowly(ticket.work.labour_text, "Justert gir")
    press(ticket.work.labour_text, Qt.Key.Key_Tab)
    type_slowly(ticket.work.labour_amount, "150")
    press(ticket.work.labour_amount, Qt.Key.Key_Return)
    assert [line.amount for line in ticket_detail(window.session.uow, ticket_id).lines] == [15000]


def test_a_returning_customer_is_found_by_phone_and_filled_in(repair_window, counter, qtbot):
    window = repair_window
    log_in(window, "2001", "2345")
    take_in(counter, window.session.context())  # Ola Nordmann came with his bike before
    page = window.show_page("repairs.intake")
    assert isinstance(page, IntakePage)
    page.phone.setFocus()
    type_in(page.phone, "912 34")
    qtbot.waitUntil(page.known.isVisible, timeout=3000)  # after a pause in the typing
    assert page.known.count() == 1 and "Ola Nordmann" in page.known.item(0).text()
    press(page.phone, Qt.Key.Key_Down)
    assert page.known.hasFocus()
    press(page.known, Qt.Key.Key_Return)
    assert (page.customer.text(), page.phone.text(), page.email.text()) == (
        "Ola Nordmann", "912 34 567", "ola@example.no",
    )  # fmt: skip
    assert not page.known.isVisible() and not page.consent.isChecked()  # asked again
    assert "Ola Nordmann" in page.message.text() and page.phone_problem.text() == ""
    page.customer.clear()
    type_in(page.customer, "nordm")
    qtbot.waitUntil(page.known.isVisible, timeout=3000)  # by name too
    type_in(page.customer, "x")
    qtbot.waitUntil(lambda: not page.known.isVisible(), timeout=3000)  # nobody fits any more


def test_tab_from_the_phone_goes_past_the_earlier_customers_to_the_email(
    repair_window, counter, qtbot
):
    """The earlier customers shown under the phone are reached with Down, never with Tab: the
    form typed from the keyboard goes on to the e-mail, nothing typed lands in the list."""
    window = repair_window
    log_in(window, "2001", "2345")
    take_in(counter, window.session.context())  # Ola Nordmann came with his bike before
    page = window.show_page("repairs.intake")
    assert isinstance(page, IntakePage)
    page.phone.setFocus()
    type_in(page.phone, "912 34 567")
    qtbot.waitUntil(page.known.isVisible, timeout=3000)
    press(page.phone, Qt.Key.Key_Tab)
    assert page.email.hasFocus()
    press(page.email, Qt.Key.Key_Backtab)
    assert page.phone.hasFocus()


def test_a_new_intake_puts_the_keyboard_in_the_customers_name(repair_window):
    window = repair_window
    log_in(window, "2001", "2345")
    page = window.show_page("repairs.intake")
    assert isinstance(page, IntakePage)
    page.condition.setFocus()
    type_in(page.condition, "Riper i lakken")
    press(page.condition, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.condition.text() == "" and page.customer.hasFocus()
    type_in(QApplication.focusWidget(), "Kari Hansen")  # the next customer, typed at once
    assert page.customer.text() == "Kari Hansen"


def test_deleting_a_line_of_a_job_at_the_till_takes_the_whole_job_out(repair_window, counter):
    window = repair_window
    log_in(window, "2001", "2345")
    ticket = ready_job(counter, window.session.context())
    scan(window.sale.code, COFFEE)
    scan(window.sale.code, ticket)
    assert window.sale.model.rowCount() == 3 and window.session.deposit_tenders()
    press(window.sale, Qt.Key.Key_F9)  # the newest line, the job's part, is the one marked
    assert [ln.description for ln in window.session.basket.lines] == ["Kaffe (ta med)"]
    assert window.sale.model.rowCount() == 1 and not window.session.deposit_tenders()
    assert not window.session.pickups


def _job_opened_from_the_board(window, tmp_path):
    """A technician takes in a job without a deposit and opens its ticket from the board."""
    log_in(window, "2001", "2345")
    page = window.show_page("repairs.intake")
    assert isinstance(page, IntakePage)
    fill_intake(page, tmp_path)
    page.deposit.clear()
    press(page.customer, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    board = window.show_page("repairs.board")
    assert isinstance(board, BoardPage)
    ticket = board.open_ticket(page.ticket_id)
    assert ticket is not None
    return ticket, page.ticket_id
