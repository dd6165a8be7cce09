"""Administrative operations shared by the admin HTTP API and ``omigjen-server admin``.

Sites, tenants and their membership, enrolment codes, admin and tenant tokens, revocation,
and the reference data counters pull (staff, article groups, items, prices, VAT rates).
"""

from __future__ import annotations

import secrets
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, text

from server import refdata
from server.auth import new_token, token_hash
from server.problems import Problem

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def site_id_by_name(conn: Connection, name: str) -> str:
    found = conn.execute(text("SELECT id FROM sites WHERE name = :n"), {"n": name}).scalar()
    if found is None:
        sites = [r[0] for r in conn.execute(text("SELECT name FROM sites ORDER BY name"))]
        raise Problem(404, "not_found", f"no site named {name!r}", sites=sites)
    return str(found)


def ensure_site(conn: Connection, name: str, tenant_approval: bool | None = None) -> str:
    """The site's id, the site made first if need be; ``tenant_approval`` (if given) says
    whether the tenants its counters bring wait for the operator (else: registered)."""
    conn.execute(
        text("INSERT INTO sites (id, name) VALUES (:i, :n) ON CONFLICT (name) DO NOTHING"),
        {"i": "site_" + secrets.token_hex(6), "n": name},
    )
    if tenant_approval is not None:
        conn.execute(
            text("UPDATE sites SET tenant_approval = :a WHERE name = :n"),
            {"a": tenant_approval, "n": name},
        )
    return site_id_by_name(conn, name)


def add_tenant(conn: Connection, site_name: str, tenant: dict[str, Any]) -> str:
    """Create (or update) a tenant, attach it to a site, publish it to the site's counters."""
    return register_tenant(conn, ensure_site(conn, site_name), tenant)


def register_tenant(conn: Connection, site_id: str, tenant: dict[str, Any]) -> str:
    """Create (or update) a tenant, attach it to the site ``site_id``, publish it."""
    tenant_id = str(tenant.get("id") or uuid.uuid4())
    params = {
        "id": tenant_id,
        "code": tenant["code"],
        "name": tenant["name"],
        "org_no": tenant["org_no"],
        "vat": bool(tenant.get("vat_registered", True)),
        "active": bool(tenant.get("active", True)),
    }
    conn.execute(
        text(
            "INSERT INTO tenants (id, code, name, org_no, vat_registered, active) VALUES "
            "(:id, :code, :name, :org_no, :vat, :active) ON CONFLICT (id) DO UPDATE SET "
            "code = excluded.code, name = excluded.name, org_no = excluded.org_no, "
            "vat_registered = excluded.vat_registered, active = excluded.active"
        ),
        params,
    )
    conn.execute(
        text("INSERT INTO site_tenants VALUES (:s, :t) ON CONFLICT DO NOTHING"),
        {"s": site_id, "t": tenant_id},
    )
    data: dict[str, Any] = {k: tenant[k] for k in ("code", "name", "org_no") if k in tenant}
    data |= {"vat_registered": params["vat"], "active": params["active"]}
    for extra in ("receipt_header", "receipt_footer"):
        data[extra] = str(tenant.get(extra, ""))
    refdata.put(conn, "tenant", tenant_id, tenant_id, data)
    return tenant_id


def enrolment_code(
    conn: Connection, site_name: str, ttl_hours: int = 24, device_id: str | None = None
) -> tuple[str, datetime]:
    """A one-time code (shown once, stored hashed); with ``device_id`` it re-enrols that device."""
    site_id = site_id_by_name(conn, site_name)
    if device_id is not None:
        owner = conn.execute(
            text("SELECT site_id FROM devices WHERE id = :d"), {"d": device_id}
        ).scalar()
        if owner != site_id:
            raise Problem(404, "not_found", f"no device {device_id!r} at site {site_name!r}")
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    expires = datetime.now(UTC) + timedelta(hours=ttl_hours)
    conn.execute(
        text(
            "INSERT INTO enrol_codes (code_hash, site_id, device_id, expires_at) "
            "VALUES (:h, :s, :d, :x)"
        ),
        {"h": token_hash(raw), "s": site_id, "d": device_id, "x": expires},
    )
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}", expires


def admin_token(conn: Connection, label: str) -> str:
    token = new_token()
    conn.execute(
        text("INSERT INTO admin_tokens (token_hash, label) VALUES (:h, :l)"),
        {"h": token_hash(token), "l": label},
    )
    return token


def tenant_token(conn: Connection, tenant_id: str) -> str:
    exists = conn.execute(text("SELECT 1 FROM tenants WHERE id = :t"), {"t": tenant_id}).first()
    if exists is None:
        raise Problem(404, "not_found", f"no tenant {tenant_id!r}")
    token = new_token()
    conn.execute(
        text("INSERT INTO tenant_tokens (token_hash, tenant_id) VALUES (:h, :t)"),
        {"h": token_hash(token), "t": tenant_id},
    )
    return token


def revoke_device(conn: Connection, device_id: str) -> bool:
    result = conn.execute(
        text("UPDATE devices SET revoked_at = now() WHERE id = :d AND revoked_at IS NULL"),
        {"d": device_id},
    )
    return bool(result.rowcount)


def require_tenant_exists(conn: Connection, tenant_id: str) -> None:
    if conn.execute(text("SELECT 1 FROM tenants WHERE id = :t"), {"t": tenant_id}).first() is None:
        raise Problem(404, "not_found", f"no tenant {tenant_id!r}")


def set_item_price(conn: Connection, item_id: str, price: int) -> int:
    found = refdata.current(conn, "item", item_id)
    if found is None:
        raise Problem(404, "not_found", f"no item {item_id!r}")
    return refdata.put(conn, "item", item_id, found["tenant_id"], found["data"] | {"price": price})
