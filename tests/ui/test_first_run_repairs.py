"""A centre set up in the first-run window, by keys, with a tenant ticked as taking in repairs:
the manager logs in, opens the till, takes a bike in at the intake screen, moves the job through
its statuses on the board with the work added, and the customer pays for it at the till — no
other step (no item made by hand in the back office). The back office shows the tenant as a
repair workshop, and a manager can make another tenant one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos.clock import SteppingClock
from pos.model.repair import RepairStatus
from pos.services import repair_detail, repair_labour
from ui.backoffice.tenants_page import TenantsPage
from ui.main_window import MainWindow
from ui.payment_dialog import PaymentDialog
from ui.repairs.board_page import BoardPage
from ui.repairs.intake_page import IntakePage
from ui.repairs.status_dialog import StatusDialog
from ui.repairs.ticket_dialog import TicketDialog
from ui.till_day.float_dialog import FloatDialog

from .conftest import press, scan, type_slowly
from .first_run_keys import (
    MANAGER,
    REPAIR_SHOP,
    day,
    enter,
    focused,
    key,
    log_in_by_keys,
    set_up_by_keys,
    started_counter,
    type_text,
)
from .test_first_run_and_till_day import open_menu_page


@pytest.fixture
def window(tmp_path, qtbot):
    with started_counter(tmp_path, qtbot, SteppingClock(day(2026, 3, 2, 9, 0))) as started:
        yield set_up_by_keys(started, f"file://{tmp_path / 'printer.escpos'}", qtbot, repairs=True)


def fill_in(text: str) -> None:
    """The field that has the focus, then Tab to the next."""
    if text:
        type_text(text)
    key(Qt.Key.Key_Tab)


def take_in_a_bike(window: MainWindow) -> str:
    page = open_menu_page(window, "repairs.intake")
    assert isinstance(page, IntakePage)
    assert [page.tenant.itemData(i) for i in range(page.tenant.count())] == [REPAIR_SHOP[0]]
    assert focused() is page.customer
    for text in ("Ola Nordmann", "912 34 567", ""):  # name, phone, no e-mail
        fill_in(text)
    key(Qt.Key.Key_Space)  # may be contacted
    page.category.setFocus()
    for text in ("Sykkel", "DBS Intruder 2019", "WTU2019X4471"):
        fill_in(text)
    page.fault.setFocus()
    type_text("Bremsene tar dårlig")
    page.estimate.setFocus()
    type_text("450")
    page.terms.setFocus()
    key(Qt.Key.Key_Space)  # the customer accepts the terms
    key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    ticket = page.ticket_id
    assert ticket and ticket.startswith("R"), page.message.text()
    key(Qt.Key.Key_Escape)  # back to the sale screen
    return ticket


def work_the_job(window: MainWindow, ticket_id: str) -> None:
    board = open_menu_page(window, "repairs.board")
    assert isinstance(board, BoardPage)
    scan(focused(), ticket_id)  # the job tag scanned opens the job
    ticket = board.dialog
    assert isinstance(ticket, TicketDialog) and ticket.isVisible(), window.refusals.text()
    type_slowly(ticket.work.labour_text, "Nye bremseklosser, justert")
    type_slowly(ticket.work.labour_amount, "350")
    press(ticket.work.labour_amount, Qt.Key.Key_Return)  # the labour: added
    assert [w.amount for w in ticket.detail.lines] == [35000], ticket.message.text()
    for status in (RepairStatus.IN_REPAIR, RepairStatus.READY_FOR_PICKUP):
        press(ticket.summary, Qt.Key.Key_F2)
        dialog = ticket.status_dialog
        assert isinstance(dialog, StatusDialog) and dialog.isVisible()
        dialog.choose(status)
        press(dialog.note, Qt.Key.Key_F12)
        assert not dialog.isVisible(), dialog.problem.text()
    assert ticket.detail.status is RepairStatus.READY_FOR_PICKUP
    press(ticket.summary, Qt.Key.Key_Escape)
    key(Qt.Key.Key_Escape)  # the board closed: the sale screen


def test_a_centre_set_up_in_the_window_takes_in_a_repair_and_charges_it_at_pickup(window, qtbot):
    setup_text = window.session.overview().centre_name
    assert setup_text == "Omigjen Asker"
    log_in_by_keys(window)
    float_dialog = window.sale.dialog
    assert isinstance(float_dialog, FloatDialog) and focused() is float_dialog.amount
    enter("1000")
    assert not float_dialog.isVisible(), float_dialog.error.text()

    ticket_id = take_in_a_bike(window)
    work_the_job(window, ticket_id)

    window.show_sale()
    scan(focused(), ticket_id)  # the job tag at the till
    assert len(window.session.basket.lines) == 1, window.sale.message.text()
    key(Qt.Key.Key_F12)
    payment = window.sale.dialog
    assert isinstance(payment, PaymentDialog) and payment.total == 35000
    enter("350")
    with qtbot.waitSignal(window.sale.sale_completed) as completed:
        key(Qt.Key.Key_Return)
    sale = completed.args[0]
    assert [r.number for r in sale.receipts] == ["13-K1-000001"]
    detail = repair_detail.ticket_detail(window.session.uow, ticket_id)
    assert detail.status is RepairStatus.COLLECTED


def test_the_back_office_shows_the_repair_workshop_and_makes_another(window):
    log_in_by_keys(window)
    key(Qt.Key.Key_Escape)  # the float: not now
    page = open_menu_page(window, "tenants")
    assert isinstance(page, TenantsPage)
    page.show_tenant(REPAIR_SHOP[0])
    assert page.repairs.isChecked() and "Reparasjon – arbeid" in page.repairs_item.text()
    assert page.hourly.isEnabled() and page.hourly.text() == "600,00"
    page.show_tenant("11")
    assert not page.repairs.isChecked() and not page.hourly.isEnabled()
    page.repairs.setFocus()
    key(Qt.Key.Key_Space)
    assert page.hourly.isEnabled()
    page.hourly.setFocus()
    key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text("720")
    key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.repairs.isChecked() and "REP" in page.repairs_item.text(), page.message.text()
    assert repair_labour.takes_repairs(window.session.uow, "11") is not None
    assert repair_labour.hourly_rate_of(window.session.uow, "11") == 72000
    assert page.hourly.text() == "720,00"
    tenants = repair_detail.intake_choices(window.session.uow).tenants
    assert [code for code, _ in tenants] == ["11", REPAIR_SHOP[0]]
    assert QApplication.activeModalWidget() is None
    assert MANAGER == "9001"
