"""A repair from intake to paid pickup: deposit, diagnosis, approval, notification, mixed basket."""

import json

import pytest

from pos.errors import CreditNoteProblem
from pos.model.basket import Basket
from pos.model.notification import Channel, NoMessageReason
from pos.model.payment import Tender, TenderKind
from pos.model.receipt import ReceiptKind
from pos.model.repair import ApprovalRequired, IllegalTransition, RepairStatus
from pos.services import checkout, repair_board, repair_money, repair_status, repair_work
from pos.services.repair_common import IntakeIncomplete, MessageChanged
from pos.services.repair_intake import PhotoProblem
from tests.integration.repair_helpers import photo, ready_job, take_in


def outbox(counter, event_type):
    with counter.uow.read() as uow:
        rows = uow.store.rows("SELECT payload FROM outbox WHERE type = ?", (event_type,))
    return [json.loads(r["payload"]) for r in rows]


def test_the_whole_flow_from_intake_to_paid_pickup_in_a_mixed_basket(counter, ctx, shelf, tmp_path):
    ticket = take_in(counter, ctx, photos=(photo(tmp_path),))
    assert (counter.data_dir / "photos" / ticket / "01.png").read_bytes()[:4] == b"\x89PNG"
    deposit = repair_money.pay_deposit(counter.uow, ctx, ticket, [Tender(TenderKind.CASH, 50000)])
    assert deposit.change == 30000 and deposit.receipt.number == "13-K1-D000001"

    repair_status.change_status(counter.uow, ctx, ticket, RepairStatus.DIAGNOSING)
    repair_work.add_labour(counter.uow, ctx, ticket, "Nytt girsystem", amount=70000)
    repair_work.add_part(counter.uow, ctx, ticket, "SYK-BREMS")  # 149 kr: 849 > limit 800
    preview = repair_status.preview_status_change(
        counter.uow, ticket, RepairStatus.AWAITING_APPROVAL
    )
    assert preview.preview.message.channel is Channel.SMS
    assert "849,00 kr" in preview.preview.message.body
    repair_status.change_status(
        counter.uow, ctx, ticket, RepairStatus.AWAITING_APPROVAL, confirmed=preview.preview
    )
    repair_status.change_status(counter.uow, ctx, ticket, RepairStatus.IN_REPAIR)
    repair_status.change_status(counter.uow, ctx, ticket, RepairStatus.READY_FOR_PICKUP)
    with pytest.raises(ApprovalRequired):
        repair_money.add_pickup_to_basket(counter.uow, Basket(), ticket)
    repair_work.record_approval(
        counter.uow, ctx, ticket, 84900, repair_work.ApprovalMethod.PHONE, "Kunden sa ja"
    )

    ready = repair_status.preview_status_change(counter.uow, ticket, RepairStatus.IN_REPAIR)
    assert ready.preview.message is None  # in_repair does not notify by default

    basket = Basket()
    basket.add(shelf("KAFFE-MED"))
    basket.add(shelf.one_off("11", 1))
    pickup = repair_money.add_pickup_to_basket(counter.uow, basket, ticket)
    assert pickup.total == 84900 and pickup.deposit.amount == 20000
    due = basket.total - pickup.deposit.amount
    result = repair_money.complete_pickup(
        counter.uow, ctx, basket, [pickup.deposit, Tender(TenderKind.CARD, due, "T1")], [pickup]
    )
    with counter.uow.read() as uow:
        docs = [uow.queries.receipt_doc(r.receipt_id) for r in result.receipts]
        row = uow.repairs.ticket_row(ticket)
        history = [h["to_status"] for h in uow.repairs.history(ticket)]
        stock = uow.store.item(shelf("SYK-BREMS").id).stock_qty
    bike = next(d for d in docs if d.tenant_name.startswith("Sykkel"))
    assert bike.total == 84900 and bike.balanced
    assert [p.label for p in bike.payments] == [f"Depositum {ticket}", "Bankkort"]
    assert sum(v.vat for v in bike.vat) == 16980  # full VAT on the full price
    assert all(d.balanced for d in docs)
    assert row["status"] == "collected" and row["collected_sale_id"] == result.sale_id
    assert history == [
        "received",
        "diagnosing",
        "awaiting_approval",
        "in_repair",
        "ready_for_pickup",
        "collected",
    ]
    assert stock == 24  # the part left stock when it was sold at pickup
    assert [t["ticket"] for t in outbox(counter, "repair.ticket_created")] == [ticket]
    assert repair_board.open_deposits(counter.uow) == []


def test_the_queued_notification_is_exactly_the_preview(counter, ctx):
    ticket = ready_job(counter, ctx, deposit=False)
    repair_status.change_status(counter.uow, ctx, ticket, RepairStatus.IN_REPAIR)
    preview = repair_status.preview_status_change(
        counter.uow, ticket, RepairStatus.READY_FOR_PICKUP
    ).preview
    changed = repair_status.change_status(
        counter.uow, ctx, ticket, RepairStatus.READY_FOR_PICKUP, confirmed=preview
    )
    assert changed.preview == preview
    (queued,) = [
        n
        for n in repair_board.notifications(counter.uow)
        if n.notification_id == changed.notification_id
    ]
    message = preview.message
    assert (queued.channel, queued.to, queued.subject, queued.body) == (
        message.channel.value,
        message.to,
        message.subject,
        message.body,
    )
    sent = [
        p
        for p in outbox(counter, "notification.requested")
        if p["notification_id"] == changed.notification_id
    ]
    assert sent == [
        {
            "notification_id": changed.notification_id,
            "ticket": ticket,
            "channel": "sms",
            "to": "+4791234567",
            "subject": "",
            "body": message.body,
        }
    ]
    assert "599,00" in message.body  # 450 + 149 kr, no deposit


def test_a_stale_preview_is_refused_and_nothing_is_written(counter, ctx):
    ticket = take_in(counter, ctx)
    repair_status.change_status(counter.uow, ctx, ticket, RepairStatus.DIAGNOSING)
    preview = repair_status.preview_status_change(
        counter.uow, ticket, RepairStatus.AWAITING_APPROVAL
    ).preview
    repair_work.add_labour(counter.uow, ctx, ticket, "Mer arbeid", amount=90000)
    with pytest.raises(MessageChanged):
        repair_status.change_status(
            counter.uow, ctx, ticket, RepairStatus.AWAITING_APPROVAL, confirmed=preview
        )
    assert repair_board.notifications(counter.uow) == []


def test_no_message_without_consent_or_contact(counter, ctx):
    quiet = take_in(counter, ctx, contact_consent=False)
    landline = take_in(counter, ctx, phone="67 12 34 56", email="")
    for ticket, reason in (
        (quiet, NoMessageReason.NO_CONSENT),
        (landline, NoMessageReason.NO_CONTACT),
    ):
        repair_status.change_status(counter.uow, ctx, ticket, RepairStatus.DIAGNOSING)
        preview = repair_status.preview_status_change(
            counter.uow, ticket, RepairStatus.NOT_REPAIRABLE
        ).preview
        assert preview.message is None and preview.reason is reason
        changed = repair_status.change_status(counter.uow, ctx, ticket, RepairStatus.NOT_REPAIRABLE)
        assert changed.notification_id is None
    assert repair_board.notifications(counter.uow) == []


def test_an_illegal_transition_is_refused(counter, ctx):
    ticket = take_in(counter, ctx)
    with pytest.raises(IllegalTransition) as refused:
        repair_status.change_status(counter.uow, ctx, ticket, RepairStatus.READY_FOR_PICKUP)
    assert "Mottatt" in refused.value.message("nb")
    with counter.uow.read() as uow:
        assert uow.repairs.ticket_row(ticket)["status"] == "received"
        assert len(uow.repairs.history(ticket)) == 1


def test_the_deposit_is_never_counted_twice(counter, ctx):
    ticket = ready_job(counter, ctx)  # 200 kr deposit paid in cash
    basket = Basket()
    pickup = repair_money.add_pickup_to_basket(counter.uow, basket, ticket)
    result = repair_money.complete_pickup(
        counter.uow, ctx, basket, [pickup.deposit, Tender(TenderKind.CASH, 50000)], [pickup]
    )
    with counter.uow.read() as uow:
        receipts = uow.store.rows("SELECT kind, total FROM receipts")
        taken = uow.store.rows(
            "SELECT SUM(amount) AS s FROM tenders WHERE kind IN ('cash', 'card', 'vipps')"
        )[0]["s"]
    sales = sum(r["total"] for r in receipts if r["kind"] == ReceiptKind.SALE.value)
    deposits = sum(r["total"] for r in receipts if r["kind"] == ReceiptKind.DEPOSIT.value)
    assert sales == 59900 == result.total  # turnover counts the job once
    assert deposits == 20000
    assert taken == result.total  # money taken at intake + at pickup = the pickup receipt
    with pytest.raises(CreditNoteProblem):  # the deposit is used up
        basket = Basket()
        basket.add(counter_item(counter, "SYK-BREMS"))
        checkout.complete_sale(
            counter.uow,
            ctx,
            basket,
            [Tender(TenderKind.DEPOSIT, 0, credit_note_number=ticket)],
        )


def counter_item(counter, code):
    from pos.services.catalogue import find_item

    return find_item(counter.uow, code)


def test_a_deposit_is_paid_back_when_the_job_is_not_repaired(counter, ctx, manager):
    ticket = take_in(counter, ctx)
    repair_money.pay_deposit(counter.uow, ctx, ticket, [Tender(TenderKind.CARD, 20000)])
    with pytest.raises(repair_money.DepositProblem):
        repair_money.refund_deposit(counter.uow, ctx, ticket, approver=manager)
    repair_status.change_status(counter.uow, ctx, ticket, RepairStatus.NOT_REPAIRABLE)
    repair_status.change_status(counter.uow, ctx, ticket, RepairStatus.RETURNED_UNREPAIRED)
    assert [d.ticket_id for d in repair_board.open_deposits(counter.uow)] == [ticket]
    refund = repair_money.refund_deposit(
        counter.uow, ctx, ticket, TenderKind.CARD, "T9", approver=manager
    )
    assert refund.amount == -20000 and refund.receipt.number == "13-K1-D000002"
    assert repair_board.open_deposits(counter.uow) == []
    with counter.uow.read() as uow:
        doc = uow.queries.receipt_doc(refund.receipt.receipt_id)
    assert doc.heading == "Kvittering for depositum" and doc.total == -20000 and doc.balanced
    assert doc.lines == () and doc.vat == () and "Ingen merverdiavgift" in doc.note


def test_pickup_needs_the_deposit_deducted_and_an_unchanged_job(counter, ctx):
    ticket = ready_job(counter, ctx)
    basket = Basket()
    pickup = repair_money.add_pickup_to_basket(counter.uow, basket, ticket)
    with pytest.raises(repair_money.PickupProblem):
        repair_money.complete_pickup(
            counter.uow, ctx, basket, [Tender(TenderKind.CASH, 60000)], [pickup]
        )
    repair_status.change_status(counter.uow, ctx, ticket, RepairStatus.IN_REPAIR)
    repair_work.add_labour(counter.uow, ctx, ticket, "Ekstra", amount=1000)
    with pytest.raises(repair_money.PickupProblem):
        repair_money.complete_pickup(
            counter.uow, ctx, basket, [pickup.deposit, Tender(TenderKind.CASH, 50000)], [pickup]
        )
    with counter.uow.read() as uow:
        assert uow.queries.count("sales") == 1  # only the deposit; the pickup rolled back


def test_bad_intake_is_refused_with_a_clear_message_and_nothing_saved(counter, ctx, tmp_path):
    with pytest.raises(IntakeIncomplete):
        take_in(counter, ctx, terms_accepted=False)
    text = tmp_path / "notes.txt"
    text.write_text("not an image")
    with pytest.raises(PhotoProblem):
        take_in(counter, ctx, photos=(text,))
    with counter.uow.read() as uow:
        assert uow.queries.count("repair_tickets") == 0
    assert not (counter.data_dir / "photos").exists()


def test_deleting_one_line_of_a_job_takes_the_whole_job_and_its_deposit_out(counter, ctx, shelf):
    ticket = ready_job(counter, ctx)
    basket = Basket()
    coffee = basket.add(shelf("KAFFE-MED"))
    pickup = repair_money.add_pickup_to_basket(counter.uow, basket, ticket)
    assert pickup.deposit is not None and len(pickup.line_ids) == 2
    assert repair_money.job_of_line([pickup], pickup.line_ids[1]) is pickup
    assert repair_money.job_of_line([pickup], coffee.line_id) is None

    deleted = repair_money.delete_line(counter.uow, ctx, basket, [pickup], pickup.line_ids[1])
    assert deleted.whole_job and deleted.pickups == ()
    assert [line.line_id for line in basket.lines] == [coffee.line_id]
    with counter.uow.read() as uow:
        kinds = [json.loads(r["details"] or "{}").get("kind") for r in uow.queries.journal_rows()]
    deletes = [kind for kind in kinds if kind == "line_delete"]
    assert len(deletes) == 2  # each line of the job is journaled as deleted

    kept = repair_money.delete_line(counter.uow, ctx, basket, (), coffee.line_id)
    assert not kept.whole_job and kept.line == coffee and not basket.lines
