"""Z reports printed again. A till reprints any Z it has taken, for any day, as a copy marked
KOPI; each copy is journaled (13018, kind ``z_report_copy``, with the report's id and number)
so the record shows who printed which Z when. A copy is not use of the register: it makes no
Z of its own due (``report_queries.NOT_USE``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from pos.day_end_errors import NoZReportTaken
from pos.model.events import EventCode
from pos.model.reports import DrawerReport
from pos.model.staff import Permission
from pos.services.context import TillContext
from pos.services.reports import find_tenant, parse_date
from pos.unit_of_work import UnitOfWorkFactory

Z_COPY = "z_report_copy"


@dataclass(frozen=True)
class TakenDay:
    """A business day whose Z reports were taken on this register."""

    business_date: str
    reports: tuple[str, ...]
    """Each tenant's Z of the day: "Bua Brukte Klær AS nr. 3"."""


def taken_days(uow_factory: UnitOfWorkFactory, register_id: str, limit: int = 90) -> list[TakenDay]:
    """The latest days with Z reports on the register, newest first."""
    with uow_factory.read() as uow:
        tenants = uow.tenants.tenants()  # in code order, as the reports are listed
        rows = uow.reports.taken_z(register_id, limit)
    names = {t.id: t.name for t in tenants}
    order = {t.id: n for n, t in enumerate(tenants)}
    rows.sort(key=lambda r: (r["business_date"], -order.get(r["tenant_id"], 999)), reverse=True)
    days: dict[str, list[str]] = {}
    for row in rows:
        name = names.get(row["tenant_id"], row["tenant_id"])
        days.setdefault(row["business_date"], []).append(f"{name} nr. {row['z_number']}")
    return [TakenDay(day, tuple(found)) for day, found in days.items()]


def z_copies(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    business_date: str,
    tenants: Sequence[str] | None = None,
) -> list[DrawerReport]:
    """The Z reports taken on this register for ``business_date`` (each tenant's, or those
    named), as stored, each copy journaled. A manager's, as the Z itself."""
    ctx.require(Permission.MANAGE)
    day = parse_date(business_date)
    with uow_factory() as uow:
        chosen = [find_tenant(uow, key) for key in tenants] if tenants else uow.tenants.tenants()
        rows = [row for tenant in chosen
                for row in uow.reports.z_reports(tenant.id, ctx.register_id, day, day)]  # fmt: skip
        if not rows:
            raise NoZReportTaken(register=ctx.register_id, date=day)
        made = [DrawerReport.from_content(json.loads(row["content"])) for row in rows]
        stamp = ctx.stamp()
        for report in made:
            uow.journal.append_journal(
                register_id=ctx.register_id,
                event_code=EventCode.OTHER_REPORT,
                stamp=stamp,
                staff_id=ctx.operator.staff_id,
                tenant_id=report.tenant_id,
                ref_id=report.report_id,
                details={
                    "kind": Z_COPY,
                    "report_id": report.report_id,
                    "z_number": report.z_number,
                    "business_date": day,
                },  # fmt: skip
            )
        uow.commit()
    return made
