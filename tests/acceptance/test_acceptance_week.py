"""The acceptance week: three business days of a new reuse centre, from an EMPTY data directory
(no demo), driven only by what the people at the counter have — real X key events from the
keyboard and from a keyboard-wedge scanner (``xsession.py``), and the documented commands —
with the PC's clock set for each day by libfaketime.

Day 1: the first-run set-up in the window, the manager's login and float, a cashier added,
items registered in a batch and their A4 label sheet read back, mixed-tenant baskets with a
split tender and cash rounding, a return from the receipt's scanned barcode to a credit note,
the credit note scanned at payment, a repair taken in with its deposit, its job tag scanned on
the board and the job picked up and paid at the till, the blind count and close, the Z.
Day 2: the till opened again; a sale with the printer offline, then the printer back and the
receipt printed again (its original, then its one copy); a backup, a sale, the manager's
restore; close and Z. Day 3: the PC's clock behind the last receipt — nothing is recorded until
a manager confirms the time —; a sale, close, Z.

Everything asserted is an output: the support log and the windows' titles while it runs, then
``verify-journal``, ``z-report --missing``, the SAF-T files against Skatteetaten's XSD with
every signature checked by openssl and every Z recomputed from the transactions to the øre,
the printer's ESC/POS bytes, and screenshots (kept in ``docs/screenshots/acceptance/`` with
``OMIGJEN_KEEP_SCREENSHOTS=1``).

The days are played by ``week_day_one.py`` and ``week_days_two_three.py`` on the cast and
shared steps of ``week_plan.py``; what they left behind is read with ``week_outputs.py``."""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image

from pos.clock import OSLO
from tests.acceptance.week_day_one import day_one
from tests.acceptance.week_days_two_three import day_three, day_two
from tests.acceptance.week_outputs import (
    NS,
    barcodes_on,
    command,
    pages_with,
    printed_receipts,
    recomputed_z,
    sales_days,
    z_reports,
)
from tests.acceptance.week_plan import KEEP_SHOTS, MANAGER, SCREEN, SHOTS_DIR, TENANTS, Week
from tests.acceptance.xsession import XSession, missing
from tests.day_end.test_saft_export import SCHEMA_FILE
from tests.ui.test_week_with_a_restore import verify_chain_from_the_file

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(missing() is not None, reason=f"real X session: {missing()}"),
    pytest.mark.skipif(shutil.which("faketime") is None, reason="needs faketime"),
]


@pytest.fixture(scope="module")
def week(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Week]:
    base = tmp_path_factory.mktemp("week")
    keep = os.environ.get(KEEP_SHOTS) == "1"
    shots = SHOTS_DIR if keep else base / "shots"
    for old in shots.glob("*.png"):  # only this run's
        old.unlink()
    today = datetime.now(OSLO).date()
    days = (today - timedelta(days=4), today - timedelta(days=3), today - timedelta(days=2))
    with XSession("no", size=f"{SCREEN[0]}x{SCREEN[1]}") as x:
        week = Week(x, base / "data", base / "printer.escpos", shots, base / "work", days)
        week.work.mkdir()
        try:
            day_one(week)
            day_two(week)
            day_three(week)
        except BaseException:
            if week.person is not None:
                with contextlib.suppress(Exception):  # the failure itself is what matters
                    week.p.shot("failed")
            raise
    yield week  # what the week left behind needs no X server


# -- what the week left behind ---------------------------------------------------------------
def after_the_week(week: Week) -> datetime:
    """The PC's clock put right after day 3: the time the manager confirmed, run on since."""
    assert week.confirmed is not None
    since, confirmed = week.confirmed
    return confirmed + timedelta(seconds=time.monotonic() - since)


def test_the_journal_verifies_and_every_day_has_its_z(week: Week) -> None:
    verified = command(week.data, after_the_week(week), "verify-journal").stdout
    assert verified.startswith("OK:"), verified
    missing = command(week.data, after_the_week(week), "z-report", "--missing",
                      "--staff", MANAGER[0], "--pin", MANAGER[2]).stdout  # fmt: skip
    assert "Ingen dager uten Z-rapport" in missing, missing
    log = week.p.log()
    for number, day in enumerate(week.days, start=1):
        assert f"Z report nr {number} for org.no 921100221, business day {day}" in log
    assert log.count("till closed at K1") == 3


@pytest.fixture(scope="module")
def saft(week: Week) -> dict[str, object]:
    """Each tenant's SAF-T file of the week, parsed."""
    out = week.work / "saft"
    out.mkdir()
    first, last = week.days[0], week.days[2]
    files = {}
    for code, _name, org_no, _vat, _group in TENANTS:
        (out / code).mkdir()
        command(week.data, after_the_week(week), "export-saft", "--tenant", org_no,
                "--from", str(first), "--to", str(last), "--out", str(out / code),
                "--staff", MANAGER[0], "--pin", MANAGER[2])  # fmt: skip
        (path,) = (out / code).glob("*.xml")
        files[code] = etree.parse(str(path))
    return files


@pytest.fixture(scope="module")
def public_key(week: Week) -> Path:
    """The signing key's public half, as the product declaration gives it."""
    key = week.work / "public.pem"
    key.write_text(command(week.data, after_the_week(week), "export-public-key").stdout)
    return key


@pytest.mark.parametrize("tenant", [code for code, *_ in TENANTS])
def test_each_tenants_saft_validates_and_every_signature_verifies(
    saft, public_key, tenant, tmp_path
):
    doc = saft[tenant]
    schema = etree.XMLSchema(etree.parse(str(SCHEMA_FILE)))
    assert schema.validate(doc), schema.error_log.filter_from_errors()[:3]
    signed = verify_chain_from_the_file(doc, public_key, tmp_path)
    assert signed == list(range(1, len(signed) + 1))  # one chain, no number twice, no gap


@pytest.mark.parametrize("tenant", [code for code, *_ in TENANTS])
def test_every_z_adds_up_to_the_ore_from_the_days_transactions(saft, tenant):
    doc = saft[tenant]
    reports = z_reports(doc)
    assert set(reports) == sales_days(doc)  # every business day with sales has its Z
    for day, (stated, opening_float) in reports.items():
        assert stated == recomputed_z(doc, day), day
        assert opening_float == (150000 if tenant == "11" else 0)  # the drawer is Bua's


def test_no_receipt_number_is_given_out_twice(week: Week, saft) -> None:
    numbers = [
        t.findtext("s:transID", namespaces=NS)
        for doc in saft.values()
        for t in doc.iterfind(".//s:cashtransaction", NS)
    ]
    assert len(numbers) == len(set(numbers))
    told = [n for numbers in week.sold.values() for n in numbers]
    assert sorted(told) == sorted(numbers)  # what the log said is what the files hold


def test_each_tenant_got_its_own_receipt_in_the_legal_wording_and_one_copy(week, saft):
    """Read back from the printer's bytes: every receipt the log names was printed once as
    the original, for its own tenant only (org.no, VAT or the notice that there is none), its
    lines, rounding and payments adding up to its total; the one copy says KOPI; each Z was
    printed."""
    receipts = printed_receipts(week.printer)
    originals = [r.number for r in receipts if not r.copy]
    told = [n for numbers in week.sold.values() for n in numbers]
    assert sorted(originals) == sorted(told)  # each once: never a second original
    org = {code: (org_no, vat, name) for code, name, org_no, vat, _group in TENANTS}
    for receipt in receipts:
        org_no, vat, name = org[receipt.number[:2]]
        spaced = f"{org_no[:3]} {org_no[3:6]} {org_no[6:]}"
        assert receipt.org_lines == [f"Org.nr. {spaced}" + (" MVA" if vat else "")]
        others = [n for code, (_o, _v, n) in org.items() if code != receipt.number[:2]]
        assert name in receipt.text and not any(other in receipt.text for other in others)
        assert ("Merverdiavgiftsregisteret" in receipt.text) is not vat
        assert receipt.number in receipt.barcodes  # scannable for a return or a copy
        assert sum(receipt.paid) == receipt.total, receipt.text
        if receipt.items:
            assert sum(receipt.items) + receipt.rounding == receipt.total, receipt.text
    (copy,) = [r for r in receipts if r.copy]
    assert copy.number == week.sold["offline"][0]
    original = next(r for r in receipts if r.number == copy.number and not r.copy)
    assert copy.text.replace("KOPI\n", "").replace("\nKOPI", "") == original.text
    z_ids = {
        report.findtext("s:reportID", namespaces=NS)
        for doc in saft.values()
        for report in doc.iterfind(".//s:eventReport", NS)
        if report.findtext("s:reportType", namespaces=NS) == "Z report"
    }
    printed_z = {code for pg in pages_with(week.printer, "Z-rapport") for code in barcodes_on(pg)}
    assert printed_z == z_ids


def test_the_week_is_in_its_screenshots(week: Week) -> None:
    shots = sorted(week.shots.glob("day*.png"))
    assert {path.name[:4] for path in shots} == {"day1", "day2", "day3"}
    for path in shots:
        with Image.open(path) as image:
            assert image.size == SCREEN and len(image.getcolors(maxcolors=1 << 16) or "") > 2
