"""Records stamped ahead by a PC clock that ran fast: only a manager declares it, only where the
last record is after the real time; the till goes on at the real time (with an offset if the PC
is still wrong), and verify-journal accepts a step back in time only at the declaration."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from pos.clock import OSLO, Stamp, SteppingClock
from pos.errors import PermissionDenied
from pos.model.basket import Basket
from pos.model.events import EventCode
from pos.model.legal_time import ClockBehind, RecordsNotAhead
from pos.model.payment import Tender, TenderKind
from pos.services import checkout, legal_time, records_ahead
from pos.services.context import TillContext
from pos.services.verification import verify_store

AHEAD = datetime(2026, 3, 3, 15, 0, tzinfo=OSLO)
REAL = datetime(2026, 3, 2, 15, 0, tzinfo=OSLO)


class Monotonic:
    def __init__(self) -> None:
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value


@pytest.fixture
def pc():
    return SteppingClock(AHEAD), Monotonic()


@pytest.fixture
def clock_of(counter, pc):
    wall, mono = pc
    return legal_time.CounterClock(counter.uow, "K1", wall, mono)


def sell(counter, cashier, clock, shelf) -> None:
    basket = Basket()
    basket.add(shelf("KAFFE-MED"))
    ctx = TillContext("K1", cashier, counter.signer(), clock)
    checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CARD, basket.total)])


def test_a_declaration_with_the_pc_still_wrong_keeps_an_offset(
    counter, cashier, manager, shelf, pc, clock_of
):
    wall, _mono = pc
    sell(counter, cashier, clock_of, shelf)  # signed a day ahead
    with pytest.raises(PermissionDenied):
        records_ahead.declare(counter.uow, clock_of, cashier, REAL)
    wall.advance(hours=-25)  # the PC set back, but an hour too far
    with pytest.raises(ClockBehind):
        clock_of.now()
    made = records_ahead.declare(counter.uow, clock_of, manager, REAL)
    assert made.offset_seconds == 3600 and made.ahead_seconds >= 24 * 3600
    assert abs(clock_of.now() - REAL) < timedelta(seconds=5)
    sell(counter, cashier, clock_of, shelf)  # the till goes on at the real time
    with pytest.raises(RecordsNotAhead):  # nothing is ahead of the real time any more
        records_ahead.declare(counter.uow, clock_of, manager, REAL + timedelta(minutes=5))
    report = verify_store(counter.uow, counter.keys.verifiers())
    assert report.ok, report.problems
    assert [d for d in report.declared if "steps back" in d] == [
        f"journal row {made.seq}: the time steps back from 03.03.2026 15:00:00 to 02.03.2026 "
        "15:00:00 (records stamped ahead, declared by manager 9001)"
    ]


def test_a_step_back_anywhere_else_is_a_fault(counter, cashier, shelf, clock_of):
    """A row dated before the one ahead of it, not a declaration (an insider's row put in with
    the store's guard bypassed): verify-journal names it."""
    sell(counter, cashier, clock_of, shelf)
    with counter.uow() as uow:
        seq = uow.store.append_journal(
            register_id="K1",
            event_code=EventCode.OTHER,
            stamp=Stamp.of(REAL),
            staff_id=None,
            details={"kind": "settings_changed"},
            declared_step_back=True,
        )
        uow.commit()
    report = verify_store(counter.uow, counter.keys.verifiers())
    assert f"journal row {seq}: the time steps back from 03.03.2026" in report.problems[0]
    assert "with no declared clock correction" in report.problems[0]


def test_the_declaration_names_the_z_taken_ahead_and_the_next_z_is_the_real_day(
    counter, cashier, manager, shelf, pc, clock_of
):
    from pos.services import reports

    wall, _mono = pc
    sell(counter, cashier, clock_of, shelf)
    boss = TillContext("K1", manager, counter.signer(), clock_of)
    assert [r.business_date for r in reports.z_reports(counter.uow, boss)][0] == "2026-03-02"
    taken = reports.z_reports(counter.uow, boss)  # the day the PC shows: really tomorrow
    assert {r.business_date for r in taken} == {"2026-03-03"}
    wall.advance(days=-1)
    made = records_ahead.declare(counter.uow, clock_of, manager, REAL)
    assert sorted(r for _t, r, _d in made.z_ahead) == sorted(r.report_id for r in taken)
    with counter.uow.read() as uow:
        row = uow.store.rows("SELECT details FROM journal ORDER BY seq DESC LIMIT 1")[0]
    assert json.loads(row["details"])["z_taken_ahead"][0]["business_date"] == "2026-03-03"
    # the café had no Z for the real day yet (its first sale was stamped ahead): it gets one
    sell(counter, cashier, clock_of, shelf)
    open_now = [(d.tenant_code, d.business_date) for d in reports.open_days(counter.uow, boss)]
    assert open_now == [("15", "2026-03-02")]
    assert [(r.report_id[:4], r.sales.num) for r in reports.z_reports(counter.uow, boss)] == [
        ("Z-15", 1)
    ]
    wall.advance(days=1)  # the day taken ahead really comes and gets its own Z
    sell(counter, cashier, clock_of, shelf)
    again = reports.z_reports(counter.uow, boss)
    assert [(r.report_id[:4], r.business_date, r.sales.num) for r in again] == [
        ("Z-15", "2026-03-03", 1)
    ]


def test_three_hours_ahead_across_midnight_the_days_own_z_stands(counter, cashier, manager, shelf):
    """The PC three hours fast in the evening: the day's Z is taken (for the right day, stamped
    after midnight) and a sale is stamped the next day; the clock is set right and declared.
    Nothing is due again today; the next day's Z takes what was stamped ahead and what was sold
    since."""
    from pos.day_end_errors import ZReportAlreadyTaken
    from pos.services import reports

    wall = SteppingClock(datetime(2026, 3, 2, 23, 30, tzinfo=OSLO))  # really 20:30
    clock = legal_time.CounterClock(counter.uow, "K1", wall, Monotonic())
    boss = TillContext("K1", manager, counter.signer(), clock)
    sell(counter, cashier, clock, shelf)
    wall.advance(minutes=15)
    assert {r.business_date for r in reports.z_reports(counter.uow, boss)} == {"2026-03-02"}
    wall.advance(minutes=30)  # 00:15 the next day on the PC
    sell(counter, cashier, clock, shelf)
    wall.advance(hours=-3)  # set right: 21:15
    made = records_ahead.declare(counter.uow, clock, manager, wall.current)
    assert made.z_ahead == ()  # the day's Z was for the right day
    sell(counter, cashier, clock, shelf)
    assert reports.open_days(counter.uow, boss) == []
    with pytest.raises(ZReportAlreadyTaken):
        reports.z_reports(counter.uow, boss)
    wall.advance(hours=12)  # the next morning
    sell(counter, cashier, clock, shelf)
    due = [(d.tenant_code, d.business_date) for d in reports.open_days(counter.uow, boss)]
    assert due == [("15", "2026-03-03")]
    (cafe,) = reports.z_reports(counter.uow, boss)
    assert (cafe.business_date, cafe.sales.num) == ("2026-03-03", 3)
