"""The recovery code: the way back in when the last manager has forgotten their PIN.

A recovery code is 20 characters from digits and capital letters (no 0/O, 1/I: they are read
off paper and typed on Norwegian keyboards), shown once — at set-up and whenever a manager asks
for a new one — and stored only as a scrypt hash. Typed in with a manager's staff number and a
new PIN, it gives that manager the new PIN, lifts any lock and reactivates them; the code is
then used up and a new one is shown once. Wrong codes make the next try wait, as wrong PINs do.
Every issue, use and lock is journaled (13999), never the code itself.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import datetime

from pos.clock import OSLO, Clock, Stamp, SystemClock
from pos.errors import DomainError, UnknownStaff
from pos.model.documents import SlipDoc
from pos.model.events import EventCode
from pos.model.staff import Permission, Role
from pos.services.auth import (
    SYSTEM_REGISTER,
    delay_left,
    hash_pin,
    hash_secret,
    lock_delay,
    minutes,
    secret_matches,
)
from pos.services.context import TillContext
from pos.services.staff_share import queue_staff
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory

CODE_META = "recovery_code_hash"
TRIES_META = "recovery_code_tries"
"""JSON ``{"failed": n, "until": utc_iso | null}``: wrong codes in a row and the wait they set."""
ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
GROUPS, GROUP_LENGTH = 5, 4
"""Five groups of four: 20 symbols of 5 bits, 100 bits — far beyond guessing, short to type."""

CODE_SET = "recovery_code_set"
CODE_USED = "recovery_code_used"
CODE_LOCKED = "recovery_code_locked"


class NoRecoveryCode(DomainError):
    code = "no_recovery_code"
    nb = "Det er ikke laget noen gjenopprettingskode. En leder lager en med «recovery-code»."
    en = "No recovery code has been made. A manager makes one with 'recovery-code'."


class WrongRecoveryCode(DomainError):
    code = "wrong_recovery_code"
    nb = "Feil gjenopprettingskode."
    en = "Wrong recovery code."


class RecoveryLocked(DomainError):
    code = "recovery_locked"
    nb = "For mange feil gjenopprettingskoder. Prøv igjen om {minutes} min."
    en = "Too many wrong recovery codes. Try again in {minutes} min."


class NotAManager(DomainError):
    code = "not_a_manager"
    nb = "Ansatt {value} er ikke leder. Gjenopprettingskoden gjelder bare ledere."
    en = "Staff member {value} is not a manager. The recovery code is for managers only."


@dataclass(frozen=True)
class Recovered:
    staff_no: str
    name: str
    new_code: str
    """The next recovery code: shown once, to be printed or written down and kept safe."""


def make_code() -> str:
    symbols = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_LENGTH))
    return "-".join(symbols[i : i + GROUP_LENGTH] for i in range(0, len(symbols), GROUP_LENGTH))


def normalise(text: str) -> str:
    """The code as typed, without spaces and dashes, in capitals (``abcd efgh`` = ``ABCD-EFGH``)."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def recovery_slip(centre_name: str, register_id: str, code: str, when: datetime) -> SlipDoc:
    """The code on paper, for the safe: what it is for and how it is used; made at ``when``,
    shown in Oslo time like every receipt (the PC may keep UTC)."""
    made = when.astimezone(OSLO).strftime("%Y-%m-%d %H:%M")
    return SlipDoc(
        title="Gjenopprettingskode",
        subtitle=centre_name,
        marking="IKKE KVITTERING FOR KJØP",
        rows=(("Kasse", register_id), ("Laget", made)),
        blocks=(
            code,
            "Oppbevares trygt, ikke ved kassen. Med koden får en leder ny PIN hvis ingen "
            "leder kan logge inn. Koden virker én gang; da vises en ny.",
            "Bruk: innloggingsbildet -> «Glemt leder-PIN?», eller kommandoen "
            "recover-manager --code KODE --staff ANSATTNR.",
        ),
    )


def has_recovery_code(uow_factory: UnitOfWorkFactory) -> bool:
    with uow_factory.read() as uow:
        return uow.meta.get_meta(CODE_META) is not None


def new_recovery_code(uow_factory: UnitOfWorkFactory, ctx: TillContext) -> str:
    """A new recovery code (a manager: at set-up, or when the old one is lost or was seen).

    Replaces the old code, which stops working. Returns the code: show it once, never store it."""
    ctx.require(Permission.MANAGE)
    code = make_code()
    with uow_factory() as uow:
        _store_code(uow, code)
        _journal(uow, ctx.stamp(), ctx.operator.staff_id, CODE_SET, ctx.register_id)
        uow.commit()
    return code


def recover_manager(
    uow_factory: UnitOfWorkFactory,
    code: str,
    staff_no: str,
    new_pin: str,
    *,
    register_id: str = SYSTEM_REGISTER,
    clock: Clock | None = None,
) -> Recovered:
    """Give manager ``staff_no`` the new PIN with the recovery code, lift their lock and make
    them active again; the code is used up and a new one is returned (shown once)."""
    now = (clock or SystemClock()).now()
    pin_hash = hash_pin(new_pin)  # a bad PIN is refused before the code is tried
    with uow_factory.read() as uow:
        stored = uow.meta.get_meta(CODE_META)
        tries = _tries(uow)
    if stored is None:
        raise NoRecoveryCode()
    left = delay_left(tries.get("until"), now)
    if left is not None:
        raise RecoveryLocked(minutes=minutes(left))
    if not secret_matches(normalise(code), stored):
        _count_wrong_code(uow_factory, tries, now, register_id)
        raise WrongRecoveryCode()
    return _reset_manager(uow_factory, staff_no, pin_hash, Stamp.of(now), register_id)


def _reset_manager(
    uow_factory: UnitOfWorkFactory, staff_no: str, pin_hash: str, stamp: Stamp, register_id: str
) -> Recovered:
    new_code = make_code()
    with uow_factory() as uow:
        row = uow.staff.staff_by_no(staff_no.strip())
        if row is None:
            raise UnknownStaff(staff_no)
        if row["role"] != Role.MANAGER.value:
            raise NotAManager(row["staff_no"])
        uow.staff.update_staff(
            row["id"], pin_hash=pin_hash, active=True, failed_pins=0, locked=False,
            locked_until=None,
        )  # fmt: skip
        queue_staff(uow, row["id"], stamp)
        uow.meta.set_meta(TRIES_META, json.dumps({"failed": 0, "until": None}))
        _store_code(uow, new_code)
        _journal(
            uow, stamp, row["id"], CODE_USED, register_id,
            staff_no=row["staff_no"], was_active=bool(row["active"]),
        )  # fmt: skip
        uow.commit()
    return Recovered(row["staff_no"], row["name"], new_code)


def _count_wrong_code(
    uow_factory: UnitOfWorkFactory, tries: dict, now: datetime, register_id: str
) -> None:
    failed = int(tries.get("failed", 0)) + 1
    delay = lock_delay(failed)
    until = Stamp.of(now + delay).utc_iso if delay is not None else None
    with uow_factory() as uow:
        uow.meta.set_meta(TRIES_META, json.dumps({"failed": failed, "until": until}))
        if delay is not None:
            _journal(uow, Stamp.of(now), None, CODE_LOCKED, register_id, wrong_codes=failed)
        uow.commit()
    if delay is not None:
        raise RecoveryLocked(minutes=minutes(delay))


def _tries(uow: UnitOfWork) -> dict:
    saved = uow.meta.get_meta(TRIES_META)
    return json.loads(saved) if saved else {"failed": 0, "until": None}


def _store_code(uow: UnitOfWork, code: str) -> None:
    uow.meta.set_meta(CODE_META, hash_secret(normalise(code)))


def _journal(
    uow: UnitOfWork,
    stamp: Stamp,
    staff_id: str | None,
    kind: str,
    register_id: str,
    **details: object,
) -> None:
    uow.journal.append_journal(
        register_id=register_id,
        event_code=EventCode.OTHER,
        stamp=stamp,
        staff_id=staff_id,
        details={"kind": kind, **details},
    )
