"""Takings: the manager's overview of every tenant across every counter, and one tenant's
page (sales, returns, discounts, VAT per rate, payment means, per register, the receipts),
refreshed by htmx while the counters sync."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from starlette.responses import RedirectResponse, Response

from server.web import figures, periods
from server.web.access import Person, reading, require_person, tenants, visible_tenant
from server.web.templates import render

router = APIRouter(include_in_schema=False)
PersonDep = Annotated[Person, Depends(require_person)]
Day = Annotated[str | None, Query(alias="from", max_length=20)]
Until = Annotated[str | None, Query(alias="to", max_length=20)]


@router.get("/")
def home(person: PersonDep) -> Response:
    return RedirectResponse("/takings", status_code=303)


@router.get("/takings")
def overview(request: Request, person: PersonDep, start: Day = None, end: Until = None) -> Response:
    period = periods.period(start, end)
    if not person.manager:
        query = f"?from={period.start}&to={period.end}"
        return RedirectResponse(f"/tenants/{person.tenant_id}/takings{query}", status_code=303)
    with reading(request, person) as conn:
        listed = tenants(conn, person)
        ids = [t["id"] for t in listed]
        found = figures.per_tenant(conn, period, ids, person.site_id)
        total = figures.together(conn, period, ids, person.site_id)
    name = "_overview_body.html" if request.headers.get("hx-request") else "overview.html"
    return render(
        request,
        name,
        period=period,
        tenants=listed,
        takings=found,
        total=total,
        month=periods.this_month(),
        today=periods.today(),
    )


@router.get("/tenants/{tenant_id}/takings")
def tenant_takings(
    request: Request, person: PersonDep, tenant_id: str, start: Day = None, end: Until = None
) -> Response:
    period = periods.period(start, end)
    with reading(request, person) as conn:
        tenant = visible_tenant(conn, person, tenant_id)
        site = person.site_id
        takings = figures.per_tenant(conn, period, [tenant_id], site).get(tenant_id)
        registers = figures.per_register(conn, period, tenant_id, site)
        receipts, after = figures.receipts(conn, period, tenant_id, None, site)
    name = "_tenant_body.html" if request.headers.get("hx-request") else "tenant_takings.html"
    return render(
        request,
        name,
        period=period,
        tenant=tenant,
        takings=takings,
        registers=registers,
        receipts=receipts,
        after=after,
        month=periods.this_month(),
        today=periods.today(),
    )


@router.get("/tenants/{tenant_id}/receipts")
def receipts_page(
    request: Request,
    person: PersonDep,
    tenant_id: str,
    start: Day = None,
    end: Until = None,
    before: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    """The next page of receipts (an htmx fragment, or a plain page without htmx)."""
    period = periods.period(start, end)
    with reading(request, person) as conn:
        tenant = visible_tenant(conn, person, tenant_id)
        receipts, after = figures.receipts(conn, period, tenant_id, before, person.site_id)
    name = "_receipts.html" if request.headers.get("hx-request") else "receipts_page.html"
    return render(request, name, period=period, tenant=tenant, receipts=receipts, after=after)
