"""The manager's day end: puts each tenant's Z (or X) report of the day beside the centre's
commission and rent for that day (by the settlement rules), the repair deposits taken for it in
the report's range, and the day's till closes (cash variance, card terminal and Vipps totals)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from pos.adapters.report_queries import ReportQueries
from pos.adapters.settlement_queries import SettlementQueries
from pos.model.day_end import CloseSummary, DayEndDoc, TenantDay
from pos.model.reports import DrawerReport
from pos.model.till_close import BatchCheck
from pos.services.settlement import plan_lines
from pos.unit_of_work import UnitOfWorkFactory


def day_end_doc(
    uow_factory: UnitOfWorkFactory,
    register_id: str,
    business_date: str,
    reports: Sequence[DrawerReport],
) -> DayEndDoc:
    with uow_factory.read() as uow:
        q = SettlementQueries(uow.reports)
        closes = uow.reports.till_closes(register_id, business_date)
        shares: dict[str, int] = {}
        for close in closes:
            for tenant_id, row in uow.reports.till_close_tenants(close["id"]).items():
                shares[tenant_id] = shares.get(tenant_id, 0) + row["variance"]
        tenants = {t.id: t for t in uow.tenants.tenants()}
        days = []
        for report in reports:
            tenant = tenants[report.tenant_id]
            lines = plan_lines(q, tenant, business_date, business_date)
            amount = {ln.kind: ln.amount for ln in lines}
            days.append(
                TenantDay(
                    report=report,
                    commission=-sum(ln.amount for ln in lines if ln.kind.startswith("commission:")),
                    commission_vat=-amount.get("commission_vat", 0),
                    rent=-amount.get("rent", 0),
                    rent_vat=-amount.get("rent_vat", 0),
                    cash_variance=shares.get(report.tenant_id, 0),
                    deposit_tenders=_deposit_tenders(uow.reports, report),
                    deposits_used=uow.reports.deposits_used(_range(report)),
                )
            )
        centre = uow.meta.get_meta("centre_name") or ""
        names = uow.reports.staff_names()
    return DayEndDoc(
        centre_name=centre,
        register_id=register_id,
        business_date=business_date,
        tenants=tuple(days),
        closes=tuple(_close_summary(c, names) for c in closes),
    )


def day_counts(
    uow_factory: UnitOfWorkFactory, register_id: str, business_date: str
) -> tuple[CloseSummary, ...]:
    """Every count of the drawer that day at the register, oldest first: each shift change's
    and the close's; their variances add up to the day's (``DayEndDoc.variance``)."""
    with uow_factory.read() as uow:
        closes = uow.reports.till_closes(register_id, business_date)
        names = uow.reports.staff_names()
    return tuple(_close_summary(c, names) for c in closes)


def _deposit_tenders(rq: ReportQueries, report: DrawerReport) -> dict[str, int]:
    return rq.deposit_tenders(_range(report))


def _range(report: DrawerReport) -> dict[str, Any]:
    return {"t": report.tenant_id, "r": report.register_id, "lo": report.from_seq,
            "hi": report.through_seq}  # fmt: skip


def _close_summary(close: dict[str, Any], names: dict[str, tuple[str, str]]) -> CloseSummary:
    content = json.loads(close["content"])
    return CloseSummary(
        content["local_time"],
        close["expected_cash"],
        close["counted_cash"],
        close["variance"],
        close["note"],
        tuple(BatchCheck(**batch) for batch in content.get("batches", ())),
        shift_change=bool(content.get("shift_change")),
        counted_by=names.get(str(close["staff_id"]), ("", ""))[1],
        restored_from=str(content.get("restored_from") or ""),
    )
