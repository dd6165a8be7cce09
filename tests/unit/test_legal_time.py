"""The legal record's time rule: never before the last record, never a silently wrong time."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.model.legal_time import (
    SLACK,
    TOLERANCE,
    ClockBehind,
    ClockUnconfirmed,
    Confirmation,
    Reading,
    RecordsNotAhead,
    TimeBeforeRecord,
    confirm,
    declare_ahead,
    record_time,
)

LAST = datetime(2026, 6, 1, 16, 59, tzinfo=UTC)
DAY = timedelta(days=1)


def test_a_clock_at_or_after_the_last_record_is_used_as_it_is():
    now = LAST + timedelta(hours=15)
    assert record_time(Reading(now, 100.0), LAST, None).moment == now
    assert record_time(Reading(now, 100.0), None, None).moment == now


def test_a_clock_a_little_behind_records_at_the_last_records_time_never_before():
    reading = Reading(LAST - timedelta(seconds=40), 100.0)
    assert record_time(reading, LAST, None).moment == LAST


def test_a_clock_a_day_behind_is_refused_with_both_times():
    with pytest.raises(ClockBehind) as refused:
        record_time(Reading(LAST - DAY, 100.0), LAST, None)
    text = refused.value.message("nb")
    assert "31.05.2026 18:59:00" in text and "01.06.2026 18:59:00" in text  # Oslo time


def test_a_confirmed_time_keeps_an_offset_while_the_system_clock_runs_on():
    system = LAST - DAY + timedelta(hours=15)
    real = LAST + timedelta(hours=15)
    made = confirm(Reading(system, 1000.0), real, LAST)
    assert made is not None and made.offset == DAY
    later = record_time(Reading(system + timedelta(hours=2), 1000.0 + 7200), LAST, made)
    assert later.moment == real + timedelta(hours=2) and later.offset == DAY


def test_the_offset_ends_when_the_system_clock_is_right_again():
    system, real = LAST - DAY, LAST + timedelta(minutes=5)
    made = confirm(Reading(system, 50.0), real, LAST)
    fixed = record_time(Reading(real + timedelta(minutes=10), 650.0), LAST, made)
    assert fixed.offset_ended and fixed.offset is None
    assert fixed.moment == real + timedelta(minutes=10)


def test_a_clock_changed_again_or_a_restart_asks_for_the_time_again():
    made = confirm(Reading(LAST - DAY, 5000.0), LAST + timedelta(minutes=1), LAST)
    with pytest.raises(ClockUnconfirmed):  # set three hours wrong in another way
        record_time(Reading(LAST - timedelta(hours=3), 5060.0), LAST, made)
    with pytest.raises(ClockUnconfirmed):  # restarted: the monotonic clock began again
        record_time(Reading(LAST - DAY + timedelta(minutes=5), 30.0), LAST, made)


def test_a_confirmed_time_before_the_last_record_is_refused_and_the_till_stays_closed():
    with pytest.raises(TimeBeforeRecord):
        confirm(Reading(LAST - DAY, 1.0), LAST - timedelta(hours=1), LAST)


def test_a_right_system_clock_needs_no_offset_and_survives_the_store():
    assert (
        confirm(Reading(LAST + timedelta(seconds=30), 1.0), LAST + timedelta(minutes=1), LAST)
        is None
    )
    made = confirm(Reading(LAST - DAY, 12.5), LAST + timedelta(minutes=1), LAST)
    assert made is not None
    assert Confirmation.from_json(made.to_json()) == made
    assert Confirmation.from_json("") is None


@given(
    st.integers(-3 * 86400, 3 * 86400),
    st.integers(0, 10 * 86400),
    st.booleans(),
)
def test_no_record_is_ever_dated_before_the_last_one(system_shift, elapsed, confirmed):
    """Whatever the system clock says, a time is either refused or not before the floor."""
    start = LAST - DAY
    confirmation = confirm(Reading(start, 0.0), LAST, LAST) if confirmed else None
    reading = Reading(start + timedelta(seconds=system_shift), float(elapsed))
    try:
        found = record_time(reading, LAST, confirmation)
    except (ClockBehind, ClockUnconfirmed):
        return
    assert found.moment >= LAST
    if found.offset is None and not found.offset_ended:
        assert LAST - reading.system <= SLACK or reading.system >= LAST


@given(
    ahead=st.integers(min_value=1, max_value=3 * 24 * 3600),
    pc_wrong=st.integers(min_value=-3 * 24 * 3600, max_value=3 * 24 * 3600),
)
def test_records_declared_ahead_resume_at_the_real_time_and_only_before_the_last_record(
    ahead, pc_wrong
):
    """A declaration takes any real time before the last record; the counter then records at
    that real time (through an offset when the PC's clock is still wrong), and the floor is the
    declaration's own row, so nothing after it goes back again."""
    real = LAST - timedelta(seconds=ahead)
    reading = Reading(real - timedelta(seconds=pc_wrong), 100.0)
    kept = declare_ahead(reading, real, LAST)
    assert (kept is None) == (abs(timedelta(seconds=pc_wrong)) <= TOLERANCE)
    found = record_time(reading, real, kept)
    assert abs(found.moment - real) <= TOLERANCE and found.moment >= real
    with pytest.raises(RecordsNotAhead):
        declare_ahead(reading, LAST + timedelta(seconds=pc_wrong % 60), LAST)
