"""Who is calling: a device token, a tenant token or an admin token (all stored only hashed).

Tokens are 256-bit random strings handed out once; the database keeps their SHA-256. The scope
that comes out of a token (a site's tenants, one tenant, or everything) is what the request's
transaction tells row-level security.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from sqlalchemy import Engine, text

from server.db import Scope, scoped
from server.problems import Problem


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Problem(
            401,
            "token_invalid",
            "an Authorization: Bearer token is required",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return token.strip()


@dataclass(frozen=True)
class Device:
    id: str
    site_id: str
    epoch: int
    tenant_ids: tuple[str, ...]
    public_keys: dict[str, str]
    hmac_keys: dict[str, str] = field(default_factory=dict)
    """HMAC-SHA1 secrets (Base64) by key version, for counters that sign with HMAC."""

    @property
    def scope(self) -> Scope:
        return Scope("device", self.tenant_ids, self.site_id)


_DEVICE_SQL = """
SELECT d.id, d.site_id, d.epoch, d.public_keys, d.hmac_keys, d.revoked_at,
       d.token_hash = :h AS current,
       COALESCE(array_agg(st.tenant_id ORDER BY st.tenant_id)
                FILTER (WHERE st.tenant_id IS NOT NULL), '{}') AS tenant_ids
FROM devices d LEFT JOIN site_tenants st ON st.site_id = d.site_id
WHERE d.token_hash = :h OR d.pending_token_hash = :h
GROUP BY d.id
"""


def device_from_token(engine: Engine, token: str) -> Device:
    """The device a token belongs to; the first use of a rotated token retires the old one."""
    digest = token_hash(token)
    with scoped(engine, Scope.none()) as conn:
        row = conn.execute(text(_DEVICE_SQL), {"h": digest}).mappings().first()
        if row is None:
            raise Problem(401, "token_invalid", "unknown device token")
        if row["revoked_at"] is not None:
            raise Problem(401, "device_revoked", "this device has been revoked; re-enrol it")
        if not row["current"]:
            conn.execute(
                text(
                    "UPDATE devices SET token_hash = pending_token_hash, pending_token_hash = NULL"
                    " WHERE id = :d AND pending_token_hash = :h"
                ),
                {"d": row["id"], "h": digest},
            )
    return Device(
        row["id"],
        row["site_id"],
        row["epoch"],
        tuple(row["tenant_ids"]),
        dict(row["public_keys"]),
        dict(row["hmac_keys"]),
    )


_DEVICE_BY_ID = """
SELECT d.id, d.site_id, d.public_keys, d.hmac_keys,
       COALESCE(array_agg(st.tenant_id ORDER BY st.tenant_id)
                FILTER (WHERE st.tenant_id IS NOT NULL), '{}') AS tenant_ids
FROM devices d LEFT JOIN site_tenants st ON st.site_id = d.site_id
WHERE d.id = :d GROUP BY d.id
"""


def device_by_id(conn: Any, device_id: str, epoch: int) -> Device | None:
    """A device as its token would make it, for work done on its behalf (a release from
    quarantine stores its events under the epoch they were sent with)."""
    row = conn.execute(text(_DEVICE_BY_ID), {"d": device_id}).mappings().first()
    if row is None:
        return None
    return Device(
        row["id"],
        row["site_id"],
        epoch,
        tuple(row["tenant_ids"]),
        dict(row["public_keys"]),
        dict(row["hmac_keys"]),
    )


def require_device(request: Request) -> Device:
    return device_from_token(request.app.state.engine, bearer(request))


def require_admin(request: Request) -> Scope:
    digest = token_hash(bearer(request))
    with scoped(request.app.state.engine, Scope.none()) as conn:
        found = conn.execute(
            text("SELECT 1 FROM admin_tokens WHERE token_hash = :h"), {"h": digest}
        ).first()
    if found is None:
        raise Problem(403, "forbidden", "an admin token is required")
    return Scope.admin()


def require_tenant(request: Request) -> Scope:
    digest = token_hash(bearer(request))
    with scoped(request.app.state.engine, Scope.none()) as conn:
        tenant_id = conn.execute(
            text("SELECT tenant_id FROM tenant_tokens WHERE token_hash = :h"), {"h": digest}
        ).scalar()
    if tenant_id is None:
        raise Problem(403, "forbidden", "a tenant token is required")
    return Scope("tenant", (str(tenant_id),))
