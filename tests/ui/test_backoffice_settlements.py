"""The settlements page: a manager settles a tenant's period (PDF, CSV and payment file made
with it), a second settlement of the period is refused with the way out, and the correction
makes a new numbered settlement that takes the first back; a payment file that cannot be made
leaves no settlement and no file."""

from __future__ import annotations

import subprocess
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.clock import OSLO
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import centre_company, checkout, reports, settlement, tenant_terms
from tests.ui.conftest import log_in, press
from ui.pages import PageContext


@pytest.fixture
def clock():
    from pos.clock import SteppingClock

    return SteppingClock(datetime(2026, 3, 10, 11, tzinfo=OSLO))  # the centre opens in March


@pytest.fixture
def page(window, counter, shelf, boss, clock, tmp_path):
    clock.current = datetime(2026, 3, 10, 12, tzinfo=OSLO)  # a sale in March
    basket = Basket()
    basket.add(shelf.one_off("12", 1))
    checkout.complete_sale(counter.uow, boss, basket, [Tender(TenderKind.CASH, 500000)])
    clock.current = datetime(2026, 3, 10, 20, tzinfo=OSLO)
    reports.z_reports(counter.uow, boss)  # only days closed by a Z are settled
    clock.current = datetime(2026, 4, 2, 10, tzinfo=OSLO)
    tenant_terms.set_terms(counter.uow, boss, "12", commission_bp=1000, monthly_rent=0,
                           bank_account="1234.56.78903")  # fmt: skip
    log_in(window, "9001", "9999")
    window.wedge.enabled = False
    window.page_context = PageContext(window.session, window.tasks, None, tmp_path)
    shown = window.show_page("settlements")
    shown.tenant.setCurrentIndex(shown.tenant.findData("12"))
    return shown


def ctrl(page, key):
    press(page.reason, key, Qt.KeyboardModifier.ControlModifier)


def test_settle_refuse_the_second_and_correct_with_files(page, counter, tmp_path):
    assert (page.date_from.text(), page.date_to.text()) == ("2026-03-01", "2026-03-31")
    page.account.setText("9710.05.12347")
    ctrl(page, Qt.Key.Key_S)
    assert tenant_terms.centre_account(counter.uow) == "97100512347"
    ctrl(page, Qt.Key.Key_N)
    assert "OPPGJ-12-00001" in page.message.text(), page.message.text()
    names = sorted(p.name for p in page.last_files)
    assert names == ["OPPGJ-12-00001-betaling.xml", "OPPGJ-12-00001.csv", "OPPGJ-12-00001.pdf"]
    ctrl(page, Qt.Key.Key_N)
    assert "korreksjon" in page.message.text().lower()  # refused, with the way out
    page.table.selectRow(0)
    ctrl(page, Qt.Key.Key_K)
    assert "begrunnelse" in page.message.text()  # a reason is needed
    QTest.keyClicks(page.reason, "Gebyr for kortterminal")
    QTest.keyClicks(page.adjust, "-250")
    ctrl(page, Qt.Key.Key_K)
    assert "OPPGJ-12-00002" in page.message.text(), page.message.text()
    assert page.table.item(1, 2).text() == "OPPGJ-12-00001"  # corrects
    assert page.table.item(1, 5).text() == "K1"  # the registers it covers: this one alone
    (fix,) = [d for d in settlement.settlement_docs(counter.uow, "12") if d.corrects_number]
    assert fix.net_payable == -25000  # nothing else changed: the adjustment is the difference
    assert sorted(p.name for p in page.last_files) == ["OPPGJ-12-00002.csv", "OPPGJ-12-00002.pdf"]


def test_a_payment_file_that_cannot_be_made_leaves_nothing(page, counter, boss, tmp_path):
    tenant_terms.set_centre_account(counter.uow, boss, "9710.05.12347")
    tenant_terms.set_terms(
        counter.uow, boss, "12", commission_bp=1000, monthly_rent=0, bank_account=""
    )  # fmt: skip  (no account for a tenant owed money)
    ctrl(page, Qt.Key.Key_N)
    assert "kontonummer" in page.message.text(), page.message.text()
    assert settlement.settlement_docs(counter.uow, "12") == []
    folder = tmp_path / "reports" / "settlements"
    assert not any(folder.iterdir())


def test_a_period_reaching_today_or_beyond_is_refused_and_nothing_is_numbered(page, counter):
    """April 2 is today and has no Z: a period reaching it, or wholly to come, is refused."""
    for start, end, first_open in (
        ("2026-04-01", "2026-04-30", "2026-04-02"),
        ("2026-04-09", "2026-04-30", "2026-04-09"),
    ):
        page.date_from.setText(start)
        page.date_to.setText(end)
        ctrl(page, Qt.Key.Key_N)
        said = page.message.text()
        assert f"{first_open} er ikke avsluttet med Z" in said and "i dag er 2026-04-02" in said
    assert settlement.settlement_docs(counter.uow, "12") == []


def test_the_centres_company_is_checked_journaled_and_pays_the_tenant(page, counter):
    assert page.company_name.text() == "Omigjen Ombruk AS"  # the demo's, as stored
    page.company_name.setText("Omigjen Asker AS")
    page.company_org_no.setText("923456784")  # a wrong check digit
    page.account.setText("9710.05.12347")
    ctrl(page, Qt.Key.Key_S)
    assert "923456784" in page.message.text(), page.message.text()
    page.company_org_no.setText("923 456 783")
    ctrl(page, Qt.Key.Key_S)
    saved = centre_company.centre_company(counter.uow)
    assert saved == centre_company.CentreCompany("Omigjen Asker AS", "923456783", "97100512347")
    ctrl(page, Qt.Key.Key_N)
    assert "OPPGJ-12-00001" in page.message.text(), page.message.text()
    (xml,) = [p for p in page.last_files if p.suffix == ".xml"]
    assert xml.read_text(encoding="utf-8").count("<Nm>Omigjen Asker AS</Nm>") == 2  # the payer
    (pdf,) = [p for p in page.last_files if p.suffix == ".pdf"]
    run = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
    assert "Fra Omigjen Asker AS, org.nr. 923456783" in run.stdout.decode("utf-8")


def test_an_enrolled_counter_offline_settles_nothing_and_says_it_needs_the_server(
    page, counter, bokmal
):
    with counter.uow() as uow:  # enrolled with a central server that does not answer
        uow.sync.save_device(
            {"server_url": "http://127.0.0.1:9", "device_id": "dev-1", "device_epoch": 1,
             "token": "t0ken-0123456789abcdef", "site_id": "site-1"}
        )  # fmt: skip
        uow.commit()
    page.on_shown()
    assert "serveren gjør opp leietakeren for alle kassene" in page.message.text()
    ctrl(page, Qt.Key.Key_N)
    said = page.message.text()
    assert "sentrale serveren" in said and "Ingenting er gjort opp" in said, said
    assert settlement.settlement_docs(counter.uow, "12") == [] and page.table.rowCount() == 0
