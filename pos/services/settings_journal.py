"""Journal rows of the 13999 "other" kind made by the logged-in person: a change of fixed data
after set-up (``settings_change``: register, scanner, printer, article group, bank account), a
key change, a change of terms — who made it, when, for which tenant."""

from __future__ import annotations

from typing import Any

from pos.clock import Stamp
from pos.model.events import EventCode, OtherEvent
from pos.services.context import TillContext
from pos.unit_of_work import UnitOfWork


def journal_other(
    uow: UnitOfWork,
    ctx: TillContext,
    kind: str,
    details: dict[str, Any],
    stamp: Stamp | None = None,
    tenant_id: str | None = None,
) -> None:
    uow.journal.append_journal(
        register_id=ctx.register_id,
        event_code=EventCode.OTHER,
        stamp=stamp or ctx.stamp(),
        staff_id=ctx.operator.staff_id,
        tenant_id=tenant_id,
        details={"kind": kind, **details},
    )


def journal_settings_change(
    uow: UnitOfWork, ctx: TillContext, details: dict[str, Any], stamp: Stamp | None = None
) -> None:
    journal_other(uow, ctx, OtherEvent.SETTINGS_CHANGE, details, stamp)
