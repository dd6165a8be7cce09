"""Translated names of repair statuses and notification reasons (the domain keeps bokmål)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pos.model.notification import MessagePreview, NoMessageReason
from pos.model.repair import RepairStatus


def _t(text: str) -> str:
    return QCoreApplication.translate("RepairLabels", text)


def status_label(status: RepairStatus) -> str:
    return {
        RepairStatus.RECEIVED: _t("Received"),
        RepairStatus.DIAGNOSING: _t("Diagnosing"),
        RepairStatus.AWAITING_APPROVAL: _t("Awaiting approval"),
        RepairStatus.AWAITING_PARTS: _t("Awaiting parts"),
        RepairStatus.IN_REPAIR: _t("In repair"),
        RepairStatus.READY_FOR_PICKUP: _t("Ready for pickup"),
        RepairStatus.COLLECTED: _t("Collected"),
        RepairStatus.NOT_REPAIRABLE: _t("Not repairable"),
        RepairStatus.RETURNED_UNREPAIRED: _t("Returned unrepaired"),
        RepairStatus.SCRAPPED: _t("Scrapped"),
    }[status]


def preview_text(preview: MessagePreview) -> str:
    """Exactly what will be queued, to whom and how; or why nothing will be sent."""
    message = preview.message
    if message is None:
        return {
            NoMessageReason.STATUS_NOT_CONFIGURED: _t(
                "No message will be sent: this status does not notify the customer."
            ),
            NoMessageReason.NO_CONSENT: _t(
                "No message will be sent: the customer has not agreed to be contacted."
            ),
            NoMessageReason.NO_CONTACT: _t(
                "No message will be sent: the customer has no mobile number or e-mail we can use."
            ),
            None: "",
        }[preview.reason]
    if message.subject:
        head = _t("E-mail to %1, subject «%2»:").replace("%1", message.to)
        head = head.replace("%2", message.subject)
    else:
        head = _t("SMS to %1:").replace("%1", message.to)
    return f"{head}\n«{message.body}»"
