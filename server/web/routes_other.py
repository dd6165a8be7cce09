"""The read-only boards: repair jobs across the counters (status and age), the tenant's own
items with price and status, and the centre's reuse impact — second-hand items sold, repairs
fixed, repairable or at end of life — with the ORDS export and figures for the municipality."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy import Connection, text
from starlette.responses import Response

from pos.model.ords import ORDS_FIELDS, ords_record, status_of
from pos.model.repair import RepairStatus
from server.web import periods
from server.web.access import Person, reading, require_manager, require_person, tenants
from server.web.templates import render

router = APIRouter(include_in_schema=False)
PersonDep = Annotated[Person, Depends(require_person)]
ManagerDep = Annotated[Person, Depends(require_manager)]
Day = Annotated[str | None, Query(alias="from", max_length=20)]
Until = Annotated[str | None, Query(alias="to", max_length=20)]
ITEMS_PER_PAGE = 100
STATUS_WORDS = {status.value: status.label_nb for status in RepairStatus}
"""A job's status in the counter's own words ("Levert tilbake ureparert")."""


def _field(fields: dict[str, Any], name: str) -> Any:
    value = (fields or {}).get(name)
    return value.get("v") if isinstance(value, dict) else None


def _tickets(conn: Connection, person: Person, everything: bool) -> list[dict[str, Any]]:
    rows = conn.execute(
        text(
            "SELECT tenant_id, ticket_id, status, base, fields, updated_at FROM repair_tickets "
            "WHERE tenant_id = ANY(:t) AND (:s = '' OR site_id = :s) ORDER BY ticket_id"
        ),
        {"t": list(person.scope.tenant_ids), "s": person.site_id},
    ).mappings()
    now = datetime.now(UTC)
    found = []
    for row in rows:
        status = RepairStatus(row["status"]) if row["status"] in STATUS_WORDS else None
        if not everything and (status is None or status.final):
            continue
        since = taken_in(row["base"] or {}, row["updated_at"])
        fields = row["fields"]
        found.append({
            "tenant_id": row["tenant_id"], "ticket": row["ticket_id"], "status": row["status"],
            "age": None if since is None else max(0, (now - since).days),
            "received": None if since is None else since.astimezone(periods.OSLO),
            "item": " ".join(filter(None, [_field(fields, "item_category"),
                                                       _field(fields, "item_brand_model")])),
            "fault": _field(fields, "fault") or "", "promised": _field(fields, "promised_date"),
        })  # fmt: skip
    return sorted(found, key=lambda t: -(t["age"] or 0))


def taken_in(base: dict[str, Any], updated_at: datetime | None) -> datetime | None:
    """When the job came in, by the server's clock: when the server received the intake (a
    counter's clock can run ahead or behind; a job never gets a negative age). A job the
    server merged before it kept that time: the earlier of the counter's intake time and the
    server's last change."""
    received = _instant(base.get("received_at"))
    if received is not None:
        return received
    created = _instant(base.get("created_at"))
    if created is None or updated_at is None:
        return created or updated_at
    return min(created, updated_at)


def _instant(value: Any) -> datetime | None:
    try:
        found = datetime.fromisoformat(str(value or "").replace("Z", "+00:00"))
    except ValueError:
        return None
    return found if found.tzinfo is not None else found.replace(tzinfo=periods.OSLO)


@router.get("/repairs")
def repairs(request: Request, person: PersonDep, alle: int = 0) -> Response:
    with reading(request, person) as conn:
        jobs = _tickets(conn, person, bool(alle))
        names = {t["id"]: t for t in tenants(conn, person)}
    return render(
        request, "repairs.html", jobs=jobs, names=names, everything=bool(alle), words=STATUS_WORDS
    )


@router.get("/items")
def items(
    request: Request,
    person: PersonDep,
    q: Annotated[str, Query(max_length=100)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    with reading(request, person) as conn:
        rows = conn.execute(
            text(
                "SELECT entity_id, tenant_id, data FROM ref_current WHERE entity = 'item' "
                "AND NOT deleted AND tenant_id = ANY(:t) AND (:q = '' OR data->>'description' "
                "ILIKE '%' || :q || '%' OR data->>'barcode' = :q) "
                "ORDER BY tenant_id, data->>'description', entity_id LIMIT :n OFFSET :o"
            ),
            {
                "t": list(person.scope.tenant_ids),
                "q": q.strip(),
                "n": ITEMS_PER_PAGE + 1,
                "o": (page - 1) * ITEMS_PER_PAGE,
            },
        ).all()
        names = {t["id"]: t for t in tenants(conn, person)}
    found = [{"id": r[0], "tenant_id": r[1], **(r[2] or {})} for r in rows[:ITEMS_PER_PAGE]]
    return render(
        request,
        "items.html",
        items=found,
        names=names,
        q=q,
        page=page,
        more=len(rows) > ITEMS_PER_PAGE,
    )


def impact(conn: Connection, person: Person, start: str, end: str) -> dict[str, Any]:
    """Second-hand (one-off) items sold less returned, and finished repairs by ORDS status."""
    sold = conn.execute(
        text(
            "SELECT COALESCE(sum(CASE WHEN e.type = 'return.completed' THEN -1 ELSE 1 END * "
            "abs(takings_int(l->>'qty'))), 0) FROM events e, "
            "jsonb_array_elements(takings_array(e.payload->'lines')) l "
            "JOIN ref_current i ON i.entity = 'item' AND i.entity_id = l->>'item_id' "
            "WHERE e.tenant_id = ANY(:t) AND e.site_id = :s AND e.type IN ('sale.completed', "
            "'return.completed') AND NOT COALESCE((e.payload->>'training')::boolean, false) "
            "AND e.receipt_date BETWEEN CAST(:f AS date) AND CAST(:e AS date) "
            "AND i.data->>'kind' = 'one_off'"
        ),
        {"t": list(person.scope.tenant_ids), "s": person.site_id, "f": start, "e": end},
    ).scalar()
    outcomes: dict[str, int] = {"Fixed": 0, "Repairable": 0, "End of life": 0, "Unknown": 0}
    for job in _ended(conn, person, start, end):
        outcomes[job["ords_status"]] = outcomes.get(job["ords_status"], 0) + 1
    return {"sold": int(sold or 0), "outcomes": outcomes}


def _ended(conn: Connection, person: Person, start: str, end: str) -> list[dict[str, Any]]:
    finals = [s.value for s in RepairStatus if s.final]
    rows = conn.execute(
        text(
            "SELECT t.tenant_id, t.ticket_id, t.status, t.fields, t.updated_at, tn.code "
            "FROM repair_tickets t JOIN tenants tn ON tn.id = t.tenant_id "
            "WHERE t.tenant_id = ANY(:t) AND t.site_id = :s AND t.status = ANY(:f) "
            "AND (t.updated_at AT TIME ZONE 'Europe/Oslo')::date BETWEEN :a AND :b "
            "ORDER BY t.updated_at"
        ),
        {
            "t": list(person.scope.tenant_ids),
            "s": person.site_id,
            "f": finals,
            "a": start,
            "b": end,
        },
    ).mappings()
    jobs = []
    for row in rows:
        fields = {k: _field(row["fields"], k) for k in (row["fields"] or {})}
        ended = row["updated_at"].astimezone(periods.OSLO).date().isoformat()
        recorded = fields.get("outcome") or ""
        jobs.append({
            "id": row["ticket_id"], "status": row["status"], "tenant_code": row["code"],
            "ended": ended, "outcome": recorded,
            "ords_status": status_of(RepairStatus(row["status"]), recorded),
            "fields": fields,
        })  # fmt: skip
    return jobs


@router.get("/impact")
def impact_page(
    request: Request, person: ManagerDep, start: Day = None, end: Until = None
) -> Response:
    period = periods.period(start, end) if start or end else periods.this_month()
    with reading(request, person) as conn:
        found = impact(conn, person, period.start, period.end)
    return render(
        request,
        "impact.html",
        period=period,
        impact=found,
        month=periods.this_month(),
        today=periods.today(),
    )


@router.get("/impact/ords.csv")
def ords_csv(
    request: Request, person: ManagerDep, start: Day = None, end: Until = None
) -> Response:
    period = periods.period(start, end) if start or end else periods.this_month()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(ORDS_FIELDS)
    with reading(request, person) as conn:
        centre = conn.execute(
            text("SELECT name FROM sites WHERE id = :s"), {"s": person.site_id}
        ).scalar()
        for job in _ended(conn, person, period.start, period.end):
            row = {
                **job["fields"],
                "id": job["id"],
                "status": job["status"],
                "tenant_code": job["tenant_code"],
            }
            writer.writerow(
                ords_record(row, str(centre or "Omigjen"), "NOR", job["ended"], job["ended"])
            )
    name = f"ords-{period.start}-{period.end}.csv"
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/impact/kommune.csv")
def municipality_csv(
    request: Request, person: ManagerDep, start: Day = None, end: Until = None
) -> Response:
    period = periods.period(start, end) if start or end else periods.this_month()
    with reading(request, person) as conn:
        found = impact(conn, person, period.start, period.end)
        centre = conn.execute(
            text("SELECT name FROM sites WHERE id = :s"), {"s": person.site_id}
        ).scalar()
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Senter", "Fra", "Til", "Måltall", "Antall"])
    rows = [
        ("Brukte ting solgt", found["sold"]),
        *((f"Reparasjoner: {k}", v) for k, v in found["outcomes"].items()),
    ]
    for label, value in rows:
        writer.writerow([centre, period.start, period.end, label, value])
    name = f"ombruk-{period.start}-{period.end}.csv"
    return Response(
        "\ufeff" + out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
