"""No batch fails for one event: values the server cannot read or PostgreSQL cannot store are
quarantined one by one with a code, the rest of the batch is stored and acked, and a resend of
the whole batch is all duplicates (hypothesis mixes good and poisoned events)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.server.conftest import sale_event


def good(seq: int, tenant_id: str) -> str:
    return json.dumps(sale_event(seq, tenant_id, "ALPHASECRET"))


def _with(seq: int, tenant_id: str, **fields: object) -> str:
    event = sale_event(seq, tenant_id, "ALPHASECRET") | fields
    return json.dumps(event)


def deep(levels: int) -> Callable[[int, str], str]:
    def make(seq: int, tenant_id: str) -> str:
        event = json.loads(good(seq, tenant_id))
        event["payload"]["lines"] = "@NEST@"
        return json.dumps(event).replace('"@NEST@"', "[" * levels + "]" * levels)

    return make


def huge_integer(seq: int, tenant_id: str) -> str:
    return good(seq, tenant_id).replace('"total": 12500', '"total": ' + "9" * 5000)


def lone_surrogate(seq: int, tenant_id: str) -> str:
    return good(seq, tenant_id).replace('"staff_id": "s1"', '"staff_id": "\\ud800"')


def nul(seq: int, tenant_id: str) -> str:
    return good(seq, tenant_id).replace('"staff_id": "s1"', '"staff_id": "a\\u0000b"')


POISONS: dict[str, Callable[[int, str], str]] = {
    "nested 300 levels": deep(300),
    "nested 1100 levels": deep(1100),
    "5 000-digit integer": huge_integer,
    "lone surrogate": lone_surrogate,
    "NUL character": nul,
    "urn:uuid: id": lambda s, t: _with(s, t, event_id=f"urn:uuid:{uuid.uuid4()}"),
    "braced id": lambda s, t: _with(s, t, event_id="{" + str(uuid.uuid4()) + "}"),
    "offset +20:00": lambda s, t: _with(s, t, occurred_at="2026-03-02T10:00:00+20:00"),
    "ISO week date": lambda s, t: _with(s, t, occurred_at="2026-W10-1T10:00:00+01:00"),
    "ordinal date": lambda s, t: _with(s, t, occurred_at="2026-061T10:00:00+01:00"),
    "type is a list": lambda s, t: _with(s, t, type=[]),
    "payload is a list": lambda s, t: _with(s, t, payload=[1]),
}


def push_raw(world, events: list[str]):  # type: ignore[no-untyped-def]
    a = world.a
    body = f'{{"device_id": "{a.device_id}", "device_epoch": 1, "events": [{",".join(events)}]}}'
    headers = a.device_auth | {"Content-Type": "application/json"}
    return world.client.post("/v1/sync/push", content=body.encode(), headers=headers)


def counts(world) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    central = world.central
    return central.scalar("SELECT count(*) FROM events"), central.scalar(
        "SELECT count(*) FROM quarantine"
    )


def test_every_poisoned_event_is_quarantined_alone_and_the_rest_of_the_batch_stored(world):
    tenant = world.a.tenant_id
    events, bad_seqs = [], []
    seq = 3
    for make in POISONS.values():
        events += [good(seq + 1, tenant), make(seq + 2, tenant)]
        bad_seqs.append(seq + 2)
        seq += 2
    stored_before, quarantined_before = counts(world)
    reply = push_raw(world, events)
    assert reply.status_code == 200, reply.text[:300]
    body = reply.json()
    assert body["acked_through"] == seq
    rejected = {r["device_seq"]: r["code"] for r in body["results"] if r["status"] == "rejected"}
    assert sorted(rejected) == bad_seqs
    assert set(rejected.values()) == {"malformed", "unknown_type"}
    assert counts(world) == (stored_before + len(POISONS), quarantined_before + len(POISONS))
    again = push_raw(world, events).json()
    assert {r["status"] for r in again["results"]} == {"duplicate"}
    assert len(again["results"]) == len(events)
    assert counts(world) == (stored_before + len(POISONS), quarantined_before + len(POISONS))


def test_an_event_id_twice_in_a_batch_is_stored_once_and_both_are_answered(world):
    tenant = world.a.tenant_id
    first = sale_event(4, tenant, "ALPHASECRET")
    second = sale_event(5, tenant, "ALPHASECRET") | {"event_id": first["event_id"]}
    stored_before, _ = counts(world)
    body = push_raw(world, [json.dumps(first), json.dumps(second)]).json()
    assert body["acked_through"] == 5
    answered = [(r["device_seq"], r["status"], r.get("code")) for r in body["results"]]
    assert [a for a in answered if a[1] != "flagged"] == [(5, "rejected", "event_id_conflict")]
    assert counts(world)[0] == stored_before + 1
    assert world.central.scalar(
        "SELECT device_seq FROM events WHERE event_id = :e", e=first["event_id"]
    ) == 4


def test_a_sequence_number_twice_in_a_batch_keeps_the_first_copy(world):
    tenant = world.a.tenant_id
    first, other = sale_event(4, tenant, "ALPHASECRET"), sale_event(4, tenant, "ALPHASECRET")
    body = push_raw(world, [json.dumps(first), json.dumps(first), json.dumps(other)]).json()
    assert body["acked_through"] == 4
    answered = [(r["status"], r.get("code")) for r in body["results"] if r["status"] != "flagged"]
    assert sorted(answered) == [
        ("duplicate", None),
        ("rejected", "seq_repeated"),
    ]
    assert world.central.scalar(
        "SELECT event_id::text FROM events WHERE device_seq = 4 AND device_id = :d",
        d=world.a.device_id,
    ) == first["event_id"]


@settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan=st.lists(st.sampled_from([None, *POISONS]), min_size=1, max_size=12))
def test_any_mix_of_good_and_poisoned_events_is_acked_whole_and_never_a_5xx(world, plan):
    tenant = world.a.tenant_id
    start = world.central.scalar(
        "SELECT acked_through FROM device_streams WHERE device_id = :d", d=world.a.device_id
    )
    events = [
        good(start + n, tenant) if name is None else POISONS[name](start + n, tenant)
        for n, name in enumerate(plan, start=1)
    ]
    before = counts(world)
    reply = push_raw(world, events)
    assert reply.status_code == 200, reply.text[:300]
    assert reply.json()["acked_through"] == start + len(plan)
    bad = sum(1 for name in plan if name is not None)
    assert counts(world) == (before[0] + len(plan) - bad, before[1] + bad)
    assert {r["status"] for r in push_raw(world, events).json()["results"]} == {"duplicate"}


def test_a_value_postgresql_refuses_after_the_checks_costs_only_that_event(world):
    """The last wall: a refusal the checks did not foresee (here a constraint the test adds)
    sends the batch down the row-by-row path; only the refused event is quarantined."""
    import psycopg

    owner = world.central.url.replace("+psycopg", "")
    with psycopg.connect(owner, autocommit=True) as conn:
        conn.execute(
            "ALTER TABLE events ADD CONSTRAINT no_refuse_me "
            "CHECK (payload->>'staff_id' IS DISTINCT FROM 'refuse-me')"
        )
    tenant = world.a.tenant_id
    refused = _with(5, tenant).replace('"staff_id": "s1"', '"staff_id": "refuse-me"')
    before = counts(world)
    body = push_raw(world, [good(4, tenant), refused, good(6, tenant)]).json()
    assert body["acked_through"] == 6
    assert [(r["device_seq"], r["code"]) for r in body["results"] if r["status"] == "rejected"] == [
        (5, "unstorable")
    ]
    assert counts(world) == (before[0] + 2, before[1] + 1)
