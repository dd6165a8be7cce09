"""What makes a pushed event unusable (quarantined and acked, never stored as a fact): a bad id
or type, a tenant the device may not use, a receipt, notification, repair or item payload
missing its fields, an impossible timestamp. Business problems are flagged elsewhere, never here."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from pos.sync_protocol import (
    ITEM_EVENT_TYPES,
    KNOWN_EVENT_TYPES,
    NOTIFICATION_CHANNELS,
    RECEIPT_EVENT_TYPES,
    SITE_EVENT_TYPES,
    TICKET_EVENT_TYPES,
)
from server import items, tickets
from server.auth import Device

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
    if kind in TICKET_EVENT_TYPES:
        return tickets.payload_problem(kind, payload)
    if kind in ITEM_EVENT_TYPES:
        return items.payload_problem(kind, payload)
    return None


_RECEIPT_FIELDS = {
    "id": str,
    "register_id": str,
    "kind": str,
    "number": int,
    "number_text": str,
    "sig_nr": int,
    "signature": str,
    "sig_method": str,
    "key_version": str,
    "total": int,
    "total_ex_vat": int,
    "local_date": str,
    "local_time": str,
    "tenant_id": str,
}


def _receipt_problem(payload: dict[str, Any], tenant: str | None) -> tuple[str, str] | None:
    receipt = payload.get("receipt")
    if not isinstance(receipt, dict) or not isinstance(payload.get("sale_id"), str):
        return ("malformed", "a receipt event needs sale_id and receipt")
    for name, kind in _RECEIPT_FIELDS.items():
        value = receipt.get(name)
        if (
            not isinstance(value, kind)
            or isinstance(value, bool)
            or (isinstance(value, int) and not _in_range(name, value))
        ):
            return ("malformed", f"receipt.{name} must be a {kind.__name__}")
    if receipt["tenant_id"] != tenant:
        return ("malformed", "receipt.tenant_id differs from the event's tenant_id")
    if not isinstance(payload.get("lines", []), list):
        return ("malformed", "lines must be a list")
    return None


def _in_range(name: str, value: int) -> bool:
    if name in ("number", "sig_nr"):  # stored as 32-bit integers in the chain heads
        return 1 <= value < 2**31
    return abs(value) < 2**53


def _notification_problem(payload: dict[str, Any]) -> tuple[str, str] | None:
    if payload.get("channel") not in NOTIFICATION_CHANNELS:
        return ("malformed", "channel must be sms or email")
    for name in ("to", "body"):
        if not isinstance(payload.get(name), str) or not payload[name].strip():
            return ("malformed", f"{name} must be a non-empty text")
    if not isinstance(payload.get("subject", ""), str):
        return ("malformed", "subject must be a text")
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
