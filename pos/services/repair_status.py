"""Moving a job through its statuses, with the message it sends shown before it is saved.

``preview_status_change`` and ``change_status`` compose the message with the same function from
the same data; pass the preview back as ``confirmed`` and the change is refused if what would be
queued differs from what the technician saw. Notifications wait in ``notifications`` (pending)
and the outbox until the central server sends them and reports back.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from pos.model.events import OtherEvent
from pos.model.notification import MessagePreview, NotifyRule
from pos.model.repair import REOPEN_TARGETS, CollectAtTill, IllegalTransition, RepairStatus
from pos.model.staff import Operator, Permission
from pos.services import desk_log, ticket_clock
from pos.services.context import TillContext
from pos.services.repair_common import (
    StatusChanged,
    apply_status,
    journal,
    load_ticket,
    message_for,
)
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory


@dataclass(frozen=True)
class StatusChangePreview:
    ticket_id: str
    from_status: RepairStatus
    to_status: RepairStatus
    preview: MessagePreview


def preview_status_change(
    uow_factory: UnitOfWorkFactory, ticket_id: str, to: RepairStatus
) -> StatusChangePreview:
    """What changing the status would send (and that the change is allowed), writing nothing."""
    with uow_factory.read() as uow:
        row, ticket = load_ticket(uow, ticket_id)
        ticket.transition(to)
        _check_not_collecting(uow, row, ticket.actual, to)
        return StatusChangePreview(row["id"], ticket.status, to, message_for(uow, row, to))


def status_moves(uow_factory: UnitOfWorkFactory, ticket_id: str) -> tuple[RepairStatus, ...]:
    """The statuses a job may be set to from the status it has now, in workflow order: what the
    state machine allows, "collected" only when nothing is left to pay at the till."""
    with uow_factory.read() as uow:
        row, ticket = load_ticket(uow, ticket_id)
        return tuple(s for s in ticket.next_statuses if _may_move(uow, row, ticket.actual, s))


def _may_move(uow: UnitOfWork, row: dict, actual: int, to: RepairStatus) -> bool:
    try:
        _check_not_collecting(uow, row, actual, to)
    except CollectAtTill:
        return False
    return True


def change_status(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    ticket_id: str,
    to: RepairStatus,
    *,
    note: str = "",
    confirmed: MessagePreview | None = None,
) -> StatusChanged:
    """Save the change; queues exactly ``confirmed`` (when given) or refuses with MessageChanged."""
    with uow_factory() as uow:
        row, ticket = load_ticket(uow, ticket_id)
        _check_not_collecting(uow, row, ticket.actual, to)
        changed = apply_status(uow, ctx, ctx.stamp(), row, ticket, to, note, confirmed)
        uow.commit()
    desk_log.repair_moved(ctx, changed)
    return changed


def _check_not_collecting(uow: UnitOfWork, row: dict, actual: int, to: RepairStatus) -> None:
    """Collected means paid at the till, unless there is nothing to pay, no deposit and no
    line from another counter that this one lacks (it would be charged at the till)."""
    if to is not RepairStatus.COLLECTED:
        return
    held = uow.repairs.deposit_held(row["id"])
    if held or actual or uow.repairs.lines_elsewhere(row["tenant_id"], row["id"]):
        raise CollectAtTill(row["id"])


def reopen(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    ticket_id: str,
    to: RepairStatus = RepairStatus.IN_REPAIR,
    *,
    approver: Operator | None = None,
    note: str = "",
) -> None:
    """A manager reopens a finished job: the only way out of a final status (the server
    accepts it only as ``repair.reopened`` from the status it holds)."""
    approved_by = ctx.require(Permission.MANAGE, approver) or ctx.operator.staff_id
    with uow_factory() as uow:
        row, ticket = load_ticket(uow, ticket_id)
        if not ticket.status.final or to not in REOPEN_TARGETS:
            raise IllegalTransition(
                from_status=ticket.status.value, to_status=to.value,
                from_nb=ticket.status.label_nb, to_nb=to.label_nb,
            )  # fmt: skip
        stamp = ctx.stamp()
        uow.repairs.update_ticket(row["id"], status=to.value, updated_at=stamp.utc_iso)
        history_id = str(uuid.uuid4())
        uow.repairs.add_status_change(
            history_id, row["id"], ticket.status.value, to.value, ctx.operator.staff_id, stamp,
            note=note.strip(),
        )  # fmt: skip
        details = {
            "kind": OtherEvent.REPAIR_STATUS, "ticket": row["id"], "from": ticket.status.value,
            "to": to.value, "approved_by": approved_by,
        }  # fmt: skip
        journal(uow, ctx, stamp, row["tenant_id"], details)
        uow.outbox.append_outbox("repair.reopened", row["tenant_id"], stamp, {
            **details, "staff_id": ctx.operator.staff_id, "note": note.strip(),
            "history_id": history_id, "hlc": ticket_clock.next_stamp(uow, ctx.clock.now()),
        })  # fmt: skip
        uow.commit()


def notify_rules(uow_factory: UnitOfWorkFactory) -> list[NotifyRule | None]:
    """The rule for every status, in workflow order (None: never notifies)."""
    with uow_factory.read() as uow:
        return [uow.repairs.notify_rule(status) for status in RepairStatus]


def set_notify_rule(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    rule: NotifyRule,
    approver: Operator | None = None,
) -> None:
    """The manager decides whether a status notifies the customer and in which words."""
    ctx.require(Permission.MANAGE, approver)
    with uow_factory() as uow:
        uow.repairs.set_notify_rule(rule)
        stamp = ctx.stamp()
        uow.journal.append_journal(
            register_id=ctx.register_id,
            event_code=13999,
            stamp=stamp,
            staff_id=ctx.operator.staff_id,
            details={
                "kind": OtherEvent.REPAIR_SETTINGS,
                "status": rule.status.value,
                "enabled": rule.enabled,
                "channel": rule.channel.value,
                "subject": rule.subject,
                "body": rule.body,
            },
        )
        uow.commit()
