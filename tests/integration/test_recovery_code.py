"""The recovery code: made by a manager and shown once, stored as a hash, it gives the locked-out
last manager a new PIN; wrong codes wait; every step is journaled without the code."""

import json

import pytest

from pos.errors import PermissionDenied, StaffLocked, WrongPin
from pos.services import auth, recovery
from pos.services.context import TillContext


@pytest.fixture
def manager_ctx(counter, manager, clock):
    return TillContext("K1", manager, counter.signer(), clock)


def journal_text(counter):
    with counter.uow.read() as uow:
        return [r["details"] for r in uow.queries.journal_rows()]


def lock_out(counter, clock, staff_no="9001"):
    for _ in range(auth.MAX_PIN_ATTEMPTS):
        with pytest.raises((WrongPin, StaffLocked)):
            auth.authenticate(counter.uow, staff_no, "0000", clock)


def test_a_code_is_five_groups_of_unambiguous_symbols_and_only_its_hash_is_kept(
    counter, manager_ctx
):
    code = recovery.new_recovery_code(counter.uow, manager_ctx)
    groups = code.split("-")
    assert [len(g) for g in groups] == [4] * 5
    assert not set("".join(groups)) & set("01IO")
    with counter.uow.read() as uow:
        stored = uow.store.get_meta(recovery.CODE_META)
    assert stored.startswith("scrypt$") and recovery.normalise(code) not in stored
    assert not any(recovery.normalise(code) in row or code in row for row in journal_text(counter))


def test_a_cashier_cannot_make_a_recovery_code(counter, ctx):
    with pytest.raises(PermissionDenied):
        recovery.new_recovery_code(counter.uow, ctx)


def test_the_code_gives_the_locked_out_last_manager_a_new_pin_and_is_used_up(
    counter, manager_ctx, clock
):
    code = recovery.new_recovery_code(counter.uow, manager_ctx)
    lock_out(counter, clock)
    typed = code.lower().replace("-", " ")  # as read off the paper
    done = recovery.recover_manager(counter.uow, typed, "9001", "24680", clock=clock)
    assert done.staff_no == "9001" and done.new_code != code
    assert auth.authenticate(counter.uow, "9001", "24680", clock).staff_no == "9001"
    with pytest.raises(recovery.WrongRecoveryCode):  # used up
        recovery.recover_manager(counter.uow, code, "9001", "13579", clock=clock)
    recovery.recover_manager(counter.uow, done.new_code, "9001", "13579", clock=clock)
    kinds = [json.loads(d).get("kind") for d in journal_text(counter)]
    assert kinds.count("recovery_code_used") == 2 and "staff_locked" in kinds


def test_wrong_codes_make_the_next_try_wait(counter, manager_ctx, clock):
    code = recovery.new_recovery_code(counter.uow, manager_ctx)
    for _ in range(auth.MAX_PIN_ATTEMPTS - 1):
        with pytest.raises(recovery.WrongRecoveryCode):
            recovery.recover_manager(counter.uow, "AAAA-AAAA", "9001", "24680", clock=clock)
    with pytest.raises(recovery.RecoveryLocked):
        recovery.recover_manager(counter.uow, "AAAA-AAAA", "9001", "24680", clock=clock)
    with pytest.raises(recovery.RecoveryLocked):  # even the right code waits
        recovery.recover_manager(counter.uow, code, "9001", "24680", clock=clock)
    clock.advance(minutes=2)
    assert recovery.recover_manager(counter.uow, code, "9001", "24680", clock=clock).new_code


def test_the_code_is_for_managers_only_and_needs_a_valid_pin(counter, manager_ctx, clock):
    code = recovery.new_recovery_code(counter.uow, manager_ctx)
    with pytest.raises(recovery.NotAManager):
        recovery.recover_manager(counter.uow, code, "1001", "24680", clock=clock)
    with pytest.raises(auth.InvalidPin):
        recovery.recover_manager(counter.uow, code, "9001", "12", clock=clock)
    assert recovery.recover_manager(counter.uow, code, "9001", "24680", clock=clock)


def test_without_a_code_the_message_says_how_to_make_one(counter, clock):
    assert not recovery.has_recovery_code(counter.uow)
    with pytest.raises(recovery.NoRecoveryCode) as missing:
        recovery.recover_manager(counter.uow, "X", "9001", "24680", clock=clock)
    assert "recovery-code" in missing.value.message("nb")
