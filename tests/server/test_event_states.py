"""A counter asks what became of the events the server held or flagged: its own stored ones
come with the flags they carry now, held ones with the quarantine's code until released, and
another device's ids are unknown to it (no event id of another site leaks)."""

from __future__ import annotations

from sqlalchemy import text

from server import quarantine
from tests.server.conftest import Side, World, sale_event


def states(world: World, side: Side, event_ids: list[str]) -> dict[str, tuple[str, list[str]]]:
    reply = world.client.post(
        "/v1/sync/event-states", json={"event_ids": event_ids}, headers=side.device_auth
    )
    assert reply.status_code == 200, reply.text
    return {e["event_id"]: (e["state"], e["codes"]) for e in reply.json()["events"]}


def test_a_held_event_is_held_until_released_then_stored_and_others_never_see_it(world: World):
    stranger = sale_event(4, world.b.tenant_id, "ALPHASECRET")
    answer = world.a.push(world.client, [stranger]).json()["results"][0]
    assert answer["status"] == "rejected"
    asked = [stranger["event_id"], "not-an-id", "urn:uuid:" + stranger["event_id"]]
    assert states(world, world.a, asked) == {
        stranger["event_id"]: ("held", ["tenant_forbidden"]),
        "not-an-id": ("unknown", []),
        "urn:uuid:" + stranger["event_id"]: ("unknown", []),
    }
    assert states(world, world.b, [stranger["event_id"]]) == {
        stranger["event_id"]: ("unknown", [])
    }
    with world.central.admin() as conn:  # the cause fixed: b's tenant serves Alpha site too
        site = conn.execute(text("SELECT id FROM sites WHERE name = 'Alpha site'")).scalar()
        conn.execute(text("INSERT INTO site_tenants (site_id, tenant_id) VALUES (:s, :t)"),
                     {"s": site, "t": world.b.tenant_id})  # fmt: skip
    assert quarantine.release(world.central.engine, quarantine.Filter()).stored == 1
    state, codes = states(world, world.a, [stranger["event_id"]])[stranger["event_id"]]
    assert state == "stored" and "tenant_forbidden" not in codes


def test_a_flagged_event_is_stored_with_its_flags(world: World):
    pushed = sale_event(4, world.a.tenant_id, "ALPHASECRET")
    result = world.a.push(world.client, [pushed]).json()["results"][0]
    assert result["status"] == "flagged"
    assert states(world, world.a, [pushed["event_id"]]) == {
        pushed["event_id"]: ("stored", sorted(result["codes"]))
    }
