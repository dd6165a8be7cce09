"""Every Z adds up: per article group, per VAT rate, per payment means, per operator, per tenant
against the raw facts, and grand totals carried from Z to Z, over simulated days."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos.clock import OSLO, SteppingClock
from pos.counter import open_counter
from pos.demo.centre import seed_demo
from pos.model.reports import DrawerReport
from pos.services import reports
from tests.day_end.helpers import Days, db_rows, evening, manager_ctx, next_day

FIRST_DAY = datetime(2026, 3, 2, 10, tzinfo=OSLO)


def check_one_report(report: DrawerReport) -> None:
    total = report.total_cash_sales
    assert sum(g.amount for g in report.art_groups) == total
    assert sum(e.amount for e in report.emp_art_groups) == total
    assert report.payments_total == total + report.rounding
    assert sum(e.amount for e in report.emp_payments) == report.payments_total
    assert sum(v.base + v.vat for v in report.vat) == total
    assert report.taxable_sales + report.exempt_sales == total
    assert report.sales.amount - report.returns.amount == total
    assert report.grand_total_net == report.grand_total_sales - report.grand_total_returns


def check_day_against_facts(counter, day: str, made: list[DrawerReport]) -> None:
    """The tenants' Z reports of a day together hold exactly the day's recorded facts."""
    by_kind: dict[str, int] = defaultdict(int)
    for report in made:
        for payment in report.payments:
            by_kind[payment.code] += payment.amount
    tenders = db_rows(
        counter,
        "SELECT t.kind, SUM(t.amount) FROM tenders t JOIN sales s ON s.id = t.sale_id "
        "WHERE s.local_date = ? AND s.training = 0 AND s.kind != 'deposit' GROUP BY t.kind",
        (day,),
    )
    assert dict(by_kind) == {kind: amount for kind, amount in tenders if amount or kind in by_kind}
    receipts = db_rows(
        counter,
        "SELECT kind, COUNT(*), SUM(total) FROM receipts WHERE local_date = ? GROUP BY kind",
        (day,),
    )
    facts = {kind: (num, amount) for kind, num, amount in receipts}
    assert sum(r.sales.num for r in made) == facts.get("sale", (0, 0))[0]
    assert sum(r.sales.amount for r in made) == (facts.get("sale", (0, 0))[1] or 0)
    assert sum(r.returns.amount for r in made) == -(facts.get("return", (0, 0))[1] or 0)
    assert sum(r.training.num for r in made) == facts.get("training", (0, 0))[0]
    deposits_in = sum(p.amount for r in made for p in r.pay_ins if p.code == "DEPOSIT")
    deposits_out = sum(p.amount for r in made for p in r.pay_outs if p.code == "DEPOSIT")
    (taken,) = db_rows(
        counter,
        "SELECT COALESCE(SUM(CASE WHEN r.total > 0 THEN r.total + r.rounding END), 0), "
        "COALESCE(-SUM(CASE WHEN r.total < 0 THEN r.total + r.rounding END), 0) "
        "FROM receipts r JOIN sales s ON s.id = r.sale_id "
        "WHERE r.kind = 'deposit' AND s.local_date = ?",
        (day,),
    )
    assert (deposits_in, deposits_out) == tuple(taken)


@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    seed=st.integers(min_value=1, max_value=10_000),
    days=st.integers(min_value=1, max_value=3),
    sales=st.integers(min_value=5, max_value=25),
)
def test_every_z_adds_up_over_simulated_days(tmp_path_factory, seed, days, sales):
    with open_counter(tmp_path_factory.mktemp("data")) as counter:
        seed_demo(counter.uow, counter.signer(), clock=SteppingClock(FIRST_DAY))
        previous: dict[str, DrawerReport] = {}
        day = FIRST_DAY
        simulated = Days(counter, FIRST_DAY, seed)
        for _ in range(days):
            simulated.run(day, sales)
            ctx = manager_ctx(counter, evening(day))
            made = reports.z_reports(counter.uow, ctx)
            assert made, "a day with sales has Z reports"
            for report in made:
                check_one_report(report)
                before = previous.get(report.tenant_id)
                assert report.z_number == (before.z_number + 1 if before else 1)  # type: ignore[operator]
                sales_before = before.grand_total_sales if before else 0
                returns_before = before.grand_total_returns if before else 0
                assert report.grand_total_sales == sales_before + report.sales.amount
                assert report.grand_total_returns == returns_before + report.returns.amount
                previous[report.tenant_id] = report
            check_day_against_facts(counter, day.strftime("%Y-%m-%d"), made)
            day = next_day(day)
