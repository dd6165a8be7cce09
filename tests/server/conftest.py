"""Two sites on one server, each with a tenant, an enrolled device and some pushed sales:
the world in which isolation, row-level security and fuzzing are checked."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from server import refdata


def sale_event(seq: int, tenant_id: str, marker: str) -> dict[str, Any]:
    """A sale.completed event as a counter sends it (the signature is not a real one)."""
    receipt = {
        "id": str(uuid.uuid4()),
        "tenant_id": tenant_id,
        "register_id": "K1",
        "kind": "sale",
        "number": seq,
        "number_text": f"{marker}-K1-{seq:06d}",
        "sig_nr": seq,
        "signature": "c2lnbmF0dXJl",
        "sig_method": "RSA-SHA1-1024",
        "key_version": "1",
        "total": 12500,
        "total_ex_vat": 10000,
        "local_date": "2026-03-02",
        "local_time": "10:15:00",
    }
    return {
        "event_id": str(uuid.uuid4()),
        "device_seq": seq,
        "tenant_id": tenant_id,
        "type": "sale.completed",
        "type_version": 1,
        "occurred_at": "2026-03-02T09:15:00.000Z",
        "payload": {
            "sale_id": str(uuid.uuid4()),
            "receipt": receipt,
            "training": False,
            "staff_id": "s1",
            "lines": [
                {"description": f"{marker} line", "qty": 1, "unit_price": 12500, "amount": 12500}
            ],
            "payments": [{"kind": "card", "amount": 12500}],
            "vat": [{"class": "25", "gross": 12500, "vat": 2500}],
        },
    }


@dataclass
class Side:
    site: str
    tenant_id: str
    marker: str
    device_id: str
    device_token: str
    tenant_token: str
    epoch: int = 1

    @property
    def device_auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.device_token}"}

    @property
    def tenant_auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tenant_token}"}

    def push(self, client: TestClient, events: list[dict[str, Any]]) -> Any:
        body = {"device_id": self.device_id, "device_epoch": self.epoch, "events": events}
        return client.post("/v1/sync/push", json=body, headers=self.device_auth)


@dataclass
class World:
    client: TestClient
    central: Any
    a: Side
    b: Side
    admin_token: str

    @property
    def admin_auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.admin_token}"}


def make_side(central: Any, client: TestClient, site: str, code: str, marker: str) -> Side:
    tenant_id = central.add_tenant(site, code, f"{marker} AS")
    with central.admin() as conn:
        refdata.put(
            conn,
            "item",
            f"{marker}-item",
            tenant_id,
            {
                "description": f"{marker} item",
                "price": 100,
                "vat_class": "25",
                "article_group_id": "DIVERSE",
                "kind": "stock",
                "status": "available",
            },
        )
    answer = client.post(
        "/v1/enrol",
        json={
            "enrol_code": central.enrolment_code(site),
            "device_name": f"{marker}-K1",
            "app_version": "0.1.0",
        },
    ).json()
    side = Side(
        site,
        tenant_id,
        marker,
        answer["device_id"],
        answer["device_token"],
        central.tenant_token(tenant_id),
    )
    notice = {
        "event_id": str(uuid.uuid4()),
        "device_seq": 3,
        "tenant_id": tenant_id,
        "type": "notification.requested",
        "occurred_at": "2026-03-02T09:16:00Z",
        "payload": {"channel": "sms", "to": "+4790000000", "body": f"{marker} ready"},
    }
    reply = side.push(
        client, [sale_event(1, tenant_id, marker), sale_event(2, tenant_id, marker), notice]
    )
    assert reply.status_code == 200, reply.text
    return side


@pytest.fixture
def world(central) -> World:
    client = central.client()
    a = make_side(central, client, "Alpha site", "21", "ALPHASECRET")
    b = make_side(central, client, "Beta site", "22", "BETAONLY")
    return World(client, central, a, b, central.admin_token())
