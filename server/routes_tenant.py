"""The tenant read API: a tenant's own sales, Z reports and settlements, and nothing else.

A tenant token's scope names exactly one tenant; every query filters on it and row-level
security filters again, so a bug in one query still cannot show another tenant's rows.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from server.api_models import PROBLEMS
from server.auth import require_tenant
from server.db import Scope, rows, scoped

router = APIRouter(prefix="/v1/tenant", responses=PROBLEMS, tags=["tenant"])
TenantDep = Annotated[Scope, Depends(require_tenant)]
Limit = Annotated[int, Query(ge=1, le=1000)]


@router.get("/me")
def me(request: Request, scope: TenantDep) -> dict[str, Any]:
    with scoped(request.app.state.engine, scope) as conn:
        found = rows(
            conn,
            "SELECT id, code, name, org_no, vat_registered FROM tenants WHERE id = :t",
            {"t": scope.tenant_ids[0]},
        )
    return found[0] if found else {}


@router.get("/sales")
def sales(
    request: Request, scope: TenantDep, after: Annotated[int, Query(ge=0)] = 0, limit: Limit = 200
) -> dict[str, Any]:
    """Own receipts in the order the server received them; page with ``after``."""
    with scoped(request.app.state.engine, scope) as conn:
        found = rows(
            conn,
            "SELECT e.id AS position, e.payload->'receipt'->>'id' AS id, e.payload->'receipt'"
            "->>'number_text' AS number_text, e.payload->'receipt'->>'kind' AS kind, "
            "(e.payload->'receipt'->>'total')::bigint AS total, (e.payload->'receipt'->>"
            "'total_ex_vat')::bigint AS total_ex_vat, e.payload->'receipt'->>'local_date' AS "
            "local_date, e.payload->'receipt'->>'local_time' AS local_time, e.payload->"
            "'training' AS training, e.device_id, e.payload->'lines' AS lines, "
            "e.payload->'payments' AS payments, e.payload->'vat' AS vat, COALESCE((SELECT "
            "array_agg(f.code) FROM event_flags f WHERE f.event_id = e.event_id), '{}') AS flags "
            "FROM events e WHERE e.tenant_id = :t AND e.type IN ('sale.completed', "
            "'return.completed') AND e.id > :after ORDER BY e.id LIMIT :n",
            {"t": scope.tenant_ids[0], "after": after, "n": limit},
        )
    return {"sales": found, "next_after": found[-1]["position"] if found else after}


def _documents(request: Request, scope: Scope, prefix: str, limit: int) -> list[dict[str, Any]]:
    with scoped(request.app.state.engine, scope) as conn:
        return rows(
            conn,
            "SELECT event_id::text, type, occurred_at::text, payload FROM events "
            "WHERE tenant_id = :t AND type LIKE :p ORDER BY id DESC LIMIT :n",
            {"t": scope.tenant_ids[0], "p": prefix + "%", "n": limit},
        )


@router.get("/z-reports")
def z_reports(request: Request, scope: TenantDep, limit: Limit = 100) -> list[dict[str, Any]]:
    """Z reports pushed by the counters (empty until day-end closing exists)."""
    return _documents(request, scope, "z_report.", limit)


@router.get("/settlements")
def settlements(request: Request, scope: TenantDep, limit: Limit = 100) -> list[dict[str, Any]]:
    """Settlement statements (empty until tenant settlement exists)."""
    return _documents(request, scope, "settlement.", limit)
