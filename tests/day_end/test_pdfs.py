"""PDFs of the day end: a Z report per tenant with every letter of § 2-8-2, the manager's day end
(summary page and tenants side by side) and numbered settlement statements."""

from __future__ import annotations

import subprocess
from datetime import datetime

import pytest

from pdf.reports import day_end_pdf, drawer_report_pdf, settlement_pdf
from pos.clock import OSLO, SteppingClock
from pos.counter import open_counter
from pos.demo.centre import seed_demo
from pos.model.report_lines import report_rows
from pos.model.till_close import BlindCount
from pos.services import reports, settlement, tenant_terms, till_close
from pos.services.day_end import day_end_doc
from tests.day_end.helpers import Days, evening, manager_ctx

DAY = datetime(2026, 3, 2, 10, tzinfo=OSLO)


def pdf_text(path) -> str:
    """The text of a PDF as poppler's pdftotext reads it (an independent reader)."""
    assert path.read_bytes().startswith(b"%PDF-")
    run = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return run.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def day(tmp_path_factory):
    with open_counter(tmp_path_factory.mktemp("pdf")) as counter:
        seed_demo(counter.uow, counter.signer(), clock=SteppingClock(DAY))
        boss = manager_ctx(counter, DAY)
        tenant_terms.set_terms(counter.uow, boss, "11", commission_bp=2500, monthly_rent=250000)
        Days(counter, DAY, seed=5).run(DAY, 30)
        ctx = manager_ctx(counter, evening(DAY))
        till_close.close_till(counter.uow, ctx, BlindCount({100000: 1}), note="Talt av Mona")
        made = reports.z_reports(counter.uow, ctx)
        yield counter, ctx, made


def test_every_letter_of_the_regulation_is_on_the_z_report(day, tmp_path):
    _, _, made = day
    report = made[0]
    letters = {row.letter for row in report_rows(report)}
    assert set("abcdefghjklmnopqrstuvwxyz") | {"2"} <= letters
    text = pdf_text(drawer_report_pdf(report, tmp_path / "z.pdf"))
    assert "Z-rapport nr. 1" in text and report.company_name in text
    assert "Grand total netto" in text


def test_the_day_end_pdf_has_a_summary_and_every_tenant_side_by_side(day, tmp_path):
    counter, _, made = day
    doc = day_end_doc(counter.uow, "K1", "2026-03-02", made)
    assert doc.variance == doc.closes[0].variance and doc.closes[0].note == "Talt av Mona"
    bua = next(t for t in doc.tenants if t.report.company_name.startswith("Bua"))
    assert bua.commission == (bua.report.total_cash_sales * 2500 + 5000) // 10000
    assert bua.net_owed == bua.money_received - bua.commission - bua.commission_vat
    text = pdf_text(day_end_pdf(doc, tmp_path / "dag.pdf"))
    assert "Dagsoppgj" in text and "Skyldig hver leietaker" in text
    for tenant in doc.tenants:
        assert tenant.report.company_name in text


def test_a_settlement_statement_is_numbered(day, tmp_path):
    counter, ctx, _ = day
    doc = settlement.make_settlement(counter.uow, ctx, "11", "2026-03-01", "2026-03-31")
    text = pdf_text(settlement_pdf(doc, tmp_path / "oppgjor.pdf", "Omigjen"))
    assert "OPPGJ-11-00001" in text and "Husleie" in text
