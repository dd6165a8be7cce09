"""The till session and the journaled counter actions that are not sales: float, cash in/out,
no-sale drawer openings, training mode, price look-ups, deleted lines and voided baskets."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from pos.clock import Stamp
from pos.errors import (
    InvalidAmount,
    ReasonRequired,
    TillAlreadyOpen,
    TillNotOpen,
    TrainingRestriction,
    TrainingSwitchWithBasket,
)
from pos.model.basket import Basket, BasketLine, check_amount
from pos.model.catalogue import Item
from pos.model.events import EventCode, OtherEvent
from pos.model.printing import DrawerOpening
from pos.model.staff import Operator, Permission
from pos.model.till_close import BlindCount
from pos.money import Ore, format_nok
from pos.services import day_log
from pos.services.context import TillContext
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory


def journal_event(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    code: EventCode,
    *,
    tenant_id: str | None = None,
    amount: Ore | None = None,
    details: dict | None = None,
    ref_id: str | None = None,
) -> int:
    """Record one event in its own transaction (used for events that stand alone)."""
    with uow_factory() as uow:
        seq = uow.journal.append_journal(
            register_id=ctx.register_id,
            event_code=code,
            stamp=ctx.stamp(),
            staff_id=ctx.operator.staff_id or None,
            tenant_id=tenant_id,
            amount=amount,
            ref_id=ref_id,
            details=details,
        )
        uow.commit()
    return seq


def start_application(uow_factory: UnitOfWorkFactory, ctx: TillContext, version: str) -> None:
    """Journal the start (13001) with the program version; the first start of another version
    than the register last ran is journaled first as a software update (13007)."""
    with uow_factory() as uow:
        stamp = ctx.stamp()
        last = uow.queries.last_event_details(ctx.register_id, EventCode.POS_START) or {}
        before = str(last.get("version") or "")
        if version and before and before != version:
            uow.journal.append_journal(
                register_id=ctx.register_id,
                event_code=EventCode.SOFTWARE_UPDATE,
                stamp=stamp,
                staff_id=None,
                details={"from": before, "to": version},
            )
        uow.journal.append_journal(
            register_id=ctx.register_id,
            event_code=EventCode.POS_START,
            stamp=stamp,
            staff_id=None,
            details={"version": version},
        )
        uow.commit()


def record_drawer_closed(
    uow_factory: UnitOfWorkFactory, register_id: str, stamp: Stamp, details: dict
) -> int:
    """The printer reported the drawer closed after an opening (13006)."""
    with uow_factory() as uow:
        seq = uow.journal.append_journal(
            register_id=register_id,
            event_code=EventCode.DRAWER_CLOSE,
            stamp=stamp,
            staff_id=None,
            details=details,
        )
        uow.commit()
    return seq


def stop_application(uow_factory: UnitOfWorkFactory, ctx: TillContext) -> None:
    journal_event(uow_factory, ctx, EventCode.POS_STOP)


def open_till(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    float_amount: Ore,
    approver: Operator | None = None,
    *,
    count: BlindCount | None = None,
) -> str:
    """Open the register's till session with a change float (vekselkasse): an amount, or a
    count by denomination (then ``float_amount`` must be its total). The caller kicks the
    drawer with ``float_opening``."""
    approved_by = ctx.require(Permission.OPEN_TILL, approver)
    check_amount(float_amount)
    if count is not None and count.total != float_amount:
        raise InvalidAmount(format_nok(float_amount))
    details: dict[str, object] = {"kind": OtherEvent.TILL_OPEN, "float": float_amount}
    if count is not None:
        details["counted"] = {str(value): n for value, n in count.pieces.items() if n}
    if approved_by is not None:
        details["approved_by"] = approved_by
    with uow_factory() as uow:
        if uow.till.open_session(ctx.register_id) is not None:
            raise TillAlreadyOpen()
        session_id = start_session(uow, ctx, ctx.stamp(), float_amount, details)
        uow.commit()
    day_log.till_opened(ctx, float_amount, counted=count is not None)
    return session_id


def start_session(
    uow: UnitOfWork, ctx: TillContext, stamp: Stamp, float_amount: Ore, details: dict[str, object]
) -> str:
    """Write a new open session with its float and journal it (13999 ``details["kind"]``),
    inside the caller's transaction. The drawer is kicked only for a new float (``till_open``:
    ``float_opening``, journaled 13005 when the kick reaches the printer); a shift change hands
    over a drawer the close has just opened."""
    session_id = str(uuid.uuid4())
    uow.till.start_session(session_id, ctx.register_id, ctx.operator.staff_id, float_amount, stamp)
    uow.journal.append_journal(
        register_id=ctx.register_id,
        event_code=EventCode.OTHER,
        stamp=stamp,
        staff_id=ctx.operator.staff_id,
        amount=float_amount,
        ref_id=session_id,
        details=details,
    )
    uow.outbox.append_outbox(
        "till.opened",
        None,
        stamp,
        {
            "session_id": session_id,
            "register_id": ctx.register_id,
            "float": float_amount,
            "kind": str(details.get("kind")),
        },
    )
    return session_id


def float_opening(ctx: TillContext, session_id: str) -> DrawerOpening:
    """The drawer opening for a new float to be put in: journaled (13005 ``float``) when its
    kick reaches the printer, never for a kick that did not."""
    return DrawerOpening(session_id, "float", ctx.operator.staff_id or None)


def current_session_id(uow_factory: UnitOfWorkFactory, register_id: str) -> str | None:
    with uow_factory.read() as uow:
        session = uow.till.open_session(register_id)
    return None if session is None else str(session["id"])


def move_cash(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    amount: Ore,
    reason: str,
    approver: Operator | None = None,
) -> str:
    """Cash put into (positive) or taken out of (negative) the drawer, with a reason. The
    drawer's opening (13005) is journaled when its kick reaches the printer
    (``print_queue.cash_drawer_opening``), never before."""
    approved_by = ctx.require(Permission.CASH_IN_OUT, approver)
    if ctx.training:  # training never moves real money
        raise TrainingRestriction("kontanter inn/ut")
    if amount == 0:
        raise InvalidAmount("0")
    check_amount(abs(amount))
    if not reason.strip():
        raise ReasonRequired()
    with uow_factory() as uow:
        session = uow.till.open_session(ctx.register_id)
        if session is None:
            raise TillNotOpen()
        stamp = ctx.stamp()
        movement_id = str(uuid.uuid4())
        uow.till.add_cash_movement(
            movement_id, session["id"], amount, reason.strip(), ctx.operator.staff_id, stamp
        )
        code = EventCode.CASH_WITHDRAWAL if amount < 0 else EventCode.OTHER
        details: dict[str, object] = {"reason": reason.strip()}
        if approved_by is not None:
            details["approved_by"] = approved_by
        if amount > 0:
            details["kind"] = OtherEvent.CASH_IN
        uow.journal.append_journal(
            register_id=ctx.register_id,
            event_code=code,
            stamp=stamp,
            staff_id=ctx.operator.staff_id,
            amount=amount,
            ref_id=movement_id,
            details=details,
        )
        uow.outbox.append_outbox(
            "cash.moved",
            None,
            stamp,
            {
                "movement_id": movement_id,
                "session_id": session["id"],
                "amount": amount,
                "reason": reason.strip(),
            },
        )
        uow.commit()
    day_log.cash_moved(ctx, amount)
    return movement_id


def no_sale_opening(
    ctx: TillContext, reason: str, approver: Operator | None = None
) -> DrawerOpening:
    """A drawer opening without a sale, approved: manager only, with a reason. It is journaled
    (13005 ``no_sale``, counted in X/Z (m)) when its kick reaches the printer, never for a kick
    that did not (the drawer stayed shut)."""
    ctx.require(Permission.NO_SALE_DRAWER, approver)
    if not reason.strip():
        raise ReasonRequired()
    details = (("note", reason.strip()), ("approved_by", approver.staff_id if approver else None))
    return DrawerOpening(str(uuid.uuid4()), "no_sale", ctx.operator.staff_id or None, details)


def set_training(
    uow_factory: UnitOfWorkFactory, ctx: TillContext, on: bool, *, basket: Basket
) -> None:
    """Switch training mode and journal it (13023/13024). Only with an empty basket: lines rung
    up as real sales must never be recorded as training (goods out unpaid), nor the reverse."""
    if ctx.training == on:
        return
    if basket.lines:
        raise TrainingSwitchWithBasket()
    journal_event(uow_factory, ctx, EventCode.TRAINING_ON if on else EventCode.TRAINING_OFF)
    ctx.training = on


def look_up_price(uow_factory: UnitOfWorkFactory, ctx: TillContext, item: Item) -> None:
    """A price look-up without sale is counted (X/Z t)."""
    journal_event(
        uow_factory,
        ctx,
        EventCode.PRICE_LOOKUP,
        ref_id=item.id,
        tenant_id=item.tenant_id,
        amount=item.price,
        details={"item_id": item.id, "description": item.description},
    )


def delete_line(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    basket: Basket,
    line_id: str,
) -> BasketLine:
    """Remove a line from the basket and journal the correction (13999 line_delete, X/Z s)."""
    line = basket.line(line_id)
    journal_event(
        uow_factory,
        ctx,
        EventCode.OTHER,
        tenant_id=line.tenant_id,
        amount=line.amount,
        details={
            "kind": OtherEvent.LINE_DELETE,
            "description": line.description,
            "qty": line.qty,
            "training": ctx.training,
        },
    )
    return basket.remove(line_id)


def void_basket(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    basket: Basket,
    approver: Operator | None = None,
    reason: str = "",
) -> None:
    """Cancel a whole basket: one void event (13028) per tenant with its amount (X/Z r)."""
    approved_by = ctx.require(Permission.VOID, approver)
    if not basket.lines:
        return
    with uow_factory() as uow:
        stamp = ctx.stamp()
        for tenant_id in basket.tenant_ids:
            lines: Sequence[BasketLine] = [ln for ln in basket.lines if ln.tenant_id == tenant_id]
            uow.journal.append_journal(
                register_id=ctx.register_id,
                event_code=EventCode.VOID,
                stamp=stamp,
                staff_id=ctx.operator.staff_id,
                tenant_id=tenant_id,
                amount=sum(ln.amount for ln in lines),
                ref_id=basket.id,
                details={
                    "lines": len(lines),
                    "reason": reason,
                    "approved_by": approved_by,
                    "training": ctx.training,
                },
            )
        uow.baskets.delete_draft(ctx.register_id)  # voided: never restored after a crash
        uow.commit()
    basket.lines.clear()
