"""Which message a status change sends, to whom, in what words: rules, templates and preview.

The manager decides per status whether the customer is told and with what text (Norwegian
defaults below). ``compose`` is the one function that turns a rule and a ticket into the exact
message, used both for the technician's preview and for what is queued, so they cannot differ.
Placeholders: {kunde} {billett} {vare} {beløp} {rest} {butikk} {status} {frist}.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from pos.errors import DomainError
from pos.model.repair import RepairStatus
from pos.sync_protocol import MAX_MESSAGE_SUBJECT, MESSAGE_CONTROL_CHARACTERS

PLACEHOLDERS = frozenset({"kunde", "billett", "vare", "beløp", "rest", "butikk", "status", "frist"})
_FIELD = re.compile(r"\{([^{}]*)\}")
_CONTROL = re.compile(MESSAGE_CONTROL_CHARACTERS)
SMS_MAX = 480
"""Three concatenated SMS parts; a template that makes longer texts is refused."""


class Channel(StrEnum):
    SMS = "sms"
    EMAIL = "email"


class ChannelChoice(StrEnum):
    AUTO = "auto"
    """SMS to a mobile number, otherwise e-mail."""
    SMS = "sms"
    EMAIL = "email"


class NoMessageReason(StrEnum):
    STATUS_NOT_CONFIGURED = "status_not_configured"
    NO_CONSENT = "no_consent"
    NO_CONTACT = "no_contact"

    @property
    def label_nb(self) -> str:
        return {
            "status_not_configured": "Ingen melding: denne statusen varsler ikke kunden.",
            "no_consent": "Ingen melding: kunden har ikke samtykket til å bli kontaktet.",
            "no_contact": "Ingen melding: kunden har ikke mobilnummer eller e-post vi kan bruke.",
        }[self.value]


class InvalidTemplate(DomainError):
    code = "invalid_template"
    nb = "Meldingsmalen har ukjent felt {value}. Bruk {{kunde}}, {{billett}}, {{beløp}} osv."
    en = "The message template has an unknown field {value}. Use {{kunde}}, {{billett}}, etc."


@dataclass(frozen=True)
class NotifyRule:
    status: RepairStatus
    enabled: bool
    channel: ChannelChoice
    subject: str
    body: str

    def __post_init__(self) -> None:
        check_template(self.subject)
        check_template(self.body)


@dataclass(frozen=True)
class OutgoingMessage:
    """Exactly what will be queued: channel, recipient, subject (e-mail) and text."""

    channel: Channel
    to: str
    subject: str
    body: str


@dataclass(frozen=True)
class MessagePreview:
    """What a status change will send: a message, or the reason none will be sent."""

    message: OutgoingMessage | None
    reason: NoMessageReason | None = None


@dataclass(frozen=True)
class Recipient:
    name: str
    mobile: str
    """E.164 mobile number, or '' when there is none (landlines get no SMS)."""
    email: str
    consent: bool


def withdraws_waiting_messages(to: RepairStatus) -> bool:
    """Whether reaching ``to`` withdraws the ticket's messages the server has not sent yet: once
    the job has left the workshop (collected, returned or scrapped), "ready for pickup" or "please
    approve" would reach a customer who no longer needs them."""
    return to.final


def check_template(text: str) -> None:
    for name in _FIELD.findall(text):
        if name not in PLACEHOLDERS:
            raise InvalidTemplate("{" + name + "}")


def fill(template: str, values: dict[str, str]) -> str:
    return _FIELD.sub(lambda m: values[m.group(1)], template)


def one_line(text: str, limit: int = MAX_MESSAGE_SUBJECT) -> str:
    """A subject is an e-mail header: a line break in a filled-in value (an item name typed
    on two lines) would make it invalid, so line breaks and control characters become spaces."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())[:limit]


def plain_text(text: str) -> str:
    """A message body keeps its line breaks and tabs, loses other control characters."""
    return _CONTROL.sub("", text)


def compose(
    rule: NotifyRule | None, recipient: Recipient, values: dict[str, str]
) -> MessagePreview:
    """The message a status change sends under ``rule`` (None: the status is not configured)."""
    if rule is None or not rule.enabled:
        return MessagePreview(None, NoMessageReason.STATUS_NOT_CONFIGURED)
    if not recipient.consent:
        return MessagePreview(None, NoMessageReason.NO_CONSENT)
    channel = _channel(rule.channel, recipient)
    if channel is None:
        return MessagePreview(None, NoMessageReason.NO_CONTACT)
    body = plain_text(fill(rule.body, values))
    if channel is Channel.SMS:
        return MessagePreview(OutgoingMessage(Channel.SMS, recipient.mobile, "", body[:SMS_MAX]))
    subject = one_line(fill(rule.subject, values))
    return MessagePreview(OutgoingMessage(Channel.EMAIL, recipient.email, subject, body))


def _channel(choice: ChannelChoice, recipient: Recipient) -> Channel | None:
    if choice in (ChannelChoice.AUTO, ChannelChoice.SMS) and recipient.mobile:
        return Channel.SMS
    if choice in (ChannelChoice.AUTO, ChannelChoice.EMAIL) and recipient.email:
        return Channel.EMAIL
    return None


def _rule(status: RepairStatus, enabled: bool, subject: str, body: str) -> NotifyRule:
    return NotifyRule(status, enabled, ChannelChoice.AUTO, subject, body)


DEFAULT_RULES: dict[RepairStatus, NotifyRule] = {
    rule.status: rule
    for rule in (
        _rule(
            RepairStatus.RECEIVED,
            False,
            "{butikk}: vi har mottatt {vare}",
            "Hei {kunde}! {butikk} har mottatt {vare}, reparasjon {billett}. "
            "Vi sier fra når den er klar.",
        ),
        _rule(
            RepairStatus.AWAITING_APPROVAL,
            True,
            "{butikk}: godkjenn pris for reparasjon {billett}",
            "Hei {kunde}! Reparasjonen av {vare} ({billett}) vil koste {beløp} kr. "
            "Ring eller svar oss for å godkjenne. Hilsen {butikk}",
        ),
        _rule(
            RepairStatus.AWAITING_PARTS,
            False,
            "{butikk}: venter på deler til {billett}",
            "Hei {kunde}! Vi venter på deler til {vare} ({billett}). Hilsen {butikk}",
        ),
        _rule(
            RepairStatus.READY_FOR_PICKUP,
            True,
            "{butikk}: {vare} er klar til henting",
            "Hei {kunde}! {vare} ({billett}) er klar til henting hos {butikk}. "
            "Å betale: {rest} kr. Ta med reparasjonsbeviset.",
        ),
        _rule(
            RepairStatus.NOT_REPAIRABLE,
            True,
            "{butikk}: {vare} kan dessverre ikke repareres",
            "Hei {kunde}! {vare} ({billett}) kan dessverre ikke repareres. "
            "Du kan hente den hos {butikk}.",
        ),
    )
}
