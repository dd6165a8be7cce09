"""Releasing from quarantine re-checks every event: what still fails stays held, and the app
role may mark a row released but never change what was received."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from server import quarantine
from server.db import Scope, scoped
from tests.server.conftest import sale_event


def test_events_that_still_fail_stay_and_facts_stay_unchangeable(world):
    stranger = sale_event(4, world.b.tenant_id, "ALPHASECRET")
    assert world.a.push(world.client, [stranger]).json()["results"][0]["code"] == (
        "tenant_forbidden"
    )
    done = quarantine.release(world.central.engine, quarantine.Filter())
    assert (done.stored, dict(done.held)) == (0, {"tenant_forbidden": 1})
    with pytest.raises(DBAPIError, match="permission denied"):
        with scoped(world.central.engine, Scope.admin()) as conn:
            conn.execute(text("UPDATE quarantine SET code = 'ok'"))


def test_a_mixed_release_stores_what_now_passes_in_order_and_holds_the_rest(world, monkeypatch):
    """Held for one cause, released once it is fixed: events that now pass are stored in
    device order exactly as sent and checked as a push checks them (their receipt chain runs
    over the held ones in between); the others stay held with the code they fail with now."""
    monkeypatch.setattr(quarantine, "BATCH", 2)  # the release crosses its batches
    b, nobody = world.b.tenant_id, "c0ffee00-0000-4000-8000-000000000000"
    first, later = sale_event(4, b, "BETAONLY"), sale_event(7, b, "BETAONLY")
    for event, nr in ((first, 1), (later, 2)):  # the tenant's first receipts at this register
        event["payload"]["receipt"] |= {"number": nr, "sig_nr": nr, "register_id": "K9"}
    broken = sale_event(6, b, "BETAONLY")
    broken["payload"]["receipt"]["number"] = "three"
    pushed = [first, sale_event(5, nobody, "NOBODY"), broken, later]
    answers = world.a.push(world.client, pushed).json()["results"]
    assert [r["code"] for r in answers] == ["tenant_forbidden"] * 4

    with world.central.admin() as conn:  # the cause fixed for b's tenant only
        site = conn.execute(text("SELECT id FROM sites WHERE name = 'Alpha site'")).scalar()
        conn.execute(text("INSERT INTO site_tenants (site_id, tenant_id) VALUES (:s, :t)"),
                     {"s": site, "t": b})  # fmt: skip
    done = quarantine.release(world.central.engine, quarantine.Filter())
    assert (done.stored, done.already) == (2, 0)
    assert dict(done.held) == {"tenant_forbidden": 1, "malformed": 1}
    with world.central.admin() as conn:
        stored = conn.execute(
            text(
                "SELECT e.device_seq, e.event_id::text, e.payload, e.occurred_at, e.hash, "
                "array_agg(f.code ORDER BY f.code) FROM events e "
                "LEFT JOIN event_flags f USING (event_id) WHERE e.device_id = :d "
                "AND e.tenant_id = :t GROUP BY e.id, e.received_at ORDER BY e.id"
            ),
            {"d": world.a.device_id, "t": b},
        ).all()
        held = conn.execute(
            text("SELECT hash FROM quarantine WHERE device_seq IN (4, 7) ORDER BY device_seq")
        ).scalars().all()  # fmt: skip
    assert [(seq, event_id) for seq, event_id, *_ in stored] == [
        (4, first["event_id"]), (7, later["event_id"])
    ]  # fmt: skip
    assert [row[2] for row in stored] == [first["payload"], later["payload"]]
    assert [row[3].isoformat() for row in stored] == ["2026-03-02T09:15:00+00:00"] * 2
    assert [row[4] for row in stored] == held
    # checked like a push: the signature has no key at the server; the chain and numbering
    # run from the first released receipt to the second
    assert [row[5] for row in stored] == [["unknown_key"], ["unknown_key"]]

    again = quarantine.release(world.central.engine, quarantine.Filter())
    assert (again.stored, dict(again.held)) == (0, {"tenant_forbidden": 1, "malformed": 1})
    on_a = world.central.scalar(
        "SELECT count(*) FROM events WHERE device_id = :d", d=world.a.device_id
    )
    assert on_a == 5  # its own two sales and the notice, and the two released


def test_a_release_batch_reads_the_held_rows_in_index_order_without_sorting_them(world):
    """A quarantine just filled by a catch-up has no statistics yet: had the batch's order
    needed a sort, PostgreSQL sorted every open row of the stream (payloads and all) for each
    batch. The stream index gives the rows in the batch's order, so nothing is sorted."""
    strangers = [sale_event(seq, world.b.tenant_id, "ALPHASECRET") for seq in range(4, 9)]
    assert world.a.push(world.client, strangers).status_code == 200
    where = quarantine.Filter()
    params = where.params() | {"d": world.a.device_id, "e": 1, "after": 4, "n": 2}
    with scoped(world.central.engine, Scope.admin()) as conn:
        conn.execute(text("SET LOCAL enable_seqscan = off"))
        plan = "\n".join(
            r[0] for r in conn.execute(text("EXPLAIN " + quarantine.held_after(where)), params)
        )
        found = conn.execute(text(quarantine.held_after(where)), params).all()
    assert "quarantine_by_stream_seq" in plan and "Sort" not in plan, plan
    assert [row[1] for row in found] == [5, 6]
