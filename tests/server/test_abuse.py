"""What an attacker with a counter's network access gets: enrolment codes and token rotations
are rate-limited (429 with Retry-After), and pushing another tenant's event id answers exactly
as a fresh id would, so the answer never tells that the id exists."""

from __future__ import annotations

import uuid
from dataclasses import replace

from fastapi.testclient import TestClient

from server.app import create_app


def copied(seq: int, tenant_id: str, event_id: str) -> dict:  # type: ignore[type-arg]
    return {"event_id": event_id, "device_seq": seq, "tenant_id": tenant_id,
            "type": "receipt.copied", "occurred_at": "2026-03-02T10:00:00+01:00",
            "payload": {"receipt_id": "r1"}}  # fmt: skip


def limited_client(world, **limits) -> TestClient:  # type: ignore[no-untyped-def]
    central = world.central
    return TestClient(create_app(replace(central.settings, **limits), central.engine))


def enrol(client: TestClient, code: str):  # type: ignore[no-untyped-def]
    body = {"enrol_code": code, "device_name": "K9", "app_version": "0.1.0"}
    return client.post("/v1/enrol", json=body)


def test_guessing_enrolment_codes_is_slowed_to_a_few_a_minute(world):
    client = limited_client(world, enrol_limit=(3, 60.0))
    answers = [enrol(client, f"ABCD-EFGH-{n:04d}").status_code for n in range(3)]
    assert answers == [403, 403, 403]
    refused = enrol(client, world.central.enrolment_code("Alpha site"))
    assert refused.status_code == 429 and refused.json()["code"] == "rate_limited"
    assert 1 <= int(refused.headers["retry-after"]) <= 60


def test_rotating_a_token_over_and_over_is_refused(world):
    client = limited_client(world, token_limit=(2, 60.0))
    auth = world.a.device_auth
    assert [client.post("/v1/token/rotate", headers=auth).status_code for _ in range(2)] == [
        200,
        200,
    ]
    again = client.post("/v1/token/rotate", headers=auth)
    assert again.status_code == 429 and "retry-after" in again.headers


def test_another_tenants_event_id_gets_the_answer_a_fresh_id_gets(world):
    central, b = world.central, world.b
    taken = central.scalar(
        "SELECT event_id::text FROM events WHERE tenant_id = :t LIMIT 1", t=world.a.tenant_id
    )
    fresh, probe = copied(4, b.tenant_id, str(uuid.uuid4())), copied(5, b.tenant_id, taken)
    answers = [b.push(world.client, [event]).json() for event in (fresh, probe)]
    assert [(a["acked_through"], a["results"]) for a in answers] == [(4, []), (5, [])]
    assert (
        central.scalar(
            "SELECT code FROM quarantine WHERE device_id = :d AND device_seq = 5", d=b.device_id
        )
        == "event_id_conflict"
    )  # the operator sees it; the counter is told nothing
    assert central.scalar("SELECT tenant_id FROM events WHERE event_id = :e", e=taken) == (
        world.a.tenant_id
    )
