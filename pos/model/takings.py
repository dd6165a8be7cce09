"""A tenant's takings over a set of receipts, by the rules of the X/Z report: the figures the
counter prints and the central server's back office shows, from the same functions.

Rules (as ``pos.services.report_builder``):
- Sales and returns count; training receipts count only as training; repair deposits are not
  sales (money held for the tenant) and are shown apart.
- Discounts: the sale lines with a discount, and their discount amounts.
- VAT per class from the lines of sales and returns, in the order of ``VatClass``; the base is
  gross minus the VAT the counter put on each line (nothing is worked out again).
- Payment means from the payments of sales and returns: money in and money out (refunds) on
  lines of their own, never netted, in the order of ``TenderKind``.
- Money received for a tenant is cash, card and Vipps (``MONEY_MEANS``); a credit note or a
  repair deposit paying at pickup moves no new money (the deposit was received when taken).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pos.model.payment import TenderKind
from pos.model.reports import CodedLine, CountAmount, VatLine
from pos.money import Ore
from pos.vat import VatClass

COUNTED_KINDS = ("sale", "return")
"""Receipt kinds that are takings (and carry VAT and payment means)."""

MONEY_OUT_NAMES = {
    TenderKind.CASH: "Kontant tilbakebetalt",
    TenderKind.CARD: "Bankkort tilbakeført",
    TenderKind.VIPPS: "Vipps tilbakeført",
    TenderKind.CREDIT_NOTE: "Tilgodelapp utstedt",
    TenderKind.DEPOSIT: "Depositum tilbakeført",
}
MONEY_IN_NAMES = {TenderKind.CREDIT_NOTE: "Tilgodelapp innløst"}
MONEY_MEANS = (TenderKind.CASH, TenderKind.CARD, TenderKind.VIPPS)
"""The payment means that bring money in (or pay it out): the others are vouchers."""


def money_received(payments: Iterable[CodedLine]) -> Ore:
    """Cash, card and Vipps over payment lines (``payment_lines``), refunds taken off."""
    means = {kind.value for kind in MONEY_MEANS}
    return sum(p.amount for p in payments if p.code in means)


def tender_name(kind: str, negative: bool) -> str:
    """The Norwegian name of a payment means, money in or money out."""
    try:
        tender = TenderKind(kind)
    except ValueError:
        return kind
    if negative:
        return MONEY_OUT_NAMES[tender]
    return MONEY_IN_NAMES.get(tender, tender.label_nb)


def vat_lines(rows: Iterable[Mapping[str, Any]]) -> tuple[VatLine, ...]:
    """One line per VAT class (all of them, zero where unused) from rows of
    ``vat_class``, ``gross`` and ``vat`` (several rows of a class add up)."""
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        found[str(row["vat_class"])][0] += int(row["gross"])
        found[str(row["vat_class"])][1] += int(row["vat"])
    lines = []
    for vat_class in VatClass:
        gross, vat = found.get(vat_class.key, [0, 0])
        lines.append(
            VatLine(
                vat_class.key,
                vat_class.percent,
                vat_class.saft_code,
                vat_class.label_nb,
                gross - vat,
                vat,
                vat_class.taxable,
            )
        )
    return tuple(lines)


def _payment_order(key: tuple[str, bool]) -> tuple[int, bool]:
    order = [k.value for k in TenderKind]
    return (order.index(key[0]) if key[0] in order else len(order), key[1])


def payment_lines(rows: Iterable[Mapping[str, Any]]) -> tuple[CodedLine, ...]:
    """Payment means from rows of ``means``, ``negative``, ``num`` and ``amount``."""
    merged: dict[tuple[str, bool], list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        key = (str(row["means"]), bool(row["negative"]))
        merged[key][0] += int(row["num"])
        merged[key][1] += int(row["amount"])
    lines = []
    for key in sorted(merged, key=_payment_order):
        num, amount = merged[key]
        saft = TenderKind(key[0]).saft_code if key[0] in TenderKind._value2member_map_ else ""
        lines.append(CodedLine(key[0], tender_name(*key), num, amount, saft))
    return tuple(lines)


@dataclass(frozen=True)
class Takings:
    """What a tenant took over some receipts (all amounts øre, VAT included unless named)."""

    sales: CountAmount
    returns: CountAmount
    """Returns as a positive magnitude, as on the Z report (p)."""
    discounts: CountAmount
    training: CountAmount
    deposits: CountAmount
    rounding: Ore
    net_ex_vat: Ore
    vat: tuple[VatLine, ...]
    payments: tuple[CodedLine, ...]
    deposit_payments: tuple[CodedLine, ...] = ()
    """Repair deposits taken (less paid back) per payment means: money the centre received
    and holds for the tenant, not takings (the day end's deposit lines)."""

    @property
    def net(self) -> Ore:
        """Sales less returns, every payment means: the Z report's total (e)."""
        return self.sales.amount - self.returns.amount

    @property
    def vat_total(self) -> Ore:
        return sum(v.vat for v in self.vat)

    @property
    def payments_total(self) -> Ore:
        return sum(p.amount for p in self.payments)

    @property
    def used_vat(self) -> tuple[VatLine, ...]:
        return tuple(v for v in self.vat if v.base or v.vat)


def _count(rows: list[Mapping[str, Any]], field: str = "amount") -> CountAmount:
    return CountAmount(sum(int(r["num"]) for r in rows), sum(int(r[field]) for r in rows))


def fold_takings(
    days: Iterable[Mapping[str, Any]],
    vat: Iterable[Mapping[str, Any]],
    payments: Iterable[Mapping[str, Any]],
) -> Takings:
    """Takings from per-kind totals (``kind``, ``num``, ``amount``, ``ex_vat``, ``rounding``,
    ``discount_num``, ``discount_amount``), VAT rows and payment rows, each with ``kind``."""
    payments = list(payments)  # read twice: takings, then deposits
    by_kind: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for row in days:
        by_kind[str(row["kind"])].append(row)
    sales, returns = _count(by_kind["sale"]), _count(by_kind["return"])
    sale_rows = by_kind["sale"]
    counted = by_kind["sale"] + by_kind["return"]
    return Takings(
        sales=sales,
        returns=CountAmount(returns.num, -returns.amount),
        discounts=CountAmount(
            sum(int(r["discount_num"]) for r in sale_rows),
            sum(int(r["discount_amount"]) for r in sale_rows),
        ),
        training=_count(by_kind["training"]),
        deposits=_count(by_kind["deposit"]),
        rounding=sum(int(r["rounding"]) for r in counted),
        net_ex_vat=sum(int(r["ex_vat"]) for r in counted),
        vat=vat_lines(r for r in vat if r["kind"] in COUNTED_KINDS),
        payments=payment_lines(r for r in payments if r["kind"] in COUNTED_KINDS),
        deposit_payments=payment_lines(r for r in payments if r["kind"] == "deposit"),
    )
