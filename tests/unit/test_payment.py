import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from pos.errors import CreditNoteProblem, Overpaid, PaymentShort
from pos.model.payment import Tender, TenderKind, settle
from pos.money import round_to_krone


def test_a_split_tender_is_shared_so_every_receipt_balances():
    dues = [("A", 64900), ("B", 29850), ("C", 6400)]
    result = settle(dues, [Tender(TenderKind.CARD, 20000, "T1"), Tender(TenderKind.CASH, 100000)])
    assert result.rounding == 50  # 81 150 left in cash -> 812,00 kr
    assert result.change == 100000 - 81200
    for (tenant, due), share in zip(dues, result.shares, strict=True):
        assert share.tenant_id == tenant
        assert share.paid == due + share.rounding
    assert sum(s.rounding for s in result.shares) == 50


def test_card_and_vipps_are_exact_and_may_not_exceed_the_total():
    with pytest.raises(Overpaid):
        settle([("A", 1000)], [Tender(TenderKind.CARD, 1001)])
    with pytest.raises(PaymentShort):
        settle([("A", 1000)], [Tender(TenderKind.VIPPS, 999)])


def test_cash_short_of_the_rounded_total_is_refused():
    with pytest.raises(PaymentShort):
        settle([("A", 14950)], [Tender(TenderKind.CASH, 14900)])
    assert settle([("A", 14949)], [Tender(TenderKind.CASH, 14900)]).rounding == -49


def test_a_credit_note_pays_only_its_own_tenants_receipt():
    dues = [("A", 5000), ("B", 5000)]
    note = Tender(TenderKind.CREDIT_NOTE, 3000, credit_note_number="TG1", tenant_id="B")
    result = settle(dues, [note, Tender(TenderKind.CARD, 7000)])
    assert result.shares[1].parts[0] == (0, 3000)
    assert result.shares[0].paid == 5000 and result.shares[1].paid == 5000
    with pytest.raises(CreditNoteProblem):
        settle(
            dues,
            [Tender(TenderKind.CREDIT_NOTE, 6000, tenant_id="B"), Tender(TenderKind.CARD, 4000)],
        )
    with pytest.raises(CreditNoteProblem):
        settle(
            dues,
            [Tender(TenderKind.CREDIT_NOTE, 100, tenant_id="Z"), Tender(TenderKind.CARD, 9900)],
        )


def test_refunds_carry_negative_amounts():
    result = settle([("A", -14950)], [Tender(TenderKind.CASH, 15000)])
    assert result.rounding == -50 and result.cash_net == -15000
    assert result.shares[0].paid == -15000


dues_strategy = st.lists(st.integers(1, 2_000_000), min_size=1, max_size=5)


@given(
    dues_strategy,
    st.lists(st.integers(0, 100), max_size=3),
    st.booleans(),
    st.integers(0, 20000),
    st.booleans(),
)
def test_every_payment_is_allocated_exactly(amounts, splits, with_cash, extra, refund):
    sign = -1 if refund else 1
    dues = [(f"T{i}", sign * a) for i, a in enumerate(amounts)]
    total = sum(amounts)
    tenders, used = [], 0
    for percent in splits:
        amount = (total - used) * percent // 100
        tenders.append(Tender(TenderKind.CARD if len(tenders) % 2 else TenderKind.VIPPS, amount))
        used += amount
    if with_cash:
        tenders.append(Tender(TenderKind.CASH, round_to_krone(total - used) + extra))
    else:
        assume(True)
        tenders.append(Tender(TenderKind.CARD, total - used))
    result = settle(dues, tenders)
    for (_, due), share in zip(dues, result.shares, strict=True):
        assert share.paid == due + share.rounding
    for index, tender in enumerate(tenders):
        paid = sum(a for s in result.shares for i, a in s.parts if i == index)
        if tender.kind is TenderKind.CASH:
            assert paid == sign * (tender.amount - result.change)
        else:
            assert paid == sign * tender.amount
    assert abs(result.rounding) <= 50
    assert sum(s.rounding for s in result.shares) == result.rounding
    assert result.change >= 0
    assert settle(dues, tenders) == result


def test_a_tender_kind_given_as_text_is_understood_or_refused():
    from pos.errors import InvalidTender

    assert Tender("cash", 100).kind is TenderKind.CASH  # type: ignore[arg-type]
    with pytest.raises(InvalidTender):
        Tender("cheque", 100)  # type: ignore[arg-type]
    with pytest.raises(InvalidTender):
        Tender(TenderKind.CARD, 1.5)  # type: ignore[arg-type]
