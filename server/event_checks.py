"""What makes a pushed event unusable (quarantined and acked, never stored as a fact): a bad id
or type, a tenant the device may not use, a receipt, notification, repair or item payload
missing its fields, an impossible timestamp. Business problems are flagged elsewhere, never here."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from pos.sync_protocol import (
    CENTRE_EVENT_TYPES,
    ITEM_EVENT_TYPES,
    KNOWN_EVENT_TYPES,
    MAX_MESSAGE_BODY,
    MESSAGE_CONTROL_CHARACTERS,
    NOTIFICATION_CHANNELS,
    RECEIPT_EVENT_TYPES,
    RECIPIENT_PATTERNS,
    SITE_EVENT_TYPES,
    TENANT_REGISTERED,
    TENANT_TERMS_SET,
    TICKET_EVENT_TYPES,
)
from server import centre_data, items, tenant_terms, tickets
from server.auth import Device
from server.tenant_offers import parse_offer

UUID_TEXT = re.compile(r"^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
"""A UUID as counters write it (8-4-4-4-12 hex): Python's ``uuid.UUID`` also takes braces
and ``urn:uuid:``, which PostgreSQL refuses, and one bad id would fail the whole insert."""
_TIMESTAMP = re.compile(
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?"
    r"(Z|[+-][0-9]{2}:?[0-9]{2})$"
)
MAX_OFFSET = timedelta(hours=14)
"""The widest UTC offset in use (Kiribati); PostgreSQL refuses offsets from 16 hours."""


def why_invalid(event: dict[str, Any], device: Device) -> tuple[str, str] | None:
    event_id = event.get("event_id")
    if not isinstance(event_id, str) or not UUID_TEXT.match(event_id):
        return ("malformed", "event_id is not a UUID (8-4-4-4-12 hex digits)")
    kind, tenant, payload = event.get("type"), event.get("tenant_id"), event.get("payload")
    if not isinstance(kind, str) or kind not in KNOWN_EVENT_TYPES:
        return ("unknown_type", f"unknown event type {kind!r}")
    if not isinstance(payload, dict):
        return ("malformed", "payload must be an object")
    version = event.get("type_version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version < 1000:
        return ("malformed", "type_version must be a small integer")
    if not _is_timestamp(event.get("occurred_at")):
        return ("malformed", "occurred_at must be an ISO 8601 time with a UTC offset")
    if tenant is None:
        if kind not in SITE_EVENT_TYPES:
            return ("malformed", f"{kind} needs a tenant_id")
    elif not isinstance(tenant, str) or tenant not in device.tenant_ids:
        return ("tenant_forbidden", f"tenant {tenant!r} is not served by this device's site")
    if kind in RECEIPT_EVENT_TYPES:
        return _receipt_problem(payload, tenant)
    if kind == "notification.requested":
        return _notification_problem(payload)
    if kind == "notification.withdrawn" and not isinstance(payload.get("notification_id"), str):
        return ("malformed", "notification_id must be a text")
    if kind in TICKET_EVENT_TYPES:
        return tickets.payload_problem(kind, payload)
    if kind in ITEM_EVENT_TYPES:
        return items.payload_problem(kind, payload)
    if kind in CENTRE_EVENT_TYPES:
        return centre_data.payload_problem(kind, payload)
    if kind == TENANT_TERMS_SET:
        return tenant_terms.payload_problem(payload)
    if kind == TENANT_REGISTERED:
        offered = parse_offer(payload.get("tenant"))
        return ("malformed", f"tenant: {offered}") if isinstance(offered, str) else None
    return None


_RECEIPT_TEXTS = ("id", "register_id", "kind", "number_text", "signature", "sig_method",
                  "key_version", "local_date", "local_time", "tenant_id")  # fmt: skip
_RECEIPT_NUMBERS = ("number", "sig_nr")  # 32-bit in the chain and number heads
_RECEIPT_AMOUNTS = ("total", "total_ex_vat")


def _receipt_problem(payload: dict[str, Any], tenant: str | None) -> tuple[str, str] | None:
    receipt = payload.get("receipt")
    if type(receipt) is not dict or type(payload.get("sale_id")) is not str:
        return ("malformed", "a receipt event needs sale_id and receipt")
    for name in _RECEIPT_TEXTS:
        if type(receipt.get(name)) is not str:
            return ("malformed", f"receipt.{name} must be a str")
    for name in _RECEIPT_NUMBERS:
        value = receipt.get(name)
        if type(value) is not int or not 1 <= value < 2**31:
            return ("malformed", f"receipt.{name} must be an int from 1")
    for name in _RECEIPT_AMOUNTS:
        value = receipt.get(name)
        if type(value) is not int or not -(2**53) < value < 2**53:
            return ("malformed", f"receipt.{name} must be an int")
    if receipt["tenant_id"] != tenant:
        return ("malformed", "receipt.tenant_id differs from the event's tenant_id")
    if not isinstance(payload.get("lines", []), list):
        return ("malformed", "lines must be a list")
    return None


_RECIPIENT = {channel: re.compile(pattern) for channel, pattern in RECIPIENT_PATTERNS.items()}
_CONTROL = re.compile(MESSAGE_CONTROL_CHARACTERS)
MAX_SUBJECT = 1000
"""Longer than a counter writes (200): older counters' subjects with line breaks are folded
into one line when the mail is sent rather than refused here."""


def _notification_problem(payload: dict[str, Any]) -> tuple[str, str] | None:
    """A message the server could never send as asked: quarantined, so it never blocks the
    ones after it (sync-protocol.md §2.2)."""
    channel = payload.get("channel")
    if channel not in NOTIFICATION_CHANNELS:
        return ("malformed", "channel must be sms or email")
    to, body, subject = payload.get("to"), payload.get("body"), payload.get("subject", "")
    if not isinstance(to, str) or len(to) > 254 or not _RECIPIENT[channel].match(to.strip()):
        return (
            "malformed",
            f"to must be one {'e-mail address' if channel == 'email' else 'phone number'}",
        )
    if not isinstance(body, str) or not body.strip() or len(body) > MAX_MESSAGE_BODY[channel]:
        return ("malformed", f"body must be a text of 1 to {MAX_MESSAGE_BODY[channel]} characters")
    if not isinstance(subject, str) or len(subject) > MAX_SUBJECT:
        return ("malformed", f"subject must be a text of at most {MAX_SUBJECT} characters")
    if _CONTROL.search(body) or _CONTROL.search(subject):
        return ("malformed", "the message holds control characters")
    return None


def _is_timestamp(value: Any) -> bool:
    """ISO 8601 calendar date and time with an offset, as both Python and PostgreSQL read it
    (not week dates or ordinal dates, no offsets past 14 hours)."""
    if not isinstance(value, str) or len(value) > 40 or not _TIMESTAMP.match(value):
        return False
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return False
    offset = moment.utcoffset()
    return offset is not None and abs(offset) <= MAX_OFFSET and 1970 <= moment.year <= 9999
