"""Staff administration by a manager: PINs set or reset (never shown), roles, deactivation and
unlocking after a PIN lockout. Every change is journaled (13999 staff_change)."""

from __future__ import annotations

from typing import Any

from pos.errors import UnknownStaff
from pos.model.events import EventCode, OtherEvent
from pos.model.staff import Permission, Role
from pos.services.auth import hash_pin
from pos.services.context import TillContext
from pos.unit_of_work import UnitOfWorkFactory


def _change(
    uow_factory: UnitOfWorkFactory, ctx: TillContext, staff_no: str, what: str, **fields: Any
) -> None:
    ctx.require(Permission.MANAGE)
    with uow_factory() as uow:
        row = uow.store.staff_by_no(staff_no.strip())
        if row is None:
            raise UnknownStaff(staff_no)
        uow.store.update_staff(row["id"], **fields)
        shown = {k: v for k, v in fields.items() if k not in ("pin_hash", "failed_pins")}
        uow.store.append_journal(
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


def set_pin(uow_factory: UnitOfWorkFactory, ctx: TillContext, staff_no: str, pin: str) -> None:
    """A manager sets a new PIN (typed by the staff member); it also lifts a lockout."""
    _change(uow_factory, ctx, staff_no, "pin", pin_hash=hash_pin(pin), failed_pins=0, locked=False)


def unlock(uow_factory: UnitOfWorkFactory, ctx: TillContext, staff_no: str) -> None:
    _change(uow_factory, ctx, staff_no, "unlock", failed_pins=0, locked=False)


def set_role(uow_factory: UnitOfWorkFactory, ctx: TillContext, staff_no: str, role: Role) -> None:
    _change(uow_factory, ctx, staff_no, "role", role=role.value)


def set_active(
    uow_factory: UnitOfWorkFactory, ctx: TillContext, staff_no: str, active: bool
) -> None:
    """Deactivated staff cannot log in; their history stays."""
    _change(uow_factory, ctx, staff_no, "active", active=active)
