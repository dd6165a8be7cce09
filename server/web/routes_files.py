"""Settlements per period with the statement PDF and the accountant's CSV, and a tenant's
SAF-T Cash Register file per period, streamed while it is written."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from starlette.responses import Response, StreamingResponse

from pdf.reports import settlement_pdf
from pos.settlement_csv import settlements_csv
from server import centre_name
from server.web import periods, settlements
from server.web.access import Person, reading, require_person, tenants, visible_tenant
from server.web.errors import WebError
from server.web.saft_writer import file_name, saft_stream
from server.web.templates import render

router = APIRouter(include_in_schema=False)
PersonDep = Annotated[Person, Depends(require_person)]
Day = Annotated[str | None, Query(alias="from", max_length=20)]
Until = Annotated[str | None, Query(alias="to", max_length=20)]
SAFT_MAX_DAYS = 3 * 366


def _year_so_far(start: str | None, end: str | None) -> periods.Period:
    if start or end:
        return periods.period(start, end, SAFT_MAX_DAYS)
    return periods.period(periods.today()[:4] + "-01-01", periods.today())


def _issuer(request: Request, person: Person) -> str:
    """Who issues the statements: the centre's company as the counters print it."""
    with reading(request, person) as conn:
        site = person.site_id or centre_name.site_of_tenant(conn, person.tenant_id)
        return centre_name.issuer_of_site(conn, site) if site else "Omigjen"


def _not_found() -> WebError:
    return WebError(404, "Fant ikke siden", "Siden finnes ikke, eller du har ikke tilgang til den.")


@router.get("/settlements")
def settlement_list(
    request: Request, person: PersonDep, start: Day = None, end: Until = None
) -> Response:
    period = _year_so_far(start, end)
    with reading(request, person) as conn:
        found = settlements.listed(
            conn, list(person.scope.tenant_ids), person.site_id, period.start, period.end
        )
        names = {t["id"]: t for t in tenants(conn, person)}
    return render(
        request,
        "settlements.html",
        period=period,
        settlements=found,
        names=names,
        month=periods.this_month(),
        today=periods.today(),
    )


def _settlement(request: Request, person: Person, event_id: str):  # noqa: ANN202
    with reading(request, person) as conn:
        doc = settlements.one(conn, list(person.scope.tenant_ids), person.site_id, event_id)
    if doc is None:
        raise _not_found()
    return doc


@router.get("/settlements/{event_id}.pdf")
def settlement_statement(request: Request, person: PersonDep, event_id: str) -> Response:
    doc = _settlement(request, person, event_id)
    with tempfile.TemporaryDirectory() as folder:
        path = settlement_pdf(doc, Path(folder) / "oppgjor.pdf", _issuer(request, person))
        data = path.read_bytes()
    headers = {"Content-Disposition": f'attachment; filename="{doc.number_text}.pdf"'}
    return Response(data, media_type="application/pdf", headers=headers)


@router.get("/settlements/{event_id}.csv")
def settlement_csv(request: Request, person: PersonDep, event_id: str) -> Response:
    doc = _settlement(request, person, event_id)
    headers = {"Content-Disposition": f'attachment; filename="{doc.number_text}.csv"'}
    return Response(
        settlements_csv([doc]).encode("utf-8"),
        media_type="text/csv; charset=utf-8",
        headers=headers,
    )


@router.get("/saft")
def saft_form(request: Request, person: PersonDep) -> Response:
    with reading(request, person) as conn:
        listed = tenants(conn, person)
    return render(
        request, "saft.html", tenants=listed, period=periods.this_month(), max_days=SAFT_MAX_DAYS
    )


@router.get("/saft/file")
def saft_file(
    request: Request,
    person: PersonDep,
    tenant: Annotated[str, Query(max_length=64)],
    start: Day = None,
    end: Until = None,
) -> Response:
    period = periods.period(start, end, SAFT_MAX_DAYS)
    with reading(request, person) as conn:
        found = visible_tenant(conn, person, tenant)
        centre = centre_name.of_tenant(conn, found["id"]) or "Omigjen"
    moment = datetime.now(UTC)

    def stream():  # noqa: ANN202
        with reading(request, person) as conn:
            yield from saft_stream(conn, found, period.start, period.end, centre, moment)

    name = file_name(found["org_no"], moment)
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return StreamingResponse(stream(), media_type="application/xml", headers=headers)
