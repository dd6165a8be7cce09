"""Builds the content of an X or Z report from the facts of one journal range of one tenant on
one register. Read-only; ``reports`` decides the range, numbers the Z and journals it.

Rules (documented in docs/systembeskrivelse.md):
- A range ``(lo, hi]`` of journal sequence numbers; a receipt belongs to the range its journal
  row is in, so a Z never holds a registration of an earlier Z.
- Training receipts count only in (w); voids and deleted lines made in training are not counted.
- The shared drawer belongs to the drawer owner (the centre by default): the float (k), no-sale
  openings (m) and pay-ins/pay-outs (2) are reported on its Z only. A parked basket counts on
  the Z of each tenant with lines in it, with that tenant's part.
- Payment means (g, h): money in and money out (refunds) on lines of their own, never netted.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from pos.adapters.report_queries import ReportQueries
from pos.identifiers import format_org_number
from pos.model.events import EventCode, OtherEvent
from pos.model.reports import (
    CodedLine,
    CountAmount,
    DrawerReport,
    EmployeeLine,
    ReportKind,
)
from pos.model.takings import payment_lines, tender_name
from pos.model.takings import vat_lines as shared_vat_lines
from pos.model.tenant import Tenant

LINE_DELETE_TYPE = "Slettet linje"


@dataclass(frozen=True)
class ReportScope:
    kind: ReportKind
    report_id: str
    z_number: int | None
    tenant: Tenant
    register_id: str
    register_name: str
    lo: int
    hi: int
    report_date: str
    report_time: str
    business_date: str
    drawer_owner: bool
    grand_sales_before: int
    grand_returns_before: int


def build_report(rq: ReportQueries, scope: ReportScope) -> DrawerReport:
    p = {"t": scope.tenant.id, "r": scope.register_id, "lo": scope.lo, "hi": scope.hi}
    staff = rq.staff_names()
    groups = rq.article_group_names()
    totals = {row["kind"]: row for row in rq.receipt_totals(p)}
    sales = _count(totals.get("sale"))
    returns = _count(totals.get("return"))
    training = _count(totals.get("training"))
    returns_magnitude = CountAmount(returns.num, -returns.amount)
    rounding = sum(int(totals[k]["rounding"]) for k in ("sale", "return") if k in totals)
    lines = _LineFacts(rq.lines(p), groups)
    art_rows = lines.art_rows
    pay_rows = rq.payments(p)
    events = _tenant_events(rq.tenant_events(p))
    drawer = _drawer_events(rq, p, scope) if scope.drawer_owner else _NO_DRAWER
    vat_lines = shared_vat_lines(lines.vat_rows)
    deposits = rq.deposits(p)
    return DrawerReport(
        kind=scope.kind,
        report_id=scope.report_id,
        z_number=scope.z_number,
        tenant_id=scope.tenant.id,
        company_name=scope.tenant.name,
        org_no=scope.tenant.org_no,
        org_line=format_org_number(scope.tenant.org_no, vat_registered=scope.tenant.vat_registered),
        report_date=scope.report_date,
        report_time=scope.report_time,
        business_date=scope.business_date,
        register_id=scope.register_id,
        register_name=scope.register_name,
        from_seq=scope.lo,
        through_seq=scope.hi,
        total_cash_sales=sales.amount + returns.amount,
        rounding=rounding,
        art_groups=_art_groups(art_rows, groups),
        emp_art_groups=_per_employee(art_rows, staff, "code"),
        payments=payment_lines({**row, "means": row["kind"]} for row in pay_rows),
        emp_payments=_per_employee(pay_rows, staff, "kind"),
        vat=vat_lines,
        taxable_sales=sum(v.base + v.vat for v in vat_lines if v.taxable),
        exempt_sales=sum(v.base for v in vat_lines if not v.taxable),
        opening_float=drawer.opening_float,
        sales=sales,
        no_sale_openings=drawer.no_sale,
        copies=events.copies,
        provisional=CountAmount(),
        returns=returns_magnitude,
        discounts=CountAmount(*lines.discounts),
        voids=events.voids,
        line_corrections=events.line_deletes,
        price_inquiries=_price_inquiries(events.lookups, groups),
        other_corrections=(),
        deliveries=CountAmount(),
        training=training,
        grand_total_sales=scope.grand_sales_before + sales.amount,
        grand_total_returns=scope.grand_returns_before + returns_magnitude.amount,
        credit_sales=CountAmount(),
        credit_memos=_count(rq.credit_notes_issued(p)),
        pay_ins=drawer.pay_ins + _deposit_line(deposits["in"], "Depositum innbetalt"),
        pay_outs=drawer.pay_outs + _deposit_line(deposits["out"], "Depositum tilbakebetalt"),
        parked=CountAmount(
            drawer.parked.num + events.parked.num, drawer.parked.amount + events.parked.amount
        ),
        drawer_owner=scope.drawer_owner,
    )


def _deposit_line(count: list[int], name: str) -> tuple[CodedLine, ...]:
    num, amount = count
    return (CodedLine("DEPOSIT", name, num, amount, "11005"),) if num else ()


class _LineFacts:
    """The range's receipt lines folded once into per-group, per-VAT and discount figures."""

    def __init__(self, rows: list[tuple[Any, ...]], names: dict[str, tuple[str, str]]) -> None:
        groups: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        vat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        discounts = [0, 0]
        for kind, staff_id, group, qty, amount, vat_class, vat_amount, discount in rows:
            if kind == "training":
                continue
            groups[(staff_id, group)][0] += qty
            groups[(staff_id, group)][1] += amount
            vat[vat_class][0] += amount
            vat[vat_class][1] += vat_amount
            if kind == "sale" and discount:
                discounts[0] += 1
                discounts[1] += discount
        self.art_rows = [
            {"staff_id": s, "code": g, "num": n, "amount": a, "name": names.get(g, (g, ""))[0]}
            for (s, g), (n, a) in groups.items()
        ]
        self.vat_rows = [{"vat_class": k, "gross": g, "vat": v} for k, (g, v) in vat.items()]
        self.discounts = tuple(discounts)


def _count(row: dict[str, Any] | None) -> CountAmount:
    if not row:
        return CountAmount()
    return CountAmount(int(row["num"]), int(row.get("total", row.get("amount")) or 0))


def _art_groups(rows: list[dict[str, Any]], groups: dict[str, tuple[str, str]]) -> tuple:
    merged: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        merged[row["code"]][0] += int(row["num"])
        merged[row["code"]][1] += int(row["amount"])
    return tuple(
        CodedLine(code, groups.get(code, (code, ""))[0], num, amount, groups.get(code, ("", ""))[1])
        for code, (num, amount) in sorted(merged.items())
    )


def _per_employee(
    rows: list[dict[str, Any]], staff: dict[str, tuple[str, str]], code_field: str
) -> tuple[EmployeeLine, ...]:
    """One line per operator and code (for payments: and direction), with the code's name."""
    lines = []
    for row in rows:
        staff_no, name = staff.get(row["staff_id"], (row["staff_id"], ""))
        code = row[code_field]
        label = tender_name(code, bool(row["negative"])) if "negative" in row else row["name"]
        lines.append(EmployeeLine(staff_no, name, code, int(row["num"]), int(row["amount"]), label))
    return tuple(sorted(lines, key=lambda ln: (ln.staff_no, ln.code, ln.amount < 0)))


@dataclass
class _TenantEvents:
    copies: CountAmount
    voids: CountAmount
    line_deletes: tuple[CodedLine, ...]
    lookups: dict[str, list[int]]
    parked: CountAmount


def _tenant_events(rows: list[dict[str, Any]]) -> _TenantEvents:
    copies, voids, deletes, parked = [0, 0], [0, 0], [0, 0], [0, 0]
    lookups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        code, amount = row["event_code"], int(row["amount"] or 0)
        details = json.loads(row["details"])
        if details.get("training"):
            continue
        if (details.get("salvaged") or {}).get("counted_in_z") is not None:
            continue  # brought back by a restore, already counted on a Z of the replaced store
        target = None
        if code == EventCode.COPY_RECEIPT:
            target = copies
        elif code == EventCode.VOID:
            target = voids
        elif code == EventCode.OTHER and details.get("kind") == OtherEvent.LINE_DELETE:
            target = deletes
        elif code == EventCode.PRICE_LOOKUP:
            target = lookups[row["article_group_id"] or "UKJENT"]
        elif code == EventCode.PARK:
            target = parked
        if target is not None:
            target[0] += 1
            target[1] += amount
    line_deletes = (
        (CodedLine("LINEDELETE", LINE_DELETE_TYPE, deletes[0], deletes[1]),) if deletes[0] else ()
    )
    return _TenantEvents(
        CountAmount(*copies), CountAmount(*voids), line_deletes, dict(lookups), CountAmount(*parked)
    )


def _price_inquiries(
    lookups: dict[str, list[int]], groups: dict[str, tuple[str, str]]
) -> tuple[CodedLine, ...]:
    return tuple(
        CodedLine(code, groups.get(code, (code, ""))[0], num, amount)
        for code, (num, amount) in sorted(lookups.items())
    )


@dataclass(frozen=True)
class _DrawerEvents:
    opening_float: int
    no_sale: int
    pay_ins: tuple[CodedLine, ...]
    pay_outs: tuple[CodedLine, ...]
    parked: CountAmount


_NO_DRAWER = _DrawerEvents(0, 0, (), (), CountAmount())


def _drawer_events(rq: ReportQueries, p: dict[str, Any], scope: ReportScope) -> _DrawerEvents:
    opening: int | None = None
    no_sale = 0
    ins: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    outs: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    parked = [0, 0]
    for row in rq.register_events(p):
        code, amount = row["event_code"], int(row["amount"] or 0)
        details = json.loads(row["details"])
        kind = details.get("kind")
        if code == EventCode.DRAWER_OPEN and details.get("reason") == "no_sale":
            no_sale += 1
        elif code == EventCode.OTHER and kind == OtherEvent.TILL_OPEN and opening is None:
            opening = amount
        elif code == EventCode.OTHER and kind == OtherEvent.CASH_IN:
            _add(ins, details.get("reason", ""), amount)
        elif code == EventCode.CASH_WITHDRAWAL:
            _add(outs, details.get("reason", ""), -amount)
        elif code == EventCode.PARK:
            parked[0] += 1
            parked[1] += amount
    if opening is None:
        opening = rq.float_before(scope.register_id, scope.lo)
    return _DrawerEvents(
        opening, no_sale, _coded(ins), _coded(outs), CountAmount(parked[0], parked[1])
    )


def _add(target: dict[str, list[int]], reason: str, amount: int) -> None:
    key = reason.strip()[:35] or "Uten grunn"
    target[key][0] += 1
    target[key][1] += amount


def _coded(found: dict[str, list[int]]) -> tuple[CodedLine, ...]:
    return tuple(CodedLine(k, k, n, a) for k, (n, a) in sorted(found.items()))
