"""Sending the notifications counters queue (``notification.requested``): e-mail and SMS.

E-mail goes over SMTP (``smtplib``), SMS through an HTTP gateway (``POST {to, body, sender}``
as JSON, bearer API key). Due rows are claimed with ``FOR UPDATE SKIP LOCKED``, so several
server processes never send one twice; failures retry with exponential backoff, then give up as
``failed``. Every status change is published as a ``notification`` reference change, which is
how the delivery status reaches the counters on their next pull.
"""

from __future__ import annotations

import logging
import smtplib
import threading
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from typing import Any, Protocol

import requests
from sqlalchemy import Connection, Engine, text

from server import refdata
from server.db import Scope, scoped
from server.settings import ServerSettings, SmsSettings, SmtpSettings

log = logging.getLogger(__name__)
BATCH = 20


class DeliveryError(Exception):
    """The gateway or mail server did not take the message (retried later)."""


class Channel(Protocol):
    def send(self, recipient: str, subject: str, body: str) -> None: ...


class SmtpChannel:
    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings

    def send(self, recipient: str, subject: str, body: str) -> None:
        if not self.settings.host:
            raise DeliveryError("no SMTP server configured")
        message = EmailMessage()
        message["From"], message["To"] = self.settings.sender, recipient
        message["Subject"] = subject or "Omigjen"
        message.set_content(body)
        try:
            with smtplib.SMTP(self.settings.host, self.settings.port, timeout=15) as smtp:
                if self.settings.starttls:
                    smtp.starttls()
                if self.settings.username:
                    smtp.login(self.settings.username, self.settings.password)
                smtp.send_message(message)
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryError(f"SMTP: {exc}") from exc


class HttpSmsChannel:
    """A generic SMS gateway: JSON POST, 2xx means accepted."""

    def __init__(self, settings: SmsSettings, session: requests.Session | None = None) -> None:
        self.settings = settings
        self.session = session or requests.Session()

    def send(self, recipient: str, subject: str, body: str) -> None:
        if not self.settings.gateway_url:
            raise DeliveryError("no SMS gateway configured")
        headers = (
            {"Authorization": f"Bearer {self.settings.api_key}"} if self.settings.api_key else {}
        )
        try:
            reply = self.session.post(
                self.settings.gateway_url,
                json={"to": recipient, "body": body, "sender": self.settings.sender},
                headers=headers,
                timeout=(5, 15),
            )
        except requests.RequestException as exc:
            raise DeliveryError(f"SMS gateway: {exc}") from exc
        if not 200 <= reply.status_code < 300:
            raise DeliveryError(f"SMS gateway answered {reply.status_code}")


def channels(settings: ServerSettings) -> dict[str, Channel]:
    return {"email": SmtpChannel(settings.smtp), "sms": HttpSmsChannel(settings.sms)}


def retry_delay(attempts: int) -> timedelta:
    return timedelta(seconds=min(3600, 30 * 2 ** max(attempts - 1, 0)))


def send_due(
    engine: Engine, settings: ServerSettings, senders: dict[str, Channel] | None = None
) -> int:
    """Send every notification due now; returns how many were tried."""
    senders = senders or channels(settings)
    tried = 0
    while True:
        with scoped(engine, Scope.admin()) as conn:
            due = (
                conn.execute(
                    text(
                        "SELECT id::text, tenant_id, channel, recipient, subject, body, attempts "
                        "FROM notifications WHERE status IN ('queued', 'retrying') AND "
                        "next_attempt_at <= now() ORDER BY next_attempt_at LIMIT :n "
                        "FOR UPDATE SKIP LOCKED"
                    ),
                    {"n": BATCH},
                )
                .mappings()
                .all()
            )
            for row in due:
                _deliver(conn, dict(row), senders, settings.notify_max_attempts)
        tried += len(due)
        if len(due) < BATCH:
            return tried


def _deliver(
    conn: Connection, row: dict[str, Any], senders: dict[str, Channel], max_attempts: int
) -> None:
    attempts = row["attempts"] + 1
    try:
        senders[row["channel"]].send(row["recipient"], row["subject"], row["body"])
    except DeliveryError as exc:
        status = "failed" if attempts >= max_attempts else "retrying"
        conn.execute(
            text(
                "UPDATE notifications SET status = :s, attempts = :a, last_error = :e, "
                "next_attempt_at = :n WHERE id = CAST(:i AS uuid)"
            ),
            {
                "s": status,
                "a": attempts,
                "e": str(exc)[:500],
                "i": row["id"],
                "n": datetime.now(UTC) + retry_delay(attempts),
            },
        )
        _publish(conn, row, status, attempts, str(exc)[:500])
        return
    conn.execute(
        text(
            "UPDATE notifications SET status = 'sent', attempts = :a, sent_at = now(), "
            "last_error = '' WHERE id = CAST(:i AS uuid)"
        ),
        {"a": attempts, "i": row["id"]},
    )
    _publish(conn, row, "sent", attempts, "")


def _publish(conn: Connection, row: dict[str, Any], status: str, attempts: int, error: str) -> None:
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
