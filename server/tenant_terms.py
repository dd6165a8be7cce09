"""A tenant's terms with the centre (``tenant.terms_set``): the whole terms after a manager's
change at a counter, published as the site's ``tenant_terms`` reference entity (id
``<site>/<tenant>``) so every counter of the site settles by the same ones, and read by the
server's own settlements. The last one the server stores wins (device order within a push,
push order between counters)."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection

from pos.model.settlement_plan import TenantTerms
from server import refdata
from server.auth import Device
from server.db import Scope, apply_scope

ENTITY = "tenant_terms"
MAX_RATES = 200
MAX_RENT = 100_000_000_00  # øre
_GROUP = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
_ACCOUNT = re.compile(r"^([0-9]{11})?$")


def _whole(value: Any, top: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= top


def payload_problem(payload: dict[str, Any]) -> tuple[str, str] | None:
    """Terms no counter could have set (quarantined ``malformed``)."""
    terms = payload.get("terms")
    if not isinstance(terms, dict):
        return ("malformed", "terms must be an object")
    if not _whole(terms.get("commission_bp"), 10_000):
        return ("malformed", "commission_bp must be 0 to 10000 basis points")
    if not _whole(terms.get("monthly_rent"), MAX_RENT):
        return ("malformed", "monthly_rent must be a whole number of øre")
    if not isinstance(terms.get("bank_account"), str) or not _ACCOUNT.match(terms["bank_account"]):
        return ("malformed", "bank_account must be 11 digits or empty")
    rates = terms.get("group_rates")
    if not isinstance(rates, dict) or len(rates) > MAX_RATES:
        return ("malformed", "group_rates must be an object of article group rates")
    if not all(_GROUP.match(str(g)) and _whole(bp, 10_000) for g, bp in rates.items()):
        return ("malformed", "a group rate must be 0 to 10000 basis points for a group id")
    return None


def entity_id(site_id: str, tenant_id: str) -> str:
    return f"{site_id}/{tenant_id}"


def apply(conn: Connection, device: Device, rows: list[dict[str, Any]]) -> None:
    """Publish the batch's terms in device order (the tenant's own change, for its counters)."""
    apply_scope(conn, Scope.admin())
    try:
        for row in rows:
            terms = row["payload"]["terms"]
            key = entity_id(device.site_id, row["tenant_id"])
            if row["payload"].get("if_none") is True and refdata.current(conn, ENTITY, key):
                continue  # terms set before they travelled: the site's own stand
            data = {
                "site_id": device.site_id,
                "commission_bp": terms["commission_bp"],
                "monthly_rent": terms["monthly_rent"],
                "bank_account": terms["bank_account"],
                "group_rates": dict(sorted(terms["group_rates"].items())),
                "set": {"at": row["occurred_at"], "device": device.id},
            }
            refdata.put(conn, ENTITY, key, row["tenant_id"], data)
    finally:
        apply_scope(conn, device.scope)


def of_site(conn: Connection, site_id: str, tenant_id: str) -> TenantTerms:
    """The tenant's terms at the site as last published (none set: no commission, no rent)."""
    found = refdata.current(conn, ENTITY, entity_id(site_id, tenant_id))
    data = found["data"] if found is not None else None
    if not isinstance(data, dict):
        return TenantTerms()
    return TenantTerms(
        commission_bp=int(data.get("commission_bp") or 0),
        monthly_rent=int(data.get("monthly_rent") or 0),
        bank_account=str(data.get("bank_account") or ""),
        group_rates={str(g): int(bp) for g, bp in (data.get("group_rates") or {}).items()},
    )
