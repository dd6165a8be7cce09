"""The counter in English says everything in English: a ticket's history (statuses and how the
customer was told), the open deposits, the X report on the day-end page. Paper stays Norwegian;
in bokmål the same screens say it in bokmål."""

from __future__ import annotations

from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import repair_money
from tests.integration.repair_helpers import ready_job
from tests.ui.conftest import log_in
from ui.repairs.desk import RepairDesk
from ui.repairs.ticket_dialog import TicketDialog
from ui.tasks import ImmediatePool, TaskRunner


def history(qtbot, counter, session, ticket: str) -> list[tuple[str, str]]:
    dialog = TicketDialog(
        RepairDesk(session, None, counter.data_dir), TaskRunner(ImmediatePool()), ticket
    )
    qtbot.addWidget(dialog)
    table = dialog.history
    return [(table.item(r, 2).text(), table.item(r, 3).text()) for r in range(table.rowCount())]


def collect(counter, ctx, ticket: str) -> None:
    basket = Basket()
    pickup = repair_money.add_pickup_to_basket(counter.uow, basket, ticket)
    assert pickup.deposit is not None
    tenders = [pickup.deposit, Tender(TenderKind.CARD, 39900, "T1")]
    repair_money.complete_pickup(counter.uow, ctx, basket, tenders, [pickup])


def test_a_tickets_history_in_english(qtbot, english, counter, ctx, session):
    ticket = ready_job(counter, ctx)
    collect(counter, ctx, ticket)
    rows = history(qtbot, counter, session, ticket)
    assert rows[0] == ("Collected", "–")
    assert rows[1] == ("Ready for pickup", "SMS to +4791234567 (withdrawn: not sent)")
    assert rows[-1] == ("Received", "–")
    assert not any("Mottatt" in status or " til " in told for status, told in rows)


def test_the_same_history_in_bokmal(qtbot, bokmal, counter, ctx, session):
    ticket = ready_job(counter, ctx)
    rows = history(qtbot, counter, session, ticket)
    assert rows[0] == ("Klar til henting", "SMS til +4791234567")
    assert rows[-1] == ("Mottatt", "–")


def test_open_deposits_and_the_x_report_in_english(english, window, counter, ctx):
    ready_job(counter, ctx)  # 200 kr deposit held
    log_in(window, "9001", "9999")
    deposits = window.show_page("repairs.deposits")
    deposits.on_shown()
    assert deposits.table.item(0, 3).text() == "Ready for pickup"
    day_end = window.show_page("day_end")
    day_end.x_report()
    text = day_end.text.toPlainText()
    for english_words in ("== X report", "k) Opening float", "Repair deposit paid in", "pcs"):
        assert english_words in text, english_words
    for norwegian in ("Vekselkasse", "Betalingsmidler", "Innskudd", " stk "):
        assert norwegian not in text, norwegian
