"""Hard cases of push: a counter restored from a backup, an event for a foreign tenant,
a tampered signature, a revoked device, token rotation."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from main import VERSION
from pos.adapters.db import DB_FILE
from pos.counter import open_counter
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import checkout, sync_state
from pos.services.context import TillContext
from sync.enrolment import enrol
from sync.http import ServerError, SyncError
from tests.sync.conftest import cycle, public_keys, sell


def backup(counter, target):
    target.mkdir()
    with (
        sqlite3.connect(counter.data_dir / DB_FILE) as source,
        sqlite3.connect(target / DB_FILE) as copy,
    ):
        source.backup(copy)
    shutil.copytree(counter.data_dir / "keys", target / "keys")


def test_a_counter_restored_from_backup_gets_seq_conflict_then_re_enrols_without_loss(
    enrolled, central, ctx, shelf, tmp_path, server_url, clock
):
    sell(enrolled, ctx, shelf, 2)
    cycle(enrolled).run()
    backup(enrolled, tmp_path / "restored")
    sell(enrolled, ctx, shelf, 3)
    cycle(enrolled).run()
    on_server = central.scalar("SELECT count(*) FROM events")
    device_id = sync_state.enrolment(enrolled.uow).device_id
    enrolled.close()

    with open_counter(tmp_path / "restored") as restored:
        restored_ctx = TillContext("K1", ctx.operator, restored.signer(), clock)
        sell(restored, restored_ctx, shelf_of(restored), 1)
        with pytest.raises(SyncError, match="re-enrol"):
            cycle(restored).run()
        assert sync_state.enrolment(restored.uow).state == "reenrol_needed"
        assert central.scalar("SELECT count(*) FROM events") == on_server
        assert central.scalar("SELECT count(*) FROM quarantine WHERE code = 'seq_conflict'") > 0
        with pytest.raises(SyncError):  # stays stopped until a person re-enrols it
            cycle(restored).run()

        code = central.enrolment_code(device_id=device_id)
        again = enrol(
            restored.uow,
            server_url,
            code,
            device_name="K1",
            app_version=VERSION,
            public_keys=public_keys(restored),
        )
        assert again.device_id == device_id and again.device_epoch == 2
        report = cycle(restored).run()
        assert report.drained and report.remaining == 0
        with restored.uow.read() as uow:
            mine = {r[1] for r in uow.sync.outbox_after(0, 10_000)}
    stored = {r for r in central.scalar("SELECT array_agg(event_id::text) FROM events")}
    assert mine <= stored  # every event the restored counter holds is on the server
    assert central.scalar("SELECT count(*) FROM events") == len(stored)
    # Its receipts re-use signature numbers the lost copy had used: flagged, never refused.
    assert central.scalar("SELECT count(*) FROM event_flags WHERE code = 'chain_break'") >= 1
    # ...and every receipt number now held by two receipts is flagged on every copy
    copies = central.scalar(
        "SELECT array_agg(e.event_id::text) FROM events e JOIN (SELECT tenant_id, "
        "payload->'receipt'->>'register_id' AS r, payload->'receipt'->>'kind' AS k, "
        "payload->'receipt'->>'number' AS n FROM events WHERE type = 'sale.completed' "
        "GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) d ON d.tenant_id = e.tenant_id AND "
        "d.r = e.payload->'receipt'->>'register_id' AND d.k = e.payload->'receipt'->>'kind' "
        "AND d.n = e.payload->'receipt'->>'number'"
    )
    flagged = central.scalar(
        "SELECT array_agg(event_id::text) FROM event_flags WHERE code = 'receipt_number_reused'"
    )
    assert copies and len(copies) >= 2 and set(copies) == set(flagged)


def shelf_of(counter):
    from tests.conftest import Shelf

    return Shelf(counter)


def test_an_event_for_a_tenant_outside_the_site_is_rejected_quarantined_and_acked(
    counter, central, server_url, ctx, shelf
):
    """The site holds the tenants a counter brings; the operator approves all but Bua."""
    central.site(approve_tenants=True)
    enrol(counter.uow, server_url, central.enrolment_code(), device_name="K1",
          app_version=VERSION, public_keys=public_keys(counter))  # fmt: skip
    with counter.uow.read() as uow:
        tenants, bua = uow.store.tenants(), uow.store.tenant_by_code("11")
    for tenant in tenants:
        central.decide_tenant(tenant.id, approve=tenant.id != bua.id)
    basket = Basket()
    basket.add(shelf.one_off("11", 1))
    basket.add(shelf("KAFFE-MED"))
    checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CASH, 100000)])
    report = cycle(counter).run()
    # Bua's sale is held, and so are Bua's items the enrolment queued for the other counters
    assert report.drained and report.refused_codes.keys() == {"tenant_forbidden"}
    problems = sync_state.sync_problems(counter.uow)
    assert {(p["status"], p["code"], p["tenant_id"]) for p in problems} == {
        ("rejected", "tenant_forbidden", bua.id)
    }
    held = "SELECT raw->>'type', count(*) FROM quarantine GROUP BY 1 ORDER BY 1"
    with central.admin() as conn:
        assert dict(conn.execute(text(held)).all()) == {
            "item.registered": report.rejected - 1, "sale.completed": 1}  # fmt: skip
    assert central.scalar("SELECT count(*) FROM events WHERE tenant_id = :t", t=bua.id) == 0
    assert central.scalar("SELECT DISTINCT claimed_tenant_id FROM quarantine") == bua.id
    assert (
        central.scalar("SELECT count(*) FROM events WHERE type = 'sale.completed'") == 1
    )  # the café's receipt


def test_a_tampered_signature_is_flagged_not_rejected(enrolled, central, ctx, shelf):
    sell(enrolled, ctx, shelf, 2)
    batch = sync_state.next_batch(enrolled.uow)
    texts = list(batch.events_json)
    last_sale = max(i for i, s in enumerate(batch.sent) if s.type == "sale.completed")
    texts[last_sale] = texts[last_sale].replace('"total": 7400', '"total": 7300')
    tampered = sync_state.OutboxBatch(0, tuple(texts), batch.sent)
    runner = cycle(enrolled)
    answer = runner.api.post_json("/v1/sync/push", None, raw=runner._body(tampered))
    assert answer["acked_through"] == batch.last_seq
    assert [(r["status"], r["code"]) for r in answer["results"]] == [
        ("flagged", "signature_invalid")
    ]
    assert central.scalar("SELECT count(*) FROM events WHERE type = 'sale.completed'") == 2


def test_a_revoked_device_stops_with_its_queue_kept(enrolled, central, ctx, shelf):
    from server.admin_ops import revoke_device

    with central.admin() as conn:
        revoke_device(conn, sync_state.enrolment(enrolled.uow).device_id)
    sell(enrolled, ctx, shelf, 1)
    with pytest.raises(ServerError) as caught:
        cycle(enrolled).run()
    assert caught.value.status == 401 and caught.value.code == "device_revoked"
    assert sync_state.enrolment(enrolled.uow).state == "revoked"
    assert sync_state.sync_status(enrolled.uow).unsynced > 0


def test_a_rotated_token_replaces_the_old_one_at_first_use(enrolled, ctx, shelf):
    runner = cycle(enrolled)
    old = runner.api.token
    new = runner.api.post_json("/v1/token/rotate", {}, compress=False)["device_token"]
    runner.api.get_json("/v1/sync/status")  # the old token still works...
    runner.api.token = new
    runner.api.get_json("/v1/sync/status")  # ...until the new one is used
    runner.api.token = old
    with pytest.raises(ServerError) as caught:
        runner.api.get_json("/v1/sync/status")
    assert caught.value.status == 401


def test_events_queued_again_under_new_numbers_are_stored_once_and_not_refused(
    enrolled, central, ctx, shelf, tmp_path, server_url, clock
):
    """What a restore's salvage does: the restored store queues the replaced store's events
    again, with their original ids and new sequence numbers. Those the server has are
    duplicates (not conflicts); nothing is refused."""
    sell(enrolled, ctx, shelf, 2)
    cycle(enrolled).run()
    backup(enrolled, tmp_path / "restored")
    after = sync_state.acked_through(enrolled.uow)
    sell(enrolled, ctx, shelf, 3)
    cycle(enrolled).run()  # the server has them all
    with enrolled.uow.read() as uow:
        lost = uow.sync.outbox_after(after, 1000)  # what the restored store lacks
    device_id = sync_state.enrolment(enrolled.uow).device_id
    enrolled.close()
    with open_counter(tmp_path / "restored") as restored:
        enrol(restored.uow, server_url, central.enrolment_code(device_id=device_id),
              device_name="K1", app_version=VERSION, public_keys=public_keys(restored))  # fmt: skip
        clock.current = datetime.now(UTC)  # the catch-up with the server's numbers: real time
        restored_ctx = TillContext("K1", ctx.operator, restored.signer(), clock)
        sell(restored, restored_ctx, shelf_of(restored), 1)  # so the old ids get new numbers
        with restored.uow() as uow:
            last = uow.sync.outbox_last_seq()
            uow.sync.execute_many(
                "INSERT INTO outbox (device_seq, event_id, type, tenant_id, occurred_at, "
                "payload) VALUES (?, ?, ?, ?, ?, ?)",
                [(last + n, *row[1:]) for n, row in enumerate(lost, start=1)],
            )
            uow.sync.execute_many(
                "INSERT OR REPLACE INTO counters (name, value) VALUES (?, ?)",
                [("device_seq", last + len(lost))],
            )
            uow.commit()
        report = cycle(restored).run()
    assert report.drained and report.rejected == 0 and report.duplicates == len(lost)
    assert central.scalar("SELECT count(*) FROM quarantine") == 0
    assert central.scalar("SELECT count(*) FROM events") == central.scalar(
        "SELECT count(DISTINCT event_id) FROM events"
    )
