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
            auth.authenticate(counter.uow, "1001", "0000", ctx.clock)
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


def wrong_pins(counter, clock, staff_no, times):
    for _ in range(times):
        with pytest.raises((WrongPin, StaffLocked)):
            auth.authenticate(counter.uow, staff_no, "0000", clock)


def test_a_lock_is_a_delay_that_grows_and_ends_by_itself(counter, clock):
    wrong_pins(counter, clock, "9001", MAX_PIN_ATTEMPTS)
    with pytest.raises(StaffLocked) as locked:  # even the right PIN is refused while waiting
        auth.authenticate(counter.uow, "9001", "9999", clock)
    assert "1 min" in locked.value.message("nb")
    clock.advance(seconds=61)
    wrong_pins(counter, clock, "9001", 1)  # the sixth wrong PIN: two minutes
    clock.advance(seconds=90)
    with pytest.raises(StaffLocked) as locked:
        auth.authenticate(counter.uow, "9001", "9999", clock)
    assert "1 min" in locked.value.message("en")  # 30 s left, rounded up
    clock.advance(seconds=31)
    assert auth.authenticate(counter.uow, "9001", "9999", clock).staff_no == "9001"
    locks = [d for d in journal_details(counter) if d.get("kind") == "staff_locked"]
    assert [d["wrong_pins"] for d in locks] == [5, 6]


def test_the_delay_never_passes_an_hour(counter, clock):
    assert auth.lock_delay(4) is None
    assert [auth.lock_delay(n).total_seconds() / 60 for n in (5, 6, 7, 11, 12, 40)] == [
        1, 2, 4, 60, 60, 60,
    ]
    for _ in range(12):
        wrong_pins(counter, clock, "1001", 1)
        clock.advance(hours=1, seconds=1)
    assert auth.authenticate(counter.uow, "1001", "1234", clock).staff_no == "1001"


def test_a_clock_set_back_does_not_stretch_a_lock(counter, clock):
    wrong_pins(counter, clock, "1001", MAX_PIN_ATTEMPTS)
    clock.advance(days=-1)  # the lock now seems to end a day from now: the clock moved back
    assert auth.authenticate(counter.uow, "1001", "1234", clock).staff_no == "1001"


def test_the_last_active_manager_cannot_be_demoted_or_deactivated(counter, manager_ctx):
    others = [m.staff_no for m in staff.list_staff(counter.uow) if m.role is Role.MANAGER]
    assert others == ["9001"]
    with pytest.raises(staff.LastManager):
        staff.set_active(counter.uow, manager_ctx, "9001", False)
    with pytest.raises(staff.LastManager):
        staff.set_role(counter.uow, manager_ctx, "9001", Role.CASHIER)
    staff.set_role(counter.uow, manager_ctx, "2001", Role.MANAGER)
    staff.set_role(counter.uow, manager_ctx, "9001", Role.CASHIER)  # another manager remains
    assert {m.staff_no for m in staff.list_staff(counter.uow) if m.role is Role.MANAGER} == {
        "2001"
    }


def answers(counter, clock, staff_no, times):  # type: ignore[no-untyped-def]
    """What the login says to each of ``times`` wrong PINs in a row, in both languages."""
    said = []
    for _ in range(times):
        with pytest.raises((WrongPin, StaffLocked)) as refused:
            auth.authenticate(counter.uow, staff_no, "0000", clock)
        said.append((refused.value.message("nb"), refused.value.message("en")))
    return said


def test_a_wrong_pin_says_how_many_tries_are_left_before_the_wait(counter, clock):
    said = answers(counter, clock, "1001", MAX_PIN_ATTEMPTS)
    assert [nb for nb, _en in said[:-1]] == [
        f"Feil ansattnummer eller PIN. {left} forsøk igjen før du må vente 1 min."
        for left in (4, 3, 2, 1)
    ]
    assert said[3][1] == "Wrong staff number or PIN. 1 more try before you must wait 1 min."
    assert "sperret i 1 min" in said[-1][0]
    clock.advance(seconds=61)  # the wait is over; the next wrong PIN starts a longer one
    assert "sperret i 2 min" in answers(counter, clock, "1001", 1)[0][0]
    clock.advance(minutes=3)
    auth.authenticate(counter.uow, "1001", "1234", clock)
    assert "4 forsøk igjen" in answers(counter, clock, "1001", 1)[0][0]  # counted afresh


def test_an_unknown_staff_number_gets_the_answers_a_person_would(counter, clock):
    person = answers(counter, clock, "1001", MAX_PIN_ATTEMPTS + 1)
    nobody = answers(counter, clock, "4321", MAX_PIN_ATTEMPTS + 1)
    assert [nb.replace("4321", "1001") for nb, _en in nobody] == [nb for nb, _en in person]
    clock.advance(seconds=61)
    assert "sperret i 2 min" in answers(counter, clock, "4321", 1)[0][0]
    assert "4 forsøk igjen" in answers(counter, clock, "4322", 1)[0][0]  # each on its own
