"""A mixed-tenant basket sold, paid once, split into one receipt per tenant, to the øre."""

import json

import pytest

from pos.errors import (
    ItemAlreadySold,
    PaymentShort,
    PermissionDenied,
    TillNotOpen,
    TrainingRestriction,
    UnknownItem,
)
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import checkout, till
from pos.services.catalogue import find_item
from tests.integration.helpers import docs, row_counts


def mixed_basket(shelf):
    basket = Basket()
    basket.add(shelf.one_off("11", 1))  # Bua: ullkåpe 649,00 (25 %)
    basket.add(shelf("KAFFE-MED"), 2)  # Kafé: 2 x 32,00 takeaway (15 %)
    basket.add(shelf("KAFFE-INNE"))  # Kafé: 35,00 eat-in (25 %)
    basket.add(shelf.one_off("12", 3))  # Småfolk (not VAT-registered): 249,00
    basket.add(shelf("SMA-DIV"), 1, 4950)  # Småfolk open price 49,50
    return basket


def test_a_mixed_basket_gives_one_balanced_receipt_per_tenant(counter, ctx, shelf):
    result = checkout.complete_sale(
        counter.uow,
        ctx,
        mixed_basket(shelf),
        [Tender(TenderKind.CARD, 20000, "TERM-77"), Tender(TenderKind.CASH, 100000)],
    )
    receipts = docs(counter, result)
    assert [d.number for d in receipts] == ["11-K1-000001", "12-K1-000001", "15-K1-000001"]
    assert result.total == 64900 + 6400 + 3500 + 24900 + 4950
    assert result.change == 100000 - (result.total - 20000 + result.rounding)
    for doc in receipts:
        assert doc.heading == "Salgskvittering"
        assert doc.balanced
        assert sum(line.amount for line in doc.lines) == doc.total
        assert sum(v.gross for v in doc.vat) == doc.total
    bua, smafolk, kafe = receipts
    assert bua.org_line.endswith("MVA") and not smafolk.org_line.endswith("MVA")
    assert [v.vat for v in smafolk.vat] == [0]
    assert {v.vat_class.key: v.vat for v in kafe.vat} == {"25": 700, "15": 835}
    assert bua.payments[0].reference == "TERM-77"
    assert sum(d.rounding for d in receipts) == result.rounding


def test_the_sale_is_journaled_signed_and_queued_for_sync(counter, ctx, shelf):
    before = row_counts(counter)
    result = checkout.complete_sale(
        counter.uow, ctx, mixed_basket(shelf), [Tender(TenderKind.VIPPS, 104650, "V1")]
    )
    after = row_counts(counter)
    assert after["receipts"] - before["receipts"] == 3
    assert after["outbox"] - before["outbox"] == 3
    assert after["journal"] - before["journal"] == 3  # one per tenant receipt, no drawer (Vipps)
    with counter.uow.read() as uow:
        rows = list(uow.queries.journal_rows())[-3:]
        # recorded with its digest; "13012 Sales receipt printed" waits for the printer
        assert {r["event_code"] for r in rows} == {13999}
        assert {json.loads(r["details"])["kind"] for r in rows} == {"sale_receipt"}
        receipt = uow.queries.receipt(result.receipts[0].receipt_id)
        assert receipt["sig_nr"] == 1 and len(receipt["signature"]) == 172
        outbox = uow.store.conn.exec_driver_sql(
            "SELECT payload FROM outbox ORDER BY device_seq DESC LIMIT 1"
        ).scalar_one()
        assert json.loads(outbox)["sale_id"] == result.sale_id


def test_numbers_and_signature_chains_continue_without_gaps(counter, ctx, shelf):
    for _ in range(3):
        basket = Basket()
        basket.add(shelf("KAFFE-MED"))
        checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CASH, 5000)])
    with counter.uow.read() as uow:
        rows = [r for r in uow.queries.receipts_in_chain_order()]
    assert [r["number"] for r in rows] == [1, 2, 3]
    assert [r["sig_nr"] for r in rows] == [1, 2, 3]


def test_cash_is_rounded_to_whole_kroner_and_the_rounding_recorded(counter, ctx, shelf):
    basket = Basket()
    basket.add(shelf.one_off("11", 6))  # 149,50
    result = checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CASH, 20000)])
    (doc,) = docs(counter, result)
    assert (doc.total, doc.rounding, doc.to_pay) == (14950, 50, 15000)
    assert result.change == 5000


def test_a_whole_kroner_receipt_in_a_mixed_cash_basket_prints_no_rounding(counter, ctx, shelf):
    from printers.layout import LAYOUT_80MM
    from printers.receipt import render_receipt
    from tests.printers.escpos_decoder import decode

    basket = Basket()
    basket.add(shelf.one_off("12", 1))  # Småfolk: barnevogn 1 500,00
    basket.add(shelf.one_off("11", 6))  # Bua: silkeskjerf 149,50
    basket.add(shelf("BUA-DIV"), 1, 1005)  # Bua: 10,05 -> the basket ends in ,55
    result = checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CASH, 170000)])
    bua, smafolk = docs(counter, result)
    assert result.rounding == 45
    assert (smafolk.total, smafolk.rounding, smafolk.to_pay) == (150000, 0, 150000)
    assert (bua.total, bua.rounding, bua.to_pay) == (15955, 45, 16000)
    printed = decode(render_receipt(smafolk, LAYOUT_80MM)).text
    assert "Øreavrunding" not in printed and "1 500,00" in printed
    assert "Øreavrunding" in decode(render_receipt(bua, LAYOUT_80MM)).text


def test_a_one_off_item_sold_once_is_refused_the_second_time(counter, ctx, shelf):
    item = shelf.one_off("11", 2)
    basket = Basket()
    basket.add(item)
    checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CARD, 29900)])
    with pytest.raises(ItemAlreadySold):
        Basket().add(shelf.one_off("11", 2))
    stale = Basket()  # scanned on another screen before the first sale completed
    stale.add(item)
    before = row_counts(counter)
    with pytest.raises(ItemAlreadySold):
        checkout.complete_sale(counter.uow, ctx, stale, [Tender(TenderKind.CARD, 29900)])
    assert row_counts(counter) == before


def test_a_short_payment_writes_nothing(counter, ctx, shelf):
    before = row_counts(counter)
    with pytest.raises(PaymentShort) as caught:
        checkout.complete_sale(
            counter.uow, ctx, mixed_basket(shelf), [Tender(TenderKind.CARD, 50000)]
        )
    assert "mangler" in caught.value.message("nb")
    assert row_counts(counter) == before
    assert shelf.one_off("11", 1).status.value == "available"


def test_unknown_codes_are_domain_errors(counter):
    with pytest.raises(UnknownItem):
        find_item(counter.uow, "7038010000010")


def test_large_discounts_and_price_overrides_need_a_manager(counter, ctx, shelf, manager):
    basket = Basket()
    line = basket.add(shelf.one_off("13", 1))  # 2 490,00
    basket.set_discount(line.line_id, 100000, "Ripe i lakken")
    with pytest.raises(PermissionDenied):
        checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CARD, 149000)])
    result = checkout.complete_sale(
        counter.uow, ctx, basket, [Tender(TenderKind.CARD, 149000)], approver=manager
    )
    (doc,) = docs(counter, result)
    assert doc.lines[0].discount == 100000 and doc.lines[0].discount_reason == "Ripe i lakken"
    override = Basket()
    override_line = override.add(shelf("KAFFE-INNE"))
    override.set_price(override_line.line_id, 1000)
    with pytest.raises(PermissionDenied):
        checkout.complete_sale(counter.uow, ctx, override, [Tender(TenderKind.CARD, 1000)])


def test_training_sales_have_their_own_series_and_change_no_stock(counter, ctx, shelf):
    till.set_training(counter.uow, ctx, True, basket=Basket())
    basket = Basket()
    basket.add(shelf.one_off("11", 3))
    result = checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CARD, 44900)])
    (doc,) = docs(counter, result)
    assert doc.number == "11-K1-T000001"
    assert doc.heading == "Treningskvittering" and doc.marking == "IKKE KVITTERING FOR KJØP"
    assert shelf.one_off("11", 3).status.value == "available"
    with pytest.raises(TrainingRestriction):
        checkout.complete_sale(
            counter.uow,
            ctx,
            basket,
            [Tender(TenderKind.CREDIT_NOTE, 0, credit_note_number="TG11000001")],
        )
    till.set_training(counter.uow, ctx, False, basket=Basket())
    with counter.uow.read() as uow:
        codes = [r["event_code"] for r in uow.queries.journal_rows()]
    assert 13023 in codes and 13017 in codes and 13024 in codes


def test_selling_needs_an_open_till(tmp_path, clock):
    from pos.counter import open_counter
    from pos.demo.centre import seed_demo
    from pos.services import auth
    from pos.services.context import TillContext

    with open_counter(tmp_path / "closed") as counter:
        seed_demo(counter.uow, counter.signer(), clock=clock, open_till=False)
        cashier = auth.authenticate(counter.uow, "1001", "1234")
        ctx = TillContext("K1", cashier, counter.signer(), clock)
        basket = Basket()
        basket.add(find_item(counter.uow, "KAFFE-MED"))
        with pytest.raises(TillNotOpen):
            checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CASH, 5000)])


def test_a_discount_over_the_limit_is_asked_for_as_it_is_given(counter, ctx, shelf, manager):
    line = Basket().add(shelf.one_off("13", 1))  # 2 490,00; the demo centre's limit is 20 %
    assert checkout.check_discount(counter.uow, ctx, line, 49800) is False
    with pytest.raises(PermissionDenied):
        checkout.check_discount(counter.uow, ctx, line, 49801)
    assert checkout.check_discount(counter.uow, ctx, line, 100000, approver=manager) is True
