"""Staff go to the site's other counters through the central server: an enrolled counter
queues each member it adds or changes (role, PIN, active) as ``staff.registered`` with the PIN's
scrypt hash, never the PIN, in the change's own transaction."""

from __future__ import annotations

from typing import Any

from pos.clock import Stamp
from pos.sync_protocol import STAFF_REGISTERED
from pos.unit_of_work import UnitOfWork


def queue_staff(uow: UnitOfWork, staff_id: str, stamp: Stamp) -> None:
    """Inside the change's transaction: an enrolled counter sends the member as it is now."""
    if uow.sync.device() is None:
        return
    row = next((r for r in uow.staff.staff_to_share() if r["id"] == staff_id), None)
    if row is not None:
        uow.outbox.append_outbox(STAFF_REGISTERED, None, stamp, {"staff": shared_staff(row)})


def shared_staff(row: dict[str, Any]) -> dict[str, Any]:
    shared = {k: row[k] for k in ("id", "staff_no", "name", "role", "pin_hash")}
    return {**shared, "active": bool(row["active"])}
