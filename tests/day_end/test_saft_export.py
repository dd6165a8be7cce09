"""The SAF-T Cash Register export validates against Skatteetaten's XSD, declares every own code
it uses, and its signatures verify with openssl on the exported public key (independent of our
signing code)."""

from __future__ import annotations

import base64
import hashlib
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from lxml import etree

from pos.clock import OSLO, SteppingClock
from pos.counter import open_counter
from pos.day_end_errors import InvalidPeriod
from pos.demo.centre import seed_demo
from pos.errors import UnknownTenant
from pos.model.events import EventCode
from pos.services import reports
from pos.services.saft_export import export_saft
from tests.conftest import PROJECT_ROOT
from tests.day_end.helpers import Days, db_rows, evening, manager_ctx, next_day

XSD = PROJECT_ROOT / "resources" / "saft"  # Skatteetaten's files, copied unchanged
SCHEMA_FILE = XSD / "Norwegian_SAF-T_Cash_Register_Schema_v_1.00.xsd"
EXAMPLE_FILE = XSD / "ExampleFile_SAF-T_Cash_Register_999999999_20210330104000.xml"
SHA256 = {
    SCHEMA_FILE: "b89e2f153d4b1665de02923f6cd4b757cf681a3c77b5427f386328ead7893837",
    EXAMPLE_FILE: "35cfb15a0138c2fcfc5967dfa1ad8c1d19e8c96de2e562ee8008cccd352b8cd2",
}
NS = {"s": "urn:StandardAuditFile-Taxation-CashRegister:NO"}
FIRST_DAY = datetime(2026, 3, 2, 10, tzinfo=OSLO)


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    for path, digest in SHA256.items():  # the official files, byte for byte
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, path
    return etree.XMLSchema(etree.parse(str(SCHEMA_FILE)))


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    """Two simulated days with their Z reports, and an export of each tenant."""
    data = tmp_path_factory.mktemp("saft")
    with open_counter(data / "counter") as counter:
        seed_demo(counter.uow, counter.signer(), clock=SteppingClock(FIRST_DAY))
        days = Days(counter, FIRST_DAY, seed=7)
        day = FIRST_DAY
        for _ in range(2):
            days.run(day, 40)
            reports.z_reports(counter.uow, manager_ctx(counter, evening(day)))
            day = next_day(day)
        ctx = manager_ctx(counter, evening(day))
        files = {}
        for tenant in ("10", "11", "12", "15"):
            out = data / f"out-{tenant}"
            out.mkdir()
            files[tenant] = export_saft(counter.uow, ctx, tenant, "2026-03-01", "2026-03-31", out)
        pem = data / "public.pem"
        pem.write_bytes(counter.keys.public_key_pem())
        yield counter, files, pem


def test_the_official_example_validates_so_the_schema_is_the_right_one(schema):
    example = EXAMPLE_FILE
    assert schema.validate(etree.parse(str(example)))


@pytest.mark.parametrize("tenant", ["10", "11", "12", "15"])
def test_each_tenants_export_validates_against_the_xsd(schema, history, tenant):
    _, files, _ = history
    doc = etree.parse(str(files[tenant].path))
    assert schema.validate(doc), schema.error_log.filter_from_errors()[:3]
    assert files[tenant].path.name.startswith("SAF-T Cash Register_9211")
    assert doc.findtext("s:company/s:companyIdent", namespaces=NS) == files[tenant].tenant.org_no


def test_every_own_code_used_is_declared_with_its_predefined_code(history):
    _, files, _ = history
    doc = etree.parse(str(files["11"].path))
    basics = {
        b.findtext("s:basicID", namespaces=NS): (
            b.findtext("s:basicType", namespaces=NS),
            b.findtext("s:predefinedBasicID", namespaces=NS),
        )
        for b in doc.iterfind(".//s:basics/s:basic", NS)
    }
    used = {
        "13": {e.text for e in doc.iterfind(".//s:event/s:eventType", NS)},
        "12": {e.text for e in doc.iterfind(".//s:payment/s:paymentType", NS)},
        "11": {e.text for e in doc.iterfind(".//s:cashtransaction/s:transType", NS)},
        "04": {e.text for e in doc.iterfind(".//s:ctLine/s:artGroupID", NS)},
    }
    assert used["13"] >= {"SALEREG", "ZREP", "EMPIN"}  # nothing printed: no SALREC
    for basic_type, codes in used.items():
        for code in codes:
            assert basics[code][0] == basic_type
            assert basics[code][1] and basics[code][1].startswith(basic_type), code


def test_z_reports_are_event_reports_and_every_receipt_is_a_transaction(history):
    counter, files, _ = history
    result = files["11"]
    doc = etree.parse(str(result.path))
    z = doc.findall(".//s:event/s:eventReport[s:reportType='Z report']", NS)
    assert [e.findtext("s:reportID", namespaces=NS) for e in z] == ["Z-11-K1-1", "Z-11-K1-2"]
    (count,) = db_rows(
        counter, "SELECT COUNT(*) FROM receipts WHERE tenant_id = ?", (result.tenant.id,)
    )
    assert result.transactions == count[0] == len(doc.findall(".//s:cashtransaction", NS))
    for report in z:
        gross = report.findtext("s:reportGrandTotalSales", namespaces=NS)
        returns = report.findtext("s:reportGrandTotalReturn", namespaces=NS)
        net = report.findtext("s:reportGrandTotalSalesNet", namespaces=NS)
        assert round(float(gross) - float(returns), 2) == float(net)
    exported = db_rows(
        counter,
        "SELECT COUNT(*) FROM journal WHERE event_code = ? AND tenant_id = ?",
        (int(EventCode.JOURNAL_EXPORT), result.tenant.id),
    )
    assert exported == [(1,)]


def test_event_texts_are_readable_text_never_a_raw_structure(history):
    """An auditor reads eventText: the sale's number and its digest, no Python dict."""
    _, files, _ = history
    doc = etree.parse(str(files["11"].path))
    texts = {
        e.findtext("s:eventType", namespaces=NS): e.findtext("s:eventText", namespaces=NS) or ""
        for e in doc.iterfind(".//s:event", NS)
    }
    sale = texts["SALEREG"]
    assert sale.startswith("number 11-K1-") and "digest " in sale, sale
    for event_text in texts.values():
        assert not any(mark in event_text for mark in "{}[]'"), event_text
        assert len(event_text) < 300, event_text


def text(element, name: str) -> str:
    return element.findtext(f"s:{name}", namespaces=NS)


def test_signatures_verify_with_openssl_on_the_exported_public_key(history, tmp_path):
    _, files, pem = history
    doc = etree.parse(str(files["11"].path))
    previous = "0"
    checked = 0
    for trans in doc.iterfind(".//s:cashtransaction", NS):
        fields = ("transDate", "transTime", "nr", "transAmntIn", "transAmntEx")
        data = ";".join([previous, *(text(trans, name) for name in fields)])
        signature = text(trans, "signature")
        (tmp_path / "data").write_bytes(data.encode("ascii"))
        (tmp_path / "sig").write_bytes(base64.b64decode(signature))
        run = subprocess.run(
            [
                "openssl",
                "dgst",
                "-sha1",
                "-verify",
                str(pem),
                "-signature",
                str(tmp_path / "sig"),
                str(tmp_path / "data"),
            ],
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0 and "Verified OK" in run.stdout, (data, run.stderr)
        assert text(trans, "keyVersion") == "K1-1"  # the register's own first key
        previous = signature
        checked += 1
    assert checked > 10


def test_a_tampered_amount_does_not_verify(history, tmp_path):
    _, files, pem = history
    doc = etree.parse(str(files["11"].path))
    trans = doc.find(".//s:cashtransaction", NS)
    data = f"0;{trans.findtext('s:transDate', namespaces=NS)};" + (
        f"{trans.findtext('s:transTime', namespaces=NS)};1;999999.00;0.00"
    )
    (tmp_path / "data").write_bytes(data.encode())
    (tmp_path / "sig").write_bytes(base64.b64decode(trans.findtext("s:signature", namespaces=NS)))
    run = subprocess.run(
        [
            "openssl",
            "dgst",
            "-sha1",
            "-verify",
            str(pem),
            "-signature",
            str(tmp_path / "sig"),
            str(tmp_path / "data"),
        ],
        capture_output=True,
    )
    assert run.returncode != 0


def test_bad_requests_get_clear_errors(history, tmp_path: Path):
    counter, _, _ = history
    ctx = manager_ctx(counter, FIRST_DAY)
    with pytest.raises(UnknownTenant):
        export_saft(counter.uow, ctx, "999999999", "2026-03-01", "2026-03-31", tmp_path)
    with pytest.raises(InvalidPeriod):
        export_saft(counter.uow, ctx, "11", "2026-04-01", "2026-03-01", tmp_path)
    assert list(tmp_path.iterdir()) == []
