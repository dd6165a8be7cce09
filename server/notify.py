"""Sending the notifications counters queue (``notification.requested``): e-mail and SMS.

E-mail goes over SMTP (``smtplib``), SMS through an HTTP gateway (``POST {to, body, sender}``
as JSON, bearer API key). One message at a time, each in its own steps, so one bad message
never holds up or repeats the others:

1. claim: in one short transaction the next due row becomes ``sending`` (``FOR UPDATE SKIP
   LOCKED``: several server processes never take the same row) with its attempt counted;
2. send, outside any transaction; header values are single lines, the recipient one address;
3. record: ``sent``; ``retrying`` with exponential backoff after a transient failure;
   ``failed`` (the dead letter) after a permanent refusal or the last attempt. A channel the
   server has no settings for fails at once (``serve`` warns of it when it starts), so the
   counter learns that the message did not go out instead of showing it waiting.

A message is never sent twice: once claimed it is only ever sent by the claimer, and a row left
``sending`` by a process that died (after or before the send, nobody knows) becomes ``failed``
when its lease runs out rather than being tried again. Every outcome is published as a
``notification`` reference change, which is how the status reaches the counters.
"""

from __future__ import annotations

import logging
import re
import smtplib
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from typing import Any, Protocol

import requests
from sqlalchemy import Connection, Engine, text

from pos.sync_protocol import MAX_MESSAGE_SUBJECT, RECIPIENT_PATTERNS
from server import refdata
from server.db import Scope, scoped
from server.settings import ServerSettings, SmsSettings, SmtpSettings

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=10)
"""How long a claimed message may stay ``sending`` before it is given up as interrupted."""
_ADDRESS = re.compile(RECIPIENT_PATTERNS["email"])
_PHONE = re.compile(RECIPIENT_PATTERNS["sms"])


class DeliveryError(Exception):
    """The gateway or mail server did not take the message this time (retried later)."""


class Refused(DeliveryError):
    """The message can never be delivered as it is (bad address, refused for good)."""


@dataclass(frozen=True)
class Outgoing:
    id: str
    recipient: str
    subject: str
    body: str


class Channel(Protocol):
    def send(self, message: Outgoing) -> None: ...


def header_text(value: str, limit: int = MAX_MESSAGE_SUBJECT) -> str:
    """One line for a mail header: line breaks and other control characters become spaces."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in value).split())[:limit]


class SmtpChannel:
    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings

    def send(self, message: Outgoing) -> None:
        if not self.settings.host:  # trying again changes nothing: say so at once
            raise Refused("no SMTP server configured on the central server (OMIGJEN_SMTP_HOST)")
        if not _ADDRESS.match(message.recipient) or len(message.recipient) > 254:
            raise Refused("not a single e-mail address")
        mail = EmailMessage()
        mail["From"], mail["To"] = self.settings.sender, message.recipient
        mail["Subject"] = header_text(message.subject) or "Omigjen"
        mail["Message-ID"] = f"<{message.id}@omigjen.invalid>"  # lets a mail system drop a copy
        mail.set_content(message.body)
        try:
            with smtplib.SMTP(self.settings.host, self.settings.port, timeout=15) as smtp:
                if self.settings.starttls:
                    smtp.starttls()
                if self.settings.username:
                    smtp.login(self.settings.username, self.settings.password)
                smtp.send_message(mail)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            error = Refused if all(code >= 500 for code in codes) else DeliveryError
            raise error(f"SMTP refused the recipient ({codes[0] if codes else '?'})") from exc
        except smtplib.SMTPResponseException as exc:
            error = Refused if exc.smtp_code >= 500 else DeliveryError
            raise error(f"SMTP {exc.smtp_code}") from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryError(f"SMTP: {type(exc).__name__}") from exc


class HttpSmsChannel:
    """A generic SMS gateway: JSON POST, 2xx means accepted; the message id goes along as
    ``Idempotency-Key`` so a gateway that honours it drops a repeat."""

    def __init__(self, settings: SmsSettings, session: requests.Session | None = None) -> None:
        self.settings = settings
        self.session = session or requests.Session()

    def send(self, message: Outgoing) -> None:
        if not self.settings.gateway_url:
            raise Refused(
                "no SMS gateway configured on the central server (OMIGJEN_SMS_GATEWAY_URL)"
            )
        if not _PHONE.match(message.recipient):
            raise Refused("not a phone number")
        headers = {"Idempotency-Key": message.id}
        if self.settings.api_key:
            headers["Authorization"] = f"Bearer {self.settings.api_key}"
        body = {"to": message.recipient, "body": message.body, "sender": self.settings.sender}
        try:
            reply = self.session.post(
                self.settings.gateway_url, json=body, headers=headers, timeout=(5, 15)
            )
        except requests.RequestException as exc:
            raise DeliveryError(f"SMS gateway: {type(exc).__name__}") from exc
        if 400 <= reply.status_code < 500 and reply.status_code not in (408, 429):
            raise Refused(f"SMS gateway answered {reply.status_code}")
        if not 200 <= reply.status_code < 300:
            raise DeliveryError(f"SMS gateway answered {reply.status_code}")


def channels(settings: ServerSettings) -> dict[str, Channel]:
    return {"email": SmtpChannel(settings.smtp), "sms": HttpSmsChannel(settings.sms)}


def retry_delay(attempts: int) -> timedelta:
    return timedelta(seconds=min(3600, 30 * 2 ** max(attempts - 1, 0)))


_CLAIM = """
UPDATE notifications SET status = 'sending', attempts = attempts + 1,
       next_attempt_at = now() + make_interval(secs => :lease)
WHERE id = (SELECT id FROM notifications WHERE status IN ('queued', 'retrying')
            AND next_attempt_at <= now() ORDER BY next_attempt_at, id LIMIT 1
            FOR UPDATE SKIP LOCKED)
RETURNING id::text, tenant_id, channel, recipient, subject, body, attempts
"""
_INTERRUPTED = """
UPDATE notifications SET status = 'failed',
       last_error = 'interrupted while sending; not tried again, so it is never sent twice'
WHERE status = 'sending' AND next_attempt_at < now()
RETURNING id::text, tenant_id, channel, recipient, attempts, last_error
"""


def send_due(
    engine: Engine, settings: ServerSettings, senders: dict[str, Channel] | None = None
) -> int:
    """Send every notification due now, one at a time; returns how many were tried."""
    senders = senders or channels(settings)
    _give_up_interrupted(engine)
    tried = 0
    while True:
        with scoped(engine, Scope.admin()) as conn:
            claimed = conn.execute(text(_CLAIM), {"lease": LEASE.total_seconds()}).mappings()
            row = claimed.first()
        if row is None:
            return tried
        tried += 1
        _deliver(engine, dict(row), senders, settings.notify_max_attempts)


def _give_up_interrupted(engine: Engine) -> None:
    with scoped(engine, Scope.admin()) as conn:
        for row in conn.execute(text(_INTERRUPTED)).mappings().all():
            publish_status(conn, dict(row), "failed", row["attempts"], row["last_error"])


def _deliver(
    engine: Engine, row: dict[str, Any], senders: dict[str, Channel], max_attempts: int
) -> None:
    message = Outgoing(row["id"], row["recipient"], row["subject"], row["body"])
    try:
        sender = senders.get(row["channel"])
        if sender is None:
            raise Refused(f"no channel {row['channel']!r}")
        sender.send(message)
    except Exception as exc:  # one message's failure is that message's alone
        if not isinstance(exc, DeliveryError):
            log.exception("sending notification %s failed", row["id"])
        permanent = isinstance(exc, Refused) or not isinstance(exc, DeliveryError)
        status = "failed" if permanent or row["attempts"] >= max_attempts else "retrying"
        _record(engine, row, status, (str(exc) or type(exc).__name__)[:500])
        return
    _record(engine, row, "sent", "")


def _record(engine: Engine, row: dict[str, Any], status: str, error: str) -> None:
    with scoped(engine, Scope.admin()) as conn:
        conn.execute(
            text(
                "UPDATE notifications SET status = :s, last_error = :e, next_attempt_at = :n, "
                "sent_at = CASE WHEN :s = 'sent' THEN now() END WHERE id = CAST(:i AS uuid)"
            ),
            {
                "s": status,
                "e": error,
                "i": row["id"],
                "n": datetime.now(UTC) + retry_delay(row["attempts"]),
            },
        )
        publish_status(conn, row, status, row["attempts"], error)


def publish_status(
    conn: Connection, row: dict[str, Any], status: str, attempts: int, error: str
) -> None:
    """A notification's status as a ``notification`` reference change the counters pull."""
    refdata.put(
        conn,
        "notification",
        row["id"],
        row["tenant_id"],
        {
            "status": status,
            "attempts": attempts,
            "error": error,
            "channel": row["channel"],
            "recipient": row["recipient"],
        },
    )


def start_notifier(engine: Engine, settings: ServerSettings) -> threading.Thread:
    """A daemon thread sending due notifications every ``notify_interval_s`` seconds."""

    def loop() -> None:
        stop = threading.Event()
        while not stop.wait(settings.notify_interval_s):
            try:
                send_due(engine, settings)
            except Exception:  # the notifier must outlive a database hiccup
                log.exception("sending notifications failed; retrying later")

    thread = threading.Thread(target=loop, name="notifier", daemon=True)
    thread.start()
    return thread
