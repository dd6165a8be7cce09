"""Pushing the outbox to a real server on PostgreSQL: everything arrives once, never twice."""

from __future__ import annotations

import threading
import time

import pytest

from pos.services import sync_state
from sync.http import ServerApi, ServerError
from tests.sync.conftest import cycle, sell


def outbox_size(counter) -> int:
    with counter.uow.read() as uow:
        return uow.queries.count("outbox")


def test_a_sync_cycle_drains_the_outbox_and_the_server_holds_each_event_once(
    enrolled, central, ctx, shelf
):
    sell(enrolled, ctx, shelf, 5)
    report = cycle(enrolled, batch_size=3).run()
    assert report.drained and report.remaining == 0
    total = outbox_size(enrolled)
    assert central.scalar("SELECT count(*) FROM events") == total
    assert central.scalar("SELECT count(DISTINCT event_id) FROM events") == total
    assert sync_state.acked_through(enrolled.uow) == total
    assert central.scalar("SELECT count(*) FROM events WHERE type = 'sale.completed'") == 5
    assert central.scalar("SELECT count(*) FROM event_flags") == 0  # signatures all verify
    status = sync_state.sync_status(enrolled.uow)
    assert status.online and status.unsynced == 0 and status.problems == 0


def test_a_resend_after_a_lost_response_is_a_duplicate_not_a_second_sale(
    enrolled, central, ctx, shelf
):
    sell(enrolled, ctx, shelf, 3)
    batch = sync_state.next_batch(enrolled.uow)
    runner = cycle(enrolled)
    first = runner.api.post_json("/v1/sync/push", None, raw=runner._body(batch))
    # The answer is "lost": the counter never records it and sends the same batch again.
    assert sync_state.acked_through(enrolled.uow) == 0
    again = runner.api.post_json("/v1/sync/push", None, raw=runner._body(batch))
    assert again["acked_through"] == first["acked_through"] == batch.last_seq
    assert {r["status"] for r in again["results"]} == {"duplicate"}
    report = cycle(enrolled).run()
    assert report.duplicates == len(batch) and report.pushed == 0
    assert central.scalar("SELECT count(*) FROM events") == outbox_size(enrolled)
    assert central.scalar("SELECT count(*) FROM events WHERE type = 'sale.completed'") == 3


def test_two_processes_pushing_for_one_device_at_once_store_everything_once(
    enrolled, central, ctx, shelf
):
    sell(enrolled, ctx, shelf, 40)
    errors: list[Exception] = []

    def push() -> None:
        try:
            # a busy device answers 409 with Retry-After: wait a little, as the worker does
            cycle(enrolled, batch_size=7, sleep=lambda s: time.sleep(min(s, 0.2))).run(pull=False)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=push) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    total = outbox_size(enrolled)
    assert central.scalar("SELECT count(*) FROM events") == total
    assert central.scalar("SELECT count(DISTINCT (device_id, device_seq)) FROM events") == total
    assert sync_state.acked_through(enrolled.uow) == total


def test_a_sequence_gap_is_answered_409_with_the_expected_seq(enrolled, central, ctx, shelf):
    sell(enrolled, ctx, shelf, 3)
    batch = sync_state.next_batch(enrolled.uow)
    runner = cycle(enrolled)
    later = sync_state.OutboxBatch(0, batch.events_json[2:], batch.sent[2:])
    with pytest.raises(ServerError) as caught:
        runner.api.post_json("/v1/sync/push", None, raw=runner._body(later))
    assert caught.value.status == 409 and caught.value.code == "seq_gap"
    assert caught.value.body["expected_seq"] == 1
    assert central.scalar("SELECT count(*) FROM events") == 0


def test_the_client_resends_from_expected_seq_when_the_server_lost_events(
    enrolled, central, ctx, shelf
):
    sell(enrolled, ctx, shelf, 2)
    cycle(enrolled).run()
    # The server's database is restored from an older backup: it forgot the last events.
    with central.admin() as conn:
        from sqlalchemy import text

        conn.execute(text("UPDATE device_streams SET acked_through = 2"))
    sell(enrolled, ctx, shelf, 1)
    report = cycle(enrolled).run()
    assert report.drained
    assert central.scalar("SELECT max(device_seq) FROM events") == outbox_size(enrolled)


def test_a_malformed_body_is_refused_with_400_and_nothing_is_stored(enrolled, central):
    device = sync_state.enrolment(enrolled.uow)
    api = ServerApi(device.server_url, device.token)
    for raw in (b"{not json", b'{"device_id": "x"}', b"[]"):
        with pytest.raises(ServerError) as caught:
            api.post_json("/v1/sync/push", None, raw=raw)
        assert 400 <= caught.value.status < 500
    with pytest.raises(ServerError) as caught:
        api.post_json(
            "/v1/sync/push",
            {
                "device_id": device.device_id,
                "device_epoch": device.device_epoch,
                "events": [{"event_id": "e", "device_seq": "one"}],
            },
        )
    assert caught.value.status == 400 and caught.value.code == "malformed"
    assert central.scalar("SELECT count(*) FROM events") == 0
    assert central.scalar("SELECT count(*) FROM quarantine") == 0


def test_an_unreachable_server_keeps_everything_queued(enrolled, ctx, shelf):
    from sync.cycle import SyncCycle
    from sync.http import Unreachable

    sell(enrolled, ctx, shelf, 2)
    runner = SyncCycle(enrolled.uow, ServerApi("http://127.0.0.1:9", "t"), app_version="0.1.0")
    with pytest.raises(Unreachable):
        runner.run()
    status = sync_state.sync_status(enrolled.uow)
    assert not status.online and status.unsynced == outbox_size(enrolled)
