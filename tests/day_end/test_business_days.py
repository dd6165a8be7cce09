"""Business days of Z reports: explicit, never in the future, a Z after midnight closes the day
still open, and every day with use gets its own Z (a missing one is listed and taken for its own
day)."""

from __future__ import annotations

from datetime import datetime

import pytest

from pos.clock import OSLO
from pos.day_end_errors import ZReportInFuture, ZReportMissing
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import checkout, reports
from pos.services.context import TillContext

KAFE = "Kafé Kvisten SA"


def at(clock, text: str) -> None:
    clock.current = datetime.fromisoformat(text).replace(tzinfo=OSLO)


def coffee(counter, ctx, shelf, cups: int = 1) -> None:
    basket = Basket()
    basket.add(shelf("KAFFE-MED"), cups)
    checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CARD, 3200 * cups)])


@pytest.fixture
def mgr(counter, manager, clock):
    return TillContext("K1", manager, counter.signer(), clock)


def kafe(made):
    return next(r for r in made if r.company_name == KAFE)


def test_a_z_after_midnight_belongs_to_the_business_day_still_open(counter, ctx, mgr, shelf, clock):
    coffee(counter, ctx, shelf, 2)
    at(clock, "2026-03-03T00:05")
    coffee(counter, ctx, shelf, 1)  # after midnight: the new day's
    at(clock, "2026-03-03T00:10")
    made = reports.z_reports(counter.uow, mgr)
    assert {r.business_date for r in made} == {"2026-03-02"}
    assert kafe(made).sales.amount == 6400 and kafe(made).report_date == "2026-03-03"
    assert [(d.business_date, d.overdue) for d in reports.open_days(counter.uow, mgr)] == [
        ("2026-03-03", False)
    ]
    at(clock, "2026-03-03T21:00")
    (night,) = reports.z_reports(counter.uow, mgr)
    assert (night.business_date, night.sales.amount) == ("2026-03-03", 3200)


def test_a_z_for_a_day_still_to_come_is_refused_and_blocks_nothing(counter, ctx, mgr, shelf, clock):
    coffee(counter, ctx, shelf)
    at(clock, "2026-03-02T20:00")
    with pytest.raises(ZReportInFuture) as refused:
        reports.z_reports(counter.uow, mgr, "2027-06-30")
    assert "2027-06-30" in refused.value.message("nb")
    made = reports.z_reports(counter.uow, mgr, "2026-03-02")
    assert kafe(made).business_date == "2026-03-02"


def test_skipped_days_each_get_their_own_z_and_the_missing_ones_are_listed(
    counter, ctx, mgr, shelf, clock
):
    coffee(counter, ctx, shelf, 1)
    at(clock, "2026-03-03T11:00")
    coffee(counter, ctx, shelf, 2)
    at(clock, "2026-03-04T12:00")
    coffee(counter, ctx, shelf, 3)
    at(clock, "2026-03-04T20:00")
    listed = [
        (d.business_date, d.overdue)
        for d in reports.open_days(counter.uow, mgr)
        if d.tenant_name == KAFE
    ]
    assert listed == [("2026-03-02", True), ("2026-03-03", True), ("2026-03-04", False)]
    with pytest.raises(ZReportMissing) as refused:
        reports.z_reports(counter.uow, mgr, "2026-03-03")
    assert "2026-03-02" in refused.value.message("nb")
    first = reports.z_reports(counter.uow, mgr)  # the day still open: the oldest
    second = reports.z_reports(counter.uow, mgr, "2026-03-03")  # a missing one, for its own day
    third = reports.z_reports(counter.uow, mgr)
    days = [
        (kafe(z).business_date, kafe(z).sales.num, kafe(z).sales.amount)
        for z in (first, second, third)
    ]
    assert days == [("2026-03-02", 1, 3200), ("2026-03-03", 1, 6400), ("2026-03-04", 1, 9600)]
    assert [kafe(z).z_number for z in (first, second, third)] == [1, 2, 3]
    assert reports.open_days(counter.uow, mgr) == []
