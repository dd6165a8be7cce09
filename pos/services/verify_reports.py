"""Z-report checks of ``verify-journal``: each stored Z is its journal row (13009) byte for
byte, each journaled Z is stored, the numbers of a (tenant, register) run 1, 2, 3 …, and each
Z is recomputed from the facts of its journal range and must give the same figures.

Z numbers may jump only where the journal declares the skip (a restore,
``pos/services/declared_gaps.py``). Names (the tenant's, the register's, staff and article
groups) are read from the reference tables when recomputing and may have been renamed since:
they are left out of the comparison. The figures are not: a payment means, amount or count that
differs names the Z.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pos.adapters.report_queries import ReportQueries
from pos.findings import Finding, nb
from pos.journal import canonical_json
from pos.model.reports import DrawerReport, ReportKind
from pos.model.tenant import Tenant
from pos.services.report_builder import ReportScope, build_report

if TYPE_CHECKING:
    from pos.adapters.verification_queries import VerificationQueries
    from pos.services.declared_gaps import DeclaredGaps
    from pos.services.verification_report import VerificationReport

NAMES = frozenset({"company_name", "org_line", "register_name", "name", "staff_name", "label"})


def check_z_reports(
    rq: ReportQueries,
    q: VerificationQueries,
    journaled: dict[str, dict[str, Any]],
    gaps: DeclaredGaps,
    report: VerificationReport,
    since_seq: int = 0,
) -> None:
    """Every stored Z, or those journaled after ``since_seq`` (each register's numbers and
    grand totals then go on from its last Z before it)."""
    stored = q.z_reports(since_seq)
    tenants = q.tenants()
    before = q.last_z_through_seq(since_seq) if since_seq else {}
    for report_id, z in stored.items():
        report.z_reports += 1
        key = (z["tenant_id"], z["register_id"])
        number, sales, returns = before.get(key, (0, 0, 0))
        if gaps.series_skipped(f"z:{key[0]}:{key[1]}", number + 1, int(z["z_number"]) - 1):
            number = int(z["z_number"]) - 1  # Z numbers a restore skipped, as declared
        problem = _z_problem(rq, z, journaled.get(report_id), tenants, number, sales, returns)
        if problem:
            report.add(
                Finding(f"Z report {report_id}: {problem}", f"Z-rapport {report_id}: {nb(problem)}")
            )
        before[key] = (int(z["z_number"]), z["grand_total_sales"], z["grand_total_returns"])
    for report_id, row in journaled.items():
        if report_id not in stored:
            report.add(
                Finding(
                    f"Z report {report_id} (journal row {row['seq']}) is missing from the store",
                    f"Z-rapport {report_id} (journalrad {row['seq']}) mangler i databasen",
                )
            )


def _z_problem(
    rq: ReportQueries,
    z: Mapping[str, Any],
    row: Mapping[str, Any] | None,
    tenants: Mapping[str, Mapping[str, Any]],
    previous_number: int,
    sales_before: int,
    returns_before: int,
) -> str | None:
    if row is None:
        return Finding("is not in the journal", "står ikke i journalen")
    if int(z["z_number"]) != previous_number + 1:
        return Finding(
            f"follows Z number {previous_number} (numbers must run without gaps)",
            f"følger Z-nummer {previous_number} (numrene må gå uten hull)",
        )
    if canonical_json(json.loads(row["details"])) != z["content"] or z["journal_seq"] != row["seq"]:
        return Finding(
            f"the stored report differs from journal row {row['seq']}",
            f"den lagrede rapporten avviker fra journalrad {row['seq']}",
        )
    content = json.loads(z["content"])
    if (content["from_seq"], content["through_seq"]) != (z["from_seq"], z["through_seq"]):
        return Finding(
            "its journal range differs from its content",
            "journalområdet avviker fra innholdet",
        )
    again = _recompute(rq, content, tenants[z["tenant_id"]], sales_before, returns_before)
    if _figures(again.to_content()) != _figures(content):
        differ = sorted(
            k for k, v in _figures(content).items() if _figures(again.to_content()).get(k) != v
        )
        figures = ", ".join(differ)
        return Finding(
            f"its figures ({figures}) differ from the sales and events it covers",
            f"tallene ({figures}) avviker fra salgene og hendelsene den dekker",
        )
    return None


def _recompute(
    rq: ReportQueries,
    content: dict[str, Any],
    tenant_row: Mapping[str, Any],
    sales_before: int,
    returns_before: int,
) -> DrawerReport:
    tenant = Tenant(
        id=tenant_row["id"],
        code=tenant_row["code"],
        name=tenant_row["name"],
        org_no=tenant_row["org_no"],
        vat_registered=bool(tenant_row["vat_registered"]),
    )
    scope = ReportScope(
        kind=ReportKind.Z,
        report_id=content["report_id"],
        z_number=content["z_number"],
        tenant=tenant,
        register_id=content["register_id"],
        register_name=content["register_name"],
        lo=content["from_seq"],
        hi=content["through_seq"],
        report_date=content["report_date"],
        report_time=content["report_time"],
        business_date=content["business_date"],
        drawer_owner=content["drawer_owner"],
        grand_sales_before=sales_before,
        grand_returns_before=returns_before,
    )
    return build_report(rq, scope)


def _figures(value: Any) -> Any:
    """The content without names, recursively."""
    if isinstance(value, dict):
        return {k: _figures(v) for k, v in value.items() if k not in NAMES}
    if isinstance(value, list):
        return [_figures(v) for v in value]
    return value
