"""A new centre on an empty counter: each part checked as typed, then the whole set-up written in
one transaction that leaves a counter a manager can log in to, open and sell at."""

import pytest

from pos.counter import open_counter
from pos.day_end_errors import InvalidBankAccount
from pos.errors import InvalidOrgNumber, InvalidPin, InvalidTenant
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.model.printing import PrinterRole, PrinterSetting
from pos.services import auth, catalogue, checkout, first_run, print_queue, till_day
from pos.services.centre_company import CentreCompanyMissing
from pos.services.context import TillContext
from pos.services.first_run import (
    CentreDetails,
    CentreSetup,
    FirstManager,
    NewTenant,
)
from pos.services.settlement_payment import payment_order
from pos.services.staff import InvalidStaffNumber
from pos.services.verification import verify_store

BUA = NewTenant("11", "Bua Brukte Klær AS", "921 100 221", True, "KLAER")
KAFE = NewTenant("15", "Kafé Kvisten SA", "921100663", True, "KAFFE")


def centre_setup(**changes) -> CentreSetup:
    base = CentreSetup(
        CentreDetails("Omigjen Asker", "k2", "Kasse 2 – disken", 2),
        FirstManager("9001", "Mona Leder", "4711", "4711"),
        (BUA, KAFE),
        first_run.DEFAULT_ARTICLE_GROUPS,
        PrinterSetting("", PrinterRole.RECEIPT, "tcp://127.0.0.1:9100", "TM-T20II", 48),
    )
    return CentreSetup(**{**base.__dict__, **changes})


@pytest.fixture
def empty(tmp_path):
    with open_counter(tmp_path / "fresh") as counter:
        yield counter


def test_a_new_centre_is_written_whole_and_the_manager_can_open_and_sell(empty, clock):
    assert first_run.needs_set_up(empty.uow)
    done = first_run.set_up_centre(empty.uow, centre_setup(), clock)
    assert not first_run.needs_set_up(empty.uow)
    assert done.register_id == "K2" and empty.register_id() == "K2"
    assert [t.code for t in done.tenants] == ["11", "15"]
    printers = print_queue.printer_settings(empty.uow, "K2")
    assert printers[PrinterRole.RECEIPT].url == "tcp://127.0.0.1:9100"
    boss = auth.log_in(empty.uow, "K2", "9001", "4711", clock)
    ctx = TillContext("K2", boss, empty.signer(), clock)
    till_day.open_with_float(empty.uow, ctx, 100000)
    quick = {i.description: i for i in catalogue.open_price_items(empty.uow)}
    assert set(quick) == {"Diverse – Bua Brukte Klær AS", "Diverse – Kafé Kvisten SA"}
    basket = Basket()
    basket.add(quick["Diverse – Bua Brukte Klær AS"], 1, 25000)
    sale = checkout.complete_sale(empty.uow, ctx, basket, [Tender(TenderKind.CASH, 25000)])
    assert sale.receipts[0].number == "11-K2-000001"
    report = verify_store(empty.uow, empty.keys.verifiers())
    assert report.ok, report.first_problem
    with pytest.raises(first_run.CentreAlreadySetUp):
        first_run.set_up_centre(empty.uow, centre_setup(), clock)


def test_the_set_up_is_journaled_as_the_new_managers(empty, clock):
    done = first_run.set_up_centre(empty.uow, centre_setup(printer=None), clock)
    with empty.uow.read() as uow:
        rows = list(uow.queries.journal_rows())
    assert {r["staff_id"] for r in rows} == {done.manager_staff_id}
    assert {r["register_id"] for r in rows} == {"K2"}
    assert sum('"tenant_change"' in r["details"] for r in rows) == 2


@pytest.mark.parametrize(
    "part, error",
    [
        (CentreDetails("", "K1"), first_run.InvalidCentre),
        (CentreDetails("Senter", "K-1"), first_run.InvalidCentre),
        (CentreDetails("Senter", "K1", "Kasse", 100), first_run.InvalidCentre),
        (FirstManager("12a", "Mona", "4711", "4711"), InvalidStaffNumber),
        (FirstManager("9001", "Mona", "47", "47"), InvalidPin),
        (FirstManager("9001", "Mona", "4711", "4712"), first_run.PinsDiffer),
        (NewTenant("1", "Bua", "921100221", True), InvalidTenant),
        (NewTenant("11", "Bua", "921100222", True), InvalidOrgNumber),
    ],
)
def test_each_part_is_refused_with_its_own_message(part, error):
    check = {
        CentreDetails: first_run.check_centre,
        FirstManager: first_run.check_manager,
        NewTenant: first_run.check_tenant,
    }[type(part)]
    with pytest.raises(error) as refused:
        check(part)
    assert refused.value.message("nb") and "{" not in refused.value.message("nb")


def test_tenants_are_required_and_never_twice(empty, clock):
    with pytest.raises(first_run.TenantRequired):
        first_run.set_up_centre(empty.uow, centre_setup(tenants=()), clock)
    with pytest.raises(first_run.DuplicateTenant):
        first_run.check_tenant(NewTenant("12", "Annen", "921 100 221", False), [BUA])
    with pytest.raises(first_run.DuplicateTenant):
        first_run.set_up_centre(empty.uow, centre_setup(tenants=(BUA, BUA)), clock)
    assert first_run.needs_set_up(empty.uow)  # nothing was written


def test_a_centre_set_up_without_its_company_is_told_what_the_payment_file_lacks(empty, clock):
    first_run.set_up_centre(empty.uow, centre_setup(), clock)  # the company left for later
    with pytest.raises(CentreCompanyMissing) as missing:
        payment_order(empty.uow, "9710.05.12347", None, clock)
    said = missing.value.message("nb")
    assert "navn, org.nr." in said and "Leietakeroppgjør" in said and "centre-company" in said


def test_the_centres_company_is_checked_at_set_up(empty, clock):
    bad = CentreDetails("Omigjen Asker", company_name="Omigjen Asker AS",
                        company_account="9710.05.12348")  # fmt: skip
    with pytest.raises(InvalidBankAccount):
        first_run.set_up_centre(empty.uow, centre_setup(centre=bad), clock)
    good = CentreDetails("Omigjen Asker", company_name="Omigjen Asker AS",
                         company_org_no="923 456 783", company_account="9710.05.12347")  # fmt: skip
    first_run.set_up_centre(empty.uow, centre_setup(centre=good), clock)
    order = payment_order(empty.uow, None, None, clock)
    assert (order.debtor_name, order.debtor_org_no, order.debtor_account) == (
        "Omigjen Asker AS", "923456783", "97100512347")  # fmt: skip
