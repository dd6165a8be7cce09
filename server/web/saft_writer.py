"""A tenant's SAF-T Cash Register file from what its counters pushed, streamed: the
transactions (lines, VAT, rounding, payments, signature) and Z reports of every register for
the period, written element by element into a small buffer that is handed on and emptied,
so a year of receipts never sits in memory. The event journal beyond the Z reports (logins,
drawer openings) stays on the counters and is in their own export (``export-saft``)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, text

from pos.clock import OSLO
from pos.model.reports import DrawerReport
from pos.money import format_saft
from pos.saft_codes import (
    DISCOUNT_ID,
    LINE_TYPES,
    TRANSACTION_TYPES,
    fixed_basics,
    group_basic_id,
    key_version_text,
    payment_id,
)
from pos.saft_report import write_event_report
from pos.vat import VatClass
from pos.xml_writer import XmlWriter
from server.db import past_scope
from server.takings_rollup import bring_up_to_date

NAMESPACE = "urn:StandardAuditFile-Taxation-CashRegister:NO"
SOFTWARE = "Omigjen POS"
_RECEIPTS = (
    "SELECT payload FROM events WHERE tenant_id = :t AND type IN ('sale.completed', "
    "'return.completed', 'deposit.completed') AND payload->'receipt'->>'register_id' = :r "
    "AND receipt_date BETWEEN CAST(:f AS date) AND CAST(:e AS date) "
    "ORDER BY device_id, takings_int(payload->'receipt'->>'sig_nr'), id"
)


def file_name(org_no: str, moment: datetime) -> str:
    return f"SAF-T Cash Register_{org_no}_{moment.astimezone(OSLO):%Y%m%d%H%M%S}.xml"


class _Buffer(io.BytesIO):
    def take(self) -> bytes:
        data = self.getvalue()
        self.seek(0)
        self.truncate()
        return data


def saft_stream(
    conn: Connection, tenant: dict[str, Any], start: str, end: str, centre: str, moment: datetime
) -> Iterator[bytes]:
    """The file, piece by piece (run inside the reader's transaction and scope)."""
    out = _Buffer()
    w = XmlWriter(out)
    w.start(
        "auditfile", {"xmlns": NAMESPACE, "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance"}
    )
    _header(w, tenant, start, end, moment)
    w.start("company")
    w.leaves([("companyIdent", tenant["org_no"]), ("companyName", tenant["name"][:100])])
    w.leaf("taxRegistrationCountry", "NO")
    if tenant["vat_registered"]:
        w.leaf("taxRegIdent", f"{tenant['org_no']}MVA")
    _vat_codes(w, start)
    staff = _employees(w, conn, tenant["id"], (start, end))
    _articles(w, conn, tenant["id"])
    _basics(w, conn)
    w.start("location")
    w.leaf("name", centre[:100])
    yield out.take()
    for register in _registers(conn, tenant["id"], start, end):
        yield from _register(w, out, conn, (tenant["id"], register), (start, end), staff)
    w.end("location")
    w.end("company")
    w.end("auditfile")
    w.close()
    yield out.take()


def _header(w: XmlWriter, tenant: dict[str, Any], start: str, end: str, moment: datetime) -> None:
    local = moment.astimezone(OSLO)
    w.start("header")
    w.leaves([
        ("fiscalYear", start[:4]), ("startDate", start), ("endDate", end), ("curCode", "NOK"),
        ("dateCreated", local.strftime("%Y-%m-%d")), ("timeCreated", local.strftime("%H:%M:%S")),
        ("softwareDesc", SOFTWARE), ("softwareVersion", "central"),
        ("softwareCompanyName", SOFTWARE), ("auditfileVersion", "1.0"),
        ("headerComment", f"Utvalg: {tenant['name']}, {start} til {end} (sentral tjener)"[:999]),
    ])  # fmt: skip
    w.end("header")


def _vat_codes(w: XmlWriter, entered: str) -> None:
    w.start("vatCodeDetails")
    for vat_class in VatClass:
        w.start("vatCodeDetail")
        w.leaves([
            ("vatCode", vat_class.key), ("dateOfEntry", entered), ("vatDesc", vat_class.label_nb),
            ("standardVatCode", vat_class.saft_code),
        ])  # fmt: skip
        w.end("vatCodeDetail")
    w.end("vatCodeDetails")


def _reference(conn: Connection, entity: str, tenant_id: str | None = None) -> list[dict]:
    sql = "SELECT entity_id, data FROM ref_current WHERE entity = :e AND NOT deleted"
    if tenant_id:
        sql += " AND tenant_id = :t"
    rows = conn.execute(text(sql + " ORDER BY entity_id"), {"e": entity, "t": tenant_id})
    return [{"id": r[0], **(r[1] or {})} for r in rows]


_STAFF_IDS = (
    "SELECT DISTINCT payload->>'staff_id' FROM events WHERE tenant_id = :t AND type IN "
    "('sale.completed', 'return.completed', 'deposit.completed') "
    "AND receipt_date BETWEEN CAST(:f AS date) AND CAST(:e AS date) "
    "AND payload ? 'staff_id'"
)


def _staff_of(conn: Connection, tenant_id: str, start: str, end: str) -> list[dict[str, Any]]:
    """The staff who made the tenant's transactions in the period, each by its id. Staff are
    the site's rows, which a tenant's scope does not see: they are read past it, but only the
    ones the tenant's own receipts name (a member the server lacks: by id alone)."""
    ids = sorted(str(i) for (i,) in conn.execute(
        text(_STAFF_IDS), {"t": tenant_id, "f": start, "e": end}) if i)  # fmt: skip
    if not ids:
        return []
    with past_scope(conn):
        found: dict[str, Any] = dict(conn.execute(text(
            "SELECT entity_id, data FROM ref_current WHERE entity = 'staff' AND NOT deleted "
            "AND entity_id = ANY(:ids)"), {"ids": ids}).all())  # fmt: skip
    return [{"id": i, **(found.get(i) or {})} for i in ids]


def _employees(
    w: XmlWriter, conn: Connection, tenant_id: str, period: tuple[str, str]
) -> dict[str, str]:
    """The staff who made the transactions, by staff number (what the counters show); their
    numbers by id."""
    start, end = period
    w.start("employees")
    numbers = {}
    for person in _staff_of(conn, tenant_id, start, end):
        numbers[person["id"]] = str(person.get("staff_no", person["id"]))[:35]
        first, _, last = str(person.get("name", "")).rpartition(" ")
        w.start("employee")
        w.leaves([
            ("empID", numbers[person["id"]]), ("dateOfEntry", start),
            ("timeOfEntry", "00:00:00"),
        ])  # fmt: skip
        w.optional("firstName", first[:50])
        w.leaf("surName", (last or "-")[:100])
        w.start("employeeRole")
        w.leaf("roleType", str(person.get("role") or "-"))
        w.end("employeeRole")
        w.end("employee")
    w.end("employees")
    return numbers


def art_id(item_id: str, barcode: str | None) -> str:
    """As the counter's export: the barcode, else the item id without hyphens."""
    return (barcode or item_id.replace("-", ""))[:35]


def _articles(w: XmlWriter, conn: Connection, tenant_id: str) -> None:
    w.start("articles")
    for item in _reference(conn, "item", tenant_id):
        w.start("article")
        w.leaves([
            ("artID", art_id(item["id"], None)), ("dateOfEntry", "2000-01-01"),
            ("artGroupID", group_basic_id(str(item.get("article_group_id", "")))),
            ("artDesc", str(item.get("description", ""))[:999]),
        ])  # fmt: skip
        w.end("article")
    w.end("articles")


def _basics(w: XmlWriter, conn: Connection) -> None:
    w.start("basics")
    groups = [
        ("04", group_basic_id(g["id"]), str(g.get("saft_code", "")), str(g.get("name", "")))
        for g in _reference(conn, "article_group")
    ]
    fixed = [(b.basic_type, b.basic_id, b.predefined, b.description) for b in fixed_basics()]
    for basic_type, basic_id, predefined, description in groups + fixed:
        w.start("basic")
        w.leaves([("basicType", basic_type), ("basicID", basic_id)])
        w.optional("predefinedBasicID", predefined)
        w.leaf("basicDesc", description[:999])
        w.end("basic")
    w.end("basics")


Z_REPORTS = (
    "SELECT id, payload FROM events WHERE tenant_id = :t AND type = 'z_report.taken' "
    "AND day_end_date BETWEEN CAST(:f AS date) AND CAST(:e AS date) "
    "AND payload->>'register_id' = :r ORDER BY id"
)
"""A register's Z reports of the period, by the stored ``day_end_date``: a date range is an
index condition under row-level security (the JSON text was a filter over every Z report of
the tenant), and a business date that is no real day is in no period."""


def _registers(conn: Connection, tenant_id: str, start: str, end: str) -> list[str]:
    bring_up_to_date(conn)
    rows = conn.execute(
        text(
            "SELECT DISTINCT register_id FROM takings_days WHERE tenant_id = :t "
            "AND day BETWEEN :f AND :e UNION SELECT DISTINCT payload->>'register_id' FROM events "
            "WHERE tenant_id = :t AND type = 'z_report.taken' "
            "AND day_end_date BETWEEN CAST(:f AS date) AND CAST(:e AS date) ORDER BY 1"
        ),
        {"t": tenant_id, "f": start, "e": end},
    )
    return [str(r[0]) for r in rows if r[0]]


def _register(
    w: XmlWriter,
    out: _Buffer,
    conn: Connection,
    where: tuple[str, str],
    period: tuple[str, str],
    staff: dict[str, str],
) -> Iterator[bytes]:
    (tenant_id, register), (start, end) = where, period
    w.start("cashregister")
    w.leaf("registerID", register[:100])
    w.leaf("regDesc", register[:999])
    params = {"t": tenant_id, "r": register, "f": start, "e": end}
    reports = conn.execute(text(Z_REPORTS), params)
    for event_id, payload in reports:
        _z_event(w, int(event_id), payload)
    yield out.take()
    for (payload,) in conn.execution_options(yield_per=500).execute(text(_RECEIPTS), params):
        _transaction(w, payload, staff)
        if out.tell() > 64 * 1024:
            yield out.take()
    w.end("cashregister")


def _z_event(w: XmlWriter, event_id: int, payload: dict[str, Any]) -> None:
    report = DrawerReport.from_content(payload)
    w.start("event")
    w.leaves([("eventID", event_id), ("eventType", "13009")])
    w.leaves([("eventDate", report.report_date), ("eventTime", report.report_time)])
    w.leaf("eventText", f"{report.heading} {report.report_id}")
    write_event_report(w, report)
    w.end("event")


def _transaction(w: XmlWriter, payload: dict[str, Any], staff: dict[str, str]) -> None:
    r = payload["receipt"]
    kind = r["kind"]
    staff_id = str(payload.get("staff_id") or "")
    emp = staff.get(staff_id, staff_id[:35])
    w.start("cashtransaction")
    w.leaves([
        ("nr", r["sig_nr"]), ("transID", r["number_text"]),
        ("transType", TRANSACTION_TYPES[kind][0]), ("transAmntIn", format_saft(r["total"])),
        ("transAmntEx", format_saft(r["total_ex_vat"])),
        ("amntTp", "D" if r["total"] < 0 else "C"), ("empID", emp),
        ("transDate", r["local_date"]), ("transTime", r["local_time"]),
    ])  # fmt: skip
    lines = payload.get("lines") or []
    for line in lines:
        _line(w, r, line, emp)
    for vat_class in VatClass:
        chosen = [ln for ln in lines if ln.get("vat_class") == vat_class.key]
        if chosen:
            gross = sum(int(ln["amount"]) for ln in chosen)
            vat = sum(int(ln["vat_amount"]) for ln in chosen)
            _vat(w, vat_class, vat, gross - vat)
    w.start("rounding")
    w.leaf("roundingAmnt", format_saft(int(r.get("rounding") or 0)))
    w.end("rounding")
    for p in payload.get("payments") or []:
        w.start("payment")
        w.leaves([
            ("paymentType", payment_id(p["kind"])), ("paidAmnt", format_saft(p["amount"])),
            ("empID", emp), ("curCode", "NOK"),
        ])  # fmt: skip
        w.optional("paymentRefID", str(p.get("reference") or "")[:999])
        w.end("payment")
    w.leaves([
        ("signature", r["signature"]),
        ("keyVersion", key_version_text(r["register_id"], r["key_version"])), ("receiptNum", 1),
        ("receiptCopyNum", 0), ("receiptProformaNum", 0), ("receiptDeliveryNum", 0),
        ("voidTransaction", "false"), ("trainingID", "true" if kind == "training" else "false"),
    ])  # fmt: skip
    w.end("cashtransaction")


def _line(w: XmlWriter, r: dict[str, Any], line: dict[str, Any], emp: str) -> None:
    amount, vat = int(line["amount"]), int(line["vat_amount"])
    w.start("ctLine")
    w.leaves([
        ("nr", r["sig_nr"]), ("lineID", line["line_no"]),
        ("lineType", LINE_TYPES["return" if r["kind"] == "return" else "sale"][0]),
        ("artGroupID", group_basic_id(str(line.get("article_group_id") or ""))),
        ("artID", art_id(str(line.get("item_id") or ""), None)), ("qnt", line["qty"]),
        ("lineAmntIn", format_saft(amount)), ("lineAmntEx", format_saft(amount - vat)),
        ("amntTp", "D" if amount < 0 else "C"), ("empID", emp),
        ("cashTransLineDescr", str(line.get("description", ""))[:9999]),
        ("lineDate", r["local_date"]), ("lineTime", r["local_time"]),
    ])  # fmt: skip
    _vat(w, VatClass.from_key(line["vat_class"]), vat, amount - vat)
    if line.get("discount"):
        w.start("discount")
        w.leaves([("dscTp", DISCOUNT_ID[0]), ("dscAmnt", format_saft(int(line["discount"])))])
        w.end("discount")
    w.end("ctLine")


def _vat(w: XmlWriter, vat_class: VatClass, vat: int, base: int) -> None:
    w.start("vat")
    w.leaves([
        ("vatCode", vat_class.key), ("vatPerc", f"{vat_class.percent}.00"),
        ("vatAmnt", format_saft(vat)), ("vatAmntTp", "D" if vat < 0 or base < 0 else "C"),
        ("vatBasAmnt", format_saft(base)),
    ])  # fmt: skip
    w.end("vat")
