"""No PIN, PIN hash, device token or enrolment code ever reaches a log, even at DEBUG with SQL
statements logged: a login (and a wrong PIN), enrolment and a sync with every logger captured.
And the support log of a day at the counter: what a support person needs is there, a PIN or a
customer's phone number, name or e-mail is not."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy.exc import IntegrityError

from main import VERSION
from pos.errors import DomainError, StaffLocked, WrongPin
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.model.printing import PrinterRole, PrinterSetting
from pos.model.repair import RepairStatus
from pos.model.staff import Permission, Role
from pos.services import (
    approval,
    auth,
    checkout,
    print_queue,
    repair_money,
    repair_status,
    returns,
    setup,
    staff,
    sync_state,
)
from pos.services.context import TillContext
from printers.printing import Printing
from printers.worker import PrintWorker
from sync.cycle import SyncCycle
from sync.enrolment import enrol
from tests.central import live_server
from tests.integration.repair_helpers import take_in
from tests.sync.conftest import public_keys, sell

PIN = "86429753"


def test_login_enrolment_and_sync_at_debug_log_no_secret(
    counter, central, manager, shelf, clock, caplog
):
    with live_server(central) as server_url:
        secrets = login_enrol_and_sync(counter, central, server_url, manager, shelf, clock, caplog)
    logged = caplog.text + "\n".join(repr(r.args) for r in caplog.records)
    assert len(caplog.records) > 10  # the DEBUG logging really was on
    for secret in secrets:
        assert secret not in logged


def login_enrol_and_sync(counter, central, server_url, manager, shelf, clock, caplog):  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.INFO, logger="sqlalchemy.engine")  # SQL statements logged (echo)
    manager_ctx = TillContext("K1", manager, counter.signer(), clock)
    staff.set_pin(counter.uow, manager_ctx, "1001", PIN)
    setup.add_staff(counter.uow, "3001", "Nina Ny", Role.CASHIER, PIN, clock, ctx=manager_ctx)
    with pytest.raises(IntegrityError) as twice:  # a staff number taken: an error with its SQL
        setup.add_staff(counter.uow, "3001", "Nina Ny", Role.CASHIER, PIN, clock, ctx=manager_ctx)
    logging.getLogger("test").error("adding staff failed", exc_info=twice.value)
    with pytest.raises(WrongPin):
        auth.log_in(counter.uow, "K1", "1001", PIN[::-1], clock)
    cashier = auth.log_in(counter.uow, "K1", "1001", PIN, clock)
    code = central.enrolment_code()
    enrol(counter.uow, server_url, code, device_name="K1", app_version=VERSION,
          public_keys=public_keys(counter))  # fmt: skip
    sell(counter, TillContext("K1", cashier, counter.signer(), clock), shelf, 3)
    assert SyncCycle(counter.uow, app_version=VERSION).run().drained
    token = sync_state.enrolment(counter.uow).token
    with counter.uow.read() as uow:
        hashes = [uow.store.staff_by_no(no)["pin_hash"].split("$")[-1] for no in ("1001", "3001")]
    return [PIN, PIN[::-1], *hashes, token, code]


# -- the support log of a day at the counter -------------------------------------------------
CUSTOMER = {"name": "Ola Nordmann", "email": "ola@example.no"}
PHONE_FORMS = ("+47 912 34 567", "+4791234567", "91234567", "912 34 567")


def test_a_day_at_the_counter_is_in_the_support_log_without_a_pin_or_a_customer(
    counter, manager, shelf, clock, caplog, tmp_path
):
    """Sales, a return, a deposit, a lockout, a print failure and a refused sale are there at
    INFO/WARNING; a PIN (even typed as a staff number), a customer's phone number, name or
    e-mail never are."""
    caplog.set_level(logging.DEBUG)
    a_day_at_the_counter(counter, manager, shelf, clock, tmp_path)
    logged = caplog.text + "\n".join(repr(r.args) for r in caplog.records)
    for secret in (PIN, PIN[::-1], *PHONE_FORMS, *CUSTOMER.values()):
        assert secret not in logged
    lines = [(r.levelno, r.getMessage()) for r in caplog.records]

    def has(level: int, *words: str) -> bool:
        return any(lv == level and all(w in msg for w in words) for lv, msg in lines)

    assert has(logging.INFO, "staff 1001 logged in at K1")
    assert has(logging.INFO, "sale recorded at K1 by staff 1001", "11-K1-000001", "cash 649")
    assert has(logging.INFO, "return recorded at K1 by staff 9001", "11-K1-R000001")
    assert has(logging.INFO, "deposit for R", "recorded at K1", "cash 200")
    assert has(logging.WARNING, "staff 3001 locked out", "after 5 wrong PINs")
    assert has(logging.WARNING, "sale refused", "already been sold")
    assert has(logging.WARNING, "print job", "failed", "tcp://127.0.0.1:9")
    assert has(logging.INFO, "staff 3001 added as cashier at K1 by staff 9001")
    assert has(logging.INFO, "repair R", "taken in at K1 by staff 1001 for tenant")
    assert has(logging.INFO, "repair R", "in_repair -> ready_for_pickup at K1 by staff 1001",
               "sms message queued")  # fmt: skip
    assert has(logging.INFO, "manage approved at K1 for staff 1001 by staff 9001")


def a_day_at_the_counter(counter, manager, shelf, clock, tmp_path):  # type: ignore[no-untyped-def]
    boss = TillContext("K1", manager, counter.signer(), clock)
    staff.set_pin(counter.uow, boss, "1001", PIN)
    staff.add(counter.uow, boss, "3001", "Nina Ny", Role.CASHIER, "5555")
    with pytest.raises(WrongPin):  # a PIN typed into the staff number's field
        auth.log_in(counter.uow, "K1", PIN, "0000", clock)
    for _ in range(5):
        with pytest.raises((WrongPin, StaffLocked)):
            auth.log_in(counter.uow, "K1", "3001", PIN, clock)
    cashier = auth.log_in(counter.uow, "K1", "1001", PIN, clock)
    ctx = TillContext("K1", cashier, counter.signer(), clock)
    coat = Basket()
    coat.add(shelf.one_off("11", 1))
    sale = checkout.complete_sale(counter.uow, ctx, coat, [Tender(TenderKind.CASH, 64900)])
    with pytest.raises(DomainError):  # the same coat again: sold
        checkout.complete_sale(counter.uow, ctx, coat, [Tender(TenderKind.CASH, 64900)])
    number = sale.receipts[0].number
    (line,) = returns.returnable_lines(counter.uow, number)
    returns.complete_return(
        counter.uow, boss, number, [returns.ReturnRequest(line.line_id, 1)],
        [Tender(TenderKind.CASH, 0)],
    )  # fmt: skip
    ticket = take_in(counter, ctx, customer_name=CUSTOMER["name"], email=CUSTOMER["email"])
    repair_money.pay_deposit(counter.uow, ctx, ticket, [Tender(TenderKind.CASH, 20000)])
    for status in (RepairStatus.DIAGNOSING, RepairStatus.IN_REPAIR, RepairStatus.READY_FOR_PICKUP):
        preview = repair_status.preview_status_change(counter.uow, ticket, status).preview
        repair_status.change_status(counter.uow, ctx, ticket, status, confirmed=preview)
    approval.approve(counter.uow, ctx, Permission.MANAGE, "9001", "9999")
    offline = PrinterSetting("K1", PrinterRole.RECEIPT, "tcp://127.0.0.1:9", "TM-T20II", 48)
    print_queue.save_printer_setting(counter.uow, boss, offline)
    printing = Printing(counter.uow, "K1", clock=clock)
    printing.print_sale(sale)
    PrintWorker(counter.uow, "K1", printing.transports()).run_pending()
