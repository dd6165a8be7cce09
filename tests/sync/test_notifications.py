"""Notifications end to end: a counter queues an e-mail and an SMS, the server sends them to a
local SMTP sink and a fake SMS gateway on loopback (retrying a failure), and the delivery status
comes back to the counter with the next pull."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import text

from pos.services.notifications import (
    InvalidRecipient,
    notification_statuses,
    request_notification,
)
from server.notify import send_due
from server.settings import SmsSettings, SmtpSettings
from tests.central import free_port
from tests.sync.conftest import cycle


class Sink:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append((envelope.mail_from, envelope.rcpt_tos, envelope.content))
        return "250 OK"


@pytest.fixture
def smtp_sink() -> Iterator[tuple[Sink, int]]:
    sink, port = Sink(), free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    yield sink, port
    controller.stop()


class Gateway:
    """An SMS gateway that refuses the first ``failures`` requests with 503."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.received: list[dict] = []
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if gateway.failures > 0:
                    gateway.failures -= 1
                    self.send_response(503)
                else:
                    gateway.received.append(body | {"auth": self.headers["Authorization"]})
                    self.send_response(202)
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sms"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def gateway() -> Iterator[Gateway]:
    fake = Gateway(failures=1)
    yield fake
    fake.server.shutdown()


def settings_for(central, smtp_port: int, gateway_url: str, attempts: int = 6):
    return replace(
        central.settings,
        smtp=SmtpSettings(host="127.0.0.1", port=smtp_port, sender="disk@omigjen.test"),
        sms=SmsSettings(gateway_url=gateway_url, api_key="k3y"),
        notify_max_attempts=attempts,
    )


def make_due_now(central) -> None:
    with central.admin() as conn:
        conn.execute(text("UPDATE notifications SET next_attempt_at = now()"))


def test_queued_messages_are_sent_retried_and_reported_back(enrolled, central, smtp_sink, gateway):
    sink, port = smtp_sink
    with enrolled.uow.read() as uow:
        fixer = uow.store.tenant_by_code("14")
    mail = request_notification(
        enrolled.uow,
        fixer.id,
        "email",
        "kunde@example.no",
        "Radioen din er ferdig reparert.",
        subject="Klar til henting",
    )
    sms = request_notification(
        enrolled.uow, fixer.id, "sms", "+47 912 34 567", "Radioen din er klar."
    )
    cycle(enrolled).run()
    settings = settings_for(central, port, gateway.url)
    assert send_due(central.engine, settings) == 2
    assert len(sink.messages) == 1
    sender, recipients, content = sink.messages[0]
    assert recipients == ["kunde@example.no"] and b"Klar til henting" in content
    assert gateway.received == []  # the first SMS attempt met a 503
    cycle(enrolled).run()
    statuses = {s.notification_id: s for s in notification_statuses(enrolled.uow)}
    assert statuses[mail].status == "sent"
    assert statuses[sms].status == "retrying" and "503" in statuses[sms].error
    assert send_due(central.engine, settings) == 0  # not due yet: backing off
    make_due_now(central)
    assert send_due(central.engine, settings) == 1
    assert gateway.received == [
        {
            "to": "+4791234567",
            "body": "Radioen din er klar.",
            "sender": "Omigjen",
            "auth": "Bearer k3y",
        }
    ]
    cycle(enrolled).run()
    statuses = {s.notification_id: s for s in notification_statuses(enrolled.uow)}
    assert (statuses[sms].status, statuses[sms].attempts) == ("sent", 2)


def test_a_message_that_cannot_be_delivered_ends_as_failed(enrolled, central):
    with enrolled.uow.read() as uow:
        fixer = uow.store.tenant_by_code("14")
    request_notification(enrolled.uow, fixer.id, "email", "kunde@example.no", "Hei")
    cycle(enrolled).run()
    settings = settings_for(central, free_port(), "http://127.0.0.1:9/none", attempts=2)
    send_due(central.engine, settings)
    make_due_now(central)
    send_due(central.engine, settings)
    cycle(enrolled).run()
    [status] = notification_statuses(enrolled.uow)
    assert status.status == "failed" and status.attempts == 2


def test_a_bad_recipient_is_refused_at_the_counter(counter):
    with counter.uow.read() as uow:
        fixer = uow.store.tenant_by_code("14")
    with pytest.raises(InvalidRecipient):
        request_notification(counter.uow, fixer.id, "sms", "not a phone", "Hei")
    with pytest.raises(InvalidRecipient):
        request_notification(counter.uow, fixer.id, "fax", "12345678", "Hei")
