"""Every receipt's signature is checked or flagged, and its lines, payments and VAT are checked
against the totals it signs: RSA-SHA1 with the public key and HMAC-SHA1 with the secret the
counter registered at enrolment; any other method, a forgery, sums that do not add up and a
sale with a negative total are flagged (stored all the same: the receipt was printed)."""

from __future__ import annotations

import base64
import json
import secrets
import uuid
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from pos.signing import FIRST_PREVIOUS, HmacSigner, RsaSigner, signed_string

RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=1024)
HMAC_SECRET = secrets.token_bytes(16)
PEM = (
    RSA_KEY.public_key()
    .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    .decode()
)


def receipt_event(seq: int, tenant_id: str, register: str, **changes: Any) -> dict[str, Any]:
    """A first receipt on its own register, signed as a counter signs it; ``changes`` alter
    the receipt (``sig_method``, ``total``, ``signer``) or the payload (``lines`` ...)."""
    total = changes.pop("total", 12500)
    method = changes.pop("sig_method", "RSA-SHA1-1024")
    signer = changes.pop("signer", RsaSigner(RSA_KEY, "1"))
    ex_vat = total * 4 // 5
    data = signed_string(FIRST_PREVIOUS, "2026-03-02", "10:15:00", 1, total, ex_vat)
    receipt = {
        "id": str(uuid.uuid4()), "tenant_id": tenant_id, "register_id": register, "kind": "sale",
        "number": 1, "number_text": f"21-{register}-000001", "sig_nr": 1,
        "signature": signer.sign(data), "sig_method": method, "key_version": "1",
        "total": total, "total_ex_vat": ex_vat, "rounding": 0,
        "local_date": "2026-03-02", "local_time": "10:15:00",
    }  # fmt: skip
    payload = {
        "sale_id": str(uuid.uuid4()),
        "receipt": receipt,
        "lines": [{"qty": 1, "unit_price": total, "discount": 0, "amount": total}],
        "payments": [{"kind": "card", "amount": total}],
        "vat": [{"class": "25", "gross": total, "vat": total - ex_vat}],
    } | changes
    return {
        "event_id": str(uuid.uuid4()), "device_seq": seq, "tenant_id": tenant_id,
        "type": "sale.completed", "occurred_at": "2026-03-02T09:15:00Z", "payload": payload,
    }  # fmt: skip


@pytest.fixture
def keyed(world):
    """Site Alpha's second counter, enrolled with an RSA public key and an HMAC secret."""
    answer = world.client.post(
        "/v1/enrol",
        json={
            "enrol_code": world.central.enrolment_code("Alpha site"),
            "device_name": "K2",
            "app_version": "0.1.0",
            "public_keys": {"1": PEM},
            "hmac_keys": {"1": base64.b64encode(HMAC_SECRET).decode()},
        },
    )
    assert answer.status_code == 201, answer.text
    body = answer.json()
    return body["device_id"], {"Authorization": f"Bearer {body['device_token']}"}


CASES: dict[str, tuple[dict[str, Any], set[str]]] = {
    "RSA, genuine": ({}, set()),
    "HMAC with the registered secret": (
        {"sig_method": "HMAC-SHA1-128", "signer": HmacSigner(HMAC_SECRET, "1")},
        set(),
    ),
    "HMAC, forged": (
        {"sig_method": "HMAC-SHA1-128", "signer": HmacSigner(b"0" * 16, "1")},
        {"signature_invalid"},
    ),
    "RSA, forged": ({"signer": HmacSigner(HMAC_SECRET, "1")}, {"signature_invalid"}),
    "method NONE": ({"sig_method": "NONE"}, {"signature_unsupported"}),
    "method HMAC": ({"sig_method": "HMAC"}, {"signature_unsupported"}),
    "lines off by one øre": (
        {"lines": [{"qty": 1, "unit_price": 12499, "discount": 0, "amount": 12499}]},
        {"totals_mismatch"},
    ),
    "line not qty x price": (
        {"lines": [{"qty": 2, "unit_price": 100, "discount": 0, "amount": 12500}]},
        {"totals_mismatch"},
    ),
    "payments short": ({"payments": [{"kind": "cash", "amount": 100}]}, {"totals_mismatch"}),
    "VAT wrong": ({"vat": [{"class": "25", "gross": 12500, "vat": 1}]}, {"totals_mismatch"}),
    "no lines": ({"lines": []}, {"totals_mismatch"}),
    "negative sale": (
        {
            "total": -5000,
            "lines": [{"qty": -1, "unit_price": 5000, "discount": 0, "amount": -5000}],
            "payments": [{"kind": "cash", "amount": -5000}],
            "vat": [{"class": "25", "gross": -5000, "vat": -1000}],
        },
        {"negative_sale"},
    ),
}


def test_each_receipt_is_verified_or_flagged_for_what_is_wrong_with_it(world, keyed):
    device_id, auth = keyed
    tenant = world.a.tenant_id
    events = [
        receipt_event(n, tenant, f"R{n}", **dict(changes))
        for n, (changes, _) in enumerate(CASES.values(), start=1)
    ]
    body = {"device_id": device_id, "device_epoch": 1, "events": events}
    reply = world.client.post("/v1/sync/push", content=json.dumps(body), headers=auth)
    assert reply.status_code == 200, reply.text
    answered = {r["device_seq"]: set(r.get("codes", [])) for r in reply.json()["results"]}
    for n, (name, (_, expected)) in enumerate(CASES.items(), start=1):
        assert answered.get(n, set()) == expected, name
    stored = world.central.scalar(
        "SELECT count(*) FROM events WHERE device_id = :d AND type = 'sale.completed'",
        d=device_id,
    )
    assert stored == len(CASES)  # flagged, never refused


def test_enrolment_refuses_keys_it_could_never_verify_with(world):
    for keys in ({"public_keys": {"1": "not a key"}}, {"hmac_keys": {"1": "c2hvcnQ="}}):
        reply = world.client.post(
            "/v1/enrol",
            json={
                "enrol_code": world.central.enrolment_code("Alpha site"),
                "device_name": "K2",
                "app_version": "0.1.0",
            }
            | keys,
        )
        assert reply.status_code == 422 and reply.json()["code"] == "invalid_key"
