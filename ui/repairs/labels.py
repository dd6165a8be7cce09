"""Translated names of repair statuses and notification reasons (the domain keeps bokmål)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pos.model.notification import MessagePreview, NoMessageReason
from pos.model.repair import RepairStatus
from pos.services.repair_detail import HistoryEntry


def status_label(status: RepairStatus) -> str:
    return {
        RepairStatus.RECEIVED: QCoreApplication.translate("RepairLabels", "Received"),
        RepairStatus.DIAGNOSING: QCoreApplication.translate("RepairLabels", "Diagnosing"),
        RepairStatus.AWAITING_APPROVAL: QCoreApplication.translate(
            "RepairLabels", "Awaiting approval"
        ),
        RepairStatus.AWAITING_PARTS: QCoreApplication.translate("RepairLabels", "Awaiting parts"),
        RepairStatus.IN_REPAIR: QCoreApplication.translate("RepairLabels", "In repair"),
        RepairStatus.READY_FOR_PICKUP: QCoreApplication.translate(
            "RepairLabels", "Ready for pickup"
        ),
        RepairStatus.COLLECTED: QCoreApplication.translate("RepairLabels", "Collected"),
        RepairStatus.NOT_REPAIRABLE: QCoreApplication.translate("RepairLabels", "Not repairable"),
        RepairStatus.RETURNED_UNREPAIRED: QCoreApplication.translate(
            "RepairLabels", "Returned unrepaired"
        ),
        RepairStatus.SCRAPPED: QCoreApplication.translate("RepairLabels", "Scrapped"),
    }[status]


def preview_text(preview: MessagePreview) -> str:
    """Exactly what will be queued, to whom and how; or why nothing will be sent."""
    message = preview.message
    if message is None:
        return {
            NoMessageReason.STATUS_NOT_CONFIGURED: QCoreApplication.translate(
                "RepairLabels", "No message will be sent: this status does not notify the customer."
            ),
            NoMessageReason.NO_CONSENT: QCoreApplication.translate(
                "RepairLabels",
                "No message will be sent: the customer has not agreed to be contacted.",
            ),
            NoMessageReason.NO_CONTACT: QCoreApplication.translate(
                "RepairLabels",
                "No message will be sent: the customer has no mobile number or e-mail we can use.",
            ),
            None: "",
        }[preview.reason]
    if message.subject:
        head = QCoreApplication.translate("RepairLabels", "E-mail to %1, subject «%2»:").replace(
            "%1", message.to
        )
        head = head.replace("%2", message.subject)
    else:
        head = QCoreApplication.translate("RepairLabels", "SMS to %1:").replace("%1", message.to)
    return f"{head}\n«{message.body}»"


def told_text(entry: HistoryEntry) -> str:
    """How the customer was told of a status change ('SMS to +47…'), '' if not at all."""
    if not entry.channel:
        return ""
    text = (
        QCoreApplication.translate("RepairLabels", "SMS to %1")
        if entry.channel == "sms"
        else QCoreApplication.translate("RepairLabels", "E-mail to %1")
    ).replace("%1", entry.recipient)
    if entry.withdrawn:
        text += " " + QCoreApplication.translate("RepairLabels", "(withdrawn: not sent)")
    elif entry.delivery == "sent":
        text += " " + QCoreApplication.translate("RepairLabels", "(sent)")
    elif entry.delivery == "failed":
        text += " " + QCoreApplication.translate("RepairLabels", "(could not be sent)")
    return text
