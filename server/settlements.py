"""A centre's settlements, made by the server: a tenant's statement over every register of the
site, by the counter's own money rules (``pos.model.settlement_plan``) on the receipts the
counters pushed and the terms the site holds (``server/tenant_terms.py``), numbered in one
series per tenant and site and stored once (``site_settlements``).

Only closed days are settled. Refused, naming the register and day: a register of the site
with a day in the period where the tenant has receipts and no Z (``settlement_day_not_closed``),
or one the server cannot know is complete through the period's end: it has neither pushed nor
pulled (a pull follows a drained push) since the period ended, and has no Z for its last day
(``settlement_register_not_synced``). A correction takes back what the corrected statement
stood for and settles its period again. Settlements a counter made itself before the centre
settled here (``settlement.made``) count for the number series and overlaps, and may be
corrected here.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, fields, replace
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, text

from pos.model.settlement import (
    SettlementDoc,
    SettlementLine,
    correction_lines,
    standing_lines,
)
from pos.model.settlement_plan import PeriodFacts, number_text, plan_lines
from server import refdata, tenant_terms
from server.auth import Device
from server.db import Scope, apply_scope
from server.problems import Problem

OSLO = ZoneInfo("Europe/Oslo")
SETTLEMENT_ENTITY = "site_settlement"
_RECEIPTS = (
    "e.tenant_id = :t AND e.site_id = :s AND e.receipt_date BETWEEN CAST(:f AS date) "
    "AND CAST(:to AS date) AND NOT COALESCE((e.payload->>'training')::boolean, false)"
)
_SALES = f"{_RECEIPTS} AND e.type IN ('sale.completed', 'return.completed')"


def doc_of(payload: dict[str, Any]) -> SettlementDoc:
    """A statement as stored; fields a newer or older counter did not send are left empty."""
    values: dict[str, Any] = {}
    for f in fields(SettlementDoc):
        raw = payload.get(f.name)
        if f.name == "lines":
            raw = tuple(
                SettlementLine(
                    str(ln.get("kind", "")),
                    str(ln.get("description", "")),
                    int(ln.get("base") or 0),
                    int(ln.get("amount") or 0),
                )
                for ln in raw or []
            )
        elif f.name == "number":
            raw = int(raw or 0)
        elif f.name == "centre_wide":
            raw = raw is True
        elif raw is None:
            raw = ""
        values[f.name] = raw
    return SettlementDoc(**values)


def require_manager(conn: Connection, device: Device, staff_id: str) -> None:
    """Only a manager of the site settles (the counter checks the PIN; the server the role)."""
    found = refdata.current(conn, "staff", staff_id)
    data = found["data"] if found is not None else None
    if (
        not isinstance(data, dict)
        or found is None
        or found["site_id"] not in (None, device.site_id)
        or data.get("role") != "manager"
        or data.get("active") is False
    ):
        raise Problem(403, "manager_required", "a settlement is made by a manager of the site")


def _refused(code: str, detail: str, **extra: Any) -> Problem:
    return Problem(409, code, detail, **extra)


def _today() -> str:
    return datetime.now(UTC).astimezone(OSLO).date().isoformat()


def _lock(conn: Connection, site_id: str, tenant_id: str) -> None:
    """One settlement of a tenant at a time per site: the number series and overlaps."""
    conn.execute(
        text("SELECT pg_advisory_xact_lock(hashtext('settlement/' || :s || '/' || :t))"),
        {"s": site_id, "t": tenant_id},
    )


def tenant_row(conn: Connection, device: Device, tenant_id: str) -> dict[str, Any]:
    if tenant_id not in device.tenant_ids:
        raise Problem(404, "unknown_tenant", "this site serves no such tenant")
    row = conn.execute(
        text("SELECT id, code, name, org_no FROM tenants WHERE id = :t"), {"t": tenant_id}
    ).first()
    if row is None:
        raise Problem(404, "unknown_tenant", "this site serves no such tenant")
    return dict(row._mapping)


def registers(conn: Connection, site_id: str) -> list[dict[str, Any]]:
    """The site's registers with their counter's last push (Norwegian date) and last Z day."""
    found = conn.execute(
        text(
            "SELECT r.register_id, r.device_id, "
            "GREATEST(d.last_seen_at, d.last_pull_at) AS last_seen_at, "
            "(SELECT max(e.payload->>'business_date') FROM events e WHERE e.type = "
            "'z_report.taken' AND e.site_id = :s AND e.payload->>'register_id' = r.register_id) "
            "AS last_z FROM site_registers r JOIN devices d ON d.id = r.device_id "
            "WHERE r.site_id = :s AND d.revoked_at IS NULL ORDER BY length(r.register_id), "
            "r.register_id"
        ),
        {"s": site_id},
    )
    return [dict(r._mapping) for r in found]


def require_closed(conn: Connection, site_id: str, tenant: dict[str, Any], start: str,
                   end: str) -> list[str]:  # fmt: skip
    """The registers the period covers, once every one is closed and synced through it."""
    p = {"t": tenant["id"], "s": site_id, "f": start, "to": end}
    used = conn.execute(
        text(
            "SELECT DISTINCT e.payload->'receipt'->>'register_id' AS register, "
            "e.payload->'receipt'->>'local_date' AS day FROM events e "
            f"WHERE {_RECEIPTS} AND e.type IN ('sale.completed', 'return.completed', "
            "'deposit.completed') ORDER BY 2, 1"
        ),
        p,
    ).all()
    closed = {
        (r[0], r[1])
        for r in conn.execute(
            text(
                "SELECT payload->>'register_id', payload->>'business_date' FROM events "
                "WHERE type = 'z_report.taken' AND tenant_id = :t AND site_id = :s "
                "AND payload->>'business_date' BETWEEN :f AND :to"
            ),
            p,
        )
    }
    for register, day in used:
        if (register, day) not in closed:
            raise _refused(
                "settlement_day_not_closed",
                f"register {register} has no Z for {tenant['code']} on {day}",
                register=register,
                day=day,
            )
    known = registers(conn, site_id)
    for reg in known:
        seen = reg["last_seen_at"]
        seen_day = seen.astimezone(OSLO).date().isoformat() if seen is not None else ""
        if seen_day > end or (reg["last_z"] or "") >= end:
            continue
        raise _refused(
            "settlement_register_not_synced",
            f"register {reg['register_id']} has not synced since the period ended; a register "
            f"no longer used blocks every settlement until it is revoked: omigjen-server admin "
            f"revoke-device --device {reg['device_id']}",
            register=reg["register_id"],
            device=reg["device_id"],
            day=end,
            last_sync=seen.astimezone(OSLO).strftime("%Y-%m-%d %H:%M") if seen else "",
        )
    names = {reg["register_id"] for reg in known} | {r[0] for r in used}
    return sorted(names, key=lambda n: (len(n), n))


def facts(conn: Connection, site_id: str, tenant_id: str, start: str, end: str) -> PeriodFacts:
    """The tenant's receipts of the period at every register of the site, as the counter sums
    its own (``SettlementQueries``)."""
    p = {"t": tenant_id, "s": site_id, "f": start, "to": end}
    totals = {
        r[0]: (int(r[1]), int(r[2]))
        for r in conn.execute(
            text(
                "SELECT e.payload->'receipt'->>'kind', count(*), "
                "COALESCE(sum(takings_int(e.payload->'receipt'->>'total')), 0) FROM events e "
                f"WHERE {_SALES} GROUP BY 1"
            ),
            p,
        )
    }
    received = {
        r[0]: int(r[1])
        for r in conn.execute(
            text(
                "SELECT pm->>'kind', sum(takings_int(pm->>'amount')) FROM events e, "
                "jsonb_array_elements(takings_array(e.payload->'payments')) pm "
                f"WHERE {_SALES} GROUP BY 1"
            ),
            p,
        )
    }
    deposits = {
        r[0]: (int(r[1]), int(r[2]))
        for r in conn.execute(
            text(
                "SELECT pm->>'kind', count(DISTINCT e.id), sum(takings_int(pm->>'amount')) "
                "FROM events e, jsonb_array_elements(takings_array(e.payload->'payments')) pm "
                f"WHERE {_RECEIPTS} AND e.type = 'deposit.completed' GROUP BY 1"
            ),
            p,
        )
    }
    by_group = {
        r[0]: int(r[1])
        for r in conn.execute(
            text(
                "SELECT l->>'article_group_id', sum(takings_int(l->>'amount')) FROM events e, "
                "jsonb_array_elements(takings_array(e.payload->'lines')) l "
                f"WHERE {_SALES} GROUP BY 1"
            ),
            p,
        )
    }
    return PeriodFacts(totals, received, deposits, by_group)


def known(conn: Connection, site_id: str, tenant_id: str) -> list[dict[str, Any]]:
    """Every settlement of the tenant at the site, oldest number first: the server's own and
    those counters made themselves (pushed as ``settlement.made``), each once."""
    found: dict[str, dict[str, Any]] = {}
    for row in conn.execute(
        text(
            "SELECT id, corrects_id, content FROM site_settlements "
            "WHERE site_id = :s AND tenant_id = :t"
        ),
        {"s": site_id, "t": tenant_id},
    ):
        found[row[0]] = {"doc": doc_of(_json(row[2])), "server": True}
    for (payload,) in conn.execute(
        text(
            "SELECT payload FROM events WHERE type = 'settlement.made' AND tenant_id = :t "
            "AND site_id = :s ORDER BY id"
        ),
        {"s": site_id, "t": tenant_id},
    ):
        doc = doc_of(_json(payload))
        found.setdefault(doc.settlement_id, {"doc": doc, "server": False})
    return sorted(found.values(), key=lambda k: k["doc"].number)


def content(doc: SettlementDoc) -> dict[str, Any]:
    """The statement as stored and sent: the counter's own ``SettlementDoc`` fields."""
    return asdict(doc)


def _json(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else json.loads(value)


def settle(conn: Connection, device: Device, body: dict[str, Any]) -> SettlementDoc:
    """A new settlement (or, with ``corrects``, a correction); raises ``Problem`` when refused.
    Whole or nothing with the counter's files: a ``dry_run`` answers the statement without
    storing it; the counter makes its files and asks again with it as ``expect``, and the
    server stores it only if it is still the very same (number, lines, terms). The confirm is
    idempotent: sent again after its answer was lost (a dry run or a confirm with the same
    ``expect``), it answers the statement it stored."""
    tenant = tenant_row(conn, device, str(body["tenant_id"]))
    require_manager(conn, device, str(body.get("staff_id") or ""))
    site_id = device.site_id
    _lock(conn, site_id, tenant["id"])
    stored = _stored_already(conn, site_id, tenant["id"], body.get("expect"))
    if stored is not None:
        return stored  # a retry whose first answer was lost: the same statement again
    earlier = known(conn, site_id, tenant["id"])
    corrected: SettlementDoc | None = None
    if body.get("corrects"):
        corrected = _corrected(earlier, tenant, str(body["corrects"]))
        start, end = corrected.period_from, corrected.period_to
    else:
        start, end = str(body["period_from"]), str(body["period_to"])
        if start > end:
            raise Problem(422, "invalid_period", f"{start}–{end}", value=f"{start}–{end}")
        for k in earlier:
            doc = k["doc"]
            if not doc.corrects_number and doc.period_from <= end and doc.period_to >= start:
                raise _refused("settlement_overlaps", f"{doc.number_text} covers part of it",
                               number=doc.number_text,
                               period=f"{doc.period_from}–{doc.period_to}")  # fmt: skip
    covered = require_closed(conn, site_id, tenant, start, end)
    terms = tenant_terms.of_site(conn, site_id, tenant["id"])
    lines: list[SettlementLine] = plan_lines(facts(conn, site_id, tenant["id"], start, end),
                                             terms, start, end)  # fmt: skip
    if corrected is not None:
        lines = correction_lines(corrected, lines, str(body.get("reason") or "").strip(),
                                 int(body.get("adjustment") or 0))  # fmt: skip
    number = max((k["doc"].number for k in earlier), default=0) + 1
    doc = SettlementDoc(
        settlement_id=_settlement_id(body.get("expect")),
        number=number,
        number_text=number_text(tenant["code"], number),
        tenant_id=tenant["id"],
        tenant_name=tenant["name"],
        org_no=tenant["org_no"],
        bank_account=terms.bank_account,
        period_from=start,
        period_to=end,
        created_date=str(body.get("created_date") or _today()),
        corrects_number=corrected.number_text if corrected is not None else "",
        lines=tuple(lines),
        registers=", ".join(covered),
        centre_wide=True,
    )
    if body.get("dry_run") is True:
        return doc  # the counter makes its files from it, then asks again with ``expect``
    expected = body.get("expect")
    if isinstance(expected, dict) and _readable(expected) != content(doc):
        raise _refused("settlement_changed", "the period's facts or terms changed meanwhile")
    conn.execute(
        text(
            "INSERT INTO site_settlements (id, site_id, tenant_id, number, period_from, "
            "period_to, corrects_id, content, device_id, staff_id) VALUES (:i, :s, :t, :n, :f, "
            ":to, :c, CAST(:content AS jsonb), :d, :staff)"
        ),
        {"i": doc.settlement_id, "s": site_id, "t": tenant["id"], "n": number, "f": start,
         "to": end, "c": corrected.settlement_id if corrected is not None else None,
         "content": json.dumps(content(doc)), "d": device.id,
         "staff": str(body.get("staff_id") or "")},
    )  # fmt: skip
    publish(conn, device, doc)
    return doc


def publish(conn: Connection, device: Device, doc: SettlementDoc) -> None:
    """The stored statement for every counter of the site (``site_settlement``, its id): each
    lists and reprints it, and starts the tenant's next period after it."""
    apply_scope(conn, Scope.admin())
    try:
        refdata.put(conn, SETTLEMENT_ENTITY, doc.settlement_id, doc.tenant_id,
                    {"site_id": device.site_id, "statement": content(doc)},
                    site_id=device.site_id)  # fmt: skip
    finally:
        apply_scope(conn, device.scope)


def _stored_already(conn: Connection, site_id: str, tenant_id: str,
                    expected: Any) -> SettlementDoc | None:  # fmt: skip
    """The statement a confirm asks for, when an earlier send of the very same confirm stored
    it (its answer never reached the counter). The draft's ``settlement_id`` is the key: one
    stored under it with other content is refused as changed, never answered."""
    if not isinstance(expected, dict):
        return None
    try:
        key = str(uuid.UUID(str(expected.get("settlement_id"))))
    except ValueError:
        return None
    row = conn.execute(
        text("SELECT content FROM site_settlements WHERE id = :i AND site_id = :s AND "
             "tenant_id = :t"),
        {"i": key, "s": site_id, "t": tenant_id},
    ).first()  # fmt: skip
    if row is None:
        return None
    doc = doc_of(_json(row[0]))
    if _readable(expected) != content(doc):
        raise _refused("settlement_changed", "another statement is stored under that id")
    return doc


def _readable(expected: dict[str, Any]) -> dict[str, Any] | None:
    """The statement a counter expects, as stored; None when it is not one."""
    try:
        return content(doc_of(expected))
    except (TypeError, ValueError, AttributeError):
        return None


def _settlement_id(expected: Any) -> str:
    """The id the counter's files were made with (its earlier dry run), else a new one."""
    if isinstance(expected, dict):
        try:
            return str(uuid.UUID(str(expected.get("settlement_id"))))
        except ValueError:
            pass
    return str(uuid.uuid4())


def _taken_together(docs: list[SettlementDoc]) -> SettlementDoc:
    """One number held by statements several counters made alone for the same period (before
    the centre settled here, each over its own register): a correction takes all of them back
    and settles the period once for the centre."""
    if len(docs) == 1:
        return docs[0]
    lines = tuple(line for doc in docs for line in standing_lines(doc))
    registers = ", ".join(doc.registers for doc in docs if doc.registers)
    return replace(docs[0], lines=lines, registers=registers)


def _corrected(earlier: list[dict[str, Any]], tenant: dict[str, Any], wanted: str) -> SettlementDoc:
    text_ = wanted.strip().rpartition("-")[2]
    if not text_.isdigit():
        raise Problem(404, "unknown_settlement", wanted, value=wanted)
    number = int(text_)
    matches = [k["doc"] for k in earlier if k["doc"].number == number]
    if not matches or len({(d.period_from, d.period_to) for d in matches}) > 1:
        raise Problem(404, "unknown_settlement", wanted, value=wanted)
    doc = _taken_together(matches)
    later = [k["doc"] for k in earlier if k["doc"].corrects_number == doc.number_text]
    if later:
        raise _refused("settlement_already_corrected", f"{doc.number_text} was corrected",
                       value=doc.number_text, latest=later[-1].number_text)  # fmt: skip
    return doc
