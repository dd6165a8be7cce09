"""Day-end status per register: which tenants took their Z (number and net sales on it,
beside the day's takings the server holds), the till close's cash variance, and when each
counter last synced. A tenant's people see their own Z reports only (row-level security)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy import Connection, text
from starlette.responses import Response

from server.takings_rollup import bring_up_to_date
from server.web import periods
from server.web.access import Person, reading, require_person, tenants
from server.web.i18n import pick
from server.web.templates import render, shown_day

router = APIRouter(include_in_schema=False)
PersonDep = Annotated[Person, Depends(require_person)]
SKEW_S = 120
"""A close received more than this from the counter's own time is marked: the counter's clock
was wrong (or, received later, the counter was offline)."""


def _rows(conn: Connection, sql: str, **params: Any) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(text(sql), params).mappings()]


# The day is the stored ``day_end_date`` (migration s0014), never the JSON text: a date's
# equality is leakproof, so under row-level security it is an index condition and a day costs
# a day's rows, however many years of reports lie behind it.
Z_REPORTS = (
    "SELECT tenant_id, device_id, payload->>'register_id' AS register_id, "
    "takings_int(payload->>'z_number') AS z_number, "
    "takings_int(payload->>'total_cash_sales') AS net, payload->>'report_time' AS time "
    "FROM events WHERE type = 'z_report.taken' AND tenant_id = ANY(:t) "
    "AND day_end_date = CAST(:d AS date) AND (:s = '' OR site_id = :s) ORDER BY id"
)
TILL_CLOSES = (
    "SELECT device_id, payload->>'register_id' AS register_id, payload->>'local_time' AS "
    "time, takings_int(payload->>'expected_cash') AS expected, takings_int(payload->>"
    "'counted_cash') AS counted, takings_int(payload->>'variance') AS variance, "
    "payload->>'note' AS note, payload->>'closed_at' AS closed_at, received_at "
    "FROM events WHERE type = 'till.closed' AND tenant_id IS NULL "
    "AND site_id = :s AND day_end_date = CAST(:d AS date) ORDER BY id"
)


def status(conn: Connection, person: Person, day: str) -> dict[str, Any]:
    ids, site = list(person.scope.tenant_ids), person.site_id
    bring_up_to_date(conn)
    used = _rows(
        conn,
        "SELECT device_id, register_id, tenant_id, sum(amount) FILTER (WHERE kind IN "
        "('sale', 'return')) AS net FROM takings_days WHERE tenant_id = ANY(:t) AND day = :d "
        "AND (:s = '' OR site_id = :s) GROUP BY 1, 2, 3",
        t=ids,
        d=day,
        s=site,
    )
    zs = _rows(conn, Z_REPORTS, t=ids, d=day, s=site)
    closes = _rows(conn, TILL_CLOSES, s=site, d=day) if person.manager else []
    devices = (
        _rows(
            conn,
            "SELECT id, name, last_seen_at FROM devices WHERE site_id = :s AND revoked_at IS NULL "
            "ORDER BY name",
            s=site,
        )
        if person.manager
        else []
    )
    registers: dict[tuple[str, str], dict[str, Any]] = defaultdict(
        lambda: {"tenants": {}, "closes": []}
    )
    for row in used:
        registers[(row["device_id"], row["register_id"])]["tenants"].setdefault(
            row["tenant_id"], {"net": row["net"] or 0, "z": None}
        )
    for z in zs:
        entry = registers[(z["device_id"], z["register_id"])]["tenants"].setdefault(
            z["tenant_id"], {"net": 0, "z": None}
        )
        entry["z"] = z
    for close in closes:
        registers[(close["device_id"], close["register_id"])]["closes"].append(close)
    return {"registers": dict(sorted(registers.items())), "devices": devices}


def close_times(close: dict[str, Any], lang: str) -> dict[str, Any]:
    """The close's time by the counter's clock and by the server's, each with its date when
    the two fall on different days (a clock a whole day wrong shows), and the difference in
    seconds (counter minus received; None when the close carries no instant)."""
    received = close["received_at"].astimezone(periods.OSLO) if close["received_at"] else None
    try:
        counter = datetime.fromisoformat(str(close["closed_at"])).astimezone(periods.OSLO)
    except ValueError:
        counter = None
    if counter is None or received is None:
        shown = received.strftime("%H:%M") if received else ""
        return {"counter": (close["time"] or "")[:5], "received": shown, "skew": None}
    dated = counter.date() != received.date()

    def shown_at(moment: datetime) -> str:
        clock = moment.strftime("%H:%M")
        return f"{shown_day(moment.date().isoformat(), lang)} {clock}" if dated else clock

    skew = round((counter - received).total_seconds())
    return {"counter": shown_at(counter), "received": shown_at(received), "skew": skew,
            "apart": _duration(abs(skew), lang) if abs(skew) > SKEW_S else ""}  # fmt: skip


def _duration(seconds: int, lang: str) -> str:
    hours, minutes = divmod(round(seconds / 60), 60)
    unit = "h" if lang == "en" else "t"
    if hours and minutes:
        return f"{hours} {unit} {minutes} min"
    return f"{hours} {unit}" if hours else f"{minutes} min"


@router.get("/day-end")
def day_end(
    request: Request,
    person: PersonDep,
    day: Annotated[str | None, Query(alias="date", max_length=20)] = None,
) -> Response:
    chosen = periods.parse_day(day, "date") if day else periods.today()
    with reading(request, person) as conn:
        found = status(conn, person, chosen)
        names = {t["id"]: t for t in tenants(conn, person)}
    lang = pick(request)
    for register in found["registers"].values():
        for close in register["closes"]:
            close["at"] = close_times(close, lang)
    devices = {
        d["id"]: {
            **d,
            "seen": d["last_seen_at"].astimezone(periods.OSLO).strftime("%Y-%m-%d %H:%M")
            if d["last_seen_at"]
            else "",
        }
        for d in found["devices"]
    }
    return render(
        request,
        "day_end.html",
        day=chosen,
        registers=found["registers"],
        devices=devices,
        names=names,
        today=periods.today(),
    )
