"""The basket in progress survives an interruption: kept per register as it changes, back to
its cashier at the next login (in its mode), parked under their name for anyone else; a paid,
voided or parked basket leaves nothing to restore. Parked baskets say who, when, which tenants
and the first item."""

from __future__ import annotations

import logging
from dataclasses import replace

from pos.model.basket import Basket
from pos.model.events import EventCode
from pos.model.payment import Tender, TenderKind
from pos.services import basket_drafts, checkout, parked_list, parking, repair_money, till
from pos.services.context import TillContext
from tests.integration.repair_helpers import ready_job


def draft(counter):  # type: ignore[no-untyped-def]
    with counter.uow.read() as uow:
        return uow.baskets.draft("K1")


def journal(counter) -> list[dict]:  # type: ignore[no-untyped-def]
    with counter.uow.read() as uow:
        return [dict(row) for row in uow.queries.journal_rows()]


def rung_up(ctx, shelf, *codes: str) -> Basket:  # type: ignore[no-untyped-def]
    basket = Basket()
    for code in codes:
        basket.add(shelf(code))
    return basket


def test_the_same_cashier_gets_the_basket_back_at_the_next_login(counter, ctx, shelf, clock):
    basket = rung_up(ctx, shelf, "KAFFE-MED", "7310750000018")
    basket_drafts.keep(counter.uow, ctx, basket)
    assert draft(counter)["staff_id"] == ctx.operator.staff_id
    again = TillContext("K1", ctx.operator, ctx.signer, clock)  # after a restart
    recovered = basket_drafts.recover(counter.uow, again)
    assert recovered is not None and recovered.resumed is not None
    assert recovered.resumed.basket.lines == basket.lines
    assert recovered.saved_at == "10:15" and recovered.parked_for == ""
    assert draft(counter) is not None  # it is the basket in progress again


def test_anyone_else_finds_it_parked_under_the_cashiers_name(counter, ctx, boss, shelf, caplog):
    caplog.set_level(logging.INFO, logger="pos.services.money")
    basket = rung_up(ctx, shelf, "KAFFE-MED", "7310750000018")
    basket_drafts.keep(counter.uow, ctx, basket)
    recovered = basket_drafts.recover(counter.uow, boss)
    assert recovered is not None and recovered.resumed is None
    assert recovered.parked_for == ctx.operator.name
    assert draft(counter) is None
    (parked,) = parked_list.parked_baskets(counter.uow, "K1", ctx.clock.now())
    assert parked.parked_by == ctx.operator.name and parked.first_item == "Kaffe (ta med)"
    assert parked.tenants == "15 Kafé Kvisten SA, 13 Sykkelfikseren Asker AS"
    assert parked.lines == 2 and parked.total == 3200 + 12900 and parked.parked_at == "10:15"
    park_rows = [row for row in journal(counter) if row["event_code"] == EventCode.PARK]
    assert {row["staff_id"] for row in park_rows} == {ctx.operator.staff_id}
    assert basket_drafts.recover(counter.uow, boss) is None  # found once, not twice
    (said,) = [r.getMessage().replace("\xa0", " ") for r in caplog.records]
    assert said == (
        f"basket {parked.id[:8]} parked at K1 by staff {boss.operator.staff_no} for staff "
        f"{ctx.operator.staff_no} (interrupted): 2 line(s), total 161,00 kr"
    )


def test_a_training_basket_comes_back_in_training(counter, ctx, shelf, clock):
    till.set_training(counter.uow, ctx, True, basket=Basket())
    basket_drafts.keep(counter.uow, ctx, rung_up(ctx, shelf, "KAFFE-MED"))
    again = TillContext("K1", ctx.operator, ctx.signer, clock)
    recovered = basket_drafts.recover(counter.uow, again)
    assert recovered is not None and recovered.training and again.training
    assert journal(counter)[-1]["event_code"] == EventCode.TRAINING_ON


def test_a_paid_voided_or_parked_basket_leaves_nothing_to_restore(counter, ctx, manager, shelf):
    sold = rung_up(ctx, shelf, "KAFFE-MED")
    basket_drafts.keep(counter.uow, ctx, sold)
    checkout.complete_sale(counter.uow, ctx, sold, [Tender(TenderKind.CARD, 3200)])
    assert draft(counter) is None  # in the sale's own transaction
    voided = rung_up(ctx, shelf, "KAFFE-MED")
    basket_drafts.keep(counter.uow, ctx, voided)
    till.void_basket(counter.uow, ctx, voided, approver=manager)
    assert draft(counter) is None
    parked = rung_up(ctx, shelf, "KAFFE-MED")
    basket_drafts.keep(counter.uow, ctx, parked)
    parking.park(counter.uow, ctx, parked)
    assert draft(counter) is None
    basket_drafts.keep(counter.uow, ctx, Basket())
    assert basket_drafts.recover(counter.uow, ctx) is None


def test_a_repair_job_in_the_basket_comes_back_as_the_job_is_now(counter, ctx, shelf, clock):
    ticket = ready_job(counter, ctx)
    basket = rung_up(ctx, shelf, "KAFFE-MED")
    pickup = repair_money.add_pickup_to_basket(counter.uow, basket, ticket)
    basket_drafts.keep(counter.uow, ctx, basket, [pickup])
    again = replace(ctx, clock=clock)
    recovered = basket_drafts.recover(counter.uow, again)
    assert recovered is not None and recovered.resumed is not None
    (back,) = recovered.resumed.pickups
    assert back.ticket_id == ticket and back.deposit is not None
    assert recovered.resumed.basket.total == basket.total
