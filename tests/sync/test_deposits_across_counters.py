"""A repair deposit is the centre's: taken at one counter, it is deducted at whichever counter of
the site hands the job over, against a real PostgreSQL. The server keeps the ledger (deposits
held and deductions per job), every counter pulls it; a counter offline uses what it last
pulled and says so at pickup, and a deposit deducted twice is flagged for the manager."""

# ruff: noqa: F811  (the two-counter fixtures are imported from test_ticket_sync)
from __future__ import annotations

import pytest

from pos.counter import Counter
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.model.repair import RepairStatus
from pos.services import auth, repair_board, repair_money, repair_status, till
from pos.services.context import TillContext
from sync.http import ServerApi, Unreachable
from tests.integration.repair_helpers import ready_job, take_in
from tests.sync.conftest import cycle
from tests.sync.test_ticket_sync import counter_b, ctx_b, sync  # noqa: F401  (fixtures)

JOB_TOTAL = 45000 + 14900  # ready_job: labour and a brake pad set


@pytest.fixture
def open_b(counter_b, clock) -> TillContext:
    """Counter B's till opened by a manager (the float counted), B's cashier selling."""
    manager = TillContext("K2", auth.authenticate(counter_b.uow, "9001", "9999"),
                          counter_b.signer(), clock)  # fmt: skip
    till.open_till(counter_b.uow, manager, 50000)
    return TillContext("K2", auth.authenticate(counter_b.uow, "1001", "1234"),
                       counter_b.signer(), clock)  # fmt: skip


def collect(counter: Counter, ctx: TillContext, ticket: str) -> repair_money.Pickup:
    """The customer pays the rest by card and takes the job home."""
    basket = Basket()
    pickup = repair_money.add_pickup_to_basket(counter.uow, basket, ticket)
    tenders = [Tender(TenderKind.CARD, pickup.total - (pickup.deposit.amount if pickup.deposit
                                                        else 0), "T1")]  # fmt: skip
    if pickup.deposit is not None:
        tenders.insert(0, pickup.deposit)
    repair_money.complete_pickup(counter.uow, ctx, basket, tenders, [pickup])
    return pickup


def held(counter: Counter, ticket: str) -> int:
    with counter.uow.read() as uow:
        return uow.repairs.deposit_held(ticket)


def flags(central, code: str) -> int:
    return central.scalar("SELECT count(*) FROM event_flags WHERE code = :c", c=code)


def offline(counter: Counter) -> None:
    """A sync cycle that cannot reach the server: the counter knows it is offline."""
    with pytest.raises(Unreachable):
        cycle(counter, api=ServerApi("http://127.0.0.1:9")).run()


def test_a_deposit_taken_at_one_counter_is_deducted_at_the_other(
    enrolled, ctx, counter_b, open_b, central
):
    a, b = enrolled, counter_b
    ticket = ready_job(a, ctx)
    sync(a, b)
    assert held(b, ticket) == 20000
    with pytest.raises(repair_money.DepositProblem) as twice:  # one deposit per job
        repair_money.pay_deposit(b.uow, open_b, ticket, [Tender(TenderKind.CASH, 20000)])
    assert "allerede betalt på kasse K1" in twice.value.message("nb")
    pickup = collect(b, open_b, ticket)
    assert pickup.deposit is not None and pickup.deposit.amount == 20000
    assert pickup.elsewhere is not None and pickup.elsewhere.registers == ("K1",)
    assert not pickup.elsewhere.offline and pickup.elsewhere.as_of
    assert held(b, ticket) == 0
    with b.uow.read() as uow:
        [found] = uow.store.rows("SELECT r.id FROM receipts r JOIN repair_tickets t ON "
                                 "t.collected_sale_id = r.sale_id WHERE t.id = ?", (ticket,))
        receipt_id = found["id"]
        doc = uow.queries.receipt_doc(receipt_id)
    assert [(p.label, p.amount) for p in doc.payments] == [
        (f"Depositum {ticket}", 20000), ("Bankkort", JOB_TOTAL - 20000)]  # fmt: skip
    assert [r.ticket_id for r in repair_board.open_deposits(a.uow)] == [ticket]
    sync(b, a)
    assert held(a, ticket) == 0 and repair_board.open_deposits(a.uow) == []
    used = central.scalar(
        "SELECT data->'deposits_used' FROM ref_current WHERE entity = 'ticket' "
        "AND data->>'ticket' = :t", t=ticket,
    )  # fmt: skip
    assert [(u["amount"], u["register_id"]) for u in used] == [(20000, "K2")]
    assert central.scalar("SELECT count(*) FROM event_flags") == 0


def test_a_counter_offline_deducts_what_it_last_pulled_says_so_and_a_second_use_is_flagged(
    enrolled, ctx, counter_b, open_b, central
):
    a, b = enrolled, counter_b
    ticket = ready_job(a, ctx)
    sync(a, b)
    collect(a, ctx, ticket)  # A hands the job over; B has not heard of it
    offline(b)
    pickup = collect(b, open_b, ticket)  # the customer's partner, at the other desk
    assert pickup.elsewhere is not None and pickup.elsewhere.offline
    sync(a)
    cycle(b).run()
    assert flags(central, "deposit_overdrawn") == 1
    with b.uow.read() as uow:
        problems = [p["codes"] for p in uow.sync.problems(50)]
    assert any("deposit_overdrawn" in str(codes) for codes in problems)
    cycle(a).run()
    assert held(a, ticket) == held(b, ticket) == -20000  # the manager settles it


def test_a_deposit_paid_back_at_the_other_counter_leaves_nothing_held_anywhere(
    enrolled, ctx, counter_b, open_b, central, clock
):
    a, b = enrolled, counter_b
    ticket = take_in(a, ctx)
    repair_money.pay_deposit(a.uow, ctx, ticket, [Tender(TenderKind.CASH, 20000)])
    repair_status.change_status(a.uow, ctx, ticket, RepairStatus.DIAGNOSING)
    repair_status.change_status(a.uow, ctx, ticket, RepairStatus.NOT_REPAIRABLE)
    sync(a, b)
    boss = auth.authenticate(b.uow, "9001", "9999")
    refund = repair_money.refund_deposit(b.uow, open_b, ticket, approver=boss)
    assert refund.amount == -20000 and held(b, ticket) == 0
    sync(b, a)
    assert held(a, ticket) == 0 and repair_board.open_deposits(a.uow) == []
    assert central.scalar("SELECT count(*) FROM event_flags") == 0
