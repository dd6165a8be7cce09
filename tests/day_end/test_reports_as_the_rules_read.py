"""X/Z and SAF-T as the rules read: money in and money out per payment means kept apart,
per-operator lines in Norwegian, Z reports in the period of their business day, a period's first
transaction verifiable from the file, and no other tenant's data in a tenant's file. Every file
is checked against Skatteetaten's XSD."""

from __future__ import annotations

import base64
import subprocess
from datetime import datetime

import pytest
from lxml import etree

from pos.clock import OSLO
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.model.report_lines import report_rows
from pos.services import checkout, parking, reports, returns
from pos.services.context import TillContext
from pos.services.saft_export import export_saft
from printers.printing import Printing
from printers.worker import PrintWorker
from tests.day_end.test_saft_export import NS, SCHEMA_FILE

SMAFOLK, BUA, KAFE, CENTRE = "12", "11", "15", "10"


def at(clock, text: str) -> None:
    clock.current = datetime.fromisoformat(text).replace(tzinfo=OSLO)


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA_FILE)))


@pytest.fixture
def two_days(counter, ctx, manager, shelf, clock, tmp_path):
    """Day 1: a pram part sold in cash (its drawer kicked through a printer), a mixed basket
    parked and paid; its Z after midnight.
    Day 2: the 199,00 returned to a credit note, 49,00 of the note spent; its Z."""
    mgr = TillContext("K1", manager, counter.signer(), clock)
    lego = Basket()
    lego.add(shelf.one_off(SMAFOLK, 4))  # Lego Duplo 199,00
    sold = checkout.complete_sale(counter.uow, ctx, lego, [Tender(TenderKind.CASH, 20000)])
    printing = Printing(counter.uow, "K1", clock=clock, override_url=f"file://{tmp_path}/paper")
    printing.print_sale(sold)  # the drawer opening (13005) is journaled when the kick is sent
    PrintWorker(counter.uow, "K1", printing.transports(), clock=clock).run_pending()
    mixed = Basket()
    mixed.add(shelf.one_off(BUA, 1))  # Ullkåpe 649,00
    mixed.add(shelf("KAFFE-MED"))  # 32,00
    parked = parking.park(counter.uow, ctx, mixed, "Kunde henter lommebok")
    resumed = parking.resume(counter.uow, ctx, parked).basket
    checkout.complete_sale(counter.uow, ctx, resumed, [Tender(TenderKind.CARD, 68100, "T1")])
    at(clock, "2026-03-03T00:10")
    first_z = reports.z_reports(counter.uow, mgr)
    at(clock, "2026-03-03T11:00")
    (line,) = returns.returnable_lines(counter.uow, sold.receipts[0].number)
    back = returns.complete_return(
        counter.uow,
        ctx,
        sold.receipts[0].number,
        [returns.ReturnRequest(line.line_id, 1)],
        [Tender(TenderKind.CREDIT_NOTE, 0)],
        approver=manager,
    )
    with counter.uow.read() as uow:
        ((note, _),) = uow.queries.receipt_doc(back.receipts[0].receipt_id).credit_notes_issued
    scooter = Basket()
    scooter.add(shelf.one_off(SMAFOLK, 5))  # Sparkesykkel 149,00
    checkout.complete_sale(
        counter.uow,
        ctx,
        scooter,
        [
            Tender(TenderKind.CREDIT_NOTE, 4900, credit_note_number=note),
            Tender(TenderKind.CASH, 10000),
        ],
    )
    at(clock, "2026-03-03T20:00")
    second_z = reports.z_reports(counter.uow, mgr)
    return mgr, first_z, second_z


def export(counter, mgr, tmp_path, tenant, start, end, schema):
    out = tmp_path / f"{tenant}-{start}-{end}.xml"
    export_saft(counter.uow, mgr, tenant, start, end, out)
    doc = etree.parse(str(out))
    assert schema.validate(doc), schema.error_log.filter_from_errors()[:3]
    return doc


def z_of(made, code):
    return next(r for r in made if r.report_id.startswith(f"Z-{code}-"))


def test_a_refund_to_a_credit_note_never_nets_against_a_note_taken_as_payment(
    two_days, counter, tmp_path, schema
):
    mgr, _, second = two_days
    z = z_of(second, SMAFOLK)
    assert [(p.code, p.name, p.num, p.amount) for p in z.payments] == [
        ("cash", "Kontant", 1, 10000),
        ("credit_note", "Tilgodelapp innløst", 1, 4900),
        ("credit_note", "Tilgodelapp utstedt", 1, -19900),
    ]
    operator = [(e.staff_no, e.name, e.num, e.amount) for e in z.emp_payments]
    assert operator == [
        ("1001", "Kontant", 1, 10000),
        ("1001", "Tilgodelapp innløst", 1, 4900),
        ("1001", "Tilgodelapp utstedt", 1, -19900),
    ]
    printed = [row.label for row in report_rows(z) if row.letter == "h"]
    assert "1001 Kari Kasserer: Tilgodelapp utstedt" in printed
    assert not any("credit_note" in label or ": cash" in label for label in printed)
    doc = export(counter, mgr, tmp_path, SMAFOLK, "2026-03-03", "2026-03-03", schema)
    lines = [
        (p.findtext("s:paymentType", namespaces=NS), p.findtext("s:paymentAmnt", namespaces=NS))
        for p in doc.iterfind(".//s:eventReport/s:reportPayments/s:reportPayment", NS)
    ]
    assert ("CREDITNOTE", "49.00") in lines and ("CREDITNOTE", "-199.00") in lines


def test_a_z_taken_after_midnight_is_exported_with_its_business_day(
    two_days, counter, tmp_path, schema
):
    mgr, first, _ = two_days
    assert z_of(first, SMAFOLK).business_date == "2026-03-02"

    def z_ids(start, end):
        doc = export(counter, mgr, tmp_path, SMAFOLK, start, end, schema)
        return [
            e.findtext("s:reportID", namespaces=NS) for e in doc.iterfind(".//s:eventReport", NS)
        ]

    assert z_ids("2026-03-02", "2026-03-02") == ["Z-12-K1-1"]
    assert z_ids("2026-03-03", "2026-03-03") == ["Z-12-K1-2"]


def test_the_first_transaction_of_a_period_verifies_from_the_file_alone(
    two_days, counter, tmp_path, schema
):
    mgr, _, _ = two_days
    doc = export(counter, mgr, tmp_path, SMAFOLK, "2026-03-03", "2026-03-03", schema)
    pem = tmp_path / "public.pem"
    pem.write_bytes(counter.keys.public_key_pem())
    first, *rest = doc.iterfind(".//s:cashtransaction", NS)
    told = first.findtext("s:desc", namespaces=NS)
    assert told.startswith("previousSignature nr 1: ")
    previous = told.split(": ", 1)[1]
    for trans in (first, *rest):
        fields = [
            trans.findtext(f"s:{n}", namespaces=NS)
            for n in ("transDate", "transTime", "nr", "transAmntIn", "transAmntEx")
        ]
        (tmp_path / "signed.txt").write_text(";".join([previous, *fields]), encoding="ascii")
        signature = trans.findtext("s:signature", namespaces=NS)
        (tmp_path / "signature.bin").write_bytes(base64.b64decode(signature))
        run = subprocess.run(
            [
                "openssl",
                "dgst",
                "-sha1",
                "-verify",
                str(pem),
                "-signature",
                str(tmp_path / "signature.bin"),
                str(tmp_path / "signed.txt"),
            ],
            capture_output=True,
            text=True,
        )
        assert "Verified OK" in run.stdout, run.stderr
        previous = signature
    assert rest and all(t.find("s:desc", NS) is None for t in rest)


def test_a_tenants_file_holds_only_its_own_part_of_a_parked_basket_and_no_drawer(
    two_days, counter, tmp_path, schema
):
    mgr, _, _ = two_days
    kafe = export(counter, mgr, tmp_path, KAFE, "2026-03-02", "2026-03-03", schema)
    events = [
        (e.findtext("s:eventType", namespaces=NS), e.findtext("s:eventText", namespaces=NS) or "")
        for e in kafe.iterfind(".//s:event", NS)
    ]
    parked = [text for kind, text in events if kind in ("PARK", "RESUME")]
    assert len(parked) == 2 and all("amount 32.00" in t and "lines 1" in t for t in parked)
    assert not any("amount 649.00" in text or "amount 681.00" in text for _, text in events)
    assert not {"DRAWOPEN", "TILLOPEN"} & {kind for kind, _ in events}
    centre = export(counter, mgr, tmp_path, CENTRE, "2026-03-02", "2026-03-03", schema)
    kinds = {e.findtext("s:eventType", namespaces=NS) for e in centre.iterfind(".//s:event", NS)}
    assert {"DRAWOPEN", "TILLOPEN"} <= kinds
    bua = z_of(two_days[1], BUA)
    assert (bua.parked.num, bua.parked.amount) == (1, 64900)
