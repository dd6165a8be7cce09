"""Notifications end to end: a counter queues an e-mail and an SMS, the server sends them to a
local SMTP sink and a fake SMS gateway on loopback (retrying a failure), and the delivery status
comes back to the counter with the next pull."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import text

from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import repair_money
from pos.services.notifications import (
    InvalidRecipient,
    notification_statuses,
    request_notification,
)
from pos.services.repair_board import notifications
from server.notify import send_due
from server.settings import SmsSettings, SmtpSettings
from tests.central import free_port
from tests.integration.repair_helpers import ready_job
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


def make_due_now(central, ago: timedelta = timedelta(0)) -> None:
    with central.admin() as conn:
        conn.execute(text("UPDATE notifications SET next_attempt_at = :t"), {"t": now() - ago})


def now() -> datetime:
    return datetime.now(UTC)


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


def test_a_message_for_a_channel_the_server_has_no_settings_for_fails_at_once(enrolled, central):
    """No SMTP server configured (``serve`` warns of it): the e-mail is given up at the first
    attempt with the reason, not left retrying, and the counter pulls that it failed."""
    with enrolled.uow.read() as uow:
        fixer = uow.store.tenant_by_code("14")
    request_notification(enrolled.uow, fixer.id, "email", "kunde@example.no", "Hei")
    cycle(enrolled).run()
    assert send_due(central.engine, central.settings) == 1  # the server as started: no SMTP
    cycle(enrolled).run()
    [status] = notification_statuses(enrolled.uow)
    assert (status.status, status.attempts) == ("failed", 1)
    assert "no SMTP server configured on the central server" in status.error


def test_a_bad_recipient_is_refused_at_the_counter(counter):
    with counter.uow.read() as uow:
        fixer = uow.store.tenant_by_code("14")
    with pytest.raises(InvalidRecipient):
        request_notification(counter.uow, fixer.id, "sms", "not a phone", "Hei")
    with pytest.raises(InvalidRecipient):
        request_notification(counter.uow, fixer.id, "fax", "12345678", "Hei")


class PickySink(Sink):
    """A real SMTP server (aiosmtpd) that refuses some recipients for good (550) and others
    once for now (451), and records every message it takes."""

    def __init__(self, refuse: set[str], busy_once: set[str]) -> None:
        super().__init__()
        self.refuse, self.busy_once = refuse, set(busy_once)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refuse:
            return "550 5.1.1 no such mailbox"
        if address in self.busy_once:
            self.busy_once.discard(address)
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"


@pytest.fixture
def picky_sink() -> Iterator[tuple[PickySink, int]]:
    sink, port = PickySink({"borte@example.no"}, {"treg@example.no"}), free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    yield sink, port
    controller.stop()


def received_by(sink: Sink) -> list[str]:
    return sorted(r for _, recipients, _ in sink.messages for r in recipients)


def test_one_bad_message_never_stops_or_repeats_the_others(
    enrolled, central, server_url, picky_sink
):
    """A refused address is a dead letter after one try, a busy one is retried later, a
    subject with a line break (from an older counter) goes out as one line, and nothing is
    ever sent twice, however often the notifier runs."""
    sink, port = picky_sink
    with enrolled.uow.read() as uow:
        fixer = uow.store.tenant_by_code("14")
    for n in range(30):
        to = {7: "borte@example.no", 15: "treg@example.no"}.get(n, f"kunde{n}@example.no")
        request_notification(enrolled.uow, fixer.id, "email", to, f"Melding {n}", subject="Hei")
    cycle(enrolled).run()
    older = central_notification(
        central, server_url, fixer.id, "kunde.x@example.no", "Hei\r\nBcc: x@evil.no"
    )
    settings = settings_for(central, port, "http://127.0.0.1:9/none")
    assert send_due(central.engine, settings) == 31
    assert len(received_by(sink)) == 29 and "x@evil.no" not in received_by(sink)
    assert b"Subject: Hei Bcc: x@evil.no" in next(m for _, r, m in sink.messages if r == [older])
    assert send_due(central.engine, settings) == 0  # the busy one is backing off
    make_due_now(central)
    assert send_due(central.engine, settings) == 1  # only the busy one: the refused is dead
    assert received_by(sink) == sorted({f"kunde{n}@example.no" for n in range(30)} - {
        "kunde7@example.no", "kunde15@example.no"} | {"treg@example.no", older})  # fmt: skip
    states = dict(central_rows(central, "SELECT recipient, status || ':' || attempts FROM "
                                        "notifications"))  # fmt: skip
    assert states["borte@example.no"] == "failed:1" and states["treg@example.no"] == "sent:2"


def central_notification(central, server_url: str, tenant_id: str, to: str, subject: str) -> str:
    """A notification.requested event as an older counter wrote them (the subject not folded),
    pushed by a second counter of the site through its own stream."""
    import uuid as uuid_

    from main import VERSION
    from sync.http import ServerApi

    other = ServerApi(server_url).post_json(
        "/v1/enrol",
        {"enrol_code": central.enrolment_code(), "device_name": "K9", "app_version": VERSION},
        compress=False,
    )
    payload = {"channel": "email", "to": to, "subject": subject, "body": "Klar."}
    event = {"event_id": str(uuid_.uuid4()), "device_seq": 1, "tenant_id": tenant_id,
             "type": "notification.requested", "occurred_at": "2026-03-02T10:00:00+01:00",
             "payload": payload}  # fmt: skip
    body = {"device_id": other["device_id"], "device_epoch": 1, "events": [event]}
    answer = ServerApi(server_url, other["device_token"]).post_json("/v1/sync/push", body)
    assert answer["acked_through"] == 1 and answer["results"] == []
    return to


def central_rows(central, sql: str) -> list[tuple]:
    with central.admin() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


class DiesAfterSending:
    """Sends for real, then the process 'dies' before it can record that it did."""

    def __init__(self, inner) -> None:
        self.inner = inner

    def send(self, message) -> None:
        self.inner.send(message)
        raise KeyboardInterrupt("killed")


def test_a_notifier_that_dies_after_sending_never_sends_that_message_again(
    enrolled, central, smtp_sink
):
    from server.notify import SmtpChannel

    sink, port = smtp_sink
    with enrolled.uow.read() as uow:
        fixer = uow.store.tenant_by_code("14")
    request_notification(enrolled.uow, fixer.id, "email", "kunde@example.no", "Klar")
    cycle(enrolled).run()
    settings = settings_for(central, port, "http://127.0.0.1:9/none")
    with pytest.raises(KeyboardInterrupt):
        send_due(central.engine, settings, {"email": DiesAfterSending(SmtpChannel(settings.smtp))})
    assert len(sink.messages) == 1
    assert send_due(central.engine, settings) == 0  # claimed by the dead notifier: left alone
    make_due_now(central, ago=timedelta(minutes=11))  # its lease runs out
    assert send_due(central.engine, settings) == 0
    assert len(sink.messages) == 1
    [(status, error)] = central_rows(central, "SELECT status, last_error FROM notifications")
    assert status == "failed" and "never sent twice" in error


def test_message_text_is_checked_where_it_is_written(counter):
    from pos.model.notification import DEFAULT_RULES, Channel, Recipient, compose
    from pos.model.repair import RepairStatus
    from pos.services.notifications import InvalidMessage

    with counter.uow.read() as uow:
        fixer = uow.store.tenant_by_code("14")
    with pytest.raises(InvalidMessage):
        request_notification(counter.uow, fixer.id, "email", "a@example.no", "Hei", "Hei\nder")
    with pytest.raises(InvalidMessage):
        request_notification(counter.uow, fixer.id, "sms", "+4791234567", "Hei \x07")
    with pytest.raises(InvalidRecipient):
        request_notification(counter.uow, fixer.id, "email", "a@b.no, c@d.no", "Hei")
    rule = DEFAULT_RULES[RepairStatus.READY_FOR_PICKUP]
    values = {"kunde": "Ola", "billett": "R-1", "vare": "Sykkel\r\nDBS", "beløp": "0",
              "rest": "0", "butikk": "Fiks", "status": "klar", "frist": ""}  # fmt: skip
    message = compose(rule, Recipient("Ola", "", "ola@example.no", True), values).message
    assert message is not None and message.channel is Channel.EMAIL
    assert message.subject == "Fiks: Sykkel DBS er klar til henting"


def collect(counter, ctx, ticket: str) -> None:
    """The customer pays the rest at the till and takes the bike home."""
    basket = Basket()
    pickup = repair_money.add_pickup_to_basket(counter.uow, basket, ticket)
    assert pickup.deposit is not None
    tenders = [pickup.deposit, Tender(TenderKind.CARD, 39900, "T1")]
    repair_money.complete_pickup(counter.uow, ctx, basket, tenders, [pickup])


def local_states(counter) -> list[str]:
    return [n.state for n in notifications(counter.uow, ("pending", "failed", "withdrawn"))]


def test_a_ready_sms_still_waiting_is_withdrawn_once_the_job_is_collected(
    enrolled, central, ctx, gateway
):
    ticket = ready_job(enrolled, ctx)
    assert local_states(enrolled) == ["pending"]
    cycle(enrolled).run()  # the server holds it; the gateway is down for the first try
    settings = settings_for(central, free_port(), gateway.url)
    assert send_due(central.engine, settings) == 1 and gateway.received == []
    collect(enrolled, ctx, ticket)
    assert local_states(enrolled) == ["withdrawn"]
    assert notifications(enrolled.uow) == []  # no longer waiting on the messages page
    cycle(enrolled).run()
    make_due_now(central)
    assert send_due(central.engine, settings) == 0 and gateway.received == []
    cycle(enrolled).run()
    [status] = notification_statuses(enrolled.uow)
    assert status.status == "withdrawn"


def test_a_withdrawal_pushed_with_its_request_sends_nothing(enrolled, central, ctx, gateway):
    ticket = ready_job(enrolled, ctx)
    collect(enrolled, ctx, ticket)  # the counter was offline until after the pickup
    cycle(enrolled).run()
    settings = settings_for(central, free_port(), gateway.url)
    make_due_now(central)
    assert send_due(central.engine, settings) == 0 and gateway.received == []
    with central.admin() as conn:
        assert conn.execute(text("SELECT status FROM notifications")).scalars().all() == [
            "withdrawn"
        ]


def test_a_message_already_sent_stays_sent(enrolled, central, ctx):
    gateway = Gateway(failures=0)
    try:
        ticket = ready_job(enrolled, ctx)
        cycle(enrolled).run()
        assert send_due(central.engine, settings_for(central, free_port(), gateway.url)) == 1
        collect(enrolled, ctx, ticket)
        cycle(enrolled).run()
        cycle(enrolled).run()
        [status] = notification_statuses(enrolled.uow)
        assert status.status == "sent" and len(gateway.received) == 1
        # withdrawn here at the pickup, but it had gone out: the counter says so
        assert [n.state for n in notifications(enrolled.uow, ("sent",))] == ["sent"]
    finally:
        gateway.server.shutdown()


def test_a_message_the_server_sent_or_gave_up_on_leaves_pending_at_the_counter(
    enrolled, central, ctx
):
    from pos.services.repair_detail import ticket_detail

    gateway = Gateway(failures=0)
    try:
        ticket = ready_job(enrolled, ctx)
        cycle(enrolled).run()
        assert local_states(enrolled) == ["pending"]
        assert send_due(central.engine, settings_for(central, free_port(), gateway.url)) == 1
        cycle(enrolled).run()
        assert notifications(enrolled.uow) == []  # no longer waiting on the messages page
        assert [n.state for n in notifications(enrolled.uow, ("sent",))] == ["sent"]
        history = ticket_detail(enrolled.uow, ticket).history
        assert [(h.channel, h.delivery) for h in history if h.channel] == [("sms", "sent")]
    finally:
        gateway.server.shutdown()
    with enrolled.uow.read() as uow:
        fixer = uow.store.tenant_by_code("14")
    request_notification(enrolled.uow, fixer.id, "email", "kunde@example.no", "Hei")
    second = ready_job(enrolled, ctx)
    cycle(enrolled).run()
    settings = settings_for(central, free_port(), "http://127.0.0.1:9/sms", attempts=1)
    send_due(central.engine, settings)  # no SMTP, no gateway: the last attempt fails
    cycle(enrolled).run()
    failed = notifications(enrolled.uow, ("failed",))
    assert [n.ticket_id for n in failed] == [second] and notifications(enrolled.uow) == []
    history = ticket_detail(enrolled.uow, second).history
    assert [h.delivery for h in history if h.channel] == ["failed"]
