"""Staff administration by a manager: PINs set or reset (never shown), roles, deactivation and
unlocking after a PIN lockout. Every change is journaled (13999 staff_change)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pos.clock import Clock, SystemClock
from pos.errors import DomainError, UnknownStaff
from pos.model.events import EventCode, OtherEvent
from pos.model.staff import Permission, Role
from pos.services import desk_log, setup
from pos.services.auth import delay_left, hash_pin
from pos.services.context import TillContext
from pos.services.staff_share import queue_staff
from pos.unit_of_work import UnitOfWorkFactory


class StaffNumberTaken(DomainError):
    code = "staff_number_taken"
    nb = "Ansattnummer {value} finnes allerede."
    en = "Staff number {value} exists already."


class LastManager(DomainError):
    code = "last_manager"
    nb = "{value} er den siste aktive lederen og kan ikke deaktiveres eller få en annen rolle."
    en = "{value} is the last active manager and cannot be deactivated or given another role."


class InvalidStaffNumber(DomainError):
    code = "invalid_staff_number"
    nb = "Ansattnummer og navn må fylles ut (nummeret med 1–8 siffer)."
    en = "Staff number and name are required (the number 1-8 digits)."


@dataclass(frozen=True)
class StaffMember:
    """A staff member as the manager sees them: never the PIN or its hash."""

    staff_no: str
    name: str
    role: Role
    active: bool
    locked: bool
    """Waiting out a wrong-PIN delay now (it ends by itself at ``locked_until``)."""
    failed_pins: int
    locked_until: str | None = None


def list_staff(uow_factory: UnitOfWorkFactory, clock: Clock | None = None) -> list[StaffMember]:
    now = (clock or SystemClock()).now()
    with uow_factory.read() as uow:
        rows = uow.staff.staff_list()
    return [
        StaffMember(
            r["staff_no"],
            r["name"],
            Role(r["role"]),
            bool(r["active"]),
            delay_left(r["locked_until"], now) is not None,
            int(r["failed_pins"]),
            r["locked_until"],
        )
        for r in rows
    ]


def add(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    staff_no: str,
    name: str,
    role: Role,
    pin: str,
) -> None:
    """A new staff member (manager) with the PIN they typed themselves."""
    ctx.require(Permission.MANAGE)
    number = staff_no.strip()
    if not (number.isdigit() and 1 <= len(number) <= 8) or not name.strip():
        raise InvalidStaffNumber(number)
    with uow_factory.read() as uow:
        if uow.staff.staff_by_no(number) is not None:
            raise StaffNumberTaken(number)
    setup.add_staff(uow_factory, number, name.strip(), role, pin, ctx.clock, ctx=ctx)
    desk_log.staff_added(ctx, number, role)


def _change(
    uow_factory: UnitOfWorkFactory, ctx: TillContext, staff_no: str, what: str, **fields: Any
) -> None:
    ctx.require(Permission.MANAGE)
    with uow_factory() as uow:
        row = uow.staff.staff_by_no(staff_no.strip())
        if row is None:
            raise UnknownStaff(staff_no)
        if _leaves_no_manager(uow.staff.staff_list(), row, fields):
            raise LastManager(row["staff_no"])
        uow.staff.update_staff(row["id"], **fields)
        if {"pin_hash", "role", "active"} & set(fields):  # what other counters must know
            queue_staff(uow, row["id"], ctx.stamp())
        hidden = ("pin_hash", "failed_pins", "locked", "locked_until")
        shown = {k: v for k, v in fields.items() if k not in hidden}
        uow.journal.append_journal(
            register_id=ctx.register_id,
            event_code=EventCode.OTHER,
            stamp=ctx.stamp(),
            staff_id=ctx.operator.staff_id,
            details={
                "kind": OtherEvent.STAFF_CHANGE,
                "staff_no": row["staff_no"],
                "change": what,
                **shown,
            },
        )
        uow.commit()


def _leaves_no_manager(members: list[dict], row: Any, fields: dict[str, Any]) -> bool:
    """Whether the change takes away the last active manager: someone must always be able to
    approve, unlock and take the Z."""
    if row["role"] != Role.MANAGER.value or not row["active"]:
        return False
    demoted = fields.get("role", Role.MANAGER.value) != Role.MANAGER.value
    if not (demoted or fields.get("active", True) is False):
        return False
    others = [
        m
        for m in members
        if m["id"] != row["id"] and m["active"] and m["role"] == Role.MANAGER.value
    ]
    return not others


UNLOCKED = {"failed_pins": 0, "locked": False, "locked_until": None}


def set_pin(uow_factory: UnitOfWorkFactory, ctx: TillContext, staff_no: str, pin: str) -> None:
    """A manager sets a new PIN (typed by the staff member); it also lifts a lockout."""
    _change(uow_factory, ctx, staff_no, "pin", pin_hash=hash_pin(pin), **UNLOCKED)


def unlock(uow_factory: UnitOfWorkFactory, ctx: TillContext, staff_no: str) -> None:
    _change(uow_factory, ctx, staff_no, "unlock", **UNLOCKED)


def set_role(uow_factory: UnitOfWorkFactory, ctx: TillContext, staff_no: str, role: Role) -> None:
    _change(uow_factory, ctx, staff_no, "role", role=role.value)


def set_active(
    uow_factory: UnitOfWorkFactory, ctx: TillContext, staff_no: str, active: bool
) -> None:
    """Deactivated staff cannot log in; their history stays."""
    _change(uow_factory, ctx, staff_no, "active", active=active)
