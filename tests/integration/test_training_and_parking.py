"""Training mode switches only with an empty basket, a parked basket comes back only in the mode
it was rung up in, and a repair job parks as its ticket and comes back as the job is now."""

from __future__ import annotations

import pytest

from pos.errors import ParkedInOtherMode, TrainingSwitchWithBasket
from pos.model.basket import Basket
from pos.model.events import EventCode
from pos.model.payment import Tender, TenderKind
from pos.services import parking, repair_money, till
from pos.services.repair_money import PickupProblem
from tests.integration.repair_helpers import ready_job


def journal_codes(counter) -> list[int]:  # type: ignore[no-untyped-def]
    with counter.uow.read() as uow:
        return [row["event_code"] for row in uow.queries.journal_rows()]


def test_training_is_refused_while_the_basket_holds_lines_either_way(counter, ctx, shelf):
    basket = Basket()
    basket.add(shelf("KAFFE-MED"))
    with pytest.raises(TrainingSwitchWithBasket):
        till.set_training(counter.uow, ctx, True, basket=basket)
    assert not ctx.training and EventCode.TRAINING_ON not in journal_codes(counter)
    till.set_training(counter.uow, ctx, True, basket=Basket())
    training_basket = Basket()
    training_basket.add(shelf("KAFFE-MED"))
    with pytest.raises(TrainingSwitchWithBasket):
        till.set_training(counter.uow, ctx, False, basket=training_basket)
    assert ctx.training and EventCode.TRAINING_OFF not in journal_codes(counter)
    message = TrainingSwitchWithBasket().message("nb")
    assert "tom kurv" in message and "{" not in message


def test_a_basket_parked_in_training_is_not_resumed_for_real_nor_the_reverse(counter, ctx, shelf):
    real = Basket()
    real.add(shelf("KAFFE-MED"))
    real_id = parking.park(counter.uow, ctx, real)
    till.set_training(counter.uow, ctx, True, basket=Basket())
    training = Basket()
    training.add(shelf.one_off("11", 1))
    training_id = parking.park(counter.uow, ctx, training)
    with pytest.raises(ParkedInOtherMode) as refused:
        parking.resume(counter.uow, ctx, real_id)
    assert "som ekte salg" in refused.value.message("nb")
    again = parking.resume(counter.uow, ctx, training_id).basket
    assert again.total == 64900
    training_id = parking.park(counter.uow, ctx, again)
    till.set_training(counter.uow, ctx, False, basket=Basket())
    with pytest.raises(ParkedInOtherMode):
        parking.check_resumable(counter.uow, ctx, training_id)
    assert parking.resume(counter.uow, ctx, real_id).basket.total == 3200


def test_a_parked_repair_job_comes_back_from_the_job_with_its_deposit(counter, ctx, shelf):
    ticket = ready_job(counter, ctx)
    basket = Basket()
    basket.add(shelf("KAFFE-MED"))
    pickup = repair_money.add_pickup_to_basket(counter.uow, basket, ticket)
    parked = parking.park(counter.uow, ctx, basket, pickups=[pickup])
    with counter.uow.read() as uow:
        (row,) = uow.queries.parked_baskets("K1")
    assert row["total"] == 3200 + 45000 + 14900  # coffee, labour and brake pads
    resumed = parking.resume(counter.uow, ctx, parked)
    assert [p.ticket_id for p in resumed.pickups] == [ticket] and not resumed.problems
    assert resumed.basket.total == 3200 + 45000 + 14900
    deposit = resumed.pickups[0].deposit
    assert deposit is not None and deposit.amount == 20000
    tenders = [deposit, Tender(TenderKind.CARD, resumed.basket.total - 20000)]
    result = repair_money.complete_pickup(
        counter.uow, ctx, resumed.basket, tenders, list(resumed.pickups)
    )
    assert len(result.receipts) == 2


def test_a_job_collected_while_its_basket_was_parked_is_said_and_the_rest_comes_back(
    counter, ctx, shelf
):
    ticket = ready_job(counter, ctx)
    basket = Basket()
    basket.add(shelf("KAFFE-MED"))
    pickup = repair_money.add_pickup_to_basket(counter.uow, basket, ticket)
    parked = parking.park(counter.uow, ctx, basket, pickups=[pickup])
    elsewhere = Basket()
    collected = repair_money.add_pickup_to_basket(counter.uow, elsewhere, ticket)
    assert collected.deposit is not None
    repair_money.complete_pickup(
        counter.uow,
        ctx,
        elsewhere,
        [collected.deposit, Tender(TenderKind.CARD, elsewhere.total - collected.deposit.amount)],
        [collected],
    )
    resumed = parking.resume(counter.uow, ctx, parked)
    assert [line.description for line in resumed.basket.lines] == ["Kaffe (ta med)"]
    assert resumed.pickups == ()
    (problem,) = resumed.problems
    assert isinstance(problem, PickupProblem) and ticket in problem.message("nb")
