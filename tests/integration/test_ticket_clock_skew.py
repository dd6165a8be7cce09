"""A counter whose clock the last sync found hours from the server's stamps its repair edits
with the server's time, and a clock that ran ahead starts again from now once the server has
confirmed the time and nothing stamped ahead is still unsent (so the server does not clamp
every later edit). The reading is written as a sync cycle writes it; the whole path through
a real server and a PC clock set with libfaketime is tests/sync/test_clock_skew.py."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pos.hlc import Hlc
from pos.services import clock_skew, repair_edit, sync_state, ticket_clock
from pos.services.context import TillContext
from tests.integration.repair_helpers import take_in

HOURS_AHEAD = 3


def stamp_of_last_edit(counter) -> Hlc:
    with counter.uow.read() as uow:
        return Hlc.parse(ticket_clock.current(uow))


def server_says(counter, offset: timedelta) -> None:
    """A sync measured the server's time minus this PC's as ``offset``."""
    ms = int(offset / timedelta(milliseconds=1))
    sync_state.record_contact(counter.uow, True, clock_offset_ms=ms,
                              clock_reading=clock_skew.measured(ms))  # fmt: skip


def pushed_everything(counter) -> None:
    with counter.uow() as uow:
        uow.sync.set_acked_through(uow.sync.outbox_last_seq())
        uow.commit()


def test_a_clock_hours_ahead_stamps_with_the_servers_time_once_measured(counter, cashier):
    real = datetime.now(UTC)
    ahead = TillContext("K1", cashier, counter.signer(), _At(real + timedelta(hours=3)))
    ticket = take_in(counter, ahead)
    wrong = stamp_of_last_edit(counter)
    assert wrong.wall_ms > (real + timedelta(hours=2, minutes=59)).timestamp() * 1000
    server_says(counter, timedelta(hours=-HOURS_AHEAD))
    assert sync_state.sync_status(counter.uow).clock_offset_ms is None  # not enrolled
    repair_edit.update_details(counter.uow, ahead, ticket, fault="Punktert bak")
    assert stamp_of_last_edit(counter) > wrong  # the intake is unsent: its order is kept
    pushed_everything(counter)
    repair_edit.update_details(counter.uow, ahead, ticket, fault="Punktert foran")
    now = stamp_of_last_edit(counter)
    assert abs(now.wall_ms - datetime.now(UTC).timestamp() * 1000) < 60_000  # the server's time
    repair_edit.update_details(counter.uow, ahead, ticket, fault="Begge punktert")
    assert stamp_of_last_edit(counter) > now  # and on from there


def test_a_clock_within_two_minutes_or_a_reading_gone_stale_stamps_as_it_is(counter, cashier):
    at = datetime(2026, 3, 2, 10, 15, tzinfo=UTC)
    ctx = TillContext("K1", cashier, counter.signer(), _At(at))
    server_says(counter, timedelta(seconds=90))
    take_in(counter, ctx)
    assert stamp_of_last_edit(counter).wall_ms == int(at.timestamp() * 1000)
    with counter.uow() as uow:  # a reading taken before the PC's clock was set
        stale = clock_skew.measured(-3_600_000)
        uow.sync.set_meta(clock_skew.READING_META, stale.__class__(
            stale.offset_ms, stale.wall_ms - 7_200_000, stale.monotonic_s).to_json())  # fmt: skip
        uow.commit()
    later = at + timedelta(minutes=1)
    take_in(counter, TillContext("K1", cashier, counter.signer(), _At(later)))
    assert stamp_of_last_edit(counter).wall_ms == int(later.timestamp() * 1000)


class _At:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment
