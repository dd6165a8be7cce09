"""The job's labour and parts, and the customer's approval when the price passes the limit.

Labour is sold through the tenant's open-price "repair – labour" item; parts are the tenant's
stock items. Stock is decremented when the job is paid at the till (the parts are sale lines
then), never when a part is put on the job, so a removed or unpaid part never moves stock.
Lines are facts: a line taken off the job is a removal row, never a deletion.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum

from pos.errors import DomainError, InvalidAmount, UnknownItem
from pos.model.basket import check_amount, check_quantity
from pos.model.catalogue import Item, ItemKind, ItemStatus
from pos.model.events import OtherEvent
from pos.money import Ore, div_round_half_up
from pos.services import ticket_clock
from pos.services.catalogue import find_item
from pos.services.context import TillContext
from pos.services.repair_common import journal, load_ticket, require_open
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory

LABOUR_GROUP = "REP"
DEFAULT_HOURLY_RATE: Ore = 60_000


class NotARepairTenant(DomainError):
    code = "not_a_repair_tenant"
    nb = (
        "Leietakeren har ingen vare for reparasjonsarbeid (åpen pris) og tar ikke inn reparasjoner."
    )
    en = "The tenant has no open-price repair labour item and does not take repairs."


class NotAPart(DomainError):
    code = "not_a_part"
    nb = "«{value}» er ikke en lagervare fra verkstedet som har jobben."
    en = "'{value}' is not a stock item of the workshop that has the job."


class ApprovalMethod(StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    SMS = "sms"
    EMAIL = "email"


@dataclass(frozen=True)
class WorkLine:
    line_id: str
    kind: str
    description: str
    qty: int
    minutes: int | None
    unit_price: Ore
    amount: Ore


def labour_item(uow: UnitOfWork, tenant_id: str) -> Item:
    """The tenant's labour item: set in meta ``repair_labour_item:<tenant>`` (made by
    ``repair_labour``) while active, else its first active open-price item in article group
    REP (demo: SYK-ARB, EL-ARB)."""
    configured = uow.meta.get_meta(f"repair_labour_item:{tenant_id}")
    if configured:
        item = uow.items.item(configured)
        if item is not None and item.status is not ItemStatus.INACTIVE:
            return item
    found = uow.repair_queries.open_price_item_in_group(tenant_id, LABOUR_GROUP)
    if found is None:
        raise NotARepairTenant()
    item = uow.items.item(found)
    assert item is not None
    return item


def hourly_rate(uow: UnitOfWork, tenant_id: str) -> Ore:
    return int(uow.meta.get_meta(f"repair_hourly_rate:{tenant_id}") or DEFAULT_HOURLY_RATE)


def add_labour(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    ticket_id: str,
    description: str,
    *,
    amount: Ore | None = None,
    minutes: int | None = None,
) -> WorkLine:
    """A labour line: a fixed amount, or minutes at the tenant's hourly rate."""
    if not description.strip():
        raise InvalidAmount(description)
    if minutes is not None:
        check_quantity(minutes)
    with uow_factory() as uow:
        row, _ = load_ticket(uow, ticket_id)
        require_open(row)
        item = labour_item(uow, row["tenant_id"])
        if amount is None:
            if minutes is None:
                raise InvalidAmount("")
            amount = div_round_half_up(minutes * hourly_rate(uow, row["tenant_id"]), 60)
        check_amount(amount)
        line = WorkLine(
            str(uuid.uuid4()), "labour", description.strip(), 1, minutes, amount, amount
        )
        _insert(uow, ctx, row, item, line)
        uow.commit()
    return line


def add_part(
    uow_factory: UnitOfWorkFactory, ctx: TillContext, ticket_id: str, code: str, qty: int = 1
) -> WorkLine:
    """A part from the workshop's own stock, at its catalogue price now."""
    check_quantity(qty)
    item = find_item(uow_factory, code)
    with uow_factory() as uow:
        row, _ = load_ticket(uow, ticket_id)
        require_open(row)
        if item.tenant_id != row["tenant_id"] or item.kind is not ItemKind.STOCK:
            raise NotAPart(item.description)
        if item.price is None or item.status is ItemStatus.INACTIVE:
            raise UnknownItem(code)
        line = WorkLine(
            str(uuid.uuid4()), "part", item.description, qty, None, item.price, qty * item.price
        )
        check_amount(line.amount)
        _insert(uow, ctx, row, item, line)
        uow.commit()
    return line


def _insert(uow: UnitOfWork, ctx: TillContext, row: dict, item: Item, line: WorkLine) -> None:
    stamp = ctx.stamp()
    uow.repairs.add_line(
        {
            "id": line.line_id,
            "ticket_id": row["id"],
            "kind": line.kind,
            "item_id": item.id,
            "description": line.description,
            "qty": line.qty,
            "minutes": line.minutes,
            "unit_price": line.unit_price,
            "amount": line.amount,
        },
        ctx.operator.staff_id,
        stamp,
    )
    uow.repairs.update_ticket(row["id"], updated_at=stamp.utc_iso)
    details = {
        "kind": OtherEvent.REPAIR_WORK,
        "ticket": row["id"],
        "line": line.line_id,
        "added": line.kind,
        "description": line.description,
        "amount": line.amount,
    }
    journal(uow, ctx, stamp, row["tenant_id"], details)
    line_row = {"item_id": item.id, "qty": line.qty, "minutes": line.minutes}
    line_row |= {"unit_price": line.unit_price, "staff_id": ctx.operator.staff_id}
    uow.outbox.append_outbox(
        "repair.line_added",
        row["tenant_id"],
        stamp,
        {**details, **line_row, "hlc": ticket_clock.next_stamp(uow, ctx.clock.now())},
    )


def remove_line(
    uow_factory: UnitOfWorkFactory, ctx: TillContext, ticket_id: str, line_id: str, reason: str
) -> None:
    with uow_factory() as uow:
        row, _ = load_ticket(uow, ticket_id)
        require_open(row)
        line = uow.repairs.line(line_id)
        if line is None or line["ticket_id"] != row["id"] or line["removed"]:
            raise UnknownItem(line_id)
        stamp = ctx.stamp()
        uow.repairs.remove_line(line_id, ctx.operator.staff_id, stamp, reason.strip())
        uow.repairs.update_ticket(row["id"], updated_at=stamp.utc_iso)
        details = {"kind": OtherEvent.REPAIR_WORK, "ticket": row["id"], "removed": line_id}
        journal(uow, ctx, stamp, row["tenant_id"], details)
        uow.outbox.append_outbox(
            "repair.line_removed",
            row["tenant_id"],
            stamp,
            {
                **details,
                "reason": reason.strip(),
                "staff_id": ctx.operator.staff_id,
                "hlc": ticket_clock.next_stamp(uow, ctx.clock.now()),
            },
        )
        uow.commit()


def record_approval(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    ticket_id: str,
    amount: Ore,
    method: ApprovalMethod,
    note: str = "",
) -> None:
    """The customer approved a price of up to ``amount`` (who took it, when and how is kept)."""
    check_amount(amount)
    with uow_factory() as uow:
        row, _ = load_ticket(uow, ticket_id)
        require_open(row)
        stamp = ctx.stamp()
        approval_id = str(uuid.uuid4())
        uow.repairs.add_approval(
            approval_id, row["id"], amount, ApprovalMethod(method).value, note.strip(),
            ctx.operator.staff_id, stamp,
        )  # fmt: skip
        details = {
            "kind": OtherEvent.REPAIR_APPROVAL,
            "ticket": row["id"],
            "amount": amount,
            "method": ApprovalMethod(method).value,
        }
        journal(uow, ctx, stamp, row["tenant_id"], details)
        uow.outbox.append_outbox(
            "repair.approved",
            row["tenant_id"],
            stamp,
            {
                **details,
                "approval_id": approval_id,
                "note": note.strip(),
                "staff_id": ctx.operator.staff_id,
                "hlc": ticket_clock.next_stamp(uow, ctx.clock.now()),
            },
        )
        uow.commit()


def work_lines(uow: UnitOfWork, ticket_id: str) -> list[WorkLine]:
    return [
        WorkLine(
            r["id"],
            r["kind"],
            r["description"],
            r["qty"],
            r["minutes"],
            r["unit_price"],
            r["amount"],
        )
        for r in uow.repairs.active_lines(ticket_id)
    ]
