"""Signing keys after enrolment: a counter that rotated its key sends the new public key (or,
if it signs with HMAC-SHA1, the new secret) before it pushes receipts signed with it, so
``server/verify.py`` can check them instead of flagging ``unknown_key``.

``POST /v1/keys`` is device-authenticated and idempotent: the same (version, key) again is
``200 {"status": "known"}``; a version the device already has with a *different* key is
``409 key_conflict`` (a key version never changes meaning); a PEM that is not an RSA public key,
or a secret that is not 16 to 64 bytes of Base64, is ``422 invalid_key``. A device only ever
adds keys to itself (the token says which device).
"""

from __future__ import annotations

import hmac
import json
from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import text

from pos.signing import RSA_METHOD
from server.api_models import PROBLEMS
from server.db import Scope, scoped
from server.key_checks import canonical_pem, canonical_secret
from server.problems import Problem
from server.routes_sync import DeviceDep

router = APIRouter(prefix="/v1", responses=PROBLEMS)
MAX_PEM = 4096


class KeyUpload(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key_version: str = Field(pattern=r"^[1-9][0-9]{0,8}$", description="the counter's key version")
    public_key_pem: str | None = Field(None, min_length=1, max_length=MAX_PEM)
    secret: str | None = Field(
        None, min_length=1, max_length=200, description="HMAC-SHA1-128: the Base64 secret"
    )
    method: Literal["RSA-SHA1-1024", "HMAC-SHA1-128"] = "RSA-SHA1-1024"
    device_id: str | None = Field(
        None, max_length=64, description="if given, must be the device the token belongs to"
    )


class KeyUploadResponse(BaseModel):
    device_id: str
    key_version: str
    status: Literal["added", "known"]
    key_versions: list[str]


def _same(stored: str, pem: str) -> bool:
    try:
        return canonical_pem(stored) == pem
    except Problem:
        return False


def _same_secret(stored: str, secret: str) -> bool:
    return hmac.compare_digest(stored.encode(), secret.encode())


@router.post("/keys", response_model=KeyUploadResponse)
def upload_key(body: KeyUpload, request: Request, device: DeviceDep) -> dict[str, Any]:
    """Add a signing key (a rotated key version) to the calling device."""
    if body.device_id is not None and body.device_id != device.id:
        raise Problem(403, "forbidden", "a device may only upload its own keys")
    column = "public_keys" if body.method == RSA_METHOD else "hmac_keys"
    given = body.public_key_pem if body.method == RSA_METHOD else body.secret
    if given is None:
        field = "public_key_pem" if body.method == RSA_METHOD else "secret"
        raise Problem(422, "invalid_key", f"{body.method} needs {field}")
    pem = canonical_pem(given) if body.method == RSA_METHOD else canonical_secret(given)
    with scoped(request.app.state.engine, Scope.none()) as conn:
        keys = conn.execute(
            text(f"SELECT {column} FROM devices WHERE id = :d FOR UPDATE"), {"d": device.id}
        ).scalar_one()
        stored = dict(keys or {})
        if body.key_version in stored:
            same = _same if body.method == RSA_METHOD else _same_secret
            if not same(str(stored[body.key_version]), pem):
                raise Problem(
                    409,
                    "key_conflict",
                    f"key version {body.key_version} is already registered with another key",
                    key_version=body.key_version,
                )
            status = "known"
        else:
            stored[body.key_version] = pem
            conn.execute(
                text(f"UPDATE devices SET {column} = {column} || CAST(:k AS jsonb) WHERE id = :d"),
                {"d": device.id, "k": json.dumps({body.key_version: pem})},
            )
            status = "added"
    return {
        "device_id": device.id,
        "key_version": body.key_version,
        "status": status,
        "key_versions": sorted(stored, key=lambda v: (len(v), v)),
    }
