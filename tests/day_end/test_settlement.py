"""Tenant settlements: they sum to the øre against the Z reports of their period, carry
commission and rent with 25 % VAT, are numbered, never edited (corrections are new settlements),
and export to CSV for the accountant and pain.001 for the bank."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from pos.bank import is_valid_account_number, normalise_account_number
from pos.clock import OSLO, SteppingClock
from pos.counter import open_counter
from pos.day_end_errors import InvalidBankAccount, InvalidRate, SettlementOverlaps
from pos.demo.centre import seed_demo
from pos.model.settlement import registers_text
from pos.services import reports, settlement, tenant_terms
from pos.services.settlement_files import pain001, settlements_csv
from tests.check_digits import textbook_mod11
from tests.day_end.helpers import Days, db_rows, evening, manager_ctx, next_day

FIRST_DAY = datetime(2026, 3, 2, 10, tzinfo=OSLO)
ACCOUNT = "1234.56.78903"


@pytest.fixture(scope="module")
def month(tmp_path_factory):
    """Three simulated days in March with their Z reports; tenant 11 has terms."""
    with open_counter(tmp_path_factory.mktemp("settle")) as counter:
        seed_demo(counter.uow, counter.signer(), clock=SteppingClock(FIRST_DAY))
        tenant_terms.set_terms(
            counter.uow,
            manager_ctx(counter, FIRST_DAY),
            "11",
            commission_bp=2000,
            monthly_rent=300000,
            bank_account=ACCOUNT,
            group_rates={"KLAER": 3000},
        )
        days = Days(counter, FIRST_DAY, seed=11)
        day = FIRST_DAY
        for _ in range(3):
            days.run(day, 30)
            reports.z_reports(counter.uow, manager_ctx(counter, evening(day)))
            day = next_day(day)
        # settled after the month: a period is settled only once its days are closed by Zs
        yield counter, manager_ctx(counter, evening(datetime(2026, 4, 1, 10, tzinfo=OSLO)))


def test_a_settlement_sums_to_the_ore_against_the_z_reports_of_its_period(month):
    counter, ctx = month
    doc = settlement.make_settlement(counter.uow, ctx, "11", "2026-03-01", "2026-03-31")
    z = reports.stored_z_reports(counter.uow, "11", "2026-03-01", "2026-03-31")
    assert len(z) == 3
    assert doc.line_amount("info:net_sales") == sum(r.total_cash_sales for r in z)
    by_kind: dict[str, int] = {}
    for report in z:
        for p in report.payments:
            by_kind[p.code] = by_kind.get(p.code, 0) + p.amount
    for kind in ("cash", "card", "vipps"):
        assert doc.line_amount(f"received:{kind}") == by_kind.get(kind, 0)
    assert doc.line_amount("info:credit_note") == by_kind.get("credit_note", 0)
    commission = -doc.amount_of("commission:")
    assert doc.line_amount("commission_vat") == -round(commission * 0.25 + 1e-9)
    assert doc.line_amount("rent") == -300000 and doc.line_amount("rent_vat") == -75000
    received = sum(by_kind.get(k, 0) for k in ("cash", "card", "vipps"))
    assert doc.net_payable == received - commission - round(commission * 0.25 + 1e-9) - 375000
    klaer = next(ln for ln in doc.lines if ln.kind == "commission:KLAER")
    assert -klaer.amount == (klaer.base * 3000 + 5000) // 10000
    (stored,) = db_rows(
        counter, "SELECT net_payable FROM settlements WHERE id = ?", (doc.settlement_id,)
    )
    assert stored == (doc.net_payable,)
    # a counter with no central server settles its own register and says so
    assert (doc.registers, doc.centre_wide) == ("K1", False)
    assert registers_text(doc) == "Kasse: K1 (senterets eneste kasse, uten sentral server)"


def test_settlements_are_numbered_never_overlap_and_are_corrected_by_new_ones(month):
    counter, ctx = month
    first = settlement.make_settlement(counter.uow, ctx, "12", "2026-03-01", "2026-03-15")
    with pytest.raises(SettlementOverlaps):
        settlement.make_settlement(counter.uow, ctx, "12", "2026-03-10", "2026-03-31")
    second = settlement.make_settlement(counter.uow, ctx, "12", "2026-03-16", "2026-03-31")
    fix = settlement.correct_settlement(counter.uow, ctx, "12", first.number, "Glemt gebyr", -5000)
    assert [first.number, second.number, fix.number] == [1, 2, 3]
    assert fix.corrects_number == first.number_text and fix.net_payable == -5000
    stored = settlement.settlement_docs(counter.uow, "12")
    assert [d.number_text for d in stored] == ["OPPGJ-12-00001", "OPPGJ-12-00002", "OPPGJ-12-00003"]
    assert stored[0] == first


def test_csv_for_the_accountant_and_pain001_for_the_bank(month):
    counter, ctx = month
    docs = settlement.settlement_docs(counter.uow, "11") or [
        settlement.make_settlement(counter.uow, ctx, "11", "2026-03-01", "2026-03-31")
    ]
    text = settlements_csv(docs)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][0] == "Oppgjør" and rows[-1][8] == "Netto til utbetaling"
    assert rows[0][6] == "Kasser" and rows[-1][6] == "K1"
    assert rows[-1][-1] == "net_payable" and rows[0][-1] == "Kode"
    payable = [d for d in docs if d.net_payable > 0]
    xml = pain001(
        docs,
        debtor_name="Omigjen Ombruk AS",
        debtor_org_no="921100116",
        debtor_account="9710.05.12347",
        execution_date="2026-04-02",
        created=datetime(2026, 4, 1, 9, tzinfo=OSLO),
        message_id="OMI-2026-03",
    )
    root = etree.fromstring(xml)
    ns = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}
    assert root.findtext("p:CstmrCdtTrfInitn/p:GrpHdr/p:NbOfTxs", namespaces=ns) == str(
        len(payable)
    )
    total = sum(d.net_payable for d in payable)
    ctrl = root.findtext("p:CstmrCdtTrfInitn/p:GrpHdr/p:CtrlSum", namespaces=ns)
    assert ctrl == f"{total // 100}.{total % 100:02d}"
    accounts = root.findall(".//p:CdtrAcct/p:Id/p:Othr/p:Id", ns)
    assert all(a.text == normalise_account_number(ACCOUNT) for a in accounts)


def test_bad_terms_are_refused_with_clear_errors(month):
    counter, _ = month
    with pytest.raises(InvalidBankAccount):
        tenant_terms.set_terms(
            counter.uow,
            manager_ctx(counter, FIRST_DAY),
            "13",
            commission_bp=1000,
            monthly_rent=0,
            bank_account="1234.56.78900",
        )
    with pytest.raises(InvalidRate):
        tenant_terms.parse_rate("120")
    assert tenant_terms.parse_rate("12,5") == 1250


def test_rent_is_charged_for_each_month_starting_in_the_period():
    assert settlement.rent_months("2026-03-01", "2026-03-31") == ["2026-03"]
    assert settlement.rent_months("2026-03-02", "2026-03-31") == []
    assert settlement.rent_months("2026-11-15", "2027-02-01") == ["2026-12", "2027-01", "2027-02"]


@given(st.text(alphabet="0123456789", min_size=10, max_size=10).filter(lambda b: b[:4] != "0000"))
def test_an_account_number_is_valid_exactly_when_its_mod11_digit_matches(body):
    check = textbook_mod11(body, (5, 4, 3, 2, 7, 6, 5, 4, 3, 2))
    for digit in range(10):
        assert is_valid_account_number(body + str(digit)) == (check == digit)
        assert is_valid_account_number(f"{body[:4]}.{body[4:6]}.{body[6:]}{digit}") == (
            check == digit
        )


@given(st.from_regex(r"0000[0-9]{7}", fullmatch=True))
def test_a_postgiro_number_padded_to_eleven_digits_is_no_account(number):
    assert not is_valid_account_number(number)


def test_a_change_of_terms_is_journaled_as_a_change_of_fixed_data(month):
    counter, boss = month
    tenant_terms.set_terms(counter.uow, boss, "14", commission_bp=1500, monthly_rent=100000)
    rows = db_rows(
        counter,
        "SELECT amount, json_extract(details, '$.commission_bp') FROM journal "
        "WHERE event_code = 13999 AND json_extract(details, '$.kind') = 'terms_change' "
        "ORDER BY seq DESC LIMIT 1",
    )
    assert rows == [(None, 1500)]
