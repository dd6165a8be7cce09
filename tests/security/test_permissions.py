"""Roles are enforced by the services, not only by the screens: every guarded service called by
a cashier (or a technician) is refused with PermissionDenied and writes nothing; a manager's
approval with their own PIN lets the same call through."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pos.errors import PermissionDenied
from pos.model.basket import Basket
from pos.model.catalogue import ArticleGroup
from pos.model.payment import Tender, TenderKind
from pos.model.printing import PrinterRole, PrinterSetting
from pos.model.repair import RepairStatus
from pos.model.staff import Operator, Role
from pos.model.till_close import BlindCount
from pos.services import (
    auth,
    checkout,
    devices,
    item_entry,
    item_import,
    print_queue,
    recovery,
    repair_money,
    repair_status,
    reports,
    returns,
    settlement,
    setup,
    staff,
    tenant_terms,
    tenants,
    till,
    till_close,
)
from pos.services.context import TillContext
from pos.services.saft_export import export_saft
from tests.integration.helpers import row_counts
from tests.integration.repair_helpers import take_in

Call = Callable[[TillContext, Operator | None], object]


@pytest.fixture
def world(counter, ctx, shelf, manager, tmp_path):
    """A receipt to return, a repair job with a deposit, and the means to call each service."""
    basket = Basket()
    basket.add(shelf("KAFFE-MED"))
    sale = checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CASH, 5000)])
    ticket = take_in(counter, ctx)
    repair_money.pay_deposit(counter.uow, ctx, ticket, [Tender(TenderKind.CASH, 20000)])
    manager_ctx = TillContext("K1", manager, ctx.signer, ctx.clock)
    repair_status.change_status(counter.uow, manager_ctx, ticket, RepairStatus.NOT_REPAIRABLE)
    return counter, shelf, sale.receipts[0].number, ticket, tmp_path


def guarded_calls(world) -> dict[str, Call]:
    counter, shelf, receipt, ticket, tmp_path = world
    uow = counter.uow

    def large_discount(c: TillContext, a: Operator | None) -> object:
        basket = Basket()
        line = basket.add(shelf("KAFFE-MED"))
        basket.set_discount(line.line_id, 3000, "Venn av huset")
        return checkout.complete_sale(uow, c, basket, [Tender(TenderKind.CARD, 200)], approver=a)

    def price_override(c: TillContext, a: Operator | None) -> object:
        basket = Basket()
        basket.add(shelf("KAFFE-MED"), 1, 100)
        return checkout.complete_sale(uow, c, basket, [Tender(TenderKind.CARD, 100)], approver=a)

    def void(c: TillContext, a: Operator | None) -> object:
        basket = Basket()
        basket.add(shelf("KAFFE-MED"))
        return till.void_basket(uow, c, basket, approver=a, reason="Angret")

    def return_(c: TillContext, a: Operator | None) -> object:
        (line,) = returns.returnable_lines(uow, receipt)
        request = [returns.ReturnRequest(line.line_id, 1)]
        return returns.complete_return(
            uow, c, receipt, request, [Tender(TenderKind.CASH, 0)], approver=a
        )

    return {
        "return": return_,
        "large discount": large_discount,
        "price override": price_override,
        "void": void,
        "no-sale drawer": lambda c, a: till.no_sale_opening(c, "Veksle", a),
        "open till": lambda c, a: till.open_till(uow, c, 100000, a),
        "till close": lambda c, a: till_close.close_till(
            uow, c, BlindCount({}), note="Telt feil", approver=a
        ),
        "deposit refund": lambda c, a: repair_money.refund_deposit(uow, c, ticket, approver=a),
        "set a PIN": lambda c, a: staff.set_pin(uow, c, "1001", "4321"),
        "unlock staff": lambda c, a: staff.unlock(uow, c, "1001"),
        "change a role": lambda c, a: staff.set_role(uow, c, "1001", Role.MANAGER),
        "deactivate staff": lambda c, a: staff.set_active(uow, c, "2001", False),
        "new recovery code": lambda c, a: recovery.new_recovery_code(uow, c),
        "printer settings": lambda c, a: print_queue.save_printer_setting(
            uow, c, PrinterSetting("K1", PrinterRole.RECEIPT, f"file://{tmp_path}/p")
        ),
        "notify rules": lambda c, a: repair_status.set_notify_rule(
            uow, c, next(r for r in repair_status.notify_rules(uow) if r is not None), a
        ),
        "X report": lambda c, a: reports.x_reports(uow, c),
        "Z report": lambda c, a: reports.z_reports(uow, c),
        "settlement": lambda c, a: settlement.make_settlement(
            uow,
            c,
            "15",
            "2026-02-01",
            "2026-02-28",  # closed days only: before today
        ),
        "settlement correction": lambda c, a: settlement.correct_settlement(
            uow, c, "15", 1, "Gebyr", -100
        ),
        "SAF-T export": lambda c, a: export_saft(
            uow, c, "15", "2026-03-01", "2026-03-02", tmp_path
        ),
        "change a price": lambda c, a: item_entry.change_price(uow, c, shelf("KAFFE-MED").id, 99),
        "tenant terms": lambda c, a: tenant_terms.set_terms(
            uow, c, "11", commission_bp=5000, monthly_rent=100, bank_account="1234.56.78903"
        ),
        "centre account": lambda c, a: tenant_terms.set_centre_account(uow, c, "9710.05.12347"),
        "import items": lambda c, a: item_import.confirm(
            uow, c, item_import.preview(uow, "11", b"Beskrivelse;Pris;MVA\nGenser;149;25\n")
        ),
        "new tenant": lambda c, a: tenants.create_tenant(
            uow, c, code="16", name="Ny AS", org_no="921100779", vat_registered=False
        ),
        "change a tenant": lambda c, a: tenants.update_tenant(
            uow, c, "11", name="Bua", vat_registered=True, receipt_header="", receipt_footer=""
        ),
        "deactivate a tenant": lambda c, a: tenants.set_tenant_active(uow, c, "12", False),
        "new staff": lambda c, a: staff.add(uow, c, "3001", "Nina Ny", Role.MANAGER, "5555"),
        "new register": lambda c, a: setup.add_register(uow, "K9", "Kasse 9", ctx=c),
        "new article group": lambda c, a: setup.add_article_groups(
            uow, [ArticleGroup("SKO", "Sko", "04999")], ctx=c
        ),
        "register settings": lambda c, a: devices.update_register(uow, c, "K1", "Disken", 7),
        "scanner settings": lambda c, a: devices.save_scanner_settings(
            uow, c, devices.ScannerSettings(max_gap_ms=40)
        ),
    }


NEEDS_APPROVAL = ["return", "large discount", "price override", "void", "no-sale drawer",
                  "open till", "till close", "deposit refund", "notify rules"]  # fmt: skip
MANAGER_ONLY = ["set a PIN", "unlock staff", "change a role", "deactivate staff",
                "new recovery code", "printer settings", "X report", "Z report", "settlement",
                "settlement correction",
                "SAF-T export", "change a price", "tenant terms", "centre account",
                "import items", "new tenant", "change a tenant", "deactivate a tenant",
                "new staff", "new register", "new article group", "register settings",
                "scanner settings"]  # fmt: skip


@pytest.mark.parametrize("name", NEEDS_APPROVAL + MANAGER_ONLY)
@pytest.mark.parametrize("role", ["1001/1234", "2001/2345"])
def test_a_cashier_or_technician_is_refused_every_guarded_service_and_nothing_is_written(
    world, ctx, name, role
):
    counter = world[0]
    staff_no, pin = role.split("/")
    operator = auth.authenticate(counter.uow, staff_no, pin)
    assert operator.role in (Role.CASHIER, Role.TECHNICIAN)
    own = TillContext("K1", operator, ctx.signer, ctx.clock)
    colleague = auth.authenticate(counter.uow, "1001", "1234")  # a cashier cannot approve
    before = row_counts(counter)
    for approver in (None, colleague):
        with pytest.raises(PermissionDenied):
            guarded_calls(world)[name](own, approver)
    assert row_counts(counter) == before


@pytest.mark.parametrize("name", [n for n in NEEDS_APPROVAL if n != "open till"])  # open already
def test_a_managers_approval_lets_the_cashier_do_it(world, ctx, manager, name):
    guarded_calls(world)[name](ctx, manager)


def test_a_technician_may_not_move_cash(world, ctx):
    counter = world[0]
    technician = auth.authenticate(counter.uow, "2001", "2345")
    own = TillContext("K1", technician, ctx.signer, ctx.clock)
    with pytest.raises(PermissionDenied):
        till.move_cash(counter.uow, own, -5000, "Til banken")


@pytest.mark.parametrize("name", MANAGER_ONLY)
def test_a_manager_may_do_every_manager_only_service(world, ctx, manager, name):
    counter = world[0]
    boss = TillContext("K1", manager, ctx.signer, ctx.clock)
    if name == "settlement correction":  # a settlement to correct
        guarded_calls(world)["settlement"](boss, None)
    before = row_counts(counter)
    guarded_calls(world)[name](boss, None)
    assert row_counts(counter) != before or name == "Z report"  # written (a Z may be empty)


def test_a_cashier_may_register_items_as_before(world, ctx):
    counter, shelf = world[0], world[1]
    new = setup.NewItem("11", "Genser", 14900, shelf("KAFFE-MED").vat_class, "KLAER")
    (made,) = item_entry.register_items(counter.uow, ctx, [new])
    assert made.barcode and made.price == 14900


def test_once_the_centre_exists_reference_data_needs_a_managers_context(world):
    counter = world[0]
    before = row_counts(counter)
    with pytest.raises(PermissionDenied) as refused:
        setup.add_staff(counter.uow, "3002", "Ola Uten Leder", Role.MANAGER, "1111")
    with pytest.raises(PermissionDenied):
        setup.add_tenant(
            counter.uow, code="17", name="Snik AS", org_no="921100779", vat_registered=False
        )
    with pytest.raises(PermissionDenied):
        setup.add_register(counter.uow, "K8", "Kasse 8")
    assert row_counts(counter) == before
    assert "bare en leder" in refused.value.message("nb")
    assert "only a manager" in refused.value.message("en")


def test_set_up_closes_as_soon_as_a_manager_exists(tmp_path):
    from pos.counter import open_counter

    with open_counter(tmp_path / "fresh") as fresh:
        setup.add_register(fresh.uow, "K1", "Kasse 1")  # nobody could approve yet: open
        setup.add_staff(fresh.uow, "9001", "Mona Leder", Role.MANAGER, "9999")
        with pytest.raises(PermissionDenied):
            setup.add_staff(fresh.uow, "1001", "Kari Kasserer", Role.CASHIER, "1234")
        mona = auth.authenticate(fresh.uow, "9001", "9999")
        boss = TillContext("K1", mona, fresh.signer())
        setup.add_staff(fresh.uow, "1001", "Kari Kasserer", Role.CASHIER, "1234", ctx=boss)
        assert {s.staff_no for s in staff.list_staff(fresh.uow)} == {"1001", "9001"}
