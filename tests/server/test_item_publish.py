"""Items registered and prices changed at a counter, through the push and pull endpoints: each
is published as an ``item`` change for the tenant; what cannot be is stored, acked and flagged
(an id the server has, a barcode in use, a stale price), and bad payloads are quarantined."""

from __future__ import annotations

import uuid
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server import refdata
from tests.server.conftest import Side, World
from tests.server.test_ticket_merge import JSON


def item_event(seq: int, tenant: str, type_: str, at: str, **payload: Any) -> dict[str, Any]:
    return {
        "event_id": str(uuid.uuid4()),
        "device_seq": seq,
        "tenant_id": tenant,
        "type": type_,
        "occurred_at": at,
        "payload": payload,
    }


def registered(seq: int, tenant: str, item_id: str, barcode: str | None = None,
               at: str = "2026-03-02T10:00:00.000Z", **fields: Any) -> dict[str, Any]:  # fmt: skip
    values = {
        "item_id": item_id,
        "kind": "one_off",
        "description": "Rød sykkel",
        "price": 45000,
        "vat_class": "25",
        "article_group_id": "DIVERSE",
        "barcode": barcode,
        "stock_qty": None,
        "condition": "brukt",
        "register_id": "K1",
    } | fields
    return item_event(seq, tenant, "item.registered", at, **values)


def price(seq: int, tenant: str, item_id: str, new: int, at: str, old: int | None = None) -> dict:
    return item_event(seq, tenant, "item.price_changed", at, item_id=item_id, old=old, new=new)


def results(reply: Any) -> list[tuple[str, str]]:
    assert reply.status_code == 200, reply.text
    return [(r["status"], r.get("code", "")) for r in reply.json()["results"]]


def items(world: World, side: Side) -> dict[str, dict[str, Any]]:
    """The latest pulled version of each item the side's device sees."""
    page = world.client.get("/v1/sync/pull", headers=side.device_auth).json()
    return {c["id"]: c["data"] for c in page["changes"] if c["entity"] == "item"}


def item_changes(world: World, item_id: str) -> int:
    return world.central.scalar(
        "SELECT count(*) FROM ref_changes WHERE entity = 'item' AND entity_id = :i", i=item_id
    )


def test_a_registered_item_is_published_for_its_tenant_and_only_there(world):
    a, b = world.a, world.b
    reply = a.push(world.client, [registered(4, a.tenant_id, "it-1", "2210000000015")])
    assert results(reply) == [] and reply.json()["acked_through"] == 4
    data = items(world, a)["it-1"]
    assert data["tenant_id"] == a.tenant_id and data["price"] == 45000
    assert data["barcode"] == "2210000000015" and data["status"] == "available"
    assert data["kind"] == "one_off" and data["article_group_id"] == "DIVERSE"
    assert data["price_set"]["device"] == a.device_id
    assert "it-1" not in items(world, b)


def test_an_existing_item_id_is_never_overwritten_by_a_counter(world):
    a, b = world.a, world.b
    with world.central.admin() as conn:
        refdata.put(conn, "item", "admin-1", a.tenant_id, {"tenant_id": a.tenant_id,
                    "description": "Fra admin", "price": 100, "vat_class": "25",
                    "article_group_id": "DIVERSE", "kind": "stock"})  # fmt: skip
    events = [
        registered(4, a.tenant_id, "admin-1", description="Overskrevet?"),
        registered(5, a.tenant_id, "it-2"),
        registered(6, a.tenant_id, "it-2"),  # the same row again: nothing to say
        registered(7, a.tenant_id, "it-2", price=1),
    ]
    assert results(a.push(world.client, events)) == [
        ("flagged", "item_exists"),
        ("flagged", "item_exists"),
    ]
    assert items(world, a)["admin-1"]["description"] == "Fra admin"
    assert items(world, a)["it-2"]["price"] == 45000
    # another site's item (invisible to this device) keeps its data and is not revealed
    theirs = registered(4, b.tenant_id, "ALPHASECRET-item", description="BETA")
    assert results(b.push(world.client, [theirs])) == [("flagged", "item_exists")]
    assert "ALPHASECRET-item" not in items(world, b)
    assert items(world, a)["ALPHASECRET-item"]["description"] == "ALPHASECRET item"


def test_a_barcode_in_use_is_flagged_and_not_published(world):
    a = world.a
    events = [
        registered(4, a.tenant_id, "it-1", "2210000000015"),
        registered(5, a.tenant_id, "it-2", "2210000000015"),
        registered(6, a.tenant_id, "it-3", "2210000000022"),
    ]
    assert results(a.push(world.client, events)) == [("flagged", "barcode_in_use")]
    assert results(a.push(world.client, [registered(7, a.tenant_id, "it-4", "2210000000022")]))\
        == [("flagged", "barcode_in_use")]  # fmt: skip
    assert set(items(world, a)) == {"ALPHASECRET-item", "it-1", "it-3"}


def test_the_later_price_wins_an_older_one_is_flagged_and_not_applied(world):
    a = world.a
    t = a.tenant_id
    events = [
        registered(4, t, "it-1", at="2026-03-02T10:00:00.000Z"),
        price(5, t, "it-1", 39000, "2026-03-02T10:05:00.000Z", old=45000),
        price(6, t, "it-1", 30000, "2026-03-02T10:10:00.000Z", old=39000),
        price(7, t, "it-1", 50000, "2026-03-02T10:07:00+01:00"),  # 09:07 UTC: older
        price(8, t, "nobody", 100, "2026-03-02T10:10:00.000Z"),
    ]
    assert results(a.push(world.client, events)) == [
        ("flagged", "price_stale"),
        ("flagged", "item_unknown"),
    ]
    assert items(world, a)["it-1"]["price"] == 30000
    # a price the admin API set now is later than a counter's change made in March
    with world.central.admin() as conn:
        current = refdata.current(conn, "item", "ALPHASECRET-item")
        assert current is not None
        refdata.put(conn, "item", "ALPHASECRET-item", t, current["data"] | {"price": 777})
    stale = price(9, t, "ALPHASECRET-item", 5, "2026-03-02T10:10:00.000Z")
    assert results(a.push(world.client, [stale])) == [("flagged", "price_stale")]
    assert items(world, a)["ALPHASECRET-item"]["price"] == 777
    later = price(10, t, "ALPHASECRET-item", 6, "2099-03-02T10:10:00.000Z")
    assert results(a.push(world.client, [later])) == [("flagged", "clock_ahead")]
    assert items(world, a)["ALPHASECRET-item"]["price"] == 6


def test_a_replayed_push_publishes_nothing_twice(world):
    a = world.a
    events = [
        registered(4, a.tenant_id, "it-1", "2210000000015"),
        price(5, a.tenant_id, "it-1", 39000, "2026-03-02T10:05:00.000Z"),
    ]
    assert results(a.push(world.client, events)) == []
    changes = item_changes(world, "it-1")
    assert results(a.push(world.client, events)) == [("duplicate", "")] * 2
    assert item_changes(world, "it-1") == changes
    flags = "SELECT count(*) FROM event_flags WHERE code IN ('item_exists', 'price_stale')"
    assert world.central.scalar(flags) == 0


def test_bad_item_payloads_are_quarantined_and_acked_never_a_server_error(world):
    a, b = world.a, world.b
    t = a.tenant_id
    at = "2026-03-02T10:00:00.000Z"
    events = [
        registered(4, t, ""),
        registered(5, t, "it/1"),
        registered(6, t, "it-1", description=""),
        registered(7, t, "it-1", kind="bundle"),
        registered(8, t, "it-1", price=-1),
        registered(9, t, "it-1", price="450 kr"),
        registered(10, t, "it-1", vat_class=25),
        registered(11, t, "it-1", barcode=123),
        registered(12, t, "it-1", stock_qty=True),
        registered(13, t, "it-1", article_group_id=None),
        price(14, t, "it-1", -5, at),
        price(15, t, "it-1", True, at),
        item_event(16, t, "item.price_changed", at, item_id="it-1"),
    ]
    reply = a.push(world.client, events)
    assert results(reply) == [("rejected", "malformed")] * 13
    assert reply.json()["acked_through"] == 16
    assert world.central.scalar("SELECT count(*) FROM quarantine WHERE code = 'malformed'") == 13
    assert set(items(world, a)) == {"ALPHASECRET-item"}
    # another site's device naming this tenant: refused, nothing published
    foreign = registered(4, t, "it-9", description="BETA")
    assert results(b.push(world.client, [foreign])) == [("rejected", "tenant_forbidden")]
    assert "it-9" not in items(world, a)


ITEM_KEYS = st.sampled_from(
    ["item_id", "kind", "description", "price", "vat_class", "article_group_id", "barcode",
     "stock_qty", "condition", "old", "new"]
)  # fmt: skip


def test_random_item_payloads_never_make_the_server_fail(world):
    a, t = world.a, world.a.tenant_id
    next_seq = [4]

    @given(
        kind=st.sampled_from(["item.registered", "item.price_changed"]),
        payload=st.dictionaries(ITEM_KEYS, JSON, max_size=8),
        base=st.booleans(),
    )
    @settings(max_examples=60, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    def push_one(kind, payload, base):
        seq = next_seq[0]
        at = "2026-03-02T10:00Z"
        event = registered(seq, t, "it-1") if base else price(seq, t, "it-1", 1, at)
        event["type"] = kind
        event["payload"] |= payload
        reply = a.push(world.client, [event])
        assert reply.status_code == 200, reply.text
        assert reply.json()["acked_through"] == event["device_seq"]
        next_seq[0] += 1

    push_one()
