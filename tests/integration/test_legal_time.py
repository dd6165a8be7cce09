"""Time only moves forward in the legal record: a clock behind is refused before anything is
written, a manager's confirmed time is journaled with both times and used until the PC's clock
is right again."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from pos.clock import OSLO, SteppingClock
from pos.errors import PermissionDenied
from pos.model.basket import Basket
from pos.model.legal_time import ClockBehind, ClockUnconfirmed, TimeBeforeRecord
from pos.model.payment import Tender, TenderKind
from pos.services import checkout, legal_time, reports
from pos.services.context import TillContext
from tests.integration.helpers import row_counts


class Monotonic:
    """The machine's monotonic clock: runs on whatever the wall clock says."""

    def __init__(self) -> None:
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value


def coffee(shelf) -> Basket:
    basket = Basket()
    basket.add(shelf("KAFFE-MED"))
    return basket


@pytest.fixture
def pc():
    """The PC's wall clock (which can be set wrong) and its monotonic clock."""
    return SteppingClock(datetime(2026, 3, 2, 16, 0, tzinfo=OSLO)), Monotonic()


@pytest.fixture
def till_ctx(counter, cashier, pc):
    wall, mono = pc
    return TillContext(
        "K1", cashier, counter.signer(), legal_time.CounterClock(counter.uow, "K1", wall, mono)
    )


def last_journal(counter) -> dict:
    with counter.uow.read() as uow:
        row = uow.store.rows("SELECT * FROM journal ORDER BY seq DESC LIMIT 1")[0]
    return dict(row, details=json.loads(row["details"]))


def test_a_sale_with_the_clock_a_day_behind_is_refused_and_writes_nothing(
    counter, till_ctx, shelf, pc
):
    wall, _ = pc
    checkout.complete_sale(counter.uow, till_ctx, coffee(shelf), [Tender(TenderKind.CASH, 4000)])
    wall.advance(days=-1)
    before = row_counts(counter)
    with pytest.raises(ClockBehind) as refused:
        checkout.complete_sale(
            counter.uow, till_ctx, coffee(shelf), [Tender(TenderKind.CASH, 4000)]
        )
    assert row_counts(counter) == before
    assert "01.03.2026 16:00:00" in refused.value.message("nb")  # what the PC says
    assert "02.03.2026 16:00:00" in refused.value.message("nb")  # the last record


def test_any_clock_behind_the_journal_is_refused_by_the_store_itself(counter, cashier, shelf):
    behind = TillContext(
        "K1", cashier, counter.signer(), SteppingClock(datetime(2026, 3, 1, 9, 0, tzinfo=OSLO))
    )
    with pytest.raises(ClockBehind):
        checkout.complete_sale(counter.uow, behind, coffee(shelf), [Tender(TenderKind.CARD, 3200)])


def test_a_clock_a_minute_behind_records_at_the_last_records_time(counter, till_ctx, shelf, pc):
    wall, _ = pc
    first = checkout.complete_sale(
        counter.uow, till_ctx, coffee(shelf), [Tender(TenderKind.CARD, 3200)]
    )
    wall.advance(seconds=-50)
    second = checkout.complete_sale(
        counter.uow, till_ctx, coffee(shelf), [Tender(TenderKind.CARD, 3200)]
    )
    with counter.uow.read() as uow:
        times = [
            uow.queries.receipt(r.receipt_id)["local_time"]
            for r in (first, second)
            for r in r.receipts
        ]
    assert times == ["16:00:00", "16:00:00"]


def test_a_manager_confirms_the_time_journaled_with_both_times_and_sales_go_on(
    counter, till_ctx, manager, shelf, pc
):
    wall, mono = pc
    checkout.complete_sale(counter.uow, till_ctx, coffee(shelf), [Tender(TenderKind.CARD, 3200)])
    wall.current = datetime(2026, 3, 2, 9, 0, tzinfo=OSLO)  # set back: morning of the same day
    mono.value += 60
    clock = till_ctx.clock
    assert isinstance(clock, legal_time.CounterClock)
    state = legal_time.clock_state(counter.uow, clock)
    assert not state.ok and isinstance(state.problem, ClockBehind)
    real = datetime(2026, 3, 2, 16, 1, tzinfo=OSLO)
    offset = legal_time.confirm_time(counter.uow, clock, manager, real)
    assert offset == 7 * 3600 + 60
    row = last_journal(counter)
    assert row["event_code"] == 13999 and row["details"]["kind"] == "clock_confirmed"
    assert row["details"]["system_time"] == "2026-03-02T08:00:00.000Z"
    assert row["details"]["confirmed_time"] == "2026-03-02T15:01:00.000Z"
    assert row["staff_id"] == manager.staff_id
    wall.advance(minutes=10)
    mono.value += 600
    sale = checkout.complete_sale(
        counter.uow, till_ctx, coffee(shelf), [Tender(TenderKind.CARD, 3200)]
    )
    with counter.uow.read() as uow:
        receipt = uow.queries.receipt(sale.receipts[0].receipt_id)
    assert (receipt["local_date"], receipt["local_time"]) == ("2026-03-02", "16:11:00")
    assert legal_time.clock_state(counter.uow, clock).offset_seconds == offset


def test_the_offset_ends_journaled_when_the_pc_clock_is_right_again(
    counter, till_ctx, manager, shelf, pc
):
    wall, mono = pc
    checkout.complete_sale(counter.uow, till_ctx, coffee(shelf), [Tender(TenderKind.CARD, 3200)])
    wall.advance(days=-1)
    legal_time.confirm_time(
        counter.uow, till_ctx.clock, manager, datetime(2026, 3, 2, 16, 0, tzinfo=OSLO)
    )
    wall.current = datetime(2026, 3, 2, 16, 30, tzinfo=OSLO)  # someone set the PC's clock right
    mono.value += 1800
    state = legal_time.clock_state(counter.uow, till_ctx.clock)
    assert state.ok and state.offset_seconds is None
    assert last_journal(counter)["details"]["kind"] == "clock_offset_ended"
    sale = checkout.complete_sale(
        counter.uow, till_ctx, coffee(shelf), [Tender(TenderKind.CARD, 3200)]
    )
    with counter.uow.read() as uow:
        assert uow.queries.receipt(sale.receipts[0].receipt_id)["local_time"] == "16:30:00"


def test_after_a_restart_the_time_must_be_confirmed_again(counter, till_ctx, manager, shelf, pc):
    wall, mono = pc
    checkout.complete_sale(counter.uow, till_ctx, coffee(shelf), [Tender(TenderKind.CARD, 3200)])
    wall.advance(days=-1)
    legal_time.confirm_time(
        counter.uow, till_ctx.clock, manager, datetime(2026, 3, 2, 16, 5, tzinfo=OSLO)
    )
    mono.value = 12.0  # the machine restarted: the monotonic clock began again
    with pytest.raises(ClockUnconfirmed):
        checkout.complete_sale(
            counter.uow, till_ctx, coffee(shelf), [Tender(TenderKind.CARD, 3200)]
        )


def test_a_confirmed_time_before_the_last_record_keeps_the_till_refused(
    counter, till_ctx, manager, cashier, shelf, pc
):
    wall, _ = pc
    checkout.complete_sale(counter.uow, till_ctx, coffee(shelf), [Tender(TenderKind.CARD, 3200)])
    wall.advance(days=-1)
    before = row_counts(counter)
    with pytest.raises(TimeBeforeRecord):
        legal_time.confirm_time(
            counter.uow, till_ctx.clock, manager, datetime(2026, 3, 1, 16, 0, tzinfo=OSLO)
        )
    with pytest.raises(PermissionDenied):
        legal_time.confirm_time(
            counter.uow, till_ctx.clock, cashier, datetime(2026, 3, 2, 17, 0, tzinfo=OSLO)
        )
    assert row_counts(counter) == before
    assert not legal_time.clock_state(counter.uow, till_ctx.clock).ok


def test_a_z_report_with_the_clock_behind_is_refused(counter, till_ctx, manager, shelf, pc):
    wall, mono = pc
    checkout.complete_sale(counter.uow, till_ctx, coffee(shelf), [Tender(TenderKind.CARD, 3200)])
    wall.advance(days=-1)
    boss = TillContext("K1", manager, counter.signer(), till_ctx.clock)
    with pytest.raises(ClockBehind):
        reports.z_reports(counter.uow, boss)
    legal_time.confirm_time(
        counter.uow, till_ctx.clock, manager, datetime(2026, 3, 2, 19, 0, tzinfo=OSLO)
    )
    (made, *_rest) = reports.z_reports(counter.uow, boss)
    assert made.business_date == "2026-03-02" and made.report_time == "19:00:00"
