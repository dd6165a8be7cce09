"""A centre set up on an empty counter takes in repairs from the start: each tenant marked as
taking repairs gets its labour item in group REP, so a job is taken in, worked on and charged
at pickup with no other step; a manager ticks or unticks it for a tenant later."""

from dataclasses import replace
from datetime import date

import pytest

from pos.counter import open_counter
from pos.errors import InvalidAmount, PermissionDenied
from pos.model.basket import Basket
from pos.model.catalogue import ItemKind
from pos.model.payment import Tender, TenderKind
from pos.model.repair import RepairStatus
from pos.model.staff import Operator, Role
from pos.services import (
    auth,
    first_run,
    repair_detail,
    repair_intake,
    repair_labour,
    repair_money,
    repair_status,
    repair_work,
    till_day,
)
from pos.services.context import TillContext
from pos.services.first_run import CentreDetails, CentreSetup, FirstManager, NewTenant
from pos.services.repair_work import NotARepairTenant
from pos.services.verification import verify_store

BUA = NewTenant("11", "Bua Brukte Klær AS", "921 100 221", True, "KLAER")
SYKKEL = NewTenant("13", "Sykkelfikseren AS", "921100442", True, "SYKKEL", takes_repairs=True)
SMAFOLK = NewTenant("12", "Småfolk Gjenbruk", "921100337", False, "BARN", takes_repairs=True)


def centre(*tenants: NewTenant, groups=first_run.DEFAULT_ARTICLE_GROUPS) -> CentreSetup:
    return CentreSetup(
        CentreDetails("Omigjen Asker"),
        FirstManager("9001", "Mona Leder", "4711", "4711"),
        tenants,
        tuple(groups),
    )


@pytest.fixture
def empty(tmp_path):
    with open_counter(tmp_path / "fresh") as counter:
        yield counter


def form(code: str) -> repair_intake.IntakeForm:
    return repair_intake.IntakeForm(
        tenant_code=code, customer_name="Ola Nordmann", phone="912 34 567", email="",
        contact_consent=True, category="Sykkel", brand_model="DBS", serial="", fault="Girer ikke",
        condition="", accessories=(), estimate=45000, approval_limit=45000, deposit=0,
        promised_date=date(2026, 3, 9), technician_no="9001", terms_accepted=True,
    )  # fmt: skip


def test_a_repair_tenant_set_up_in_the_window_takes_a_job_in_and_charges_it(empty, clock):
    first_run.set_up_centre(empty.uow, centre(BUA, SYKKEL), clock)
    boss = auth.log_in(empty.uow, "K1", "9001", "4711", clock)
    ctx = TillContext("K1", boss, empty.signer(), clock)
    till_day.open_with_float(empty.uow, ctx, 100000)
    choices = repair_detail.intake_choices(empty.uow)
    assert choices.tenants == (("13", "Sykkelfikseren AS"),)  # only the repair tenant
    assert choices.technicians == (("9001", "Mona Leder"),)
    with pytest.raises(NotARepairTenant):
        repair_intake.take_in(empty.uow, ctx, form("11"), data_dir=empty.data_dir)

    ticket = repair_intake.take_in(empty.uow, ctx, form("13"), data_dir=empty.data_dir)
    repair_status.change_status(empty.uow, ctx, ticket, RepairStatus.IN_REPAIR)
    repair_work.add_labour(empty.uow, ctx, ticket, "Nye bremseklosser", amount=35000)
    repair_status.change_status(empty.uow, ctx, ticket, RepairStatus.READY_FOR_PICKUP)
    basket = Basket()
    pickup = repair_money.add_pickup_to_basket(empty.uow, basket, ticket)
    sale = repair_money.complete_pickup(
        empty.uow, ctx, basket, [Tender(TenderKind.CASH, 35000)], [pickup]
    )
    assert sale.receipts[0].number == "13-K1-000001" and sale.total == 35000
    with empty.uow.read() as uow:
        (line,) = uow.store.rows("SELECT * FROM sale_lines")
        labour = uow.store.item(line["item_id"])
        status = uow.repairs.ticket_row(ticket)["status"]
    assert labour is not None and labour.description == repair_labour.LABOUR_DESCRIPTION
    assert (labour.kind, labour.article_group_id) == (ItemKind.OPEN_PRICE, "REP")
    assert status == RepairStatus.COLLECTED.value
    report = verify_store(empty.uow, empty.keys.verifiers())
    assert report.ok, report.first_problem


def test_each_repair_tenant_gets_its_own_labour_item_journaled_and_rep_is_added(empty, clock):
    without_rep = [g for g in first_run.DEFAULT_ARTICLE_GROUPS if g.id != "REP"]
    done = first_run.set_up_centre(empty.uow, centre(BUA, SYKKEL, SMAFOLK, groups=without_rep))
    with empty.uow.read() as uow:
        assert "REP" in uow.store.article_group_ids()
        labour = {
            t.code: repair_labour.current_labour_item(uow, t.id) for t in uow.store.tenants()
        }
        rows = [r["details"] for r in uow.queries.journal_rows()]
    assert labour["11"] is None
    assert labour["12"] is not None and labour["13"] is not None
    assert labour["12"].id != labour["13"].id
    assert {labour["12"].tenant_id, labour["13"].tenant_id} == {
        t.id for t in done.tenants if t.code in {"12", "13"}
    }
    assert sum('"repair_labour"' in r and '"change":"start"' in r for r in rows) == 2


def test_a_manager_ticks_and_unticks_repairs_for_a_tenant_in_the_back_office(empty, clock):
    first_run.set_up_centre(empty.uow, centre(BUA, SYKKEL), clock)
    boss = auth.log_in(empty.uow, "K1", "9001", "4711", clock)
    ctx = TillContext("K1", boss, empty.signer(), clock)
    cashier = replace(ctx, operator=Operator("x", "1001", "Kari", Role.CASHIER))
    with pytest.raises(PermissionDenied):
        repair_labour.set_takes_repairs(empty.uow, cashier, "11", True)
    assert repair_labour.takes_repairs(empty.uow, "11") is None

    made = repair_labour.set_takes_repairs(empty.uow, ctx, "11", True)
    assert made is not None and repair_labour.takes_repairs(empty.uow, "11") == made
    assert repair_labour.set_takes_repairs(empty.uow, ctx, "11", True) == made  # as it was
    assert [c for c, _ in repair_detail.intake_choices(empty.uow).tenants] == ["11", "13"]

    ticket = repair_intake.take_in(empty.uow, ctx, form("11"), data_dir=empty.data_dir)
    with pytest.raises(repair_labour.OpenRepairJobs):  # the job is charged on it at pickup
        repair_labour.set_takes_repairs(empty.uow, ctx, "11", False)
    repair_status.change_status(empty.uow, ctx, ticket, RepairStatus.RETURNED_UNREPAIRED)
    assert repair_labour.set_takes_repairs(empty.uow, ctx, "11", False) is None
    assert [c for c, _ in repair_detail.intake_choices(empty.uow).tenants] == ["13"]
    again = repair_labour.set_takes_repairs(empty.uow, ctx, "11", True)
    assert again is not None and again.id == made.id  # the same item, active again
    with empty.uow.read() as uow:
        rows = [r["details"] for r in uow.queries.journal_rows()]
        shared = uow.store.rows("SELECT payload FROM outbox WHERE type = 'item.registered'")
    rows = [r for r in rows if '"repair_labour"' in r]
    assert [("start" in r, "stop" in r) for r in rows[-3:]] == [(1, 0), (0, 1), (1, 0)]
    assert [made.id in r["payload"] for r in shared] == [True]  # other counters learn of it


def test_a_manager_sets_the_hourly_rate_minutes_are_priced_at(empty, clock):
    first_run.set_up_centre(empty.uow, centre(BUA, SYKKEL), clock)
    boss = auth.log_in(empty.uow, "K1", "9001", "4711", clock)
    ctx = TillContext("K1", boss, empty.signer(), clock)
    assert repair_labour.hourly_rate_of(empty.uow, "13") == repair_work.DEFAULT_HOURLY_RATE
    cashier = replace(ctx, operator=Operator("x", "1001", "Kari", Role.CASHIER))
    with pytest.raises(PermissionDenied):
        repair_labour.set_hourly_rate(empty.uow, cashier, "13", 72000)
    with pytest.raises(InvalidAmount):
        repair_labour.set_hourly_rate(empty.uow, ctx, "13", 0)
    assert repair_labour.set_hourly_rate(empty.uow, ctx, "13", 72000)
    assert not repair_labour.set_hourly_rate(empty.uow, ctx, "13", 72000)  # as it was
    ticket = repair_intake.take_in(empty.uow, ctx, form("13"), data_dir=empty.data_dir)
    line = repair_work.add_labour(empty.uow, ctx, ticket, "Feilsøking", minutes=25)
    assert line.amount == 30000  # 25 min at 720 kr/h
    with empty.uow.read() as uow:
        rows = [r["details"] for r in uow.queries.journal_rows()]
    rows = [r for r in rows if "repair_hourly_rate" in r]
    assert len(rows) == 1 and '"old":60000' in rows[0] and '"new":72000' in rows[0]
