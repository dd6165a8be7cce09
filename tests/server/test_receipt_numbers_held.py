"""A receipt number held by two receipts is flagged on every copy, whichever way the push was
stored: in chunks (the statement that stores the events claims the numbers), or row by row
after PostgreSQL refused a value of one event of the batch; one receipt sent twice under two
event ids is flagged as repeated, not reused."""

from __future__ import annotations

import copy
import uuid

import psycopg
import pytest

from tests.server.conftest import sale_event


def _holding(seq: int, tenant_id: str, number: int, *, same_receipt_as: dict | None = None):
    """A sale whose receipt carries ``number`` (a copy of another receipt, if given)."""
    event = sale_event(seq, tenant_id, "ALPHASECRET")
    if same_receipt_as is not None:
        event["payload"] = copy.deepcopy(same_receipt_as["payload"])
    event["payload"]["receipt"]["number"] = number
    return event


def _flags(world, code: str) -> set[str]:
    found = world.central.scalar(
        "SELECT array_agg(event_id::text) FROM event_flags WHERE code = :c", c=code
    )
    return set(found or [])


@pytest.mark.parametrize("row_by_row", [False, True], ids=["chunked", "row by row"])
def test_every_copy_of_a_number_held_twice_is_flagged(world, row_by_row):
    a = world.a
    if row_by_row:  # a refusal the checks do not foresee sends the batch row by row
        owner = world.central.url.replace("+psycopg", "")
        with psycopg.connect(owner, autocommit=True) as conn:
            conn.execute(
                "ALTER TABLE events ADD CONSTRAINT no_refuse_me "
                "CHECK (payload->>'staff_id' IS DISTINCT FROM 'refuse-me')"
            )
    first = _holding(4, a.tenant_id, 40)
    assert a.push(world.client, [first]).status_code == 200
    fifth = sale_event(5, a.tenant_id, "ALPHASECRET")
    if row_by_row:
        fifth["payload"]["staff_id"] = "refuse-me"
    reused = _holding(6, a.tenant_id, 40)  # another receipt, the number the first holds
    twice = [_holding(7, a.tenant_id, 70), _holding(8, a.tenant_id, 70)]  # both in this batch
    repeated = _holding(9, a.tenant_id, 90)
    again = _holding(10, a.tenant_id, 90, same_receipt_as=repeated)
    again["event_id"] = str(uuid.uuid4())
    batch = [fifth, reused, *twice, repeated, again]
    answer = a.push(world.client, batch)
    assert answer.status_code == 200 and answer.json()["acked_through"] == 10
    rejected = [r["device_seq"] for r in answer.json()["results"] if r["status"] == "rejected"]
    assert rejected == ([5] if row_by_row else [])
    held = {e["event_id"] for e in (first, reused, *twice)}
    assert _flags(world, "receipt_number_reused") == held
    assert _flags(world, "receipt_repeated") == {again["event_id"]}


def test_event_ids_written_in_capitals_are_matched_as_postgresql_spells_them(world):
    a = world.a
    first = _holding(4, a.tenant_id, 40)
    assert a.push(world.client, [first]).status_code == 200
    reused = _holding(5, a.tenant_id, 40)
    twice = [_holding(6, a.tenant_id, 60), _holding(7, a.tenant_id, 60)]
    for event in (reused, *twice):
        event["event_id"] = event["event_id"].upper()

    answer = a.push(world.client, [reused, *twice])

    assert answer.status_code == 200 and answer.json()["acked_through"] == 7
    flagged = {r["event_id"].lower() for r in answer.json()["results"] if r["status"] == "flagged"}
    held = {e["event_id"].lower() for e in (reused, *twice)}
    assert flagged == held
    assert _flags(world, "receipt_number_reused") == held | {first["event_id"]}
