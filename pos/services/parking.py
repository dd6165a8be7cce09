"""Parking a basket (13010) to serve another customer, and resuming it later (13011).

A basket parked in training mode is resumed only in training mode, and a real one only for
real: lines rung up as training are never sold, nor real lines recorded as training. A repair
job in the basket is parked as its ticket number and put back from the job as it is when the
basket is resumed (its lines, parts and deposit may have changed meanwhile, or it may have been
collected elsewhere)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pos.clock import Stamp
from pos.errors import DomainError, EmptyBasket, ParkedInOtherMode, UnknownParkedBasket
from pos.model.basket import Basket, BasketLine
from pos.model.basket_codec import lines_from_json, lines_to_json
from pos.model.events import EventCode
from pos.services import repair_money, support_log
from pos.services.context import TillContext
from pos.services.repair_money import Pickup
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory

Row = Mapping[Any, Any]


@dataclass(frozen=True)
class Resumed:
    """A basket back at the till: its lines, the repair jobs put back, and the jobs that could
    not be (each with the reason, in the counter's words)."""

    basket: Basket
    pickups: tuple[Pickup, ...] = ()
    problems: tuple[DomainError, ...] = ()


def park(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    basket: Basket,
    label: str = "",
    pickups: Sequence[Pickup] = (),
    *,
    why: str = "",
) -> str:
    """Park the basket under the operator's name (journaled per tenant); it is emptied.
    ``why`` says in the support log when it was not the cashier's own choice ("at log-out")."""
    if not basket.lines:
        raise EmptyBasket()
    with uow_factory() as uow:
        parked_id = park_in(uow, ctx, basket, label, pickups)
        uow.commit()
    support_log.basket_parked(ctx, parked_id, len(basket.lines), basket.total, why)
    basket.lines.clear()
    return parked_id


def park_in(
    uow: UnitOfWork,
    ctx: TillContext,
    basket: Basket,
    label: str = "",
    pickups: Sequence[Pickup] = (),
) -> str:
    """``park`` inside a transaction the caller commits (with what else it writes)."""
    job_lines = {line_id for pickup in pickups for line_id in pickup.line_ids}
    own = [line for line in basket.lines if line.line_id not in job_lines]
    parked_id = str(uuid.uuid4())  # a basket resumed and parked again is parked anew
    stamp = ctx.stamp()
    uow.till.park_basket(
        parked_id=parked_id,
        register_id=ctx.register_id,
        staff_id=ctx.operator.staff_id,
        stamp=stamp,
        label=label.strip(),
        total=basket.total,
        lines_json=lines_to_json(own),
        pickups_json=json.dumps([pickup.ticket_id for pickup in pickups]),
        training=ctx.training,
    )
    _journal_per_tenant(uow, ctx, EventCode.PARK, stamp, parked_id, basket.lines,
                        {"label": label.strip()})  # fmt: skip
    uow.baskets.delete_draft(ctx.register_id)  # parked: found among the parked, not twice
    return parked_id


def check_resumable(uow_factory: UnitOfWorkFactory, ctx: TillContext, parked_id: str) -> None:
    """Raise what ``resume`` would refuse, before the basket at the till is parked for it."""
    _resumable(uow_factory, ctx, parked_id)


def resume(uow_factory: UnitOfWorkFactory, ctx: TillContext, parked_id: str) -> Resumed:
    row = _resumable(uow_factory, ctx, parked_id)
    basket = Basket(id=parked_id, lines=lines_from_json(row["payload"]))
    resumed = put_back_jobs(uow_factory, basket, row["pickups"])
    with uow_factory() as uow:
        again = uow.queries.parked_basket(parked_id)
        if again is None or again["resumed_at"] is not None:  # resumed meanwhile elsewhere
            raise UnknownParkedBasket(parked_id)
        stamp = ctx.stamp()
        uow.till.mark_resumed(parked_id, stamp)
        _journal_per_tenant(uow, ctx, EventCode.RESUME, stamp, parked_id, basket.lines,
                            {"parked_at": row["parked_at"]})  # fmt: skip
        uow.commit()
    support_log.basket_resumed(ctx, parked_id, len(basket.lines), basket.total,
                               len(resumed.problems))  # fmt: skip
    return resumed


def _resumable(uow_factory: UnitOfWorkFactory, ctx: TillContext, parked_id: str) -> Row:
    with uow_factory.read() as uow:
        row = uow.queries.parked_basket(parked_id)
    if row is None or row["resumed_at"] is not None:
        raise UnknownParkedBasket(parked_id)
    _require_same_mode(bool(row["training"]), ctx.training)
    return row


def put_back_jobs(uow_factory: UnitOfWorkFactory, basket: Basket, tickets: str | None) -> Resumed:
    """The repair jobs of a parked or interrupted basket, from each job as it is now."""
    pickups: list[Pickup] = []
    problems: list[DomainError] = []
    for ticket_id in json.loads(tickets or "[]"):
        try:
            pickups.append(repair_money.add_pickup_to_basket(uow_factory, basket, ticket_id))
        except DomainError as problem:
            problems.append(problem)
    return Resumed(basket, tuple(pickups), tuple(problems))


def _require_same_mode(parked_in_training: bool, training: bool) -> None:
    if parked_in_training != training:
        raise ParkedInOtherMode(
            mode_nb="i treningsmodus" if parked_in_training else "som ekte salg",
            mode_en="in training mode" if parked_in_training else "as a real sale",
        )


def _journal_per_tenant(
    uow: UnitOfWork,
    ctx: TillContext,
    code: EventCode,
    stamp: Stamp,
    basket_id: str,
    lines: Sequence[BasketLine],
    details: dict,
) -> None:
    """One row per tenant with that tenant's lines and amount only: each tenant's journal and
    SAF-T file hold its own part of a mixed basket, never another tenant's."""
    for tenant_id in dict.fromkeys(line.tenant_id for line in lines):
        own = [line for line in lines if line.tenant_id == tenant_id]
        uow.journal.append_journal(
            register_id=ctx.register_id,
            event_code=code,
            stamp=stamp,
            staff_id=ctx.operator.staff_id,
            tenant_id=tenant_id,
            amount=sum(line.amount for line in own),
            ref_id=basket_id,
            details={"lines": len(own), **details},
        )
