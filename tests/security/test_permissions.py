"""Roles are enforced by the services, not only by the screens: every guarded service called by
a cashier (or a technician) is refused with PermissionDenied and writes nothing; a manager's
approval with their own PIN lets the same call through."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pos.errors import PermissionDenied
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.model.printing import PrinterRole, PrinterSetting
from pos.model.repair import RepairStatus
from pos.model.staff import Operator, Role
from pos.model.till_close import BlindCount
from pos.services import (
    auth,
    checkout,
    print_queue,
    repair_money,
    repair_status,
    reports,
    returns,
    settlement,
    staff,
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
        "no-sale drawer": lambda c, a: till.open_drawer_no_sale(uow, c, "Veksle", a),
        "open till": lambda c, a: till.open_till(uow, c, 100000, a),
        "till close": lambda c, a: till_close.close_till(
            uow, c, BlindCount({}), note="Telt feil", approver=a
        ),
        "deposit refund": lambda c, a: repair_money.refund_deposit(uow, c, ticket, approver=a),
        "set a PIN": lambda c, a: staff.set_pin(uow, c, "1001", "4321"),
        "unlock staff": lambda c, a: staff.unlock(uow, c, "1001"),
        "change a role": lambda c, a: staff.set_role(uow, c, "1001", Role.MANAGER),
        "deactivate staff": lambda c, a: staff.set_active(uow, c, "9001", False),
        "printer settings": lambda c, a: print_queue.save_printer_setting(
            uow, c, PrinterSetting("K1", PrinterRole.RECEIPT, f"file://{tmp_path}/p")
        ),
        "notify rules": lambda c, a: repair_status.set_notify_rule(
            uow, c, next(r for r in repair_status.notify_rules(uow) if r is not None), a
        ),
        "Z report": lambda c, a: reports.z_reports(uow, c),
        "settlement": lambda c, a: settlement.make_settlement(
            uow, c, "15", "2026-03-01", "2026-03-02"
        ),
        "settlement correction": lambda c, a: settlement.correct_settlement(
            uow, c, "15", 1, "Gebyr", -100
        ),
        "SAF-T export": lambda c, a: export_saft(
            uow, c, "15", "2026-03-01", "2026-03-02", tmp_path
        ),
    }


NEEDS_APPROVAL = ["return", "large discount", "price override", "void", "no-sale drawer",
                  "open till", "till close", "deposit refund", "notify rules"]  # fmt: skip
MANAGER_ONLY = ["set a PIN", "unlock staff", "change a role", "deactivate staff",
                "printer settings", "Z report", "settlement", "settlement correction",
                "SAF-T export"]  # fmt: skip


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
