"""Staff PINs (scrypt, a slow KDF) and logging in and out, both journaled."""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import math
import secrets
import weakref
from datetime import datetime, timedelta

from pos.clock import Clock, Stamp, SystemClock
from pos.errors import DomainError, InvalidPin, StaffLocked, WrongPin
from pos.model.events import EventCode, OtherEvent
from pos.model.legal_time import ClockBehind, ClockUnconfirmed
from pos.model.staff import Operator, Role
from pos.services.context import TillContext
from pos.unit_of_work import UnitOfWorkFactory

log = logging.getLogger(__name__)

_N, _R, _P = 2**14, 8, 1
MAX_PIN_ATTEMPTS = 5
"""Wrong PINs in a row before each further one makes the person wait."""
FIRST_DELAY = timedelta(minutes=1)
LONGEST_DELAY = timedelta(hours=1)
SYSTEM_REGISTER = "system"


def hash_secret(secret: str) -> str:
    """A salted scrypt hash of a PIN or a recovery code (only the hash is ever stored)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(secret.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    encoded = [base64.b64encode(part).decode() for part in (salt, digest)]
    return "$".join(["scrypt", str(_N), str(_R), str(_P), *encoded])


def secret_matches(secret: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(
        secret.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=32
    )
    return hmac.compare_digest(candidate, base64.b64decode(digest))


def hash_pin(pin: str) -> str:
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 8):
        raise InvalidPin()
    return hash_secret(pin)


pin_matches = secret_matches


def lock_delay(failed: int) -> timedelta | None:
    """How long the person must wait after ``failed`` wrong PINs in a row: nothing before the
    fifth, then one minute, doubling with each further wrong PIN up to an hour. A lock always
    ends by itself, so a forgotten PIN never shuts the last manager out for good; the growing
    wait keeps guessing a 4-digit PIN at weeks rather than minutes."""
    if failed < MAX_PIN_ATTEMPTS:
        return None
    return min(FIRST_DELAY * 2 ** (failed - MAX_PIN_ATTEMPTS), LONGEST_DELAY)


def delay_left(locked_until: str | None, now: datetime) -> timedelta | None:
    """What is left of a lock at ``now`` (None: not locked). A lock that seems to last longer
    than the longest delay means the clock was set back since: it is over."""
    if not locked_until:
        return None
    left = datetime.fromisoformat(locked_until.replace("Z", "+00:00")) - now
    if left <= timedelta(0) or left > LONGEST_DELAY:
        return None
    return left


def minutes(left: timedelta) -> int:
    return max(1, math.ceil(left.total_seconds() / 60))


def wrong_pin(failed: int) -> WrongPin:
    """The answer to a wrong PIN that starts no wait: how many more the person may try, and
    how long the wait after them will be."""
    first_wait = lock_delay(MAX_PIN_ATTEMPTS)
    assert first_wait is not None
    return WrongPin(tries_left=MAX_PIN_ATTEMPTS - failed, minutes=minutes(first_wait))


class UnknownNumbers:
    """Wrong tries at staff numbers nobody active has, counted as a person's are (in memory, per
    store; only a keyed hash of what was typed is kept, as it may be a PIN): the answer to an
    unknown number, tries left and then a wait, is the one a person would get, so the login
    never tells who works here."""

    KEPT = 256

    def __init__(self) -> None:
        self._key = secrets.token_bytes(16)
        self._tries: dict[bytes, tuple[int, datetime | None]] = {}

    def refuse(self, typed: str, now: datetime) -> DomainError:
        digest = hmac.new(self._key, typed.encode(), hashlib.sha256).digest()
        failed, until = self._tries.pop(digest, (0, None))
        if until is not None and timedelta(0) < until - now <= LONGEST_DELAY:
            self._tries[digest] = (failed, until)
            return StaffLocked(typed, minutes=minutes(until - now))
        failed += 1
        delay = lock_delay(failed)
        self._tries[digest] = (failed, now + delay if delay else None)
        while len(self._tries) > self.KEPT:
            del self._tries[next(iter(self._tries))]
        return StaffLocked(typed, minutes=minutes(delay)) if delay else wrong_pin(failed)


_unknown: weakref.WeakKeyDictionary[UnitOfWorkFactory, UnknownNumbers] = weakref.WeakKeyDictionary()


def _unknown_numbers(uow_factory: UnitOfWorkFactory) -> UnknownNumbers:
    found = _unknown.get(uow_factory)
    if found is None:
        found = _unknown[uow_factory] = UnknownNumbers()
    return found


def authenticate(
    uow_factory: UnitOfWorkFactory, staff_no: str, pin: str, clock: Clock | None = None
) -> Operator:
    """Check a PIN (also used for a manager's approval of one action).

    From the fifth wrong PIN in a row the person must wait before the next try (``lock_delay``);
    while they wait even the right PIN is refused, unchecked. Each lock is journaled. A right
    PIN resets the count; a manager can lift a lock at once. A wrong PIN says how many tries
    are left before the wait; an unknown staff number is answered the same way.
    """
    now = (clock or SystemClock()).now()
    with uow_factory.read() as uow:
        row = uow.staff.staff_by_no(staff_no.strip())
    if row is None or not row["active"]:
        # What was typed is not logged: it may be a PIN typed into the wrong field.
        log.info("login refused: no active staff member with the number typed")
        raise _unknown_numbers(uow_factory).refuse(staff_no.strip(), now)
    left = delay_left(row["locked_until"], now)
    if left is not None:
        log.warning("staff %s refused: locked for %d more min", row["staff_no"], minutes(left))
        raise StaffLocked(row["staff_no"], minutes=minutes(left))
    if pin_matches(pin, row["pin_hash"]):
        if row["failed_pins"] or row["locked_until"]:
            with uow_factory() as uow:
                uow.staff.set_failed_pins(row["id"], 0, locked_until=None)
                uow.commit()
        return Operator(row["id"], row["staff_no"], row["name"], Role(row["role"]))
    failed = _count_wrong_pin(uow_factory, row["id"], row["staff_no"], now)
    raise wrong_pin(failed)


def _count_wrong_pin(
    uow_factory: UnitOfWorkFactory, staff_id: str, staff_no: str, now: datetime
) -> int:
    """The wrong PINs in a row now; StaffLocked when this one starts a wait."""
    with uow_factory() as uow:
        failed = uow.staff.add_failed_pin(staff_id)
        delay = lock_delay(failed)
        if delay is not None:
            until = Stamp.of(now + delay).utc_iso
            uow.staff.set_failed_pins(staff_id, failed, locked_until=until)
            # A lock is never lost to a clock behind the journal: it is dated at the last
            # record, with what the PC's clock said.
            floor = uow.journal.last_journal_time()
            behind = floor is not None and now < floor
            uow.journal.append_journal(
                register_id=SYSTEM_REGISTER,
                event_code=EventCode.OTHER,
                stamp=Stamp.of(floor if behind and floor else now),
                staff_id=staff_id,
                details={
                    "kind": OtherEvent.STAFF_LOCKED,
                    "staff_no": staff_no,
                    "wrong_pins": failed,
                    "until": until,
                    **({"system_time": Stamp.of(now).utc_iso} if behind else {}),
                },
            )
        uow.commit()
    if delay is not None:
        log.warning(
            "staff %s locked out for %d min after %d wrong PINs in a row",
            staff_no, minutes(delay), failed,
        )  # fmt: skip
        raise StaffLocked(staff_no, minutes=minutes(delay))
    log.info("wrong PIN for staff %s (%d in a row)", staff_no, failed)
    return failed


def log_in(
    uow_factory: UnitOfWorkFactory,
    register_id: str,
    staff_no: str,
    pin: str,
    clock: Clock | None = None,
) -> Operator:
    """Authenticate and journal the login (13003) on this register."""
    try:
        operator = authenticate(uow_factory, staff_no, pin, clock)
        journal_login(uow_factory, register_id, operator, clock)
    except (ClockBehind, ClockUnconfirmed) as error:  # nobody is identified yet
        log.warning("login refused at %s: %s", register_id, error.message("en"))
        raise
    return operator


def journal_login(
    uow_factory: UnitOfWorkFactory, register_id: str, operator: Operator, clock: Clock | None
) -> None:
    """The login (13003) of someone already identified."""
    with uow_factory() as uow:
        uow.journal.append_journal(
            register_id=register_id,
            event_code=EventCode.LOGIN,
            stamp=Stamp.of((clock or SystemClock()).now()),
            staff_id=operator.staff_id,
            details={"staff_no": operator.staff_no},
        )
        uow.commit()
    log.info("staff %s logged in at %s", operator.staff_no, register_id)


def log_out(uow_factory: UnitOfWorkFactory, ctx: TillContext) -> None:
    with uow_factory() as uow:
        uow.journal.append_journal(
            register_id=ctx.register_id,
            event_code=EventCode.LOGOUT,
            stamp=ctx.stamp(),
            staff_id=ctx.operator.staff_id,
            details={"staff_no": ctx.operator.staff_no},
        )
        uow.commit()
    log.info("staff %s logged out at %s", ctx.operator.staff_no, ctx.register_id)
