"""Returns against the original receipt, credit notes bound to their tenant, the one copy."""

import json

import pytest

from pos.errors import (
    CopyAlreadyPrinted,
    CreditNoteProblem,
    PermissionDenied,
    ReturnNotAllowed,
    UnknownReceipt,
)
from pos.model.basket import Basket
from pos.model.events import EventCode
from pos.model.payment import Tender, TenderKind
from pos.model.receipt import NOT_A_RECEIPT
from pos.services import checkout, copies, reports, returns, till
from pos.services.context import TillContext
from tests.integration.helpers import docs, row_counts


@pytest.fixture
def manager_ctx(counter, manager, clock):
    return TillContext("K1", manager, counter.signer(), clock)


def sell(counter, ctx, *lines, tenders):
    basket = Basket()
    for item, qty in lines:
        basket.add(item, qty)
    return checkout.complete_sale(counter.uow, ctx, basket, tenders)


def test_partial_returns_are_tracked_and_never_exceed_what_was_bought(
    counter, ctx, manager_ctx, shelf
):
    sale = sell(counter, ctx, (shelf("KAFFE-INNE"), 3), tenders=[Tender(TenderKind.CARD, 10500)])
    number = sale.receipts[0].number
    (line,) = returns.returnable_lines(counter.uow, number)
    refunded = []
    for qty in (1, 2):
        result = returns.complete_return(
            counter.uow,
            manager_ctx,
            number,
            [returns.ReturnRequest(line.line_id, qty)],
            [Tender(TenderKind.CARD, 0, "TERM-R")],
        )
        (doc,) = docs(counter, result)
        assert doc.heading == "Returkvittering" and doc.original_number == number
        assert doc.total < 0 and doc.balanced
        refunded.append(-doc.total)
    assert sum(refunded) == 10500
    with pytest.raises(ReturnNotAllowed):
        returns.complete_return(
            counter.uow,
            manager_ctx,
            number,
            [returns.ReturnRequest(line.line_id, 1)],
            [Tender(TenderKind.CASH, 0)],
        )
    assert returns.returnable_lines(counter.uow, number)[0].qty_left == 0


def test_returns_need_a_manager(counter, ctx, manager, shelf):
    sale = sell(counter, ctx, (shelf("KAFFE-MED"), 1), tenders=[Tender(TenderKind.CASH, 3200)])
    number = sale.receipts[0].number
    (line,) = returns.returnable_lines(counter.uow, number)
    request = [returns.ReturnRequest(line.line_id, 1)]
    with pytest.raises(PermissionDenied):
        returns.complete_return(counter.uow, ctx, number, request, [Tender(TenderKind.CASH, 0)])
    result = returns.complete_return(
        counter.uow, ctx, number, request, [Tender(TenderKind.CASH, 0)], approver=manager
    )
    (doc,) = docs(counter, result)
    assert doc.to_pay == -3200 and doc.payments[0].label == "Kontant"


def test_a_returned_one_off_item_can_be_sold_again(counter, ctx, manager_ctx, shelf):
    sale = sell(counter, ctx, (shelf.one_off("14", 2), 1), tenders=[Tender(TenderKind.CARD, 39900)])
    number = sale.receipts[0].number
    (line,) = returns.returnable_lines(counter.uow, number)
    returns.complete_return(
        counter.uow,
        manager_ctx,
        number,
        [returns.ReturnRequest(line.line_id, 1)],
        [Tender(TenderKind.CARD, 0, "R")],
    )
    assert shelf.one_off("14", 2).status.value == "available"
    sell(counter, ctx, (shelf.one_off("14", 2), 1), tenders=[Tender(TenderKind.CARD, 39900)])


def test_a_refund_to_a_credit_note_pays_only_at_that_tenant(counter, ctx, manager_ctx, shelf):
    sale = sell(counter, ctx, (shelf.one_off("11", 5), 1), tenders=[Tender(TenderKind.CASH, 35000)])
    number = sale.receipts[0].number
    (line,) = returns.returnable_lines(counter.uow, number)
    result = returns.complete_return(
        counter.uow,
        manager_ctx,
        number,
        [returns.ReturnRequest(line.line_id, 1)],
        [Tender(TenderKind.CREDIT_NOTE, 0)],
    )
    (doc,) = docs(counter, result)
    ((note_number, note_amount),) = doc.credit_notes_issued
    assert note_amount == 34900 and note_number.startswith("TG11")

    other = Basket()
    other.add(shelf("KAFFE-INNE"))
    with pytest.raises(CreditNoteProblem):
        checkout.complete_sale(
            counter.uow,
            ctx,
            other,
            [
                Tender(TenderKind.CREDIT_NOTE, 0, credit_note_number=note_number),
                Tender(TenderKind.CASH, 5000),
            ],
        )

    mixed = Basket()
    mixed.add(shelf.one_off("11", 6))  # Bua 149,50
    mixed.add(shelf("KAFFE-INNE"))  # Kafé 35,00
    result = checkout.complete_sale(
        counter.uow,
        ctx,
        mixed,
        [
            Tender(TenderKind.CREDIT_NOTE, 0, credit_note_number=note_number),
            Tender(TenderKind.CASH, 5000),
        ],
    )
    bua, kafe = docs(counter, result)
    assert bua.payments[0].label == f"Tilgodelapp {note_number}"
    assert bua.payments[0].amount == 14950 and kafe.to_pay == 3500
    with counter.uow.read() as uow:
        assert uow.store.credit_note(note_number)[1] == 34900 - 14950


def test_unknown_receipts_cannot_be_returned(counter, manager_ctx):
    with pytest.raises(UnknownReceipt):
        returns.complete_return(
            counter.uow,
            manager_ctx,
            "99-K1-000001",
            [returns.ReturnRequest("x", 1)],
            [Tender(TenderKind.CASH, 0)],
        )


def test_a_receipt_gets_one_copy_and_no_more(counter, ctx, shelf):
    sale = sell(counter, ctx, (shelf("KAFFE-MED"), 1), tenders=[Tender(TenderKind.CARD, 3200)])
    number = sale.receipts[0].number
    copy = copies.make_copy(counter.uow, ctx, number)
    assert copy.marking == "KOPI" and copy.heading == "Salgskvittering"
    assert copy.number == number and copy.balanced
    before = row_counts(counter)
    with pytest.raises(CopyAlreadyPrinted):
        copies.make_copy(counter.uow, ctx, number)
    assert row_counts(counter) == before


def test_a_copy_of_a_training_receipt_stays_training_and_is_not_counted_as_a_copy(
    counter, ctx, manager_ctx, shelf
):
    till.set_training(counter.uow, ctx, True, basket=Basket())
    sale = sell(counter, ctx, (shelf("KAFFE-MED"), 1), tenders=[Tender(TenderKind.CARD, 3200)])
    number = sale.receipts[0].number
    copy = copies.make_copy(counter.uow, ctx, number)
    assert copy.markings == ("KOPI", NOT_A_RECEIPT)
    assert copy.heading == "Treningskvittering"
    with pytest.raises(CopyAlreadyPrinted):
        copies.make_copy(counter.uow, ctx, number)
    with counter.uow.read() as uow:
        last = list(uow.queries.journal_rows())[-1]
    assert last["event_code"] == EventCode.TRAINING_RECEIPT  # not 13014
    assert json.loads(last["details"])["kind"] == "copy"
    till.set_training(counter.uow, ctx, False, basket=Basket())
    (report,) = reports.x_reports(counter.uow, manager_ctx, ["15"])
    assert report.copies.num == 0 and report.copies.amount == 0
    assert report.training.num == 1  # the training receipt itself, not its copy


def test_a_credit_note_offered_at_payment_is_its_tenants_and_pays_what_that_receipt_owes(
    counter, ctx, manager_ctx, shelf
):
    sale = sell(counter, ctx, (shelf.one_off("11", 5), 1), tenders=[Tender(TenderKind.CASH, 35000)])
    number = sale.receipts[0].number
    (line,) = returns.returnable_lines(counter.uow, number)
    refund = [Tender(TenderKind.CREDIT_NOTE, 0)]
    result = returns.complete_return(
        counter.uow, manager_ctx, number, [returns.ReturnRequest(line.line_id, 1)], refund
    )
    ((note_number, _),) = docs(counter, result)[0].credit_notes_issued
    mixed = Basket()
    bua = mixed.add(shelf.one_off("11", 6)).tenant_id  # 149,50
    kafe = mixed.add(shelf("KAFFE-INNE")).tenant_id  # 35,00
    dues = [(bua, 14950), (kafe, 3500)]

    offered = checkout.credit_note_tender(counter.uow, f" {note_number.lower()} ", None, dues, [])
    assert (offered.credit_note_number, offered.tenant_id) == (note_number, bua)
    assert offered.amount == 14950
    part = checkout.credit_note_tender(counter.uow, note_number, 10000, dues, [])
    assert part.amount == 10000
    rest = checkout.credit_note_tender(counter.uow, note_number, None, dues, [part])
    assert rest.amount == 4950
    for missing in ("TG99999999", "  "):
        with pytest.raises(CreditNoteProblem):
            checkout.credit_note_tender(counter.uow, missing, None, dues, [])

    tenders = [offered, Tender(TenderKind.CASH, 5000)]
    result = checkout.complete_sale(counter.uow, ctx, mixed, tenders)
    bua_doc, _ = docs(counter, result)
    assert bua_doc.payments[0].amount == 14950
