"""Editing a ticket's descriptive fields and writing notes, in a form that merges across
counters (sync-protocol.md §2.4).

An edit event carries only the fields that really changed, each stamped with this counter's
hybrid logical clock (kept per field in ``repair_field_clock``), so edits of different fields
at two counters both survive and the later edit of one field wins everywhere. Notes are
append-only with their own ids. Local state changes at once, offline or not.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

from pos.errors import DomainError
from pos.model.basket import check_amount
from pos.model.contact import parse_email, parse_phone
from pos.model.events import OtherEvent
from pos.services import ticket_clock
from pos.services.context import TillContext
from pos.services.repair_common import (
    journal,
    load_ticket,
    missing,
    require_open,
    technician_id,
)
from pos.sync_protocol import MAX_TEXT, TICKET_FIELDS, field_value_ok
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory

EDITABLE = (
    "customer_name", "customer_phone", "customer_email", "contact_consent", "item_category",
    "item_brand_model", "item_serial", "fault", "condition", "accessories", "estimate",
    "approval_limit", "deposit_requested", "promised_date", "technician_no",
)  # fmt: skip
"""What ``update_details`` accepts (the technician by staff number, as the counter types it)."""


class EmptyNote(DomainError):
    code = "empty_note"
    nb = "Notatet er tomt eller for langt (høyst 4000 tegn)."
    en = "The note is empty or too long (at most 4000 characters)."


class FieldTooLong(DomainError):
    code = "field_too_long"
    nb = "«{value}» er for langt (tekst høyst 4000 tegn; tilbehør høyst 50, hvert høyst 200 tegn)."
    en = "'{value}' is too long (text at most 4000 characters; at most 50 accessories of 200)."


def check_travels(fields: Mapping[str, Any]) -> None:
    """Refuse a value the server would drop (``field_value_ok``): it would stay at this counter
    only, and the others would show the job without it."""
    for name, value in fields.items():
        if name in TICKET_FIELDS and not field_value_ok(name, value):
            raise FieldTooLong(name)


def field_values(row: Mapping[str, Any]) -> dict[str, Any]:
    """Every descriptive field of a ticket row as it travels in events (accessories a list)."""
    values = {name: row[name] for name in TICKET_FIELDS}
    values["accessories"] = json.loads(row["accessories"] or "[]")
    values["contact_consent"] = bool(row["contact_consent"])
    return values


def column_values(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Event values back into the ticket's columns (the name search key follows the name)."""
    columns = dict(fields)
    if "accessories" in columns:
        columns["accessories"] = json.dumps(columns["accessories"], ensure_ascii=False)
    if "customer_name" in columns:
        columns["customer_search"] = str(columns["customer_name"]).casefold()
    return columns


def record_fields(
    uow: UnitOfWork,
    ctx: TillContext,
    row: Mapping[str, Any],
    fields: Mapping[str, Any],
    *,
    journaled: bool = True,
) -> dict[str, Any]:
    """Save the fields that differ from the row under one new clock stamp: columns, per-field
    clock, journal and a ``repair.updated`` event. Returns what changed (nothing: no event)."""
    current = field_values(row)
    changed = {name: value for name, value in fields.items() if current[name] != value}
    if not changed:
        return {}
    stamp = ctx.stamp()
    hlc = ticket_clock.next_stamp(uow, ctx.clock.now())
    uow.repairs.update_ticket(row["id"], **column_values(changed), updated_at=stamp.utc_iso)
    uow.repairs.set_field_clock(row["id"], {name: hlc for name in changed})
    details: dict[str, Any] = {"kind": OtherEvent.REPAIR_WORK, "ticket": row["id"]}
    details["fields"] = changed
    if journaled:  # False: the caller writes its own, more specific journal row
        journal(uow, ctx, stamp, row["tenant_id"], details)
    uow.outbox.append_outbox(
        "repair.updated",
        row["tenant_id"],
        stamp,
        {**details, "hlc": hlc, "staff_id": ctx.operator.staff_id},
    )
    return changed


def _validated(uow: UnitOfWork, changes: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    fields: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "technician_no":
            fields["technician_id"] = technician_id(uow, str(value))
        elif name == "customer_phone":
            fields[name] = parse_phone(value).e164 if str(value).strip() else ""
        elif name == "customer_email":
            fields[name] = parse_email(value) if str(value).strip() else ""
        elif name == "contact_consent":
            fields[name] = bool(value)
        elif name == "accessories":
            fields[name] = [str(a).strip() for a in value if str(a).strip()]
        elif name in ("estimate", "approval_limit", "deposit_requested"):
            check_amount(value)
            fields[name] = int(value)
        elif name == "promised_date":
            fields[name] = value.isoformat() if isinstance(value, date) else None
        else:
            fields[name] = str(value).strip()
    check_travels(fields)
    if fields.get("customer_name", "x") == "":
        raise missing("kundens navn", "the customer's name")
    if fields.get("fault", "x") == "":
        raise missing("feilbeskrivelse", "the fault as described")
    return fields


def update_details(
    uow_factory: UnitOfWorkFactory, ctx: TillContext, ticket_id: str, **changes: Any
) -> tuple[str, ...]:
    """Change descriptive fields of an open ticket; returns the names of the fields that
    really changed (the event carries only those)."""
    with uow_factory() as uow:
        row, _ = load_ticket(uow, ticket_id)
        require_open(row)
        changed = record_fields(uow, ctx, row, _validated(uow, changes))
        uow.commit()
    return tuple(changed)


def add_note(uow_factory: UnitOfWorkFactory, ctx: TillContext, ticket_id: str, text: str) -> str:
    """An append-only note on the job (also on a closed one: the customer may call later)."""
    text = text.strip()
    if not text or len(text) > MAX_TEXT:
        raise EmptyNote()
    with uow_factory() as uow:
        row, _ = load_ticket(uow, ticket_id)
        stamp = ctx.stamp()
        hlc = ticket_clock.next_stamp(uow, ctx.clock.now())
        note_id = str(uuid.uuid4())
        uow.repairs.add_note(note_id, row["id"], text, ctx.operator.staff_id, stamp, hlc)
        details = {"kind": OtherEvent.REPAIR_WORK, "ticket": row["id"], "note_id": note_id}
        journal(uow, ctx, stamp, row["tenant_id"], details | {"text": text})
        uow.outbox.append_outbox(
            "repair.note_added",
            row["tenant_id"],
            stamp,
            {**details, "text": text, "hlc": hlc, "staff_id": ctx.operator.staff_id},
        )
        uow.commit()
    return note_id


TEXT_FIELDS = (
    "customer_name", "customer_phone", "customer_email", "item_category", "item_brand_model",
    "item_serial", "fault", "condition",
)  # fmt: skip


def editable_texts(uow_factory: UnitOfWorkFactory, ticket_id: str) -> dict[str, str]:
    """The ticket's text fields as the edit form shows them (the phone as typed in Norway)."""
    with uow_factory.read() as uow:
        row, _ = load_ticket(uow, ticket_id)
    values = {name: str(row[name] or "") for name in TEXT_FIELDS}
    if values["customer_phone"]:
        values["customer_phone"] = parse_phone(values["customer_phone"]).display
    return values
