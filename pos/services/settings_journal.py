"""One way to journal a change of fixed data after set-up (13999 ``settings_change``): the
register, scanner, printer, article group or bank account that changed, who changed it, when."""

from __future__ import annotations

from typing import Any

from pos.clock import Stamp
from pos.model.events import EventCode, OtherEvent
from pos.services.context import TillContext
from pos.unit_of_work import UnitOfWork


def journal_settings_change(
    uow: UnitOfWork, ctx: TillContext, details: dict[str, Any], stamp: Stamp | None = None
) -> None:
    uow.store.append_journal(
        register_id=ctx.register_id,
        event_code=EventCode.OTHER,
        stamp=stamp or ctx.stamp(),
        staff_id=ctx.operator.staff_id,
        details={"kind": OtherEvent.SETTINGS_CHANGE, **details},
    )
