"""Closing a till session: list what is open (parked baskets, later repair deposits), take the
blind count, check the card and Vipps batches, split the drawer per tenant, and close the
session so a new one (next shift) can be opened.

Blind means the count is saved before the person who counted learns what was expected: a close
is never refused for its variance. A variance then needs a note (``explain_variance``,
journaled with the close it explains); the screens and the command ask for it right after.

Several closes a day are allowed (shift changes); the Z report is separate (one per tenant,
register and day). A close with no sales is allowed. Nothing open is dropped by a close.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime

from pos.clock import OSLO
from pos.day_end_errors import VarianceNoteRequired
from pos.errors import TillNotOpen
from pos.model.events import EventCode
from pos.model.payment import TenderKind
from pos.model.staff import Operator, Permission
from pos.model.till_close import (
    BatchCheck,
    BlindCount,
    PendingItem,
    TenantCash,
    TillCloseDoc,
    VarianceRule,
)
from pos.money import Ore, allocate, format_nok
from pos.services import day_log
from pos.services.context import TillContext
from pos.services.parked_list import parked_in
from pos.services.reports import day_still_open, drawer_owner_id
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory

PendingSource = Callable[[UnitOfWork, str], list[PendingItem]]


def _parked_baskets(uow: UnitOfWork, register_id: str) -> list[PendingItem]:
    """Each parked basket as the cashier knows it: who parked it, its first item, tenants."""
    rows = {row["id"]: row for row in uow.queries.parked_baskets(register_id)}
    return [
        PendingItem(
            "parked_basket",
            parked.id,
            parked.label or f"Parkert kurv – {parked.summary}",
            parked.total,
            rows[parked.id]["parked_at"],
        )
        for parked in parked_in(uow, register_id)
        if parked.id in rows
    ]


PENDING_SOURCES: list[PendingSource] = [_parked_baskets]
"""Where open things come from: a new kind of open thing adds its source here, so every close
lists it too."""


@dataclass(frozen=True)
class ClosePreview:
    """What the person closing sees before counting: no expected amounts (blind count)."""

    session_id: str
    opened_at: str
    pending: tuple[PendingItem, ...]


def pending_items(uow: UnitOfWork, register_id: str) -> tuple[PendingItem, ...]:
    return tuple(item for source in PENDING_SOURCES for item in source(uow, register_id))


def close_preview(uow_factory: UnitOfWorkFactory, register_id: str) -> ClosePreview:
    with uow_factory.read() as uow:
        session = uow.till.open_session(register_id)
        if session is None:
            raise TillNotOpen()
        return ClosePreview(session["id"], session["opened_at"], pending_items(uow, register_id))


def close_till(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    count: BlindCount,
    *,
    card_batch: Ore | None = None,
    vipps_batch: Ore | None = None,
    note: str = "",
    rule: VarianceRule = VarianceRule.CENTRE,
    approver: Operator | None = None,
) -> TillCloseDoc:
    """Close the register's open session with the blind count; returns the close document."""
    approved_by = ctx.require(Permission.OPEN_TILL, approver)
    with uow_factory() as uow:
        doc = record_close(
            uow,
            ctx,
            count,
            card_batch=card_batch,
            vipps_batch=vipps_batch,
            note=note,
            rule=rule,
            approved_by=approved_by,
        )
        uow.commit()
    day_log.till_closed(ctx, doc, shift_change=False)
    return doc


def record_close(
    uow: UnitOfWork,
    ctx: TillContext,
    count: BlindCount,
    *,
    card_batch: Ore | None = None,
    vipps_batch: Ore | None = None,
    note: str = "",
    rule: VarianceRule = VarianceRule.CENTRE,
    approved_by: str | None = None,
    shift_change: bool = False,
) -> TillCloseDoc:
    """The close inside the caller's transaction (a shift change opens the next session in
    the same one). Saved whatever its variance: a variance without a note is explained after
    (``TillCloseDoc.note_due``)."""
    session = uow.till.open_session(ctx.register_id)
    if session is None:
        raise TillNotOpen()
    batches = () if shift_change else _batches(uow, session["id"], card_batch, vipps_batch)
    doc = _build(uow, ctx, dict(session), count, batches, note.strip(), rule)
    _write(uow, ctx, doc, approved_by, shift_change)
    return doc


def explain_variance(
    uow_factory: UnitOfWorkFactory, ctx: TillContext, close_id: str, note: str
) -> str:
    """The note on a saved close's variance, journaled (13999 ``till_close_note``) with the
    close it explains; returns the note as kept."""
    text = note.strip()
    with uow_factory() as uow:
        close = uow.reports.till_close(close_id)
        if close is None:
            raise TillNotOpen()
        if not text:
            raise VarianceNoteRequired(format_nok(int(close["variance"])))
        uow.journal.append_journal(
            register_id=ctx.register_id,
            event_code=EventCode.OTHER,
            stamp=ctx.stamp(),
            staff_id=ctx.operator.staff_id,
            amount=int(close["variance"]),
            ref_id=close_id,
            details={
                "kind": "till_close_note",
                "till_close_id": close_id,
                "note": text,
                "local_date": close["local_date"],  # the day it counted: use of that day
            },
        )
        uow.commit()
    return text


def _build(
    uow: UnitOfWork,
    ctx: TillContext,
    session: dict,
    count: BlindCount,
    batches: tuple[BatchCheck, ...],
    note: str,
    rule: VarianceRule,
) -> TillCloseDoc:
    rq = uow.reports
    sid = session["id"]
    movements = rq.session_movements(sid)
    stamp = ctx.stamp()
    partial = TillCloseDoc(
        close_id=str(uuid.uuid4()),
        register_id=ctx.register_id,
        session_id=sid,
        opened_at=session["opened_at"],
        closed_at=stamp.utc_iso,
        local_date=day_still_open(
            uow, ctx.register_id, stamp.local_date, not_before=_local_day(session["opened_at"])
        ),
        local_time=stamp.local_time,
        closed_by=ctx.operator.staff_no,
        float_amount=int(session["float_amount"]),
        cash_sales_net=rq.session_cash_net(sid),
        cash_in=movements.get("in", 0),
        cash_out=movements.get("out", 0),
        counted=count,
        variance_rule=rule,
        tenants=(),
        batches=batches,
        pending=pending_items(uow, ctx.register_id),
        note=note,
        restored_from=rq.restore_losing_records_since(ctx.register_id, session["opened_at"]) or "",
    )
    tenants = _tenant_cash(uow, partial, rq.session_cash_by_tenant(sid), rule)
    return TillCloseDoc(**{**_fields(partial), "tenants": tenants})


def _local_day(utc_iso: str) -> str:
    """The Oslo calendar date of a stored UTC time."""
    moment = datetime.fromisoformat(str(utc_iso).replace("Z", "+00:00"))
    return moment.astimezone(OSLO).date().isoformat()


def _batches(
    uow: UnitOfWork, session_id: str, card_batch: Ore | None, vipps_batch: Ore | None
) -> tuple[BatchCheck, ...]:
    """The card terminal's and Vipps' totals against what the till took since its last close:
    a terminal's batch is the day's, so a shift change (which counts only the drawer) does not
    split it. A hand-over has no batch check."""
    tenders = uow.reports.batch_tender_parts(session_id)
    return (
        _batch(TenderKind.CARD, tenders, card_batch),
        _batch(TenderKind.VIPPS, tenders, vipps_batch),
    )


def _batch(kind: TenderKind, tenders: dict[str, dict[str, Ore]], entered: Ore | None) -> BatchCheck:
    """What the terminal (or Vipps) should show: every tender of the kind, deposits included."""
    parts = tenders.get(kind.value, {})
    return BatchCheck(kind.value, sum(parts.values()), entered, parts.get("deposit", 0))


def _fields(doc: TillCloseDoc) -> dict:
    return {name: getattr(doc, name) for name in doc.__dataclass_fields__}


def _tenant_cash(
    uow: UnitOfWork, doc: TillCloseDoc, taken: dict[str, Ore], rule: VarianceRule
) -> tuple[TenantCash, ...]:
    """Each tenant's cash; the drawer owner also holds the float and cash in/out.

    The variance goes to the drawer owner (CENTRE), or is shared by the cash each tenant took
    (PROPORTIONAL; to the owner if no tenant took cash)."""
    owner = drawer_owner_id(uow)
    tenants = {t.id: t for t in uow.tenants.tenants()}
    ids = sorted(set(taken) | ({owner} if owner else set()), key=lambda i: tenants[i].code)
    weights: list[int] = [abs(taken.get(i, 0)) for i in ids]
    if rule is VarianceRule.PROPORTIONAL and any(weights):
        shares = allocate(doc.variance, weights)
    else:
        shares = [doc.variance if i == owner else 0 for i in ids]
    drawer = doc.float_amount + doc.cash_in + doc.cash_out
    return tuple(
        TenantCash(
            tid,
            tenants[tid].name,
            taken.get(tid, 0),
            taken.get(tid, 0) + (drawer if tid == owner else 0),
            share,
        )
        for tid, share in zip(ids, shares, strict=True)
    )


def close_content(doc: TillCloseDoc) -> dict:
    data = asdict(doc)
    data["counted"] = {str(k): v for k, v in doc.counted.pieces.items()}
    data["expected_cash"] = doc.expected_cash
    data["counted_cash"] = doc.counted_cash
    data["variance"] = doc.variance
    return data


def _write(
    uow: UnitOfWork,
    ctx: TillContext,
    doc: TillCloseDoc,
    approved_by: str | None,
    shift_change: bool,
) -> None:
    """Journal the close as what it is (13999 ``till_close``). The close sends no drawer kick,
    so it journals no drawer opening (13005 is "drawer opened"): the drawer is counted after
    its own journaled opening (F10, or the key where there is no printer)."""
    stamp = ctx.stamp()
    content = close_content(doc)
    if shift_change:
        content["shift_change"] = True
    uow.till.add_till_close(doc, ctx.operator.staff_id, approved_by, content)
    uow.till.close_session(doc.session_id, stamp)
    uow.journal.append_journal(
        register_id=ctx.register_id,
        event_code=EventCode.OTHER,
        stamp=stamp,
        staff_id=ctx.operator.staff_id,
        amount=doc.variance,
        ref_id=doc.close_id,
        details={"kind": "till_close", **content},
    )
    uow.outbox.append_outbox("till.closed", None, stamp, content)
