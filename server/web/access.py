"""Who is asking: the signed-in person from the session cookie, and the row-level security
scope their pages run under — a centre manager sees the site's tenants and the site's own
rows, a tenant's user sees that one tenant."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from fastapi import Request
from sqlalchemy import Connection, text

from server.db import Scope, scoped
from server.web import sessions
from server.web.errors import SignInNeeded, WebError

AUTH = Scope("auth")
"""Sign-in and session look-ups: sees the web's people (their own policy), no tenant data."""


@dataclass(frozen=True)
class Person:
    user_id: str
    login: str
    name: str
    role: str
    site_id: str
    tenant_id: str
    totp_on: bool
    session: str
    """The session's token hash: what this person's form tokens are bound to."""
    scope: Scope

    @property
    def manager(self) -> bool:
        return self.role == "manager"


def _scope(conn: Connection, user: dict) -> Scope:
    if user["role"] == "manager":
        tenants = conn.execute(
            text("SELECT tenant_id FROM site_tenants WHERE site_id = :s ORDER BY 1"),
            {"s": user["site_id"]},
        ).scalars()
        return Scope("manager", tuple(str(t) for t in tenants), str(user["site_id"]))
    return Scope("tenant", (str(user["tenant_id"]),))


def session_of(request: Request) -> sessions.Session | None:
    with scoped(request.app.state.engine, AUTH) as conn:
        found, expired = sessions.lookup(conn, request.cookies.get(sessions.COOKIE, ""))
    if expired:
        raise SignInNeeded(expired=True)
    return found


def require_person(request: Request) -> Person:
    """The signed-in person (a FastAPI dependency); otherwise the sign-in page."""
    with scoped(request.app.state.engine, AUTH) as conn:
        found, expired = sessions.lookup(conn, request.cookies.get(sessions.COOKIE, ""))
        if found is None:
            raise SignInNeeded(expired=expired)
        if found.stage != "in":
            raise SignInNeeded(expired=False, stage="totp")
        user = found.user
        scope = _scope(conn, user)
    person = Person(
        str(user["id"]),
        str(user["login"]),
        str(user["name"]),
        str(user["role"]),
        str(user["site_id"] or ""),
        str(user["tenant_id"] or ""),
        user["totp_secret"] is not None,
        found.token_hash,
        scope,
    )
    request.state.person = person
    return person


def require_manager(request: Request) -> Person:
    person = require_person(request)
    if not person.manager:
        raise WebError(403, "Ingen tilgang", "Denne siden er for senterlederen.")
    return person


@contextmanager
def reading(request: Request, person: Person) -> Iterator[Connection]:
    """One transaction under the person's row-level security scope."""
    with scoped(request.app.state.engine, person.scope) as conn:
        yield conn


def visible_tenant(conn: Connection, person: Person, tenant_id: str) -> dict:
    """A tenant this person may see (row-level security decides), else 404: another tenant's
    id in an address looks exactly like one that does not exist."""
    if tenant_id not in person.scope.tenant_ids:
        raise WebError(
            404, "Fant ikke siden", "Siden finnes ikke, eller du har ikke tilgang til den."
        )
    row = (
        conn.execute(
            text("SELECT id, code, name, org_no, vat_registered FROM tenants WHERE id = :t"),
            {"t": tenant_id},
        )
        .mappings()
        .first()
    )
    if row is None:
        raise WebError(
            404, "Fant ikke siden", "Siden finnes ikke, eller du har ikke tilgang til den."
        )
    return dict(row)


def tenants(conn: Connection, person: Person) -> list[dict]:
    """The tenants this person sees, by code."""
    return [
        dict(r)
        for r in conn.execute(
            text(
                "SELECT id, code, name, org_no FROM tenants WHERE id = ANY(:t) ORDER BY code, name"
            ),
            {"t": list(person.scope.tenant_ids)},
        ).mappings()
    ]
