"""The Sale aggregate: built from receipts and tenders it adds up to the øre, and a sale whose
figures disagree cannot be made at all."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos.clock import Stamp
from pos.model.payment import Tender, TenderKind
from pos.model.receipt import ReceiptKind
from pos.model.sale import (
    ReceiptSeal,
    Sale,
    SaleDoesNotAddUp,
    SaleLine,
    TenantReceipt,
    new_sale,
    tenant_receipt,
)
from pos.model.sale_facts import digest_content, line_facts, outbox_payload, payment_facts
from pos.model.tenant import Tenant
from pos.money import round_to_krone
from pos.vat import VatClass

STAMP = Stamp("2026-12-07T12:00:00+00:00", "2026-12-07", "13:00:00")
VAT_CLASSES = [VatClass.HIGH, VatClass.FOOD, VatClass.ZERO, VatClass.EXEMPT]


def _tenant(n: int, vat_registered: bool = True) -> Tenant:
    return Tenant(f"t{n}", f"{n + 10}", f"Tenant {n}", "974760673", vat_registered)


def _line(tenant: Tenant, amount: int, vat_class: VatClass = VatClass.HIGH) -> SaleLine:
    return SaleLine(
        tenant_id=tenant.id,
        item_id=f"item-{amount}",
        description="Ting",
        qty=1 if amount >= 0 else -1,
        unit_price=abs(amount),
        catalogue_price=abs(amount),
        discount=0,
        discount_reason="",
        amount=amount,
        vat_class=vat_class,
        article_group_id="g",
    )


def _sale(receipts: list[TenantReceipt], tenders: list[Tender], kind: str = "sale") -> Sale:
    return new_sale(
        kind=kind,
        receipts=receipts,
        tenders=tenders,
        voucher_ids=[None] * len(tenders),
        register_id="K1",
        till_session_id="s1",
        staff_id="staff",
        approved_by=None,
        training=False,
        stamp=STAMP,
    )


def _sealed(sale: Sale) -> Sale:
    return sale.sealed(
        lambda r: ReceiptSeal(1, f"{r.tenant.code}-K1-000001", 1, "sig", "hmac", "1"),
        lambda r, note: f"TG{r.tenant.code}000001",
    )


tenant_lines = st.lists(
    st.tuples(st.integers(1, 500_000), st.sampled_from(VAT_CLASSES)), min_size=1, max_size=6
)
baskets = st.lists(st.tuples(tenant_lines, st.booleans()), min_size=1, max_size=4)


def _receipts(basket: list[tuple[list[tuple[int, VatClass]], bool]]) -> list[TenantReceipt]:
    receipts = []
    for n, (lines, vat_registered) in enumerate(basket):
        tenant = _tenant(n, vat_registered)
        receipts.append(
            tenant_receipt(tenant, ReceiptKind.SALE, [_line(tenant, a, c) for a, c in lines])
        )
    return receipts


@settings(max_examples=200, deadline=None)
@given(basket=baskets, card_share=st.integers(0, 100), extra_cash=st.integers(0, 100_000))
def test_a_sale_adds_up_to_the_ore_however_it_is_paid(basket, card_share, extra_cash):
    receipts = _receipts(basket)
    total = sum(r.total for r in receipts)
    card = total * card_share // 100
    cash = round_to_krone(total - card) + extra_cash
    tenders = [Tender(TenderKind.CARD, card), Tender(TenderKind.CASH, cash)]
    sale = _sale(receipts, tenders)

    assert sale.total == total
    assert sum(t.net for t in sale.tenders) == total + sale.rounding
    assert sale.change == cash - sale.tenders[1].net
    for receipt in sale.receipts:
        assert sum(amount for _, amount in receipt.payments) == receipt.total + receipt.rounding
        assert receipt.total == sum(line.amount for line in receipt.lines)
        assert receipt.total_ex_vat == receipt.total - sum(receipt.line_vat)
        if not receipt.tenant.vat_registered:
            assert receipt.total_ex_vat == receipt.total
    recorded = _sealed(sale)
    for receipt in recorded.receipts:
        payload = outbox_payload(recorded, receipt)
        assert sum(line["amount"] for line in payload["lines"]) == receipt.total
        assert sum(p["amount"] for p in payload["payments"]) == receipt.to_pay
        assert sum(v["gross"] for v in payload["vat"]) == receipt.total


@settings(max_examples=100, deadline=None)
@given(basket=baskets)
def test_a_refund_to_credit_notes_issues_one_note_per_tenant_holding_its_share(basket):
    receipts = []
    for receipt in _receipts(basket)[:1]:  # a return is against one tenant's receipt
        lines = [replace(line, amount=-line.amount, qty=-1) for line in receipt.lines]
        receipts.append(tenant_receipt(receipt.tenant, ReceiptKind.RETURN, lines))
    refund = -sum(r.total for r in receipts)
    sale = _sale(receipts, [Tender(TenderKind.CREDIT_NOTE, refund)], kind="return")

    (note,) = sale.receipts[0].credit_notes
    assert note.amount == refund
    assert sale.tenders[0].credit_note_id == note.note_id
    assert _sealed(sale).receipts[0].credit_notes[0].number.startswith("TG")


def _two_tenant_sale() -> Sale:
    a, b = _tenant(1), _tenant(2)
    receipts = [
        tenant_receipt(a, ReceiptKind.SALE, [_line(a, 12_950), _line(a, 5_000, VatClass.FOOD)]),
        tenant_receipt(b, ReceiptKind.SALE, [_line(b, 7_425)]),
    ]
    return _sale(receipts, [Tender(TenderKind.CARD, 10_000), Tender(TenderKind.CASH, 20_000)])


def test_a_receipt_paid_one_ore_off_is_refused():
    sale = _two_tenant_sale()
    first = sale.receipts[0]
    (index, amount), *rest = first.payments
    shifted = replace(first, payments=((index, amount + 1), *rest))
    with pytest.raises(SaleDoesNotAddUp, match="paid"):
        replace(sale, receipts=(shifted, *sale.receipts[1:]))


def test_a_tender_that_paid_other_than_its_parts_is_refused():
    sale = _two_tenant_sale()
    card = replace(sale.tenders[0], net=sale.tenders[0].net - 1)
    with pytest.raises(SaleDoesNotAddUp, match="tender 0"):
        replace(sale, tenders=(card, *sale.tenders[1:]))


def test_a_line_on_another_tenants_receipt_is_refused():
    sale = _two_tenant_sale()
    first, second = sale.receipts
    stray = replace(second, lines=(replace(second.lines[0], tenant_id=first.tenant.id),))
    with pytest.raises(SaleDoesNotAddUp, match="another tenant"):
        replace(sale, receipts=(first, stray))


def test_vat_summaries_that_disagree_with_the_lines_are_refused():
    sale = _two_tenant_sale()
    first = sale.receipts[0]
    wrong = replace(first, line_vat=(first.line_vat[0] + 1, *first.line_vat[1:]))
    with pytest.raises(SaleDoesNotAddUp, match="VAT"):
        replace(sale, receipts=(wrong, *sale.receipts[1:]))


def test_two_receipts_of_one_tenant_and_a_rounding_not_theirs_are_refused():
    sale = _two_tenant_sale()
    with pytest.raises(SaleDoesNotAddUp, match="one receipt per tenant"):
        replace(sale, receipts=(sale.receipts[0], sale.receipts[0]))
    with pytest.raises(SaleDoesNotAddUp, match="rounding"):
        replace(sale, rounding=sale.rounding + 1)


def test_an_unsealed_receipt_has_no_facts_to_store_or_send():
    sale = _two_tenant_sale()
    assert not sale.is_sealed
    with pytest.raises(ValueError, match="numbered and signed"):
        outbox_payload(sale, sale.receipts[0])


def test_the_digest_covers_the_lines_and_the_payments():
    sale = _sealed(_two_tenant_sale())
    receipt = sale.receipts[0]
    before = digest_content(sale, receipt)
    cheaper = replace(receipt.lines[0], description="Annen ting")
    changed = replace(receipt, lines=(cheaper, *receipt.lines[1:]))
    assert digest_content(sale, changed)["lines"] != before["lines"]
    assert [p["amount"] for p in payment_facts(sale, receipt)] == [a for _, a in receipt.payments]
    assert [ln["line_no"] for ln in line_facts(sale, receipt)] == [1, 2]
