"""Parking a basket (13010) to serve another customer, and resuming it later (13011)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict

from pos.clock import Stamp
from pos.errors import EmptyBasket, UnknownParkedBasket
from pos.model.basket import Basket, BasketLine
from pos.model.catalogue import ItemKind
from pos.model.events import EventCode
from pos.services.context import TillContext
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory
from pos.vat import VatClass


def park(uow_factory: UnitOfWorkFactory, ctx: TillContext, basket: Basket, label: str = "") -> str:
    if not basket.lines:
        raise EmptyBasket()
    payload = json.dumps([_line_json(line) for line in basket.lines], ensure_ascii=False)
    with uow_factory() as uow:
        stamp = ctx.stamp()
        uow.store.insert(
            "parked_baskets",
            {
                "id": basket.id,
                "register_id": ctx.register_id,
                "staff_id": ctx.operator.staff_id,
                "parked_at": stamp.utc_iso,
                "label": label.strip(),
                "total": basket.total,
                "payload": payload,
            },
        )
        _journal_per_tenant(uow, ctx, EventCode.PARK, stamp, basket.id, basket.lines,
                            {"label": label.strip()})  # fmt: skip
        uow.commit()
    basket.lines.clear()
    return basket.id


def resume(uow_factory: UnitOfWorkFactory, ctx: TillContext, parked_id: str) -> Basket:
    with uow_factory() as uow:
        row = uow.queries.parked_basket(parked_id)
        if row is None or row["resumed_at"] is not None:
            raise UnknownParkedBasket(parked_id)
        stamp = ctx.stamp()
        uow.store.mark_resumed(parked_id, stamp)
        lines = [_line_from_json(data) for data in json.loads(row["payload"])]
        _journal_per_tenant(uow, ctx, EventCode.RESUME, stamp, parked_id, lines,
                            {"parked_at": row["parked_at"]})  # fmt: skip
        uow.commit()
    return Basket(id=parked_id, lines=lines)


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
        uow.store.append_journal(
            register_id=ctx.register_id,
            event_code=code,
            stamp=stamp,
            staff_id=ctx.operator.staff_id,
            tenant_id=tenant_id,
            amount=sum(line.amount for line in own),
            ref_id=basket_id,
            details={"lines": len(own), **details},
        )


def _line_json(line: BasketLine) -> dict:
    data = asdict(line)
    data["item_kind"] = line.item_kind.value
    data["vat_class"] = line.vat_class.key
    return data


def _line_from_json(data: dict) -> BasketLine:
    data = dict(data)
    data["item_kind"] = ItemKind(data["item_kind"])
    data["vat_class"] = VatClass.from_key(data["vat_class"])
    return BasketLine(**data)
