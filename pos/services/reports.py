"""X and Z reports per tenant per register (kassasystemforskrifta §§ 2-8-2, 2-8-3).

An X report covers everything since the tenant's last Z on the register, changes nothing and is
journaled in full (13008). A Z report covers the same up to the end of its business day, gets
the next consecutive Z number of its (tenant, register), is stored and journaled in full (13009)
and moves the start of the next report past it; grand totals carry on from Z to Z.

Business days (docs/core.md): a registration belongs to its Oslo calendar date. Every day with
use gets its own Z, in order, never for a day still to come: a Z for a day is refused while an
earlier day with use has none (``ZReportMissing``), and without a date the Z is taken for the
day still open, the oldest day with use and no Z, so a Z taken after midnight closes yesterday.
A Z taken for a day still to come (the PC's clock ran ahead) closes nothing after the manager's
declaration (``pos/services/records_ahead.py``).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from pos.day_end_errors import (
    InvalidReportDate,
    ZReportAlreadyTaken,
    ZReportBeforeRestore,
    ZReportInFuture,
    ZReportMissing,
    ZReportOutOfOrder,
)
from pos.errors import UnknownTenant
from pos.model.business_day import business_day
from pos.model.events import EventCode
from pos.model.reports import DrawerReport, ReportKind
from pos.model.staff import Permission
from pos.model.tenant import Tenant
from pos.services import day_log, records_ahead
from pos.services.context import TillContext
from pos.services.report_builder import ReportScope, build_report
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory

DRAWER_OWNER_META = "drawer_owner_tenant_id"


def parse_date(text: str) -> str:
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise InvalidReportDate(text) from None


def drawer_owner_id(uow: UnitOfWork) -> str | None:
    """The tenant that owns the shared drawer: set in meta, else the centre (lowest code)."""
    chosen = uow.meta.get_meta(DRAWER_OWNER_META)
    if chosen:
        return chosen
    tenants = uow.tenants.tenants()
    return tenants[0].id if tenants else None


def find_tenant(uow: UnitOfWork, key: str) -> Tenant:
    """A tenant by two-digit code, org.no or id."""
    wanted = key.replace(" ", "").strip()
    for tenant in uow.tenants.tenants():
        if wanted in (tenant.code, tenant.org_no, tenant.id):
            return tenant
    raise UnknownTenant(key)


@dataclass(frozen=True)
class _Register:
    """What every report of one register needs: its id and name, and the drawer's owner."""

    register_id: str
    name: str
    drawer_owner: str | None

    @staticmethod
    def of(uow: UnitOfWork, register_id: str) -> _Register:
        name = uow.registers.register_name(register_id) or register_id
        return _Register(register_id, name, drawer_owner_id(uow))


def _tenants(uow: UnitOfWork, keys: Sequence[str] | None) -> list[Tenant]:
    if keys:
        return [find_tenant(uow, key) for key in keys]
    return uow.tenants.tenants()


def _scope(
    uow: UnitOfWork,
    ctx: TillContext,
    tenant: Tenant,
    kind: ReportKind,
    hi: int,
    business_date: str,
    z_number: int | None,
    register: _Register,
    lo: int,
) -> ReportScope:
    """``lo``: where the report starts (``_z_start``, read before a Z raises the day closed)."""
    last = uow.reports.last_z(tenant.id, ctx.register_id)
    stamp = ctx.stamp()
    return ReportScope(
        kind=kind,
        report_id=(
            f"Z-{tenant.code}-{ctx.register_id}-{z_number}"
            if z_number is not None
            else f"X-{tenant.code}-{ctx.register_id}-{uuid.uuid4().hex[:8]}"
        ),
        z_number=z_number,
        tenant=tenant,
        register_id=ctx.register_id,
        register_name=register.name,
        lo=lo,
        hi=hi,
        report_date=stamp.local_date,
        report_time=stamp.local_time,
        business_date=business_date,
        drawer_owner=tenant.id == register.drawer_owner,
        grand_sales_before=int(last["grand_total_sales"]) if last else 0,
        grand_returns_before=int(last["grand_total_returns"]) if last else 0,
    )


def x_reports(
    uow_factory: UnitOfWorkFactory, ctx: TillContext, tenants: Sequence[str] | None = None
) -> list[DrawerReport]:
    """X reports (since each tenant's last Z on this register), each journaled in full. Their
    business day is the one the next Z closes: the oldest day still open (a till left open since
    an earlier day shows that day), today when none is.

    A manager's: an X shows what the drawer should hold, which would make the blind count at
    till close pointless if the person who counts could see it first."""
    ctx.require(Permission.MANAGE)
    made: list[DrawerReport] = []
    with uow_factory() as uow:
        hi = uow.reports.max_seq()
        today = ctx.stamp().local_date
        register = _Register.of(uow, ctx.register_id)
        chosen = _tenants(uow, tenants)
        still_open = _open_days(uow, ctx.register_id, today, register, chosen)
        day = business_day(today, (d.business_date for d in still_open))
        for tenant in chosen:
            last = uow.reports.last_z(tenant.id, ctx.register_id)
            lo, _closed = _z_start(uow, tenant, ctx.register_id, last)
            scope = _scope(uow, ctx, tenant, ReportKind.X, hi, day, None, register, lo)
            report = build_report(uow.reports, scope)
            _journal(uow, ctx, report, EventCode.X_REPORT)
            made.append(report)
        uow.commit()
    day_log.reports_taken(ctx, "X", made)
    return made


def z_reports(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    business_date: str | None = None,
    tenants: Sequence[str] | None = None,
    *,
    include_empty: bool = False,
) -> list[DrawerReport]:
    """Take the Z report of each tenant for one business day (default: the day still open;
    every tenant with use that day). ``open_days`` lists what is left after it.

    All of them are written in one transaction: either every Z asked for exists or none does.
    A Z closes the tenants' day for good: a manager's job.
    """
    ctx.require(Permission.MANAGE)
    with uow_factory() as uow:
        today = ctx.stamp().local_date
        register = _Register.of(uow, ctx.register_id)
        chosen = _tenants(uow, tenants)
        due = None
        if business_date:
            day = parse_date(business_date)
        else:
            still_open = _open_days(uow, ctx.register_id, today, register, chosen)
            day = business_day(today, (d.business_date for d in still_open))
            due = {d.tenant_id for d in still_open if d.business_date == day}
        if day > today:
            raise ZReportInFuture(date=day, today=today)
        explicit = bool(tenants)
        if due and not (explicit or include_empty):  # a tenant whose day is closed is left be
            chosen = [tenant for tenant in chosen if tenant.id in due]
        made = []
        for tenant in chosen:
            report = _take_z(uow, ctx, tenant, day, include_empty or explicit, register)
            if report is not None:
                made.append(report)
        uow.commit()
    day_log.reports_taken(ctx, "Z", made)
    return made


@dataclass(frozen=True)
class OpenDay:
    """A business day with use of a tenant on a register that no Z has closed yet."""

    tenant_id: str
    tenant_code: str
    tenant_name: str
    business_date: str
    overdue: bool
    """Before today: its Z is missing (today's may still be taken later)."""


def day_still_open(
    uow: UnitOfWork, register_id: str, today: str, *, not_before: str | None = None
) -> str:
    """The business day a record made now at the register belongs to (``business_day``):
    the day the next Z closes, so a till close after midnight goes with yesterday's Z."""
    register = _Register.of(uow, register_id)
    still_open = _open_days(uow, register_id, today, register, uow.tenants.tenants())
    return business_day(today, (d.business_date for d in still_open), not_before=not_before)


def open_days(uow_factory: UnitOfWorkFactory, ctx: TillContext) -> list[OpenDay]:
    """Every day with use and no Z on this register, oldest first, per tenant."""
    with uow_factory.read() as uow:
        today = ctx.stamp().local_date
        register = _Register.of(uow, ctx.register_id)
        return _open_days(uow, ctx.register_id, today, register, uow.tenants.tenants())


def _open_days(
    uow: UnitOfWork, register_id: str, today: str, register: _Register, tenants: list[Tenant]
) -> list[OpenDay]:
    """A day after today is one stamped ahead by a PC clock that ran fast (a manager declared
    it): what it holds goes with the first Z from today on (today's, or the next day's when
    today's is taken)."""
    found = []
    for tenant in tenants:
        days = _use_days(uow, tenant, register_id, register)
        if days and days[-1] > today:
            last = uow.reports.last_z(tenant.id, register_id)
            closed = _z_start(uow, tenant, register_id, last)[1]
            days = sorted({min(day, today) for day in days} - {closed})
        for day in days:
            found.append(OpenDay(tenant.id, tenant.code, tenant.name, day, day < today))
    return sorted(found, key=lambda d: (d.business_date, d.tenant_code))


def _use_days(uow: UnitOfWork, tenant: Tenant, register_id: str, register: _Register) -> list[str]:
    """The days with use since the tenant's last Z. What was registered after a Z and is still
    dated that Z's day goes with the next day's Z (one Z per day)."""
    last = uow.reports.last_z(tenant.id, register_id)
    lo, closed = _z_start(uow, tenant, register_id, last)
    owner = tenant.id == register.drawer_owner
    days = uow.reports.use_days(tenant.id, register_id, lo, owner)
    return [d for d in days if closed is None or d > closed]


def _z_start(
    uow: UnitOfWork, tenant: Tenant, register_id: str, last: dict[str, Any] | None
) -> tuple[int, str | None]:
    """Where the next Z starts and the last day closed. A store put back from a backup older
    than the register's last Z lacks that report: the day it closed stays closed, and what is
    dated up to it was counted in it, so the next Z starts after that."""
    lo = int(last["through_seq"]) if last else 0
    closing, floor = _closed(uow, tenant, register_id, last)
    closed = closing["business_date"] if closing else None
    if floor is not None and (closed is None or floor > closed):
        lo, closed = uow.reports.max_seq_through(floor, lo), floor
    return lo, closed


def _closed(
    uow: UnitOfWork, tenant: Tenant, register_id: str, last: dict[str, Any] | None
) -> tuple[dict[str, Any] | None, str | None]:
    """The Z whose day is still closed and the day counter's floor, neither a Z taken for a
    day still to come before a declared clock correction (``records_ahead``)."""
    closing = records_ahead.still_closing(uow, tenant.id, register_id, last)
    floor = uow.numbers.z_day_floor(tenant.id, register_id)
    if floor is not None and floor in records_ahead.taken_ahead(uow, tenant.id):
        floor = None
    return closing, floor


def _take_z(
    uow: UnitOfWork,
    ctx: TillContext,
    tenant: Tenant,
    day: str,
    include_empty: bool,
    register: _Register,
) -> DrawerReport | None:
    last = uow.reports.last_z(tenant.id, ctx.register_id)
    _check_day(uow, ctx.register_id, tenant, day, last, register)
    lo, _closed = _z_start(uow, tenant, ctx.register_id, last)
    hi = uow.reports.max_seq_through(day, lo)
    owner = tenant.id == register.drawer_owner
    used = uow.reports.has_activity(tenant.id, ctx.register_id, lo, hi) or (
        owner and uow.reports.has_activity(None, ctx.register_id, lo, hi)
    )
    if not used and not include_empty:
        return None
    number = uow.numbers.next_z_number(
        tenant.id, ctx.register_id, int(last["z_number"]) if last else 0, day
    )
    report = build_report(
        uow.reports, _scope(uow, ctx, tenant, ReportKind.Z, hi, day, number, register, lo)
    )
    content = report.to_content()
    seq = _journal(uow, ctx, report, EventCode.Z_REPORT, content)
    stamp = ctx.stamp()
    uow.day_end.add_z_report(
        report, content, staff_id=ctx.operator.staff_id, journal_seq=seq, stamp=stamp
    )
    uow.outbox.append_outbox("z_report.taken", tenant.id, stamp, content)
    return report


def _check_day(
    uow: UnitOfWork,
    register_id: str,
    tenant: Tenant,
    day: str,
    last: dict[str, Any] | None,
    register: _Register,
) -> None:
    """One Z per day, in order: none twice, none before the last, none past a day left open
    (a Z taken ahead of a declared clock correction closes nothing after it)."""
    last, floor = _closed(uow, tenant, register_id, last)
    if last is not None and last["business_date"] == day:
        raise ZReportAlreadyTaken(
            tenant=tenant.name, register=register_id, date=day, number=last["z_number"]
        )
    if last is not None and last["business_date"] > day:
        raise ZReportOutOfOrder(tenant=tenant.name, last=last["business_date"], date=day)
    if floor is not None and day <= floor and (last is None or floor > last["business_date"]):
        raise ZReportBeforeRestore(tenant=tenant.name, register=register_id, date=day, closed=floor)
    earlier = [d for d in _use_days(uow, tenant, register_id, register) if d < day]
    if earlier:
        raise ZReportMissing(tenant=tenant.name, missing=earlier[0], date=day)


def _journal(
    uow: UnitOfWork,
    ctx: TillContext,
    report: DrawerReport,
    code: EventCode,
    content: dict | None = None,
) -> int:
    return uow.journal.append_journal(
        register_id=ctx.register_id,
        event_code=code,
        stamp=ctx.stamp(),
        staff_id=ctx.operator.staff_id,
        tenant_id=report.tenant_id,
        amount=report.total_cash_sales,
        ref_id=report.report_id,
        details=content if content is not None else report.to_content(),
    )


def stored_z_reports(
    uow_factory: UnitOfWorkFactory,
    tenant_key: str,
    date_from: str = "",
    date_to: str = "",
    register_id: str | None = None,
) -> list[DrawerReport]:
    with uow_factory.read() as uow:
        tenant = find_tenant(uow, tenant_key)
        rows = uow.reports.z_reports(tenant.id, register_id, date_from, date_to)
    return [DrawerReport.from_content(json.loads(row["content"])) for row in rows]
