"""The centre's name and company: the first name a counter of the site brings at enrolment
becomes the centre's, published to the site's counters as the reference entity ``centre``. A
counter set up from the server shows it (not the site's name on the server), and the server's
own documents (SAF-T location, settlement statements) use it too.

The centre's company (legal name, org.no. and bank account: the payer of the tenants'
settlements) travels in the same entity as ``company``: the first a counter brings at
enrolment stands, and a manager's later change at any counter (``centre.company_set``,
``set_company``) replaces it; every counter of the site pulls it."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, text

from pos.model.settlement import statement_issuer as issuer_text
from server import refdata
from server.db import past_scope

_ORG = re.compile(r"^([0-9]{9})?$")
_ACCOUNT = re.compile(r"^([0-9]{11})?$")


def bring(
    conn: Connection, site_id: str, name: str | None, company: dict[str, str] | None = None
) -> None:
    """Keep ``name`` as the site's centre name and ``company`` as its company unless it has
    them (the first ones stand)."""
    held = refdata.current(conn, "centre", site_id)
    data = dict(held["data"]) if held else {}
    name = (name or "").strip()
    if name and not data.get("name"):
        data["name"] = name[:100]
    if company and company.get("name") and not data.get("company"):
        data["company"] = company
    if data != (held["data"] if held else {}):
        refdata.put(conn, "centre", site_id, None, data, site_id)


def set_company(
    conn: Connection, site_id: str, company: dict[str, str], *, if_none: bool = False
) -> None:
    """A manager's change of the centre's company at a counter: it replaces the one held.
    ``if_none``: a counter offering the company it had before the company travelled, taken
    only while the site has none (one another counter sent stands)."""
    held = refdata.current(conn, "centre", site_id)
    data = dict(held["data"]) if held else {}
    if if_none and isinstance(data.get("company"), dict):
        return
    if data.get("company") != company:
        refdata.put(conn, "centre", site_id, None, data | {"company": company}, site_id)


def company_problem(company: Any) -> str | None:
    """Why a company a counter sends cannot be the centre's (None: it can)."""
    if not isinstance(company, dict) or set(company) != {"name", "org_no", "account"}:
        return "company must be {name, org_no, account}"
    if not all(isinstance(v, str) for v in company.values()):
        return "company's parts must be texts"
    if not 0 < len(company["name"].strip()) <= 70:
        return "company name must be 1-70 characters"
    if not _ORG.match(company["org_no"]) or not _ACCOUNT.match(company["account"]):
        return "org_no must be 9 digits and account 11 digits (or empty)"
    return None


def of_site(conn: Connection, site_id: str) -> str:
    """The centre's name, else the site's name ("" for no such site)."""
    found = conn.execute(
        text(
            "SELECT COALESCE((SELECT c.data->>'name' FROM ref_current c WHERE c.entity = "
            "'centre' AND c.entity_id = s.id AND NOT c.deleted), s.name) FROM sites s "
            "WHERE s.id = :s"
        ),
        {"s": site_id},
    ).scalar()
    return str(found or "")


def issuer_of_site(conn: Connection, site_id: str) -> str:
    """Who issues the site's settlement statements, as a counter of the site prints it: the
    centre's company with its org.no. (``centre.company_set``), else the centre's name."""
    with past_scope(conn):  # a tenant's scope does not see the site's rows
        held = refdata.current(conn, "centre", site_id)
        centre = of_site(conn, site_id)
    company = (held["data"] if held else {}).get("company")
    company = company if isinstance(company, dict) else {}
    return issuer_text(str(company.get("name") or ""), str(company.get("org_no") or ""), centre)


def site_of_tenant(conn: Connection, tenant_id: str) -> str:
    """The site a tenant sells at ("" for none), read past a tenant's scope."""
    with past_scope(conn):
        found = conn.execute(
            text("SELECT site_id FROM site_tenants WHERE tenant_id = :t ORDER BY site_id LIMIT 1"),
            {"t": tenant_id},
        ).scalar()
    return str(found or "")


def of_tenant(conn: Connection, tenant_id: str) -> str:
    """The name of the centre whose tenant this is (a tenant's own documents): read past a
    tenant's scope, which does not see the site's rows."""
    with past_scope(conn):
        site = conn.execute(
            text("SELECT site_id FROM site_tenants WHERE tenant_id = :t ORDER BY site_id LIMIT 1"),
            {"t": tenant_id},
        ).scalar()
        return of_site(conn, str(site)) if site else ""
