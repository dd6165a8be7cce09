"""The basket in progress survives a crash or a power cut: it is kept per register as it is
rung up (one small write per change, durable like every commit), and at the next login on the
register it comes back to the cashier who rang it up, in the mode it was rung up in; anyone
else finds it parked under that cashier's name (journaled as a park, 13010), never in their own
basket. Not part of the legal record: a basket is not a sale until it is paid."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from pos.clock import OSLO, Stamp
from pos.model.basket import Basket
from pos.model.basket_codec import lines_from_json, lines_to_json
from pos.model.staff import Operator, Role
from pos.services import parking, support_log, till
from pos.services.context import TillContext
from pos.services.parking import Resumed
from pos.services.repair_money import Pickup
from pos.unit_of_work import UnitOfWorkFactory

INTERRUPTED = "Avbrutt (programmet stoppet)"
"""The label of a basket parked for its cashier at another person's login."""


@dataclass(frozen=True)
class Recovered:
    """What a login found of an interrupted basket: back in the basket (``resumed``), or
    parked for ``parked_for`` (its cashier's name)."""

    saved_at: str
    """When the basket was last changed, local time (``14:05``, ``06.12 14:05`` another day)."""
    resumed: Resumed | None = None
    training: bool = False
    parked_for: str = ""


def keep(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    basket: Basket,
    pickups: Sequence[Pickup] = (),
    saved_at: Stamp | None = None,
) -> None:
    """Keep the basket as it is now; an empty basket leaves no draft. ``saved_at``: when it
    changed, if the caller has read the counter's clock already (a scan has)."""
    stamp = saved_at or ctx.stamp()
    with uow_factory() as uow:
        if not basket.lines:
            uow.baskets.delete_draft(ctx.register_id)
        else:
            job_lines = {line_id for pickup in pickups for line_id in pickup.line_ids}
            uow.baskets.save_draft(
                {
                    "register_id": ctx.register_id,
                    "basket_id": basket.id,
                    "staff_id": ctx.operator.staff_id,
                    "training": ctx.training,
                    "saved_at": stamp.utc_iso,
                    "payload": lines_to_json(
                        [line for line in basket.lines if line.line_id not in job_lines]
                    ),
                    "pickups": json.dumps([pickup.ticket_id for pickup in pickups]),
                }
            )
        uow.commit()


def recover(uow_factory: UnitOfWorkFactory, ctx: TillContext) -> Recovered | None:
    """At login: the basket an interruption left on this register, if any. Its own cashier
    gets it back (training switched to the mode it was rung up in, journaled); anyone else
    finds it parked for its cashier, in the same transaction as the draft is let go."""
    with uow_factory.read() as uow:
        row = uow.baskets.draft(ctx.register_id)
    if row is None:
        return None
    basket = Basket(id=row["basket_id"], lines=lines_from_json(row["payload"]))
    resumed = parking.put_back_jobs(uow_factory, basket, row["pickups"])
    training = bool(row["training"])
    saved_at = _local_time(row["saved_at"], ctx.clock.now())
    if row["staff_id"] == ctx.operator.staff_id:
        till.set_training(uow_factory, ctx, training, basket=Basket())
        return Recovered(saved_at, resumed, training)
    owner = Operator(row["staff_id"], row["staff_no"], row["staff_name"], Role(row["role"]))
    owners_ctx = replace(ctx, operator=owner, training=training)
    parked_id = ""
    with uow_factory() as uow:
        if resumed.basket.lines:
            parked_id = parking.park_in(
                uow, owners_ctx, resumed.basket, INTERRUPTED, resumed.pickups
            )
        uow.baskets.delete_draft(ctx.register_id)
        uow.commit()
    if parked_id:
        support_log.basket_parked(ctx, parked_id, len(resumed.basket.lines), resumed.basket.total,
                                  f"for staff {owner.staff_no} (interrupted)")  # fmt: skip
    return Recovered(saved_at, training=training, parked_for=owner.name)


def _local_time(utc_iso: str, now: datetime) -> str:
    saved = datetime.fromisoformat(utc_iso.replace("Z", "+00:00")).astimezone(OSLO)
    return (
        f"{saved:%H:%M}" if saved.date() == now.astimezone(OSLO).date() else f"{saved:%d.%m %H:%M}"
    )
