"""X and Z reports as documents (kassasystemforskrifta § 2-8-2 and § 2-8-3), one per tenant and
register: every content letter a–z and (2), independent of paper, PDF or SAF-T.

Field comments name the letter of § 2-8-2 (1) they carry. Amounts are øre; counts are integers.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any

from pos.money import Ore


class ReportKind(StrEnum):
    X = "X"
    Z = "Z"

    @property
    def heading(self) -> str:
        return f"{self.value}-rapport"

    @property
    def saft_type(self) -> str:
        return f"{self.value} report"


@dataclass(frozen=True)
class CountAmount:
    num: int = 0
    amount: Ore = 0


@dataclass(frozen=True)
class CodedLine:
    """A counted line with our own code (article group, payment means, correction type...)."""

    code: str
    name: str
    num: int
    amount: Ore
    saft_code: str = ""
    """The predefined SAF-T code the own code maps to, where one exists."""


@dataclass(frozen=True)
class EmployeeLine:
    staff_no: str
    staff_name: str
    code: str
    num: int
    amount: Ore
    name: str = ""
    """What the code means, in Norwegian (tender or article group name)."""


@dataclass(frozen=True)
class VatLine:
    vat_class: str
    """Our VAT class key (``pos.vat.VatClass``), also the SAF-T ``vatCode``."""
    percent: int
    standard_code: str
    label: str
    base: Ore
    vat: Ore
    taxable: bool


@dataclass(frozen=True)
class DrawerReport:
    """The content of one X or Z report of one tenant on one register."""

    kind: ReportKind  # a: "X-rapport" / "Z-rapport"
    report_id: str
    z_number: int | None
    tenant_id: str
    company_name: str  # b
    org_no: str  # b
    org_line: str
    report_date: str  # c
    report_time: str  # c
    business_date: str
    register_id: str  # d
    register_name: str
    from_seq: int
    through_seq: int
    total_cash_sales: Ore  # e: net of sales and returns, all payment means
    rounding: Ore
    art_groups: tuple[CodedLine, ...]  # f
    emp_art_groups: tuple[EmployeeLine, ...]  # f per operator
    payments: tuple[CodedLine, ...]  # g
    emp_payments: tuple[EmployeeLine, ...]  # h
    vat: tuple[VatLine, ...]  # j
    taxable_sales: Ore  # j
    exempt_sales: Ore  # j
    opening_float: Ore  # k
    sales: CountAmount  # l (number of sales receipts) with their amount
    no_sale_openings: int  # m
    copies: CountAmount  # n
    provisional: CountAmount  # o
    returns: CountAmount  # p (amount as a positive magnitude)
    discounts: CountAmount  # q
    voids: CountAmount  # r
    line_corrections: tuple[CodedLine, ...]  # s
    price_inquiries: tuple[CodedLine, ...]  # t
    other_corrections: tuple[CodedLine, ...]  # u
    deliveries: CountAmount  # v
    training: CountAmount  # w
    grand_total_sales: Ore  # x
    grand_total_returns: Ore  # y
    credit_sales: CountAmount  # (2)
    credit_memos: CountAmount  # (2) credit notes issued
    pay_ins: tuple[CodedLine, ...]  # (2)
    pay_outs: tuple[CodedLine, ...]  # (2)
    parked: CountAmount  # parked baskets (13010), shown for information
    drawer_owner: bool
    """Whether this tenant owns the shared drawer (float, no-sale openings, pay-ins/outs)."""

    @property
    def heading(self) -> str:
        return self.kind.heading

    @property
    def grand_total_net(self) -> Ore:  # z
        return self.grand_total_sales - self.grand_total_returns

    @property
    def payments_total(self) -> Ore:
        return sum(p.amount for p in self.payments)

    @property
    def empty(self) -> bool:
        return not (
            self.sales.num or self.returns.num or self.training.num or self.copies.num
        ) and not (self.voids.num or self.price_inquiries or self.line_corrections)

    def to_content(self) -> dict[str, Any]:
        """Plain data for the journal row (the report journaled in full) and the z_reports row."""
        data: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, tuple):
                value = [dict(vars(item)) for item in value]
            elif isinstance(value, CountAmount):
                value = dict(vars(value))
            elif isinstance(value, ReportKind):
                value = value.value
            data[f.name] = value
        return data

    @staticmethod
    def from_content(data: dict[str, Any]) -> DrawerReport:
        values: dict[str, Any] = {}
        for f in fields(DrawerReport):
            raw = data[f.name]
            if f.name == "kind":
                values[f.name] = ReportKind(raw)
            elif isinstance(raw, dict):
                values[f.name] = CountAmount(**raw)
            elif isinstance(raw, list):
                values[f.name] = tuple(_line(item) for item in raw)
            else:
                values[f.name] = raw
        return DrawerReport(**values)


def _line(item: dict[str, Any]) -> CodedLine | EmployeeLine | VatLine:
    if "staff_no" in item:
        return EmployeeLine(**item)
    if "vat_class" in item:
        return VatLine(**item)
    return CodedLine(**item)
