"""Tenant settlements for a period, numbered per tenant, journaled (13018) and never edited:
a correction is a new settlement that refers to the one it corrects (``correct_settlement``).
A settlement is whole or nothing: numbered only together with its payment file and the files
the caller writes. Rules:
- The period's non-training sales and returns of the tenant in this store count: on a counter
  with no central server, its own register's (the statement says so). An enrolled counter never
  settles here: the server settles every register of the centre (``centre_settlement``).
- The money rules are ``pos.model.settlement_plan``'s, which the server uses too.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import asdict
from typing import Any, Protocol

from pos.adapters.settlement_queries import SettlementQueries
from pos.clock import Stamp
from pos.day_end_errors import (
    CentreSettlementChanged,
    CorrectionReasonMissing,
    InvalidPeriod,
    SettlementAlreadyCorrected,
    SettlementAnswerLost,
    SettlementAwaitingAnswer,
    SettlementNeedsServer,
    SettlementOverlaps,
    SettlementPeriodNotClosed,
    UnknownSettlement,
)
from pos.errors import DomainError
from pos.model import settlement_plan as plan
from pos.model.events import EventCode
from pos.model.settlement import SettlementDoc, SettlementLine, correction_lines
from pos.model.staff import Permission
from pos.model.takings import MONEY_MEANS
from pos.model.tenant import Tenant
from pos.money import Ore
from pos.services.context import TillContext
from pos.services.reports import find_tenant, open_days, parse_date
from pos.services.settlement_payment import PaymentOrder
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory

MONEY_KINDS = MONEY_MEANS  # as the day end counts money received


def number_text(tenant: Tenant, number: int) -> str:
    return plan.number_text(tenant.code, number)


rent_months = plan.rent_months


def plan_lines(q: SettlementQueries, tenant: Tenant, start: str, end: str) -> list[SettlementLine]:
    """This counter's receipts of the period under the tenant's terms as kept here."""
    return plan.plan_lines(q.facts(tenant.id, start, end), q.tenant_terms(tenant.id), start, end)


class CentreSettler(Protocol):
    """The central server, as an enrolled counter reaches it (``sync/settlements.py``): it
    settles over every register of the centre and answers the numbered statement (the
    ``SettlementDoc``'s fields). Raises ``SettlementNeedsServer`` when it cannot be reached and
    the refusal's own ``DomainError`` (a register's day without a Z, ...) when it refuses."""

    def settle(self, request: dict[str, Any]) -> dict[str, Any]: ...


Stage = Callable[[SettlementDoc, bytes | None], None]
"""Called inside the settlement's transaction with the numbered document and its payment file
(if one was ordered): write the files somewhere temporary. If it raises, nothing is numbered."""


def make_settlement(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    tenant_key: str,
    date_from: str,
    date_to: str,
    *,
    payment: PaymentOrder | None = None,
    stage: Stage | None = None,
    centre: CentreSettler | None = None,
) -> SettlementDoc:
    """Settle a tenant for a period: whole or nothing. Everything is checked — the period, an
    overlap, the payment file, the files ``stage`` writes — inside one transaction before it
    commits, so a settlement is numbered only with all its files made. An enrolled counter
    asks ``centre`` (the server numbers it over every register) and keeps what it answers."""
    ctx.require(Permission.MANAGE)
    start, end = parse_date(date_from), parse_date(date_to)
    if start > end:
        raise InvalidPeriod(f"{start}–{end}")
    if _enrolled(uow_factory):
        today = ctx.stamp().local_date
        if end > today:  # a day to come: the server judges the days up to today
            with uow_factory.read() as uow:
                name = find_tenant(uow, tenant_key).name
            raise SettlementPeriodNotClosed(day=max(start, today), tenant=name, today=today)
        request = {"period_from": start, "period_to": end}
        return _from_centre(uow_factory, ctx, tenant_key, centre, request, payment, stage)
    _require_closed(uow_factory, ctx, tenant_key, start, end)
    with uow_factory() as uow:
        tenant = find_tenant(uow, tenant_key)
        q = SettlementQueries(uow.reports)
        clash = q.overlapping(tenant.id, start, end)
        if clash is not None:
            raise SettlementOverlaps(
                tenant=tenant.name,
                number=number_text(tenant, clash["number"]),
                period=f"{clash['period_from']}–{clash['period_to']}",
            )
        doc = _record(uow, ctx, tenant, start, end, plan_lines(q, tenant, start, end), None)
        _finish(uow, doc, payment, stage)
    return doc


def _require_closed(
    uow_factory: UnitOfWorkFactory, ctx: TillContext, tenant_key: str, start: str, end: str
) -> None:
    """Only days closed by a Z are settled: never a day to come, never today before its Z,
    never an earlier day whose Z is missing (the register's open days)."""
    today = ctx.stamp().local_date
    with uow_factory.read() as uow:
        tenant = find_tenant(uow, tenant_key)
        last = uow.reports.last_z(tenant.id, ctx.register_id)
    closed_through = str(last["business_date"]) if last else ""
    unclosed = [
        d.business_date
        for d in open_days(uow_factory, ctx)
        if d.tenant_id == tenant.id and start <= d.business_date <= end
    ]
    if end >= today and closed_through < today:
        unclosed.append(max(start, today))
    if unclosed:
        raise SettlementPeriodNotClosed(day=min(unclosed), tenant=tenant.name, today=today)


def correct_settlement(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    tenant_key: str,
    number: int | str,
    reason: str,
    adjustment: Ore = 0,
    *,
    payment: PaymentOrder | None = None,
    stage: Stage | None = None,
    centre: CentreSettler | None = None,
) -> SettlementDoc:
    """A correction of settlement ``number`` (``3`` or ``OPPGJ-12-00003``): a new numbered
    settlement of the same period that takes back what the corrected one stood for, works the
    period out again from today's facts and terms, and adds ``adjustment`` with ``reason``
    (``pos.model.settlement``). Only the latest of a chain of corrections may be corrected.
    Whole or nothing, like ``make_settlement``."""
    ctx.require(Permission.MANAGE)
    if not reason.strip():
        raise CorrectionReasonMissing()
    if _enrolled(uow_factory):
        request = {"corrects": str(number), "reason": reason.strip(), "adjustment": adjustment}
        return _from_centre(uow_factory, ctx, tenant_key, centre, request, payment, stage)
    with uow_factory() as uow:
        tenant = find_tenant(uow, tenant_key)
        q = SettlementQueries(uow.reports)
        row = q.settlement(tenant.id, _number(number))
        if row is None:
            raise UnknownSettlement(str(number))
        later = q.correction_of(row["id"])
        if later is not None:
            raise SettlementAlreadyCorrected(
                number_text(tenant, row["number"]), latest=number_text(tenant, later["number"])
            )
        corrected = _from_content(json.loads(row["content"]))
        start, end = row["period_from"], row["period_to"]
        lines = correction_lines(
            corrected, plan_lines(q, tenant, start, end), reason.strip(), adjustment
        )
        doc = _record(uow, ctx, tenant, start, end, lines, row)
        _finish(uow, doc, payment, stage)
    return doc


def _enrolled(uow_factory: UnitOfWorkFactory) -> bool:
    with uow_factory.read() as uow:
        return uow.sync.device() is not None


def _from_centre(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    tenant_key: str,
    centre: CentreSettler | None,
    request: dict[str, Any],
    payment: PaymentOrder | None,
    stage: Stage | None,
) -> SettlementDoc:
    """The server's statement, kept here as this counter's own (journaled 13018 at this
    register, with its files) but not sent back: the server holds it already. Whole or nothing
    as a local one: the server answers it first without storing it, this counter makes its
    files from it, and only then does the server store it (unless anything changed meanwhile,
    ``CentreSettlementChanged``) and this counter commit it. The confirm is kept in the store
    before it goes out: when its answer is lost (``SettlementAnswerLost``) or the counter
    stops, the same settlement asked again sends that draft, and the server answers the
    statement it stored under it, kept here once."""
    if centre is None:
        raise SettlementNeedsServer(reason="no_connection")
    with uow_factory.read() as uow:
        tenant = find_tenant(uow, tenant_key)
        pending = _pending(uow, tenant.id)
    asked = {**request, "tenant_id": tenant.id, "staff_id": ctx.operator.staff_id,
             "created_date": ctx.stamp().local_date}  # fmt: skip
    draft: dict[str, Any] = {}
    if pending is not None and _same_request(pending["asked"], asked):
        # its answer was lost: the server answers what it stored under that draft, if it did
        asked, draft = pending["asked"], {"expect": pending["content"]}
    elif pending is not None:
        raise SettlementAwaitingAnswer(tenant=tenant.name, period=_period_of(pending["content"]))
    try:
        content = centre.settle({**asked, "dry_run": True, **draft})
    except DomainError as refused:
        if draft and not isinstance(refused, SettlementNeedsServer):  # answered: not stored
            _forget_pending(uow_factory, tenant.id)
        raise
    with uow_factory() as uow:  # kept before the confirm goes out: the idempotency key
        kept = json.dumps({"asked": asked, "content": content})
        uow.sync.set_meta(pending_key(tenant.id), kept)
        uow.commit()
    doc = _from_content(content)
    stamp = ctx.stamp()  # after the sync before the dry run, which may have journaled a pull
    sent = False
    try:
        with uow_factory() as uow:
            q = SettlementQueries(uow.reports)
            corrects = (
                q.settlement(tenant.id, _number(doc.corrects_number))
                if doc.corrects_number
                else None
            )
            _keep(uow, ctx, doc, corrects, stamp,
                  store=q.by_id(doc.settlement_id) is None)  # else a sync brought it  # fmt: skip
            file = payment.file_for(doc) if payment is not None and doc.net_payable > 0 else None
            if stage is not None:
                stage(doc, file)
            # the files are made: now the server stores it, if it is still the very same
            try:
                sent = True
                answer = centre.settle({**asked, "expect": content})
            except SettlementNeedsServer as lost:  # it may have stored it: the key is kept
                raise SettlementAnswerLost(
                    tenant=tenant.name,
                    period=_period_of(content),
                    reason=lost.params.get("reason", ""),
                ) from lost
            if _from_content(answer) != doc:
                raise CentreSettlementChanged()
            uow.sync.set_meta(pending_key(tenant.id), None)
            uow.commit()
    except BaseException as failed:
        # kept only while the server may hold it: sent and unanswered (or this counter stopped)
        answered = isinstance(failed, DomainError) and not isinstance(failed, SettlementAnswerLost)
        if not sent or answered:
            _forget_pending(uow_factory, tenant.id)
        raise
    return doc


def _forget_pending(uow_factory: UnitOfWorkFactory, tenant_id: str) -> None:
    with uow_factory() as uow:
        uow.sync.set_meta(pending_key(tenant_id), None)
        uow.commit()


def pending_key(tenant_id: str) -> str:
    """Where the counter keeps a confirm it sent for the tenant until it has the answer."""
    return f"settlement_confirm:{tenant_id}"


def _pending(uow: UnitOfWork, tenant_id: str) -> dict[str, Any] | None:
    """A confirm sent whose answer never came (the counter lost it or was stopped)."""
    kept = uow.sync.meta(pending_key(tenant_id))
    return json.loads(kept) if kept else None


def _same_request(kept: dict[str, Any], asked: dict[str, Any]) -> bool:
    """The same settlement asked again (its day and person may differ)."""
    ignored = ("created_date", "staff_id")
    return {k: v for k, v in kept.items() if k not in ignored} == {
        k: v for k, v in asked.items() if k not in ignored
    }


def _period_of(content: dict[str, Any]) -> str:
    return f"{content.get('period_from', '')}–{content.get('period_to', '')}"


def _number(number: int | str) -> int:
    """A settlement number as typed: ``3``, ``00003`` or ``OPPGJ-12-00003``."""
    text = str(number).strip().rpartition("-")[2]
    if not text.isdigit():
        raise UnknownSettlement(str(number))
    return int(text)


def _finish(
    uow: UnitOfWork, doc: SettlementDoc, payment: PaymentOrder | None, stage: Stage | None
) -> None:
    # a bank file never pays nothing: none when the tenant owes the centre
    file = payment.file_for(doc) if payment is not None and doc.net_payable > 0 else None
    if stage is not None:
        stage(doc, file)
    uow.commit()


def _record(
    uow: UnitOfWork,
    ctx: TillContext,
    tenant: Tenant,
    start: str,
    end: str,
    lines: list[SettlementLine],
    corrects: dict | None,
) -> SettlementDoc:
    number = uow.numbers.next_number(f"settlement:{tenant.id}")
    stamp = ctx.stamp()
    terms = SettlementQueries(uow.reports).terms(tenant.id)
    doc = SettlementDoc(
        settlement_id=str(uuid.uuid4()),
        number=number,
        number_text=number_text(tenant, number),
        tenant_id=tenant.id,
        tenant_name=tenant.name,
        org_no=tenant.org_no,
        bank_account=terms["bank_account"],
        period_from=start,
        period_to=end,
        created_date=stamp.local_date,
        corrects_number=number_text(tenant, corrects["number"]) if corrects else "",
        lines=tuple(lines),
        registers=ctx.register_id,
    )
    content = _keep(uow, ctx, doc, corrects, stamp, store=True)
    uow.outbox.append_outbox("settlement.made", tenant.id, stamp, content)
    return doc


def _keep(
    uow: UnitOfWork,
    ctx: TillContext,
    doc: SettlementDoc,
    corrects: dict[str, Any] | None,
    stamp: Stamp,
    *,
    store: bool,
) -> dict[str, Any]:
    """Store a statement (unless a sync already brought it) and journal it as made here."""
    content = asdict(doc)
    if store:
        uow.day_end.add_settlement(
            doc,
            content,
            corrects_id=corrects["id"] if corrects else None,
            staff_id=ctx.operator.staff_id,
            stamp=stamp,
        )
    uow.journal.append_journal(
        register_id=ctx.register_id,
        event_code=EventCode.OTHER_REPORT,
        stamp=stamp,
        staff_id=ctx.operator.staff_id,
        tenant_id=doc.tenant_id,
        amount=doc.net_payable,
        ref_id=doc.settlement_id,
        details={"report": "settlement", **content},
    )
    return content


def settlement_docs(uow_factory: UnitOfWorkFactory, tenant_key: str) -> list[SettlementDoc]:
    """Every settlement of a tenant, oldest first, as stored."""
    with uow_factory.read() as uow:
        tenant = find_tenant(uow, tenant_key)
        rows = SettlementQueries(uow.reports).settlements(tenant.id)
    return [_from_content(json.loads(row["content"])) for row in rows]


def _from_content(data: dict) -> SettlementDoc:
    data = dict(data)
    data["lines"] = tuple(SettlementLine(**line) for line in data["lines"])
    return SettlementDoc(**data)
