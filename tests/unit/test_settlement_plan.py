"""The settlement's money rules as pure code: the counter and the central server work a
statement out by these same rules from the period's facts and the tenant's terms."""

from __future__ import annotations

from pos.model.settlement import SettlementDoc, registers_text
from pos.model.settlement_plan import PeriodFacts, TenantTerms, plan_lines

FACTS = PeriodFacts(
    receipt_totals={"sale": (4, 239_000), "return": (1, -10_000)},
    received={"cash": 100_000, "card": 129_000, "credit_note": -5_000},
    deposits={"vipps": (1, 30_000)},
    net_by_group={"KLAER": 99_950, "DIVERSE": 129_050},
)
TERMS = TenantTerms(
    commission_bp=2000, monthly_rent=100_000, bank_account="", group_rates={"KLAER": 1250}
)


def _amounts(lines):
    return {line.kind: line.amount for line in lines}


def test_commission_per_group_rent_and_vat_rounded_half_up():
    lines = plan_lines(FACTS, TERMS, "2026-12-01", "2026-12-31")
    got = _amounts(lines)
    assert got["commission:KLAER"] == -12_494  # 99 950 × 12,5 % = 12 493,75 → 12 494
    assert got["commission:DIVERSE"] == -25_810  # the tenant's own 20 %
    assert got["commission_vat"] == -9_576  # 25 % of 38 304, rounded once on the total
    assert got["rent"] == -100_000 and got["rent_vat"] == -25_000
    assert got["received:cash"] == 100_000 and got["received:vipps"] == 0
    assert got["deposit:vipps"] == 30_000 and got["info:credit_note"] == -5_000
    descriptions = [line.description for line in lines]
    assert "Provisjon KLAER 12,50 %" in descriptions and "Salg (4 kvitteringer)" in descriptions
    net = sum(line.amount for line in lines if line.counts)
    assert net == 100_000 + 129_000 + 30_000 - 12_494 - 25_810 - 9_576 - 125_000


def test_a_period_without_a_first_of_the_month_has_no_rent_and_says_why():
    lines = plan_lines(FACTS, TERMS, "2026-12-02", "2026-12-31")
    got = _amounts(lines)
    assert got["rent"] == 0 and got["rent_vat"] == 0
    (rent,) = [line.description for line in lines if line.kind == "rent"]
    assert "–" in rent and "ingen 1. i måneden" in rent and rent != "Husleie –"
    (none,) = [ln.description for ln in plan_lines(FACTS, TenantTerms(), "2026-12-02",
                                                   "2026-12-31") if ln.kind == "rent"]  # fmt: skip
    assert none == "Husleie: ingen avtalt"


def test_a_flat_rate_is_said_as_the_tenants_not_as_the_groups():
    descriptions = [line.description for line in plan_lines(FACTS, TERMS, "2026-12-01",
                                                             "2026-12-31")]  # fmt: skip
    assert "Provisjon KLAER 12,50 %" in descriptions  # the group's own rate
    assert "Provisjon av DIVERSE, leietakerens sats 20,00 %" in descriptions


def test_no_facts_no_terms_settles_nothing():
    lines = plan_lines(PeriodFacts(), TenantTerms(), "2026-12-01", "2026-12-07")
    assert sum(line.amount for line in lines if line.counts) == 0


def test_the_statement_says_which_registers_it_covers():
    head = ("id", 1, "OPPGJ-10-00001", "t", "T", "921100116", "", "2026-12-01", "2026-12-07")
    doc = SettlementDoc(*head, "2026-12-08", "", (), registers="K1, K2", centre_wide=True)
    assert registers_text(doc) == "Kasser: K1, K2 (alle kassene i senteret)"
    older = SettlementDoc(*head, "2026-12-08", "", ())
    assert registers_text(older) == ""
