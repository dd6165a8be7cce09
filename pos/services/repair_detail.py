"""Read-only views the repair screens show: one ticket with its history, work and money, and the
choices the intake form offers (repair tenants, technicians). Pre-formatted, frozen DTOs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from pos.clock import Stamp
from pos.errors import DomainError
from pos.model.contact import parse_phone
from pos.model.repair import RepairStatus
from pos.money import Ore
from pos.services.repair_common import load_ticket
from pos.services.repair_documents import accessories_of
from pos.services.repair_work import WorkLine, labour_item, work_lines
from pos.unit_of_work import UnitOfWorkFactory


@dataclass(frozen=True)
class HistoryEntry:
    when: str
    """Local date and time, 'dd.mm.yyyy hh:mm'."""
    who: str
    from_label: str
    to_label: str
    note: str
    notified: str
    """Who was told and how ('SMS til +4791234567'), or ''."""
    to_status: RepairStatus | None = None
    """The status moved to: the screens name it in the person's language."""
    channel: str = ""
    """How the customer was told ('sms', 'email'; '' for no message)."""
    recipient: str = ""
    withdrawn: bool = False
    """The message was withdrawn before it was sent (the job was collected first)."""
    delivery: str = ""
    """The message's state as the central server last reported it: pending (not yet confirmed),
    sent, failed or withdrawn; '' for no message."""


@dataclass(frozen=True)
class NoteEntry:
    when: str
    who: str
    text: str


@dataclass(frozen=True)
class StatusConflict:
    """A status change made here that the server refused: another counter moved it first."""

    from_status: RepairStatus
    to_status: RepairStatus


@dataclass(frozen=True)
class TicketDetail:
    ticket_id: str
    tenant_code: str
    tenant_name: str
    status: RepairStatus
    customer: str
    phone: str
    email: str
    consent: bool
    item: str
    serial: str
    fault: str
    condition: str
    accessories: tuple[str, ...]
    photos: tuple[str, ...]
    """Paths relative to the data directory."""
    technician: str
    received: str
    promised: str
    estimate: Ore
    approval_limit: Ore
    approved_up_to: Ore
    actual: Ore
    needs_approval: bool
    deposit_requested: Ore
    deposit_held: Ore
    lines: tuple[WorkLine, ...]
    history: tuple[HistoryEntry, ...]
    notes: tuple[NoteEntry, ...] = ()
    status_conflicts: tuple[StatusConflict, ...] = ()


def _local(utc_iso: str) -> str:
    stamp = Stamp.of(datetime.fromisoformat(utc_iso.replace("Z", "+00:00")))
    return f"{date.fromisoformat(stamp.local_date):%d.%m.%Y} {stamp.local_time[:5]}"


def _history_entry(h: dict, messages: dict[str, dict]) -> HistoryEntry:
    message = messages.get(h["notification_id"] or "")
    told = ""
    if message is not None:
        told = f"{'SMS' if message['channel'] == 'sms' else 'E-post'} til {message['recipient']}"
    return HistoryEntry(
        _local(h["created_at"]),
        h["staff_name"],
        RepairStatus(h["from_status"]).label_nb if h["from_status"] else "",
        RepairStatus(h["to_status"]).label_nb,
        h["note"] or "",
        told,
        RepairStatus(h["to_status"]),
        message["channel"] if message else "",
        message["recipient"] if message else "",
        bool(message and message["state"] == "withdrawn"),
        message["state"] if message else "",
    )


def ticket_detail(uow_factory: UnitOfWorkFactory, ticket_id: str) -> TicketDetail:
    """Everything the ticket screen shows; UnknownTicket if there is no such ticket."""
    with uow_factory.read() as uow:
        row, ticket = load_ticket(uow, ticket_id)
        tenant = uow.tenants.tenant(row["tenant_id"])
        assert tenant is not None
        messages = {n["id"]: n for n in uow.repair_queries.messages_of(row["id"])}
        history = tuple(_history_entry(h, messages) for h in uow.repairs.history(row["id"]))
        technician = uow.repair_queries.staff_name(row["technician_id"])
        photos = tuple(p["path"] for p in uow.repairs.photos(row["id"]))
        lines = tuple(work_lines(uow, row["id"]))
        held = uow.repairs.deposit_held(row["id"])
        note_entries = tuple(
            NoteEntry(_local(n["created_at"]), n["staff_name"], n["text"])
            for n in uow.repairs.notes(row["id"])
        )
        conflicts = tuple(
            StatusConflict(RepairStatus(c["from_status"]), RepairStatus(c["to_status"]))
            for c in uow.repairs.status_conflicts(row["id"])
        )
    phone = row["customer_phone"]
    promised = row["promised_date"]
    return TicketDetail(
        ticket_id=row["id"],
        tenant_code=tenant.code,
        tenant_name=tenant.name,
        status=ticket.status,
        customer=row["customer_name"],
        phone=parse_phone(phone).display if phone else "",
        email=row["customer_email"],
        consent=bool(row["contact_consent"]),
        item=" – ".join(x for x in (row["item_category"], row["item_brand_model"]) if x),
        serial=row["item_serial"],
        fault=row["fault"],
        condition=row["condition"],
        accessories=accessories_of(row),
        photos=photos,
        technician=technician or "",
        received=_local(row["created_at"]),
        promised=f"{date.fromisoformat(promised):%d.%m.%Y}" if promised else "",
        estimate=row["estimate"],
        approval_limit=row["approval_limit"],
        approved_up_to=ticket.approved_up_to,
        actual=ticket.actual,
        needs_approval=ticket.needs_approval,
        deposit_requested=row["deposit_requested"],
        deposit_held=held,
        lines=lines,
        history=history,
        notes=note_entries,
        status_conflicts=conflicts,
    )


@dataclass(frozen=True)
class IntakeChoices:
    tenants: tuple[tuple[str, str], ...]
    """(code, name) of active tenants that take repairs (they have a labour item)."""
    technicians: tuple[tuple[str, str], ...]
    """(staff no, name) of active technicians and managers."""


def intake_choices(uow_factory: UnitOfWorkFactory) -> IntakeChoices:
    with uow_factory.read() as uow:
        tenants = []
        for tenant in sorted(uow.tenants.tenants(), key=lambda t: t.code):
            if not tenant.active:
                continue
            try:
                labour_item(uow, tenant.id)
            except DomainError:
                continue
            tenants.append((tenant.code, tenant.name))
        staff = uow.repair_queries.technicians()
    return IntakeChoices(tuple(tenants), tuple(staff))
