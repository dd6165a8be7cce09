"""Property: whatever the deposit, price and means, intake + pickup money equals the job's
receipt (plus cash rounding), and turnover counts the job once."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.model.repair import RepairStatus
from pos.services import repair_money, repair_status, repair_work
from tests.integration.repair_helpers import take_in


def money_in(counter, sale_ids):
    marks = ", ".join("?" * len(sale_ids))
    with counter.uow.read() as uow:
        return uow.store.rows(
            f"SELECT COALESCE(SUM(amount), 0) AS s FROM tenders WHERE sale_id IN ({marks}) "
            "AND kind != 'deposit'",
            sale_ids,
        )[0]["s"]


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    deposit=st.integers(100, 100_000),
    labour=st.integers(1, 300_000),
    parts=st.integers(0, 3),
    means=st.sampled_from([TenderKind.CASH, TenderKind.CARD, TenderKind.VIPPS]),
)
def test_intake_and_pickup_receipts_add_up(counter, ctx, deposit, labour, parts, means):
    ticket = take_in(counter, ctx, approval_limit=1_000_000)
    paid = repair_money.pay_deposit(
        counter.uow,
        ctx,
        ticket,
        [Tender(means, 10**7 if means is TenderKind.CASH else deposit)],
        deposit,
    )
    repair_status.change_status(counter.uow, ctx, ticket, RepairStatus.IN_REPAIR)
    repair_work.add_labour(counter.uow, ctx, ticket, "Arbeid", amount=labour)
    if parts:
        repair_work.add_part(counter.uow, ctx, ticket, "SYK-BREMS", parts)
    repair_status.change_status(counter.uow, ctx, ticket, RepairStatus.READY_FOR_PICKUP)
    basket = Basket()
    pickup = repair_money.add_pickup_to_basket(counter.uow, basket, ticket)
    rest = basket.total - pickup.deposit.amount
    tenders = [pickup.deposit]
    if rest:
        tenders.append(Tender(means, 10**7 if means is TenderKind.CASH else rest))
    sale = repair_money.complete_pickup(counter.uow, ctx, basket, tenders, [pickup])
    with counter.uow.read() as uow:
        deposit_sale = uow.queries.receipt(paid.receipt.receipt_id)["sale_id"]
        roundings = uow.store.rows(
            "SELECT COALESCE(SUM(rounding), 0) AS r FROM receipts WHERE sale_id IN (?, ?)",
            (deposit_sale, sale.sale_id),
        )[0]["r"]
        still_held = uow.repairs.deposit_held(ticket)
        turnover = uow.store.rows(
            "SELECT SUM(total) AS t FROM receipts WHERE sale_id IN (?, ?) AND kind = 'sale'",
            (deposit_sale, sale.sale_id),
        )[0]["t"]
    # A deposit above the bill stays held against the ticket until it is paid back.
    assert still_held == max(deposit - sale.total, 0)
    assert money_in(counter, [deposit_sale, sale.sale_id]) == sale.total + roundings + still_held
    assert turnover == sale.total == labour + parts * 14900
