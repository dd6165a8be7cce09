"""PIN lockout after repeated wrong PINs, manager unlock and PIN reset, all journaled."""

import json

import pytest

from pos.errors import InvalidPin, PermissionDenied, StaffLocked, WrongPin
from pos.model.staff import Role
from pos.services import auth, staff
from pos.services.auth import MAX_PIN_ATTEMPTS
from pos.services.context import TillContext


@pytest.fixture
def manager_ctx(counter, manager, clock):
    return TillContext("K1", manager, counter.signer(), clock)


def journal_details(counter):
    with counter.uow.read() as uow:
        return [json.loads(r["details"]) for r in uow.queries.journal_rows()]


def test_repeated_wrong_pins_lock_the_staff_member_out(counter):
    for _ in range(MAX_PIN_ATTEMPTS - 1):
        with pytest.raises(WrongPin):
            auth.authenticate(counter.uow, "1001", "0000")
    with pytest.raises(StaffLocked):
        auth.authenticate(counter.uow, "1001", "0000")
    with pytest.raises(StaffLocked):  # even the right PIN is refused now
        auth.authenticate(counter.uow, "1001", "1234")
    assert any(d.get("kind") == "staff_locked" for d in journal_details(counter))


def test_a_right_pin_resets_the_count(counter):
    for _ in range(MAX_PIN_ATTEMPTS - 1):
        with pytest.raises(WrongPin):
            auth.authenticate(counter.uow, "1001", "9999")
    auth.authenticate(counter.uow, "1001", "1234")
    with pytest.raises(WrongPin):
        auth.authenticate(counter.uow, "1001", "9999")  # counting starts again


def test_a_manager_unlocks_and_resets_pins_without_ever_seeing_them(counter, ctx, manager_ctx):
    for _ in range(MAX_PIN_ATTEMPTS):
        with pytest.raises((WrongPin, StaffLocked)):
            auth.authenticate(counter.uow, "1001", "0000")
    with pytest.raises(PermissionDenied):
        staff.unlock(counter.uow, ctx, "1001")
    staff.unlock(counter.uow, manager_ctx, "1001")
    auth.authenticate(counter.uow, "1001", "1234")
    with pytest.raises(InvalidPin):
        staff.set_pin(counter.uow, manager_ctx, "1001", "12ab")
    staff.set_pin(counter.uow, manager_ctx, "1001", "24680")
    assert auth.authenticate(counter.uow, "1001", "24680").name == "Kari Kasserer"
    changes = [d for d in journal_details(counter) if d.get("kind") == "staff_change"]
    assert [d["change"] for d in changes[-2:]] == ["unlock", "pin"]
    assert "24680" not in json.dumps(changes)


def test_deactivated_staff_cannot_log_in_and_roles_change(counter, manager_ctx):
    staff.set_role(counter.uow, manager_ctx, "2001", Role.CASHIER)
    assert auth.authenticate(counter.uow, "2001", "2345").role is Role.CASHIER
    staff.set_active(counter.uow, manager_ctx, "2001", False)
    with pytest.raises(WrongPin):
        auth.authenticate(counter.uow, "2001", "2345")
