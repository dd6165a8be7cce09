"""A synced counter across months: events the server acknowledged are deleted by the first
start of a day 90 days on, later sales still reach the server once each, and nothing the
server has not acknowledged is ever deleted."""

from __future__ import annotations

from datetime import datetime

from pos.services import sync_state
from tests.sync.conftest import cycle, sell


def outbox_size(counter) -> int:
    with counter.uow.read() as uow:
        return uow.queries.count("outbox")


def sales_queued(counter) -> list[str]:
    with counter.uow.read() as uow:
        rows = uow.store.rows("SELECT occurred_at FROM outbox WHERE type = 'sale.completed'")
    return sorted(r["occurred_at"][:10] for r in rows)


def test_acknowledged_events_are_pruned_months_later_and_new_sales_still_arrive_once(
    enrolled, central, ctx, shelf, clock
):
    sell(enrolled, ctx, shelf, 4)
    cycle(enrolled).run()
    pushed = central.scalar("SELECT count(*) FROM events")
    assert sync_state.acked_through(enrolled.uow) == outbox_size(enrolled) == pushed
    clock.advance(days=30)
    sell(enrolled, ctx, shelf, 2)  # not synced yet: kept whatever happens
    assert sales_queued(enrolled) == ["2026-03-02"] * 4 + ["2026-04-01"] * 2
    enrolled.backup_if_due(datetime(2026, 6, 15, 9))  # the first start of a day, 105 days on
    assert sales_queued(enrolled) == ["2026-04-01"] * 2  # enrolment's events are recent: kept
    assert sync_state.sync_status(enrolled.uow).unsynced == 2
    report = cycle(enrolled).run()
    assert report.pushed == 2 and report.remaining == 0
    assert central.scalar("SELECT count(*) FROM events") == pushed + 2
    assert central.scalar("SELECT count(DISTINCT event_id) FROM events") == pushed + 2
    assert central.scalar("SELECT count(*) FROM events WHERE type = 'sale.completed'") == 6
