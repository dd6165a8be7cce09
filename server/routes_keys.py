"""Signing public keys after enrolment: a counter that rotated its key sends the new public key
before it pushes receipts signed with it, so ``server/verify.py`` can check them instead of
flagging ``unknown_key``.

``POST /v1/keys`` is device-authenticated and idempotent: the same (version, key) again is
``200 {"status": "known"}``; a version the device already has with a *different* key is
``409 key_conflict`` (a key version never changes meaning); a PEM that is not an RSA public key
is ``422 invalid_key``. A device only ever adds keys to itself (the token says which device).
"""

from __future__ import annotations

import json
from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import text

from server.api_models import PROBLEMS
from server.db import Scope, scoped
from server.problems import Problem
from server.routes_sync import DeviceDep

router = APIRouter(prefix="/v1", responses=PROBLEMS)
MAX_PEM = 4096


class KeyUpload(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key_version: str = Field(pattern=r"^[1-9][0-9]{0,8}$", description="the counter's key version")
    public_key_pem: str = Field(min_length=1, max_length=MAX_PEM)
    method: Literal["RSA-SHA1-1024"] = "RSA-SHA1-1024"
    device_id: str | None = Field(
        None, max_length=64, description="if given, must be the device the token belongs to"
    )


class KeyUploadResponse(BaseModel):
    device_id: str
    key_version: str
    status: Literal["added", "known"]
    key_versions: list[str]


def canonical_pem(pem: str) -> str:
    """The key re-encoded (SubjectPublicKeyInfo PEM), or a 422 problem if it is not an RSA
    public key: two spellings of one key compare equal, garbage never reaches the database."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    try:
        key = serialization.load_pem_public_key(pem.encode("ascii"))
    except (ValueError, TypeError, UnicodeEncodeError) as exc:
        raise Problem(422, "invalid_key", "public_key_pem is not a PEM public key") from exc
    if not isinstance(key, rsa.RSAPublicKey) or key.key_size < 1024:
        raise Problem(422, "invalid_key", "public_key_pem must be an RSA key of 1024 bits or more")
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def _same(stored: str, pem: str) -> bool:
    try:
        return canonical_pem(stored) == pem
    except Problem:
        return False


@router.post("/keys", response_model=KeyUploadResponse)
def upload_key(body: KeyUpload, request: Request, device: DeviceDep) -> dict[str, Any]:
    """Add a signing public key (a rotated key version) to the calling device."""
    if body.device_id is not None and body.device_id != device.id:
        raise Problem(403, "forbidden", "a device may only upload its own keys")
    pem = canonical_pem(body.public_key_pem)
    with scoped(request.app.state.engine, Scope.none()) as conn:
        keys = conn.execute(
            text("SELECT public_keys FROM devices WHERE id = :d FOR UPDATE"), {"d": device.id}
        ).scalar_one()
        stored = dict(keys or {})
        if body.key_version in stored:
            if not _same(str(stored[body.key_version]), pem):
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
                text(
                    "UPDATE devices SET public_keys = public_keys || CAST(:k AS jsonb) "
                    "WHERE id = :d"
                ),
                {"d": device.id, "k": json.dumps({body.key_version: pem})},
            )
            status = "added"
    return {
        "device_id": device.id,
        "key_version": body.key_version,
        "status": status,
        "key_versions": sorted(stored, key=lambda v: (len(v), v)),
    }
