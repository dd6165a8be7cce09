"""What the main window shows about the counter before anyone logs in."""

from __future__ import annotations

from dataclasses import dataclass

from pos.model.tenant import Tenant
from pos.unit_of_work import UnitOfWorkFactory


@dataclass(frozen=True)
class CounterOverview:
    centre_name: str
    register_id: str
    register_name: str
    tenants: tuple[Tenant, ...]
    till_open: bool
    unsynced: int
    """Outbox events not yet acknowledged by the central server."""


def counter_overview(uow_factory: UnitOfWorkFactory, register_id: str) -> CounterOverview:
    with uow_factory.read() as uow:
        unsynced = uow.sync.outbox_last_seq() - uow.sync.acked_through()  # acked ones pruned
        return CounterOverview(
            centre_name=uow.meta.get_meta("centre_name") or "",
            register_id=register_id,
            register_name=uow.registers.register_name(register_id) or register_id,
            tenants=tuple(tn for tn in uow.tenants.tenants() if tn.active),
            till_open=uow.till.open_session(register_id) is not None,
            unsynced=max(unsynced, 0),
        )
