"""What the counter and the central server agree on about pushed events (``sync-protocol.md``).

Constants shared by ``sync/`` (client) and ``server/``: the batch limits, the event types, and
the fields that identify an event (hashed by the server to tell a resend from a conflict).
"""

from __future__ import annotations

PROTOCOL_SCHEMA_VERSION = 1
MAX_BATCH_EVENTS = 500
MAX_BATCH_BYTES = 1_000_000
"""A push carries at most 500 events or 1 MB of uncompressed JSON, whichever comes first."""

HASHED_FIELDS = ("event_id", "device_seq", "tenant_id", "type", "type_version", "occurred_at")

RECEIPT_EVENT_TYPES = frozenset({"sale.completed", "return.completed", "deposit.completed"})
"""Signed receipts: the server re-checks each tenant's signature chain over these."""
TENANT_EVENT_TYPES = RECEIPT_EVENT_TYPES | frozenset(
    {
        "receipt.copied",
        "notification.requested",
        "repair.ticket_created",
        "repair.status_changed",
        "repair.updated",
        "repair.line_added",
        "repair.line_removed",
        "repair.approved",
        "z_report.taken",
        "settlement.made",
    }
)
SITE_EVENT_TYPES = frozenset({"till.opened", "cash.moved", "till.closed"})
KNOWN_EVENT_TYPES = TENANT_EVENT_TYPES | SITE_EVENT_TYPES

NOTIFICATION_CHANNELS = ("sms", "email")
