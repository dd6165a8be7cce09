"""SAF-T Cash Register 1.00 export of one tenant (one ``company``) for a date range, streamed to
a file: header, company, VAT codes, employees, articles, basics, then per register its events
(X/Z reports as ``eventReport``) and every signed cash transaction with lines, VAT, rounding,
payments, signature and key version. The export is journaled (13020).

Which events a tenant's file holds: its own, and the shared ones of the register with no tenant
(start, log in/out, drawer, float, cash in/out, training on/off). Back-office changes (register
``system``) go under a register element of their own, ``BACKOFFICE``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pos import __version__
from pos.adapters.saft_queries import SaftQueries
from pos.clock import OSLO
from pos.day_end_errors import InvalidPeriod
from pos.model.events import EventCode, OtherEvent
from pos.model.reports import DrawerReport
from pos.model.staff import Permission
from pos.model.tenant import Tenant
from pos.money import format_saft
from pos.saft_codes import (
    DISCOUNT_ID,
    LINE_TYPES,
    TRANSACTION_TYPES,
    event_type,
    fixed_basics,
    group_basic_id,
    key_version_text,
    payment_id,
)
from pos.saft_report import write_event_report
from pos.services.context import TillContext
from pos.services.reports import drawer_owner_id, find_tenant, parse_date
from pos.services.setup import SYSTEM
from pos.unit_of_work import UnitOfWorkFactory
from pos.vat import VatClass
from pos.xml_writer import XmlWriter

NAMESPACE = "urn:StandardAuditFile-Taxation-CashRegister:NO"
SOFTWARE = "Omigjen POS"
BACKOFFICE = "BACKOFFICE"
PREVIOUS_SIGNATURE = "previousSignature nr"
"""How the first transaction of a chain in the file names the signature before it (in
``desc``): ``previousSignature nr 41: <Base64>``."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    tenant: Tenant
    transactions: int
    events: int
    register_id: str


def default_file_name(org_no: str, moment: datetime) -> str:
    return f"SAF-T Cash Register_{org_no}_{moment.astimezone(OSLO):%Y%m%d%H%M%S}.xml"


def export_saft(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    tenant_key: str,
    date_from: str,
    date_to: str,
    out: Path,
    *,
    version: str = __version__,
) -> ExportResult:
    """Write the file (``out`` may be a directory: the standard file name is used inside).
    It holds all of a tenant's sales and journal: a manager's job."""
    ctx.require(Permission.MANAGE)
    start, end = parse_date(date_from), parse_date(date_to)
    if start > end:
        raise InvalidPeriod(f"{start}–{end}")
    moment = ctx.clock.now()
    with uow_factory.read() as uow:
        tenant = find_tenant(uow, tenant_key)
        path = out / default_file_name(tenant.org_no, moment) if out.is_dir() else out
        centre = uow.meta.get_meta("centre_name") or SOFTWARE
        tmp = path.with_name(path.name + ".part")
        with tmp.open("wb") as handle:
            writer = _Export(SaftQueries(uow.reports), XmlWriter(handle), tenant, start, end)
            writer.drawer_owner = drawer_owner_id(uow)
            writer.register_id = ctx.register_id
            writer.write(moment, version, centre, ctx.operator.staff_no)
        tmp.replace(path)
    with uow_factory() as uow:
        uow.journal.append_journal(
            register_id=ctx.register_id,
            event_code=EventCode.JOURNAL_EXPORT,
            stamp=ctx.stamp(),
            staff_id=ctx.operator.staff_id,
            tenant_id=tenant.id,
            details={
                "format": "SAF-T Cash Register 1.00",
                "from": start,
                "to": end,
                "file": path.name,
                "transactions": writer.transactions,
                "events": writer.events,
            },
        )
        uow.commit()
    return ExportResult(path, tenant, writer.transactions, writer.events, ctx.register_id)


class _Export:
    def __init__(self, q: SaftQueries, w: XmlWriter, tenant: Tenant, start: str, end: str) -> None:
        self.q, self.w, self.tenant, self.start, self.end = q, w, tenant, start, end
        self.staff = {s["id"]: s["staff_no"] for s in q.staff()}
        self.drawer_owner: str | None = None
        self.register_id = ""
        self.transactions = 0
        self.events = 0

    def write(self, moment: datetime, version: str, centre: str, user: str) -> None:
        w = self.w
        w.start(
            "auditfile",
            {
                "xmlns": NAMESPACE,
                "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
            },
        )
        self._header(moment, version, user)
        w.start("company")
        w.leaves([("companyIdent", self.tenant.org_no), ("companyName", self.tenant.name[:100])])
        w.leaf("taxRegistrationCountry", "NO")
        if self.tenant.vat_registered:
            w.leaf("taxRegIdent", f"{self.tenant.org_no}MVA")
        installed, installed_time = self.q.installed_on()
        self._vat_codes(self.q.tenant_created(self.tenant.id)[:10] or installed)
        self._employees(installed, installed_time)
        self._articles()
        self._basics()
        w.start("location")
        w.leaf("name", centre[:100])
        for register in self.q.registers():
            self._register(register["id"], register["name"], owner=self.owns_drawer)
        self._register(SYSTEM, "Endringer utenfor kassen (back office)", BACKOFFICE)
        w.end("location")
        w.end("company")
        w.end("auditfile")
        w.close()

    def _header(self, moment: datetime, version: str, user: str) -> None:
        local = moment.astimezone(OSLO)
        self.w.start("header")
        self.w.leaves(
            [
                ("fiscalYear", self.start[:4]),
                ("startDate", self.start),
                ("endDate", self.end),
                ("curCode", "NOK"),
                ("dateCreated", local.strftime("%Y-%m-%d")),
                ("timeCreated", local.strftime("%H:%M:%S")),
                ("softwareDesc", SOFTWARE),
                ("softwareVersion", version[:20]),
                ("softwareCompanyName", SOFTWARE),
                ("auditfileVersion", "1.0"),
                ("headerComment", self._selection()[:999]),
            ]
        )
        self.w.optional("userID", user)
        self.w.end("header")

    def _selection(self) -> str:
        """What the file holds: this counter's own register only. The other counters of a
        centre are in the central server's file (``omigjen-server admin saft``)."""
        return (
            f"Utvalg: {self.tenant.name}, {self.start} til {self.end}. Gjelder bare denne "
            f"kassen ({self.register_id}); senterets fil med alle kassene lages på den "
            "sentrale tjeneren."
        )

    def _vat_codes(self, entered: str) -> None:
        self.w.start("vatCodeDetails")
        for vat_class in VatClass:
            self.w.start("vatCodeDetail")
            self.w.leaves(
                [
                    ("vatCode", vat_class.key),
                    ("dateOfEntry", entered),
                    ("vatDesc", vat_class.label_nb),
                    ("standardVatCode", vat_class.saft_code),
                ]
            )
            self.w.end("vatCodeDetail")
        self.w.end("vatCodeDetails")

    def _employees(self, entered: str, entered_time: str) -> None:
        self.w.start("employees")
        for person in self.q.staff():
            first, _, last = person["name"].rpartition(" ")
            self.w.start("employee")
            self.w.leaves(
                [
                    ("empID", person["staff_no"]),
                    ("dateOfEntry", entered),
                    ("timeOfEntry", entered_time),
                ]
            )
            self.w.optional("firstName", first[:50])
            self.w.leaf("surName", last[:100])
            self.w.start("employeeRole")
            self.w.leaf("roleType", person["role"])
            self.w.end("employeeRole")
            self.w.end("employee")
        self.w.end("employees")

    def _articles(self) -> None:
        self.w.start("articles")
        for art in self.q.articles(self.tenant.id, self.start, self.end):
            self.w.start("article")
            self.w.leaves(
                [
                    ("artID", art["art_id"]),
                    ("dateOfEntry", art["entered"]),
                    ("artGroupID", group_basic_id(art["article_group_id"])),
                    ("artDesc", art["description"][:999]),
                ]
            )
            self.w.end("article")
        self.w.end("articles")

    def _basics(self) -> None:
        self.w.start("basics")
        groups = [
            ("04", group_basic_id(g["id"]), g["saft_code"], g["name"])
            for g in self.q.article_groups()
        ]
        fixed = [(b.basic_type, b.basic_id, b.predefined, b.description) for b in fixed_basics()]
        for basic_type, basic_id, predefined, description in groups + fixed:
            self.w.start("basic")
            self.w.leaves([("basicType", basic_type), ("basicID", basic_id)])
            self.w.optional("predefinedBasicID", predefined)
            self.w.leaf("basicDesc", description[:999])
            self.w.end("basic")
        self.w.end("basics")

    @property
    def owns_drawer(self) -> bool:
        """The shared drawer's events go only in its owner's file."""
        return self.drawer_owner == self.tenant.id

    def _register(
        self, register_id: str, name: str, shown_id: str | None = None, *, owner: bool = False
    ) -> None:
        self.w.start("cashregister")
        self.w.leaf("registerID", (shown_id or register_id)[:100])
        self.w.leaf("regDesc", name[:999])
        for row in self.q.events(self.tenant.id, register_id, self.start, self.end, owner):
            self._event(row)
        previous_nr: int | None = None
        for receipt in self.q.receipts(self.tenant.id, register_id, self.start, self.end):
            self._transaction(receipt, previous_nr)
            previous_nr = int(receipt["sig_nr"])
        self.w.end("cashregister")

    def _event(self, row: dict[str, Any]) -> None:
        details = json.loads(row["details"])
        code = int(row["event_code"])
        self.events += 1
        w = self.w
        w.start("event")
        w.leaves([("eventID", row["seq"]), ("eventType", event_type(code, details))])
        if row["ref_id"] and (code in _RECEIPT_REF or details.get("kind") in _RECEIPT_REF_KINDS):
            w.optional("transID", self.q.receipt_number(row["ref_id"]))
        w.optional("empID", self.staff.get(row["staff_id"] or ""))
        w.leaves([("eventDate", row["local_date"]), ("eventTime", row["local_time"])])
        if code in (EventCode.X_REPORT, EventCode.Z_REPORT):
            report = DrawerReport.from_content(details)
            w.leaf("eventText", f"{report.heading} {report.report_id}")
            write_event_report(w, report)
        else:
            w.optional("eventText", _event_text(row["amount"], details))
        w.end("event")

    def _transaction(self, r: dict[str, Any], previous_nr: int | None = None) -> None:
        """``previous_nr``: the signature number of the transaction before it in this file."""
        self.transactions += 1
        w = self.w
        kind = r["kind"]
        debit = r["total"] < 0
        emp = self.staff.get(r["staff_id"], "")
        w.start("cashtransaction")
        w.leaves(
            [
                ("nr", r["sig_nr"]),
                ("transID", r["number_text"]),
                ("transType", TRANSACTION_TYPES[kind][0]),
                ("transAmntIn", format_saft(r["total"])),
                ("transAmntEx", format_saft(r["total_ex_vat"])),
                ("amntTp", "D" if debit else "C"),
                ("empID", emp),
                ("transDate", r["local_date"]),
                ("transTime", r["local_time"]),
            ]
        )
        if int(r["sig_nr"]) > 1 and previous_nr != int(r["sig_nr"]) - 1:
            w.leaf("desc", self._previous_signature(r))
        lines = self.q.lines(r["id"])
        for line in lines:
            self._line(r, line, emp)
        self._vat_totals(lines)
        w.start("rounding")
        w.leaf("roundingAmnt", format_saft(r["rounding"]))
        w.end("rounding")
        for p in self.q.payments(r["id"]):
            w.start("payment")
            w.leaves(
                [
                    ("paymentType", payment_id(p["kind"])),
                    ("paidAmnt", format_saft(p["amount"])),
                    ("empID", emp),
                    ("curCode", "NOK"),
                ]
            )
            w.optional("paymentRefID", (p["credit_note"] or p["reference"] or "")[:999])
            w.end("payment")
        w.leaves(
            [
                ("signature", r["signature"]),
                ("keyVersion", key_version_text(r["register_id"], r["key_version"])),
                ("receiptNum", 1),
                ("receiptCopyNum", 1 if r["copied"] and kind != "training" else 0),
                ("receiptProformaNum", 0),
                ("receiptDeliveryNum", 0),
                ("voidTransaction", "false"),
                ("trainingID", "true" if kind == "training" else "false"),
            ]
        )
        w.end("cashtransaction")

    def _previous_signature(self, r: dict[str, Any]) -> str:
        """The period's first transaction of a chain, and one that follows numbers skipped by a
        restore, says which signature it continues, so it verifies from this file alone
        (docs/systembeskrivelse.md, SAF-T)."""
        nr = int(r["sig_nr"]) - 1
        found = self.q.previous_signature(r["tenant_id"], r["register_id"], int(r["sig_nr"]))
        return f"{PREVIOUS_SIGNATURE} {nr}: {found}"

    def _line(self, r: dict[str, Any], line: dict[str, Any], emp: str) -> None:
        w = self.w
        vat_class = VatClass.from_key(line["vat_class"])
        amount, vat = line["amount"], line["vat_amount"]
        tp = "D" if amount < 0 else "C"
        w.start("ctLine")
        w.leaves(
            [
                ("nr", r["sig_nr"]),
                ("lineID", line["line_no"]),
                ("lineType", LINE_TYPES["return" if r["kind"] == "return" else "sale"][0]),
                ("artGroupID", group_basic_id(line["article_group_id"])),
                ("artID", line["art_id"]),
                ("qnt", line["qty"]),
                ("lineAmntIn", format_saft(amount)),
                ("lineAmntEx", format_saft(amount - vat)),
                ("amntTp", tp),
                ("empID", emp),
                ("cashTransLineDescr", line["description"][:9999]),
                ("lineDate", r["local_date"]),
                ("lineTime", r["local_time"]),
            ]
        )
        _vat(w, vat_class, vat, amount - vat)
        if line["discount"]:
            w.start("discount")
            w.leaves([("dscTp", DISCOUNT_ID[0]), ("dscAmnt", format_saft(line["discount"]))])
            w.end("discount")
        w.end("ctLine")

    def _vat_totals(self, lines: list[dict[str, Any]]) -> None:
        for vat_class in VatClass:
            chosen = [ln for ln in lines if ln["vat_class"] == vat_class.key]
            if chosen:
                gross = sum(ln["amount"] for ln in chosen)
                vat = sum(ln["vat_amount"] for ln in chosen)
                _vat(self.w, vat_class, vat, gross - vat)


_RECEIPT_REF = (
    EventCode.SALES_RECEIPT,
    EventCode.RETURN_RECEIPT,
    EventCode.TRAINING_RECEIPT,
    EventCode.COPY_RECEIPT,
    EventCode.SALE_WITHOUT_RECEIPT,
)
_RECEIPT_REF_KINDS = (
    OtherEvent.SALE_RECEIPT,
    OtherEvent.RECEIPT_PRINTED,
    OtherEvent.SALVAGED_RECEIPT,
)
"""13999 events about one receipt: they name its transaction too."""


def _vat(w: XmlWriter, vat_class: VatClass, vat: int, base: int) -> None:
    w.start("vat")
    w.leaves(
        [
            ("vatCode", vat_class.key),
            ("vatPerc", f"{vat_class.percent}.00"),
            ("vatAmnt", format_saft(vat)),
            ("vatAmntTp", "D" if vat < 0 or base < 0 else "C"),
            ("vatBasAmnt", format_saft(base)),
        ]
    )
    w.end("vat")


_FIRST = ("number", "kind")
"""Said first in an event's text: which receipt or document, and what kind of event."""
_LEFT_OUT = frozenset({"parts", "facts"})
"""The per-part digests and their version: for verify-journal, nothing a reader can use (the
whole digest is said)."""


def _event_text(amount: int | None, details: dict[str, Any]) -> str:
    """The journal row's details as short readable text (eventText is free text): ``key
    value`` pairs separated by ``;``, a nested record as ``key a=1, b=2``, a list by commas."""
    keys = [k for k in _FIRST if k in details]
    keys += sorted(k for k in details if k not in _FIRST and k not in _LEFT_OUT)
    parts = [f"{k} {_readable(details[k])}" for k in keys if not _empty(details[k])]
    if amount is not None:
        parts.append(f"amount {format_saft(amount)}")
    return "; ".join(parts)[:9999]


def _empty(value: Any) -> bool:
    """Nothing worth saying: no value, or a flag that is off (0 is a value)."""
    return value is None or value is False or value in ("", [], {})


def _readable(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}={_readable(v)}" for k, v in sorted(value.items()))
    if isinstance(value, list | tuple):
        return ", ".join(_readable(v) for v in value)
    if value is True:
        return "yes"
    return str(value)
