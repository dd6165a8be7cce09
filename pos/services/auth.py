"""Staff PINs (scrypt, a slow KDF) and logging in and out, both journaled."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from pos.clock import Clock, Stamp, SystemClock
from pos.errors import InvalidPin, StaffLocked, WrongPin
from pos.model.events import EventCode, OtherEvent
from pos.model.staff import Operator, Role
from pos.services.context import TillContext
from pos.unit_of_work import UnitOfWorkFactory

_N, _R, _P = 2**14, 8, 1
MAX_PIN_ATTEMPTS = 5
SYSTEM_REGISTER = "system"


def hash_pin(pin: str) -> str:
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 8):
        raise InvalidPin()
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    encoded = [base64.b64encode(part).decode() for part in (salt, digest)]
    return "$".join(["scrypt", str(_N), str(_R), str(_P), *encoded])


def pin_matches(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(
        pin.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=32
    )
    return hmac.compare_digest(candidate, base64.b64decode(digest))


def authenticate(
    uow_factory: UnitOfWorkFactory, staff_no: str, pin: str, clock: Clock | None = None
) -> Operator:
    """Check a PIN (also used for a manager's approval of one action).

    After MAX_PIN_ATTEMPTS wrong PINs in a row the staff member is locked out until a manager
    unlocks them; the lockout is journaled. A right PIN resets the count.
    """
    with uow_factory.read() as uow:
        row = uow.store.staff_by_no(staff_no.strip())
    if row is None or not row["active"]:
        raise WrongPin()
    if row["locked"]:
        raise StaffLocked(row["staff_no"])
    if pin_matches(pin, row["pin_hash"]):
        if row["failed_pins"]:
            with uow_factory() as uow:
                uow.store.set_failed_pins(row["id"], 0, locked=False)
                uow.commit()
        return Operator(row["id"], row["staff_no"], row["name"], Role(row["role"]))
    _count_wrong_pin(uow_factory, row["id"], row["staff_no"], clock)
    raise WrongPin()


def _count_wrong_pin(
    uow_factory: UnitOfWorkFactory, staff_id: str, staff_no: str, clock: Clock | None
) -> None:
    with uow_factory() as uow:
        failed = uow.store.add_failed_pin(staff_id)
        if failed >= MAX_PIN_ATTEMPTS:
            uow.store.set_failed_pins(staff_id, failed, locked=True)
            uow.store.append_journal(
                register_id=SYSTEM_REGISTER,
                event_code=EventCode.OTHER,
                stamp=Stamp.of((clock or SystemClock()).now()),
                staff_id=staff_id,
                details={"kind": OtherEvent.STAFF_LOCKED, "staff_no": staff_no},
            )
        uow.commit()
    if failed >= MAX_PIN_ATTEMPTS:
        raise StaffLocked(staff_no)


def log_in(
    uow_factory: UnitOfWorkFactory,
    register_id: str,
    staff_no: str,
    pin: str,
    clock: Clock | None = None,
) -> Operator:
    """Authenticate and journal the login (13003) on this register."""
    operator = authenticate(uow_factory, staff_no, pin)
    with uow_factory() as uow:
        uow.store.append_journal(
            register_id=register_id,
            event_code=EventCode.LOGIN,
            stamp=Stamp.of((clock or SystemClock()).now()),
            staff_id=operator.staff_id,
            details={"staff_no": operator.staff_no},
        )
        uow.commit()
    return operator


def log_out(uow_factory: UnitOfWorkFactory, ctx: TillContext) -> None:
    with uow_factory() as uow:
        uow.store.append_journal(
            register_id=ctx.register_id,
            event_code=EventCode.LOGOUT,
            stamp=ctx.stamp(),
            staff_id=ctx.operator.staff_id,
            details={"staff_no": ctx.operator.staff_no},
        )
        uow.commit()
