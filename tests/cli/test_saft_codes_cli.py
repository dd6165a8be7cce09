"""A SAF-T file exported through the command line after an X on an empty period (taken after the
day's Z) validates against the XSD, and every code it uses is declared in its basics and maps
to a code in Skatteetaten's code lists: an empty report line is written with real codes."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

from lxml import etree

import main
from pos.clock import OSLO
from tests.conftest import PROJECT_ROOT
from tests.day_end.test_saft_export import NS, SCHEMA_FILE

STAFF = ["--staff", "9001", "--pin", "9999"]
CODE_LISTS = PROJECT_ROOT / "resources" / "saft" / "code-lists"
# basicType -> the elements that name a code of that type
USES = {
    "04": ("artGroupID", "priceInquiryGroup"),
    "11": ("transType",),
    "12": ("paymentType",),
    "13": ("eventType",),
}


def predefined(basic_type: str) -> set[str]:
    text = (CODE_LISTS / f"PredefinedBasicID-{basic_type}.csv").read_bytes()
    try:
        lines = text.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        lines = text.decode("latin-1").splitlines()
    return {row[0] for row in csv.reader(lines[1:], delimiter=";") if row}


def run(data: Path, *args: str) -> int:
    return main.main(["--data-dir", str(data), *args])


def test_an_x_on_an_empty_period_exports_only_declared_codes_from_the_code_lists(tmp_path, capsys):
    data = tmp_path / "data"
    day = ["--start", "2026-03-02"]
    assert run(data, "simulate", "--days", "1", "--sales-per-day", "15", *day) == 0
    assert run(data, "z-report", "--date", "2026-03-02", *STAFF) == 0
    assert run(data, "x-report", "--tenant", "11", *STAFF) == 0  # nothing since the Z
    out = tmp_path / "saft.xml"
    today = datetime.now(OSLO).date().isoformat()
    period = ["--from", "2026-03-01", "--to", today, "--out", str(out)]
    assert run(data, "export-saft", "--tenant", "11", *period, *STAFF) == 0
    capsys.readouterr()

    doc = etree.parse(str(out))
    schema = etree.XMLSchema(etree.parse(str(SCHEMA_FILE)))
    assert schema.validate(doc), schema.error_log.filter_from_errors()[:3]
    x_reports = [
        r for r in doc.iterfind(".//s:eventReport", NS) if _text(r, "reportType") == "X report"
    ]
    empty = [r for r in x_reports if _text(r, "reportReceiptNum") == "0"]
    assert empty, "the X after the Z is in the file"
    groups = empty[-1].findall("s:reportArtGroups/s:reportArtGroup", NS)
    payments = empty[-1].findall("s:reportPayments/s:reportPayment", NS)
    assert [(_text(g, "artGroupNum"), _text(g, "artGroupAmnt")) for g in groups] == [("0", "0.00")]
    assert [(_text(p, "paymentType"), _text(p, "paymentAmnt")) for p in payments] == [
        ("CASH", "0.00")
    ]

    basics = {
        _text(b, "basicID"): (_text(b, "basicType"), _text(b, "predefinedBasicID"))
        for b in doc.iterfind(".//s:basics/s:basic", NS)
    }
    for basic_type, tags in USES.items():
        codes = {e.text for tag in tags for e in doc.iterfind(f".//s:{tag}", NS)}
        assert codes, tags
        for code in codes:
            assert code in basics, f"{tags[0]} {code!r} is not declared"
            declared_type, mapped = basics[code]
            assert declared_type == basic_type, code
            assert mapped in predefined(basic_type), f"{code} maps to {mapped!r}"
    # correction types are free text, and Skatteetaten's example file writes "None" for none
    nones = {etree.QName(e).localname for e in doc.iter() if e.text == "None"}
    assert nones <= {"corrLineType", "otherCorrType"}, nones


def _text(element, name: str) -> str:
    return element.findtext(f"s:{name}", namespaces=NS) or ""
