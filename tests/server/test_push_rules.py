"""The push endpoint's rules, straight over HTTP: quarantine-and-ack, flags, gzip, limits,
versions and the per-device lock."""

from __future__ import annotations

import gzip
import json
import uuid

from sqlalchemy import text

from tests.server.conftest import sale_event


def event(seq: int, tenant_id: str | None, kind: str = "receipt.copied", **payload):
    return {
        "event_id": str(uuid.uuid4()),
        "device_seq": seq,
        "tenant_id": tenant_id,
        "type": kind,
        "occurred_at": "2026-03-02T10:00:00+01:00",
        "payload": payload,
    }


def test_bad_events_are_quarantined_and_acked_so_the_queue_never_jams(world):
    a = world.a
    events = [
        event(4, a.tenant_id, "sale.refunded.v9"),  # unknown type
        event(5, a.tenant_id, note="has a \x00 NUL"),  # PostgreSQL cannot store it
        event(6, a.tenant_id, "sale.completed", sale_id="s"),  # no receipt
        event(7, None, "till.opened", float=150000),  # fine: a site-level event
    ]
    reply = a.push(world.client, events)
    assert reply.status_code == 200
    body = reply.json()
    assert body["acked_through"] == 7
    assert [(r["status"], r["code"]) for r in body["results"]] == [
        ("rejected", "unknown_type"),
        ("rejected", "malformed"),
        ("rejected", "malformed"),
    ]
    assert world.central.scalar("SELECT count(*) FROM quarantine") == 3
    again = a.push(world.client, events).json()  # a resend of rejected events: duplicates
    assert {r["status"] for r in again["results"]} == {"duplicate"}


def test_a_sale_from_the_future_is_flagged_but_stored(world):
    a = world.a
    future = sale_event(4, a.tenant_id, "ALPHASECRET") | {"occurred_at": "2999-01-01T00:00:00Z"}
    future["payload"]["receipt"]["sig_nr"] = 3
    future["payload"]["receipt"]["number"] = 3
    body = a.push(world.client, [future]).json()
    codes = body["results"][0]["codes"]
    assert "clock_ahead" in codes and "unknown_key" in codes
    assert (
        world.central.scalar(
            "SELECT count(*) FROM events WHERE type = 'sale.completed' AND tenant_id = :t",
            t=a.tenant_id,
        )
        == 3
    )


def test_gzip_bodies_are_accepted_and_oversized_ones_refused(world):
    a = world.a
    body = {"device_id": a.device_id, "device_epoch": 1, "events": [event(4, a.tenant_id, copy=1)]}
    reply = world.client.post(
        "/v1/sync/push",
        content=gzip.compress(json.dumps(body).encode()),
        headers=a.device_auth | {"Content-Encoding": "gzip", "Content-Type": "application/json"},
    )
    assert reply.status_code == 200 and reply.json()["acked_through"] == 4
    huge = gzip.compress(b'{"events": ["' + b"x" * 3_000_000 + b'"]}')
    reply = world.client.post(
        "/v1/sync/push", content=huge, headers=a.device_auth | {"Content-Encoding": "gzip"}
    )
    assert reply.status_code == 413
    many = {
        "device_id": a.device_id,
        "device_epoch": 1,
        "events": [event(5 + i, a.tenant_id) for i in range(501)],
    }
    assert world.client.post("/v1/sync/push", json=many, headers=a.device_auth).status_code == 413


def test_an_old_app_version_is_told_to_upgrade(world):
    body = {"device_id": world.a.device_id, "device_epoch": 1, "app_version": "0.0.1", "events": []}
    reply = world.client.post("/v1/sync/push", json=body, headers=world.a.device_auth)
    assert reply.status_code == 426 and reply.json()["code"] == "upgrade_required"


def test_a_push_while_another_holds_the_device_lock_gets_409_concurrent_push(world):
    a = world.a
    with world.central.engine.connect() as other:
        other.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:k, 7))"), {"k": a.device_id}
        )
        reply = a.push(world.client, [event(4, a.tenant_id)])
        other.rollback()
    assert reply.status_code == 409 and reply.json()["code"] == "concurrent_push"
    assert reply.headers["retry-after"] == "1"
    assert a.push(world.client, [event(4, a.tenant_id)]).status_code == 200


def test_an_enrolment_code_works_once(world, central):
    code = central.enrolment_code("Alpha site")
    first = world.client.post(
        "/v1/enrol", json={"enrol_code": code.lower(), "device_name": "K2", "app_version": "0.1.0"}
    )
    again = world.client.post(
        "/v1/enrol", json={"enrol_code": code, "device_name": "K3", "app_version": "0.1.0"}
    )
    assert first.status_code == 201 and again.status_code == 403
    assert (
        central.scalar(
            "SELECT count(*) FROM devices WHERE token_hash = :t", t=first.json()["device_token"]
        )
        == 0
    )  # stored only as a hash


def test_a_message_that_could_never_be_sent_is_quarantined_at_intake(world):
    a = world.a
    notice = "notification.requested"
    events = [
        event(4, a.tenant_id, notice, channel="email", to="a@b.no\r\nBcc: x@evil.no", body="Hei"),
        event(5, a.tenant_id, notice, channel="email", to="a@b.no, x@evil.no", body="Hei"),
        event(6, a.tenant_id, notice, channel="sms", to="+4791234567", body="Hei \x07"),
        event(7, a.tenant_id, notice, channel="sms", to="+4791234567", body="x" * 1001),
        event(8, a.tenant_id, notice, channel="email", to="a@b.no", body="Hei", subject="Hei\nder"),
    ]
    body = a.push(world.client, events).json()
    assert body["acked_through"] == 8
    assert [(r["device_seq"], r["code"]) for r in body["results"]] == [
        (4, "malformed"), (5, "malformed"), (6, "malformed"), (7, "malformed")
    ]  # fmt: skip
    queued = world.central.scalar("SELECT array_agg(recipient) FROM notifications")
    assert queued.count("a@b.no") == 1  # the one with a folded subject; the rest never queued
