"""How a tenant's settlement is worked out from the period's facts and the tenant's terms: pure,
so the counter (its own receipts) and the central server (every register's synced receipts)
settle by the same rules. The lines' kinds are those of ``pos.model.settlement``.

- Commission = the group's rate (or the tenant's rate) × net sales incl. VAT of the group,
  rounded half up per group; 25 % VAT on the commission (rounded once on the total).
- Rent = monthly rent for each calendar month whose first day lies in the period; 25 % VAT. A
  period without a first of the month says so on its rent line instead of a bare dash.
- Received on the tenant's behalf: cash, card and Vipps on its receipts, and repair deposits
  taken less paid back (the deposit paying at pickup moves no money; neither do credit notes,
  shown for information only). Net payable = received − commission − rent − VAT on both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pos.model.payment import TenderKind
from pos.model.settlement import CENTRE_VAT_PERCENT, SettlementLine
from pos.model.takings import MONEY_MEANS
from pos.money import Ore, div_round_half_up


@dataclass(frozen=True)
class PeriodFacts:
    """A tenant's receipts of a period (training left out), summed."""

    receipt_totals: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Per receipt kind ('sale', 'return'): (number of receipts, total)."""
    received: dict[str, int] = field(default_factory=dict)
    """Per tender kind: what the sales and returns were paid with (signed)."""
    deposits: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Per tender kind: (deposit receipts, amount) of repair deposits taken less paid back."""
    net_by_group: dict[str, int] = field(default_factory=dict)
    """Per article group: net sales incl. VAT."""


@dataclass(frozen=True)
class TenantTerms:
    commission_bp: int = 0
    monthly_rent: Ore = 0
    bank_account: str = ""
    group_rates: dict[str, int] = field(default_factory=dict)
    """Commission per article group in basis points, over the tenant's rate."""


def number_text(tenant_code: str, number: int) -> str:
    return f"OPPGJ-{tenant_code}-{number:05d}"


def rent_months(date_from: str, date_to: str) -> list[str]:
    """The months ('YYYY-MM') whose first day lies in the period."""
    start, end = date.fromisoformat(date_from), date.fromisoformat(date_to)
    months = []
    year, month = start.year, start.month
    if start.day != 1:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    while date(year, month, 1) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _receipts(count: int) -> str:
    return f"{count} kvittering" if count == 1 else f"{count} kvitteringer"


def _percent(basis_points: int) -> str:
    """Bokmål: decimal comma, ``20,00 %``; integer arithmetic, never a float."""
    return f"{basis_points // 100},{basis_points % 100:02d} %"


def _vat(amount: Ore) -> Ore:
    return div_round_half_up(amount * CENTRE_VAT_PERCENT, 100)


def plan_lines(
    facts: PeriodFacts, terms: TenantTerms, start: str, end: str
) -> list[SettlementLine]:
    """The statement's lines for the period ``start``–``end`` (ISO dates)."""
    sales_num, sales = facts.receipt_totals.get("sale", (0, 0))
    returns_num, returns = facts.receipt_totals.get("return", (0, 0))
    lines = [
        SettlementLine("info:sales", f"Salg ({_receipts(sales_num)})", 0, sales),
        SettlementLine("info:returns", f"Returer ({_receipts(returns_num)})", 0, returns),
        SettlementLine("info:net_sales", "Netto salg inkl. mva", 0, sales + returns),
    ]
    for kind in MONEY_MEANS:
        lines.append(
            SettlementLine(
                f"received:{kind.value}",
                f"Mottatt {kind.label_nb}",
                0,
                facts.received.get(kind.value, 0),
            )
        )
    for kind in MONEY_MEANS:
        if kind.value in facts.deposits:
            count, amount = facts.deposits[kind.value]
            lines.append(
                SettlementLine(
                    f"deposit:{kind.value}",
                    f"Depositum for reparasjon, {kind.label_nb} ({_receipts(count)})",
                    0,
                    amount,
                )
            )
    if facts.received.get(TenderKind.CREDIT_NOTE.value):
        lines.append(
            SettlementLine(
                "info:credit_note",
                "Tilgodelapper (utstedt − innløst), ingen penger",
                0,
                facts.received[TenderKind.CREDIT_NOTE.value],
            )
        )
    commission_total = 0
    for group, net in sorted(facts.net_by_group.items()):
        bp = terms.group_rates.get(group, terms.commission_bp)
        commission = div_round_half_up(net * bp, 10_000)
        commission_total += commission
        said = (
            f"Provisjon {group} {_percent(bp)}"  # the group's own rate
            if group in terms.group_rates
            else f"Provisjon av {group}, leietakerens sats {_percent(bp)}"
        )
        lines.append(SettlementLine(f"commission:{group}", said, net, -commission))
    lines.append(
        SettlementLine(
            "commission_vat", "Mva 25 % av provisjon", commission_total, -_vat(commission_total)
        )
    )
    months = rent_months(start, end)
    rent = terms.monthly_rent * len(months)
    lines.append(SettlementLine("rent", _rent_text(months, terms.monthly_rent), 0, -rent))
    lines.append(SettlementLine("rent_vat", "Mva 25 % av husleie", rent, -_vat(rent)))
    return lines


def _rent_text(months: list[str], monthly_rent: Ore) -> str:
    """The rent line, saying why there is none: rent is charged for a month in the statement
    whose period holds the month's first day, so a later period of the month has none."""
    if months:
        return f"Husleie {', '.join(months)}"
    if not monthly_rent:
        return "Husleie: ingen avtalt"
    return "Husleie: ingen her – perioden har ingen 1. i måneden (den tas i oppgjøret som har)"
