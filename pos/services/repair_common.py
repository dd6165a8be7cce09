"""What the repair services share: errors, loading a ticket, and the one status-change writer
(history, journal, outbox, and the notification composed exactly as previewed)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from pos.clock import Stamp
from pos.errors import DomainError, UnknownStaff
from pos.model.events import EventCode, OtherEvent
from pos.model.notification import (
    MessagePreview,
    Recipient,
    compose,
    withdraws_waiting_messages,
)
from pos.model.repair import RepairStatus, RepairTicket
from pos.model.ticket_id import normalise_ticket_id
from pos.money import format_nok
from pos.services import ticket_clock
from pos.services.context import TillContext
from pos.unit_of_work import UnitOfWork


class UnknownTicket(DomainError):
    code = "unknown_ticket"
    nb = "Fant ingen reparasjon «{value}»."
    en = "No repair ticket '{value}'."


class TicketClosed(DomainError):
    code = "ticket_closed"
    nb = "Reparasjon {value} er avsluttet og kan ikke endres."
    en = "Repair {value} is closed and cannot be changed."


class IntakeIncomplete(DomainError):
    code = "intake_incomplete"
    nb = "Inntaket mangler {what_nb}."
    en = "The intake is missing {what_en}."


def missing(what_nb: str, what_en: str) -> IntakeIncomplete:
    """A required field left empty, at intake or on edit."""
    return IntakeIncomplete(what_nb=what_nb, what_en=what_en)


def technician_id(uow: UnitOfWork, staff_no: str) -> str | None:
    """The active staff member with this number (None for an empty number)."""
    if not staff_no.strip():
        return None
    row = uow.staff.staff_by_no(staff_no.strip())
    if row is None or not row["active"]:
        raise UnknownStaff(staff_no)
    return str(row["id"])


class MessageChanged(DomainError):
    code = "message_changed"
    nb = "Meldingen som ville bli sendt har endret seg siden forhåndsvisningen. Se på den igjen."
    en = "The message that would be sent changed since the preview. Look at it again."


@dataclass(frozen=True)
class StatusChanged:
    ticket_id: str
    from_status: RepairStatus
    to_status: RepairStatus
    preview: MessagePreview
    """What was queued (``preview.message``), or why nothing was."""
    notification_id: str | None


def load_ticket(uow: UnitOfWork, code: str) -> tuple[dict, RepairTicket]:
    ticket_id = normalise_ticket_id(code)
    row = uow.repairs.ticket_row(ticket_id)
    if row is None:
        raise UnknownTicket(code)
    return row, uow.repairs.ticket_state(row)


def require_open(row: dict) -> None:
    if RepairStatus(row["status"]).final:
        raise TicketClosed(row["id"])


def message_for(uow: UnitOfWork, row: dict, to: RepairStatus) -> MessagePreview:
    """The message a change of this ticket to ``to`` sends now (preview and queue both use it)."""
    tenant = uow.tenants.tenant(row["tenant_id"])
    assert tenant is not None
    state = uow.repairs.ticket_state(row)
    price = state.actual if uow.repairs.active_lines(row["id"]) else row["estimate"]
    rest = max(price - uow.repairs.deposit_held(row["id"]), 0)
    promised = row["promised_date"]
    values = {
        "kunde": row["customer_name"],
        "billett": row["id"],
        "vare": row["item_brand_model"] or row["item_category"],
        "beløp": format_nok(price),
        "rest": format_nok(rest),
        "butikk": tenant.name,
        "status": to.label_nb,
        "frist": date.fromisoformat(promised).strftime("%d.%m.%Y") if promised else "",
    }
    phone = row["customer_phone"]
    recipient = Recipient(
        name=row["customer_name"],
        mobile=phone if phone[3:4] in ("4", "9") else "",
        email=row["customer_email"],
        consent=bool(row["contact_consent"]),
    )
    return compose(uow.repairs.notify_rule(to), recipient, values)


def apply_status(
    uow: UnitOfWork,
    ctx: TillContext,
    stamp: Stamp,
    row: dict,
    ticket: RepairTicket,
    to: RepairStatus,
    note: str = "",
    expected: MessagePreview | None = None,
) -> StatusChanged:
    """Move the ticket (state machine checked) and write history, notification, journal, outbox."""
    ticket.transition(to)
    preview = message_for(uow, row, to)
    if expected is not None and expected != preview:
        raise MessageChanged()
    if withdraws_waiting_messages(to):
        _withdraw_waiting(uow, stamp, row, to)
    notification_id = _queue(uow, stamp, row, to, preview) if preview.message else None
    uow.repairs.update_ticket(row["id"], status=to.value, updated_at=stamp.utc_iso)
    history_id = str(uuid.uuid4())
    uow.repairs.add_status_change(
        history_id, row["id"], ticket.status.value, to.value, ctx.operator.staff_id, stamp,
        note=note.strip(), notification_id=notification_id,
    )  # fmt: skip
    details = {
        "kind": OtherEvent.REPAIR_STATUS,
        "ticket": row["id"],
        "from": ticket.status.value,
        "to": to.value,
        "notification": notification_id,
    }
    journal(uow, ctx, stamp, row["tenant_id"], details)
    uow.outbox.append_outbox(
        "repair.status_changed",
        row["tenant_id"],
        stamp,
        {
            **details,
            "staff_id": ctx.operator.staff_id,
            "note": note.strip(),
            "history_id": history_id,
            "hlc": ticket_clock.next_stamp(uow, ctx.clock.now()),
        },
    )
    return StatusChanged(row["id"], ticket.status, to, preview, notification_id)


def _withdraw_waiting(uow: UnitOfWork, stamp: Stamp, row: dict, to: RepairStatus) -> None:
    """Messages of the ticket not yet confirmed sent are withdrawn here, and the central server
    is told (``notification.withdrawn``) so it never sends one it still holds."""
    for notification_id in uow.repairs.withdraw_waiting_messages(row["id"], stamp.utc_iso):
        uow.outbox.append_outbox(
            "notification.withdrawn",
            row["tenant_id"],
            stamp,
            {"notification_id": notification_id, "ticket": row["id"], "status": to.value},
        )


def _queue(
    uow: UnitOfWork, stamp: Stamp, row: dict, to: RepairStatus, preview: MessagePreview
) -> str:
    message = preview.message
    assert message is not None
    notification_id = str(uuid.uuid4())
    uow.repairs.queue_message(notification_id, row["id"], to.value, message, stamp)
    uow.outbox.append_outbox(
        "notification.requested",
        row["tenant_id"],
        stamp,
        {
            "notification_id": notification_id,
            "ticket": row["id"],
            "channel": message.channel.value,
            "to": message.to,
            "subject": message.subject,
            "body": message.body,
        },
    )
    return notification_id


def journal(uow: UnitOfWork, ctx: TillContext, stamp: Stamp, tenant_id: str, details: dict) -> int:
    return uow.journal.append_journal(
        register_id=ctx.register_id,
        event_code=EventCode.OTHER,
        stamp=stamp,
        staff_id=ctx.operator.staff_id,
        tenant_id=tenant_id,
        ref_id=details.get("ticket"),
        details=details,
    )
