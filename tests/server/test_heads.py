"""The numbering heads a restored counter continues after: what its site's devices pushed for
the register, highest first, and nothing of another site's tenants."""

from __future__ import annotations

from tests.server.conftest import World, sale_event


def test_a_device_reads_its_registers_heads_and_never_another_sites(world: World):
    a, b = world.a, world.b
    reply = world.client.get("/v1/sync/heads", params={"register_id": "K1"}, headers=a.device_auth)
    assert reply.status_code == 200, reply.text
    heads = reply.json()
    assert heads["chains"] == [
        {"tenant_id": a.tenant_id, "last_nr": 2, "last_signature": "c2lnbmF0dXJl"}
    ]
    assert heads["numbers"] == [{"tenant_id": a.tenant_id, "kind": "sale", "last_number": 2}]
    theirs = world.client.get(
        "/v1/sync/heads", params={"register_id": "K1"}, headers=b.device_auth
    ).json()
    assert {c["tenant_id"] for c in theirs["chains"]} == {b.tenant_id}
    other = world.client.get(
        "/v1/sync/heads", params={"register_id": "K9"}, headers=a.device_auth
    ).json()
    assert other["chains"] == [] and other["numbers"] == []


def test_the_highest_head_of_any_device_on_the_register_is_answered(world: World, central):
    """A new PC enrols as a new device: it still learns what the old one pushed."""
    a = world.a
    answer = world.client.post(
        "/v1/enrol",
        json={
            "enrol_code": central.enrolment_code(a.site),
            "device_name": "new PC",
            "app_version": "0.1.0",
        },
    ).json()
    headers = {"Authorization": f"Bearer {answer['device_token']}"}
    heads = world.client.get("/v1/sync/heads", params={"register_id": "K1"}, headers=headers)
    assert heads.json()["chains"][0]["last_nr"] == 2
    assert a.push(world.client, [sale_event(4, a.tenant_id, a.marker)]).status_code == 200
    again = world.client.get("/v1/sync/heads", params={"register_id": "K1"}, headers=headers)
    assert again.json()["numbers"][0]["last_number"] == 4
