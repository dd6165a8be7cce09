"""Asking the central server to tell a customer something (job ready, quote to approve):
an e-mail or SMS queued as a ``notification.requested`` outbox event, sent by the server once
the counter syncs. Its delivery status comes back with the pulled reference data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pos.clock import Clock, Stamp, SystemClock
from pos.errors import DomainError
from pos.sync_protocol import (
    MAX_MESSAGE_BODY,
    MAX_MESSAGE_SUBJECT,
    MESSAGE_CONTROL_CHARACTERS,
    NOTIFICATION_CHANNELS,
    RECIPIENT_PATTERNS,
)
from pos.unit_of_work import UnitOfWorkFactory

_RECIPIENT = {channel: re.compile(pattern) for channel, pattern in RECIPIENT_PATTERNS.items()}
_CONTROL = re.compile(MESSAGE_CONTROL_CHARACTERS)


class InvalidRecipient(DomainError):
    code = "invalid_recipient"
    nb = "«{value}» er ikke en gyldig mottaker for {channel}."
    en = "'{value}' is not a valid recipient for {channel}."


class InvalidMessage(DomainError):
    code = "invalid_message"
    nb = (
        "Meldingen kan ikke sendes: {value}. Emnet må være én linje på høyst 200 tegn, "
        "og teksten kan ikke ha kontrolltegn."
    )
    en = (
        "The message cannot be sent: {value}. The subject must be one line of at most "
        "200 characters, and the text may hold no control characters."
    )


class UnknownTenant(DomainError):
    code = "unknown_tenant"
    nb = "Ukjent leietaker."
    en = "Unknown tenant."


@dataclass(frozen=True)
class NotificationStatus:
    notification_id: str
    channel: str
    recipient: str
    status: str  # queued (not yet synced or sent), retrying, sent, failed
    attempts: int
    error: str


def request_notification(
    uow_factory: UnitOfWorkFactory,
    tenant_id: str,
    channel: str,
    to: str,
    body: str,
    subject: str = "",
    clock: Clock | None = None,
) -> str:
    """Queue a message for the server to send; returns its id (the outbox event id)."""
    recipient = to.strip().replace(" ", "")
    if channel not in NOTIFICATION_CHANNELS or not _RECIPIENT[channel].match(recipient):
        raise InvalidRecipient(to, channel=channel)
    if not body.strip():
        raise InvalidRecipient(body, channel=channel)
    _check_text(channel, subject, body)
    stamp = Stamp.of((clock or SystemClock()).now())
    payload = {"channel": channel, "to": recipient, "subject": subject.strip(), "body": body}
    with uow_factory() as uow:
        if uow.tenants.tenant(tenant_id) is None:
            raise UnknownTenant()
        seq = uow.outbox.append_outbox("notification.requested", tenant_id, stamp, payload)
        event_id = uow.sync.outbox_after(seq - 1, 1)[0][1]
        uow.commit()
    return str(event_id)


def _check_text(channel: str, subject: str, body: str) -> None:
    """What the server would refuse (or fold) is refused here, where a person can fix it."""
    if len(subject.strip()) > MAX_MESSAGE_SUBJECT or not subject.strip().isprintable():
        raise InvalidMessage(subject.strip()[:40])
    if len(body) > MAX_MESSAGE_BODY[channel] or _CONTROL.search(body):
        raise InvalidMessage(body[:40])


def notification_statuses(uow_factory: UnitOfWorkFactory) -> list[NotificationStatus]:
    """Delivery statuses the server has reported back (pulled reference data)."""
    with uow_factory.read() as uow:
        rows = uow.sync.refs("notification")
    return [
        NotificationStatus(
            r["id"],
            r["data"].get("channel", ""),
            r["data"].get("recipient", ""),
            r["data"].get("status", ""),
            int(r["data"].get("attempts", 0)),
            r["data"].get("error", ""),
        )
        for r in rows
    ]
