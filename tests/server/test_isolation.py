"""Tenant isolation, endpoint by endpoint: with another site's device token or another tenant's
token, nothing of tenant A ever comes back, and admin endpoints refuse them all."""

from __future__ import annotations

from typing import Any

import pytest

from tests.server.conftest import World, sale_event

BODIES: dict[tuple[str, str], Any] = {
    ("post", "/v1/sync/push"): "push",
    ("post", "/v1/enrol"): {
        "enrol_code": "ABCD-EFGH-JKLM",
        "device_name": "x",
        "app_version": "0.1.0",
    },
    ("post", "/v1/admin/sites"): {"name": "Alpha site"},
    ("post", "/v1/admin/tenants"): {
        "site": "Alpha site",
        "code": "23",
        "name": "X",
        "org_no": "921100116",
    },
    ("put", "/v1/admin/staff/{staff_id}"): {
        "site": "Alpha site",
        "staff_no": "1",
        "name": "X",
        "role": "cashier",
        "pin_hash": "h",
    },
    ("put", "/v1/admin/article-groups/{group_id}"): {"name": "X", "saft_code": "04999"},
    ("put", "/v1/admin/items/{item_id}"): {
        "tenant_id": "{tenant_id}",
        "description": "X",
        "article_group_id": "DIVERSE",
    },
    ("put", "/v1/admin/items/{item_id}/price"): {"price": 1},
    ("put", "/v1/admin/vat-rates/{vat_class}"): {"rate_bp": 2500},
    ("post", "/v1/admin/enrolment-codes"): {"site": "Alpha site"},
}


def operations(world: World) -> list[tuple[str, str]]:
    spec = world.client.get("/openapi.json").json()
    return sorted((m, p) for p, ops in spec["paths"].items() for m in ops)


def fill(path: str, world: World) -> str:
    a = world.a
    values = {
        "tenant_id": a.tenant_id,
        "item_id": f"{a.marker}-item",
        "device_id": a.device_id,
        "staff_id": "s1",
        "group_id": "DIVERSE",
        "vat_class": "25",
        "entity": "items",
        "entity_id": f"{a.marker}-item",
    }
    return path.format(**values)


def call(world: World, method: str, path: str, headers: dict[str, str], intruder) -> Any:
    body = BODIES.get((method, path))
    if body == "push":  # the intruder claims tenant A's id for its own next event
        status = world.client.get("/v1/sync/status", headers=headers)
        seq = status.json().get("acked_through", 0) + 1 if status.status_code == 200 else 1
        body = {
            "device_id": intruder.device_id,
            "device_epoch": intruder.epoch,
            "events": [sale_event(seq, world.a.tenant_id, "INTRUDER")],
        }
    elif isinstance(body, dict):
        body = {
            k: v.format(tenant_id=world.a.tenant_id) if isinstance(v, str) else v
            for k, v in body.items()
        }
    return world.client.request(method.upper(), fill(path, world), json=body, headers=headers)


def test_every_endpoint_keeps_tenant_a_hidden_from_foreign_tokens(world: World):
    assert_a_hidden(world)


def test_tenant_as_repair_tickets_stay_hidden_from_foreign_tokens(world: World):
    from tests.server.test_ticket_merge import created, repair

    a = world.a
    events = [
        created(4, a.tenant_id, customer_name="ALPHASECRET Kunde"),
        repair(5, a.tenant_id, "repair.note_added", note_id="n1", text="ALPHASECRET note"),
    ]
    assert a.push(world.client, events).json()["results"] == []
    assert_a_hidden(world)
    mine = world.client.get("/v1/sync/pull", headers=a.device_auth).text
    assert "ALPHASECRET Kunde" in mine and "ALPHASECRET note" in mine


def assert_a_hidden(world: World) -> None:
    ops = operations(world)
    assert len(ops) >= 20
    b = world.b
    for token_name, headers in (("device B", b.device_auth), ("tenant B", b.tenant_auth)):
        for method, path in ops:
            reply = call(world, method, path, headers, b)
            where = f"{method.upper()} {path} with {token_name}"
            assert reply.status_code < 500, where
            assert "ALPHASECRET" not in reply.text, where
            assert world.a.tenant_id not in reply.text or reply.status_code >= 400, where
            if path.startswith("/v1/admin"):
                assert reply.status_code == 403, where


def test_admin_endpoints_refuse_a_missing_or_unknown_token(world: World):
    for method, path in operations(world):
        if path.startswith(("/v1/admin", "/v1/tenant", "/v1/sync", "/v1/token")):
            for headers in ({}, {"Authorization": "Bearer not-a-token"}):
                reply = call(world, method, path, headers, world.b)
                assert reply.status_code in (401, 403), f"{method} {path}"
                assert reply.headers["content-type"].startswith("application/problem+json")


def test_a_tenant_token_sees_its_own_sales_only(world: World):
    mine = world.client.get("/v1/tenant/sales", headers=world.a.tenant_auth).json()["sales"]
    assert [s["number_text"] for s in mine] == ["ALPHASECRET-K1-000001", "ALPHASECRET-K1-000002"]
    theirs = world.client.get("/v1/tenant/sales", headers=world.b.tenant_auth).json()["sales"]
    assert all(s["number_text"].startswith("BETAONLY") for s in theirs) and len(theirs) == 2
    assert world.client.get("/v1/tenant/z-reports", headers=world.a.tenant_auth).json() == []


def test_a_device_pulls_its_own_sites_reference_data_only(world: World):
    page = world.client.get("/v1/sync/pull", headers=world.b.device_auth).json()
    ids = {c["id"] for c in page["changes"]}
    assert "BETAONLY-item" in ids and "ALPHASECRET-item" not in ids
    assert world.a.tenant_id not in ids


@pytest.mark.parametrize("epoch_shift", [0, 1])
def test_a_push_naming_another_device_is_refused(world: World, epoch_shift: int):
    body = {
        "device_id": world.a.device_id if not epoch_shift else world.b.device_id,
        "device_epoch": 1 + epoch_shift,
        "events": [],
    }
    reply = world.client.post("/v1/sync/push", json=body, headers=world.b.device_auth)
    assert reply.status_code == 403 and reply.json()["code"] == "device_mismatch"
