import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from pos.errors import CreditNoteProblem, Overpaid, PaymentShort
from pos.model.payment import Tender, TenderKind, settle, voucher_amount
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


def test_the_rounding_lands_on_the_receipt_with_the_ore_not_on_a_whole_kroner_one():
    # Småfolk's pram at 1 500,00 beside a scarf at 149,55: the basket's cash rounds by +0,45,
    # and all of it belongs to the scarf's receipt.
    result = settle([("12", 150000), ("11", 14955)], [Tender(TenderKind.CASH, 170000)])
    assert result.rounding == 45
    assert [s.rounding for s in result.shares] == [0, 45]
    assert [s.paid for s in result.shares] == [150000, 15000]
    down = settle([("12", 150000), ("11", 14945)], [Tender(TenderKind.CASH, 170000)])
    assert [s.rounding for s in down.shares] == [0, -45]


def test_a_card_part_is_shared_after_the_rounding_and_never_moves_it():
    result = settle(
        [("A", 10000), ("B", 5001)],
        [Tender(TenderKind.CARD, 3000, "T"), Tender(TenderKind.CASH, 20000)],
    )
    assert [s.rounding for s in result.shares] == [0, -1]
    cash = [sum(a for i, a in s.parts if i == 1) for s in result.shares]
    assert all(part % 100 == 0 for part in cash)


def test_an_uneven_card_amount_makes_a_rounding_shared_by_what_each_receipt_owes():
    result = settle(
        [("A", 150000), ("B", 30000)],
        [Tender(TenderKind.CARD, 10045, "T"), Tender(TenderKind.CASH, 200000)],
    )
    assert result.rounding == 45
    assert sum(s.rounding for s in result.shares) == 45
    assert all(
        s.paid == due + s.rounding
        for (_, due), s in zip([("A", 150000), ("B", 30000)], result.shares, strict=True)
    )


whole_kroner = st.integers(1, 20_000).map(lambda kroner: kroner * 100)


@given(
    st.lists(st.one_of(whole_kroner, st.integers(1, 2_000_000)), min_size=1, max_size=5),
    st.lists(st.integers(0, 100), max_size=2),
    st.integers(0, 20000),
    st.booleans(),
)
def test_whole_kroner_receipts_carry_no_rounding_and_the_roundings_sum_to_the_baskets(
    amounts, splits, extra, refund
):
    """Paid in cash, with card or Vipps amounts of whole kroner: every receipt balances, the
    roundings add up to the basket's, and a receipt of whole kroner carries none."""
    sign = -1 if refund else 1
    dues = [(f"T{i}", sign * a) for i, a in enumerate(amounts)]
    total, used, tenders = sum(amounts), 0, []
    for percent in splits:
        amount = (total - used) * percent // 100 // 100 * 100
        tenders.append(Tender(TenderKind.CARD if len(tenders) else TenderKind.VIPPS, amount))
        used += amount
    tenders.append(Tender(TenderKind.CASH, round_to_krone(total - used) + extra))
    result = settle(dues, tenders)
    assert sum(s.rounding for s in result.shares) == result.rounding
    for (_, due), share in zip(dues, result.shares, strict=True):
        assert share.paid == due + share.rounding
        assert share.rounding * result.rounding >= 0 and abs(share.rounding) <= 50
        if due % 100 == 0:
            assert share.rounding == 0
        cash = sum(a for i, a in share.parts if tenders[i].kind is TenderKind.CASH)
        assert cash * sign >= 0


@given(
    st.lists(st.integers(1, 500_000), min_size=1, max_size=4),
    st.integers(0, 3),
    st.integers(1, 400_000),
    st.integers(0, 300_000),
    st.integers(0, 20000),
)
def test_with_credit_notes_and_uneven_cards_every_receipt_still_balances(
    amounts, note_owner, note, card, extra
):
    dues = [(f"T{i}", a) for i, a in enumerate(amounts)]
    owner = note_owner % len(amounts)
    note = min(note, amounts[owner])
    card = min(card, sum(amounts) - note)
    tenders = [
        Tender(TenderKind.CREDIT_NOTE, note, credit_note_number="TG", tenant_id=f"T{owner}"),
        Tender(TenderKind.CARD, card, "T"),
        Tender(TenderKind.CASH, round_to_krone(sum(amounts) - note - card) + extra),
    ]
    result = settle(dues, tenders)
    assert sum(s.rounding for s in result.shares) == result.rounding
    assert abs(result.rounding) <= 50
    for (_, due), share in zip(dues, result.shares, strict=True):
        assert share.paid == due + share.rounding
        assert all(a >= 0 for _, a in share.parts)


def test_a_credit_note_pays_what_its_tenant_still_owes_after_the_vouchers_taken():
    dues = [("A", 14950), ("B", 3500)]
    taken = [Tender(TenderKind.CREDIT_NOTE, 10000, credit_note_number="TG1", tenant_id="A")]
    assert voucher_amount(34900, "A", dues, []) == 14950
    assert voucher_amount(34900, "A", dues, taken) == 4950
    assert voucher_amount(2000, "A", dues, taken) == 2000
    assert voucher_amount(34900, "C", dues, []) == 0
    card = [Tender(TenderKind.CARD, 14950)]  # cards are shared later; they leave the note alone
    assert voucher_amount(34900, "A", dues, card) == 14950


@given(
    balance=st.integers(0, 10**7),
    dues=st.lists(st.tuples(st.sampled_from("ABC"), st.integers(0, 10**7)), max_size=3),
    used=st.lists(st.integers(0, 10**7), max_size=3),
)
def test_a_voucher_never_pays_more_than_it_holds_nor_more_than_is_owed(balance, dues, used):
    tenders = [
        Tender(TenderKind.DEPOSIT, amount, credit_note_number="R1", tenant_id="A")
        for amount in used
    ]
    amount = voucher_amount(balance, "A", dues, tenders)
    owed = sum(d for t, d in dues if t == "A") - sum(used)
    assert 0 <= amount <= balance
    assert amount == min(balance, max(owed, 0))
