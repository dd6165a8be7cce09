"""Tenants travel with the counter: at enrolment a counter offers the tenants it sells for, and
later a tenant added at a counter arrives as a ``tenant.registered`` event.

An offer the site already serves is ``known`` (the server's copy stands). A new one is
``registered`` for the site, unless the site holds every new tenant for the operator
(``tenant_approval``) or the offer clashes with what the server has: an id another site serves
(a counter may not claim a tenant it was never given), a code or organisation number another
tenant of the site has. Those are ``pending`` in ``tenant_requests`` until the operator approves
(``omigjen-server admin tenants --approve ID``; the tenant's quarantined events are then
released) or refuses them. An offer that is not a tenant at all is ``refused``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from server import admin_ops
from server.problems import Problem

_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
_CODE = re.compile(r"^[0-9]{2}$")
_ORG_NO = re.compile(r"^[0-9]{9}$")
MAX_OFFERS = 100


@dataclass(frozen=True)
class Offer:
    id: str
    code: str
    name: str
    org_no: str
    vat_registered: bool

    def as_tenant(self) -> dict[str, Any]:
        return {"id": self.id, "code": self.code, "name": self.name, "org_no": self.org_no,
                "vat_registered": self.vat_registered}  # fmt: skip


def parse_offer(value: Any) -> Offer | str:
    """An offered tenant, or why it is not one."""
    if not isinstance(value, dict):
        return "a tenant must be an object"
    tid, code, name = value.get("id"), value.get("code"), value.get("name")
    org_no, vat = value.get("org_no"), value.get("vat_registered", True)
    if not isinstance(tid, str) or not _ID.match(tid):
        return "id must be 1-64 letters, digits or _.:-"
    if not isinstance(code, str) or not _CODE.match(code):
        return "code must be two digits"
    if not isinstance(org_no, str) or not _ORG_NO.match(org_no):
        return "org_no must be nine digits"
    if not isinstance(name, str) or not 0 < len(name.strip()) <= 200 or not name.isprintable():
        return "name must be a text of 1 to 200 characters"
    if not isinstance(vat, bool):
        return "vat_registered must be true or false"
    return Offer(tid, code, name.strip(), org_no, vat)


def offer(
    conn: Connection, site_id: str, device_id: str | None, offers: list[Any]
) -> list[dict[str, Any]]:
    """Register or hold each offered tenant (admin scope: it writes tenants); one answer per
    offer: ``{id, code, status, reason}``. Serialised per site, so two counters offering one
    new code at once cannot both register it."""
    conn.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:s, 11))"), {"s": site_id})
    approval = bool(
        conn.execute(text("SELECT tenant_approval FROM sites WHERE id = :s"), {"s": site_id})
        .scalar()
    )
    answers = []
    for value in offers[:MAX_OFFERS]:
        parsed = parse_offer(value)
        if isinstance(parsed, str):
            raw_id = value.get("id") if isinstance(value, dict) else None
            answers.append({"id": str(raw_id)[:64], "code": "", "status": "refused",
                            "reason": parsed})  # fmt: skip
            continue
        status, reason = _decide(conn, site_id, parsed, approval)
        if status == "registered":
            admin_ops.register_tenant(conn, site_id, parsed.as_tenant())
        elif status == "pending":
            _hold(conn, site_id, device_id, parsed, reason)
        answers.append({"id": parsed.id, "code": parsed.code, "status": status, "reason": reason})
    return answers


def _decide(conn: Connection, site_id: str, offered: Offer, approval: bool) -> tuple[str, str]:
    serves = conn.execute(
        text("SELECT 1 FROM site_tenants WHERE site_id = :s AND tenant_id = :t"),
        {"s": site_id, "t": offered.id},
    ).first()
    if serves:
        return "known", ""
    if conn.execute(text("SELECT 1 FROM tenants WHERE id = :t"), {"t": offered.id}).first():
        return "pending", "id_at_other_site"
    clash = conn.execute(
        text(
            "SELECT t.code = :c, t.org_no = :o FROM tenants t JOIN site_tenants st ON "
            "st.tenant_id = t.id WHERE st.site_id = :s AND (t.code = :c OR t.org_no = :o) "
            "LIMIT 1"
        ),
        {"s": site_id, "c": offered.code, "o": offered.org_no},
    ).first()
    if clash:
        return "pending", "code_in_use" if clash[0] else "org_no_in_use"
    return ("pending", "approval") if approval else ("registered", "")


def _hold(
    conn: Connection, site_id: str, device_id: str | None, offered: Offer, reason: str
) -> None:
    conn.execute(
        text(
            "INSERT INTO tenant_requests (site_id, tenant_id, code, name, org_no, "
            "vat_registered, device_id, reason, status) VALUES (:s, :t, :c, :n, :o, :v, :d, "
            ":r, 'pending') ON CONFLICT (site_id, tenant_id) WHERE status = 'pending' DO "
            "UPDATE SET code = excluded.code, name = excluded.name, org_no = excluded.org_no, "
            "vat_registered = excluded.vat_registered, device_id = excluded.device_id, "
            "reason = excluded.reason"
        ),
        {"s": site_id, "t": offered.id, "c": offered.code, "n": offered.name,
         "o": offered.org_no, "v": offered.vat_registered, "d": device_id, "r": reason},
    )  # fmt: skip


def pending_ids(conn: Connection, site_id: str, tenant_ids: list[str]) -> set[str]:
    """Which of these tenant ids wait for the operator at this site."""
    found = conn.execute(
        text(
            "SELECT tenant_id FROM tenant_requests WHERE site_id = :s AND status = 'pending' "
            "AND tenant_id = ANY(:t)"
        ),
        {"s": site_id, "t": tenant_ids},
    )
    return {r[0] for r in found}


def requests(conn: Connection, status: str = "pending") -> list[dict[str, Any]]:
    found = conn.execute(
        text(
            "SELECT r.tenant_id, r.code, r.name, r.org_no, r.vat_registered, s.name, "
            "r.device_id, r.reason, r.created_at::text FROM tenant_requests r JOIN sites s ON "
            "s.id = r.site_id WHERE r.status = :st ORDER BY s.name, r.code"
        ),
        {"st": status},
    )
    keys = ("id", "code", "name", "org_no", "vat", "site", "device", "reason", "since")
    return [dict(zip(keys, row, strict=True)) for row in found]


def decide(conn: Connection, tenant_id: str, approve: bool, site: str | None = None) -> str:
    """Approve (register for its site) or refuse a held tenant; returns the site's id."""
    rows = conn.execute(
        text(
            "SELECT r.id, r.site_id, s.name, r.tenant_id, r.code, r.name, r.org_no, "
            "r.vat_registered, r.reason FROM tenant_requests r JOIN sites s ON s.id = r.site_id "
            "WHERE r.status = 'pending' AND r.tenant_id = :t AND (CAST(:site AS text) IS NULL "
            "OR s.name = :site) FOR UPDATE OF r"
        ),
        {"t": tenant_id, "site": site},
    ).all()
    if not rows:
        raise Problem(404, "not_found", f"no tenant {tenant_id!r} is waiting for approval")
    if len(rows) > 1:
        sites = ", ".join(sorted(r[2] for r in rows))
        raise Problem(409, "ambiguous", f"waiting at several sites ({sites}); name one: --site")
    request_id, site_id, _, tid, code, name, org_no, vat, reason = rows[0]
    if approve and reason in ("code_in_use", "org_no_in_use"):
        raise Problem(
            409,
            reason,
            f"another tenant of the site has this {'code' if reason == 'code_in_use' else 'org.no'}"
            "; give the tenant another one at the counter, or refuse it",
        )
    if approve and reason == "id_at_other_site":
        conn.execute(text("INSERT INTO site_tenants VALUES (:s, :t) ON CONFLICT DO NOTHING"),
                     {"s": site_id, "t": tid})  # fmt: skip
    elif approve:
        held = Offer(tid, code, name, org_no, vat)
        admin_ops.register_tenant(conn, site_id, held.as_tenant())
    conn.execute(
        text("UPDATE tenant_requests SET status = :st, decided_at = now() WHERE id = :i"),
        {"st": "approved" if approve else "refused", "i": request_id},
    )
    return str(site_id)
