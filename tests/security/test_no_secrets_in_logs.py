"""No PIN, PIN hash, device token or enrolment code ever reaches a log, even at DEBUG with SQL
statements logged: a login (and a wrong PIN), enrolment and a sync with every logger captured."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy.exc import IntegrityError

from main import VERSION
from pos.errors import WrongPin
from pos.model.staff import Role
from pos.services import auth, setup, staff, sync_state
from pos.services.context import TillContext
from sync.cycle import SyncCycle
from sync.enrolment import enrol
from tests.central import live_server
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
