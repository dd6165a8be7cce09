"""What the counter and the central server agree on about pushed events (``sync-protocol.md``).

Constants shared by ``sync/`` (client) and ``server/``: the batch limits, the event types, and
the fields that identify an event (hashed by the server to tell a resend from a conflict).
"""

from __future__ import annotations

from datetime import date

PROTOCOL_SCHEMA_VERSION = 1
MAX_BATCH_EVENTS = 500
MAX_BATCH_BYTES = 1_000_000
"""A push carries at most 500 events or 1 MB of uncompressed JSON, whichever comes first."""

HASHED_FIELDS = ("event_id", "device_seq", "tenant_id", "type", "type_version", "occurred_at")

RECEIPT_EVENT_TYPES = frozenset({"sale.completed", "return.completed", "deposit.completed"})
"""Signed receipts: the server re-checks each tenant's signature chain over these."""
ITEM_EVENT_TYPES = frozenset({"item.registered", "item.price_changed", "item.stock_counted"})
"""Items registered, prices changed and stock counted at a counter: the server publishes them
as ``item`` reference changes for the tenant, so the site's other counters can scan and sell
them (and a count becomes the centre's)."""
TICKET_EVENT_TYPES = frozenset(
    {
        "repair.ticket_created",
        "repair.updated",
        "repair.status_changed",
        "repair.reopened",
        "repair.note_added",
        "repair.line_added",
        "repair.line_removed",
        "repair.approved",
        "repair.deposit_held",
    }
)
"""Events the server merges into its copy of a repair ticket (sync-protocol.md §2.4)."""

TENANT_EVENT_TYPES = (
    RECEIPT_EVENT_TYPES
    | TICKET_EVENT_TYPES
    | ITEM_EVENT_TYPES
    | frozenset(
        {
            "receipt.copied",
            "notification.requested",
            "notification.withdrawn",
            "z_report.taken",
            "settlement.made",
            "tenant.terms_set",
        }
    )
)
TENANT_TERMS_SET = "tenant.terms_set"
"""A manager set a tenant's terms at a counter, payload ``{"terms": {commission_bp,
monthly_rent, bank_account, group_rates}}`` (the whole terms after the change): the server
publishes them as the site's ``tenant_terms`` for every counter of the site."""
TENANT_REGISTERED = "tenant.registered"
"""A tenant added at a counter after enrolment, payload ``{"tenant": {id, code, name, org_no,
vat_registered}}``: the server registers it for the site or holds it for the operator."""
STAFF_REGISTERED = "staff.registered"
"""A staff member added or changed at a counter, payload ``{"staff": {id, staff_no, name, role,
pin_hash, active}}`` (the PIN's scrypt hash, never the PIN): published for the site."""
ARTICLE_GROUP_REGISTERED = "article_group.registered"
"""An article group of the counter, payload ``{"group": {id, name, saft_code}}``: added to the
shared groups unless the server has that id."""
CENTRE_COMPANY_SET = "centre.company_set"
"""A manager changed the centre's company at a counter, payload ``{"company": {name, org_no,
account}}``: it becomes the site's, pulled by every counter as part of the ``centre``."""
CENTRE_EVENT_TYPES = frozenset({STAFF_REGISTERED, ARTICLE_GROUP_REGISTERED, CENTRE_COMPANY_SET})
SITE_EVENT_TYPES = frozenset(
    {"till.opened", "cash.moved", "till.closed", TENANT_REGISTERED} | CENTRE_EVENT_TYPES
)
KNOWN_EVENT_TYPES = TENANT_EVENT_TYPES | SITE_EVENT_TYPES

NOTIFICATION_CHANNELS = ("sms", "email")
RECIPIENT_PATTERNS = {
    "email": r"^[^@\s<>,;:\"()\[\]\\]+@[^@\s<>,;:\"()\[\]\\]+\.[^@\s<>,;:\"()\[\]\\]+$",
    "sms": r"^\+?[0-9]{8,15}$",
}
"""One e-mail address (nothing a mail header could split into two) or one phone number."""
MAX_MESSAGE_BODY = {"sms": 1000, "email": 20_000}
MAX_MESSAGE_SUBJECT = 200
MESSAGE_CONTROL_CHARACTERS = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
"""Control characters no message text needs (line breaks and tabs are fine in a body)."""

TICKET_FIELDS: dict[str, str] = {
    "customer_name": "text",
    "customer_phone": "text",
    "customer_email": "text",
    "contact_consent": "bool",
    "item_category": "text",
    "item_brand_model": "text",
    "item_serial": "text",
    "fault": "text",
    "condition": "text",
    "accessories": "texts",
    "estimate": "ore",
    "approval_limit": "ore",
    "deposit_requested": "ore",
    "promised_date": "date?",
    "technician_id": "text?",
    "outcome": "text",
    "barrier": "int?",
    "year_of_manufacture": "int?",
}
"""The descriptive fields of a ticket, merged last-writer-wins by hybrid logical clock; the
kind says which JSON values are acceptable (``?``: may be null). Money on the job (lines,
approvals, deposits) and the status are never in here."""

MAX_TEXT = 4000


def field_value_ok(name: str, value: object) -> bool:
    """Whether ``value`` may be stored in ticket field ``name`` (bad input from the network)."""
    kind = TICKET_FIELDS.get(name)
    if kind is None:
        return False
    if kind.endswith("?"):
        if value is None:
            return True
        kind = kind[:-1]
    if kind == "text":
        return isinstance(value, str) and len(value) <= MAX_TEXT
    if kind == "texts":
        return (
            isinstance(value, list)
            and len(value) <= 50
            and all(isinstance(v, str) and len(v) <= 200 for v in value)
        )
    if kind == "bool":
        return isinstance(value, bool)
    if kind in ("ore", "int"):
        return (
            isinstance(value, int)
            and not isinstance(value, bool)
            and (0 <= value < 10**11 if kind == "ore" else abs(value) < 10**6)
        )
    if kind == "date":
        return isinstance(value, str) and _is_date(value)
    return False


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10
