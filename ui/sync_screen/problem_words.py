"""The sync page's problems in words staff understand: why the server flagged or held an event,
what became of it, and what kind of event it was (never a bare code such as ``chain_break``
or ``item.registered``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject


class ProblemWords(QObject):
    """The words, in the UI's language, read once per refresh of the problems table."""

    def status(self, status: str) -> str:
        words = {
            "rejected": self.tr("Held on the server"),
            "flagged": self.tr("Stored, marked"),
        }
        return words.get(status, status)

    def event_type(self, kind: str) -> str:
        if kind.startswith("reference."):  # a row pulled from the server, refused here
            return self.tr("Data from the server")
        return self.event_types().get(kind, kind)

    def event_types(self) -> dict[str, str]:
        """What each kind of pushed event is (the server's name for it in the tooltip)."""
        return {
            "sale.completed": self.tr("Sale"),
            "return.completed": self.tr("Return"),
            "deposit.completed": self.tr("Deposit receipt"),
            "receipt.copied": self.tr("Receipt copy"),
            "z_report.taken": self.tr("Z report"),
            "settlement.made": self.tr("Settlement"),
            "till.opened": self.tr("Till opened"),
            "till.closed": self.tr("Till closed"),
            "cash.moved": self.tr("Cash in or out"),
            "item.registered": self.tr("Item registered"),
            "item.price_changed": self.tr("Price changed"),
            "item.stock_counted": self.tr("Stock counted"),
            "tenant.registered": self.tr("Tenant registered"),
            "staff.registered": self.tr("Staff member"),
            "article_group.registered": self.tr("Article group"),
            "tenant.terms_set": self.tr("Tenant terms"),
            "centre.company_set": self.tr("The centre's company"),
            "notification.requested": self.tr("Message to a customer"),
            "notification.withdrawn": self.tr("Message withdrawn"),
            "repair.ticket_created": self.tr("Repair taken in"),
            "repair.updated": self.tr("Repair changed"),
            "repair.status_changed": self.tr("Repair status"),
            "repair.reopened": self.tr("Repair reopened"),
            "repair.note_added": self.tr("Repair note"),
            "repair.line_added": self.tr("Repair part or work added"),
            "repair.line_removed": self.tr("Repair part or work removed"),
            "repair.approved": self.tr("Repair quote approved"),
            "repair.deposit_held": self.tr("Repair deposit"),
        }

    def clock_ahead(self, kind: str) -> str:
        """A record dated ahead of the server, named by its kind (a Z report is no sale)."""
        words = {
            "sale.completed": self.tr(
                "The sale is dated more than five minutes ahead of the server's clock."
            ),
            "return.completed": self.tr(
                "The return is dated more than five minutes ahead of the server's clock."
            ),
            "deposit.completed": self.tr(
                "The deposit receipt is dated more than five minutes ahead of the server's clock."
            ),
            "receipt.copied": self.tr(
                "The receipt copy is dated more than five minutes ahead of the server's clock."
            ),
            "z_report.taken": self.tr(
                "The Z report is dated more than five minutes ahead of the server's clock."
            ),
            "settlement.made": self.tr(
                "The settlement is dated more than five minutes ahead of the server's clock."
            ),
            "till.opened": self.tr(
                "The till opening is dated more than five minutes ahead of the server's clock."
            ),
            "till.closed": self.tr(
                "The till close is dated more than five minutes ahead of the server's clock."
            ),
            "cash.moved": self.tr(
                "The cash in or out is dated more than five minutes ahead of the server's clock."
            ),
        }
        return words.get(kind) or self.reasons()["clock_ahead"]

    def reason(self, code: str, kind: str, reasons: dict[str, str]) -> str:
        """Why this event has a problem (``reasons`` read once per refresh)."""
        if code == "clock_ahead":
            return self.clock_ahead(kind)
        return reasons.get(code, code)

    def failure(self, reason: str) -> str:
        """A sync failure the counter found itself (no answer, a certificate refused) in the
        interface's language; a server's own words as given."""
        from sync.http import TLS_REFUSED, UNREACHABLE

        if reason.startswith(UNREACHABLE):
            cause = reason.removeprefix(UNREACHABLE)
            return self.tr("the server does not answer (%1)").replace("%1", cause)
        if reason.startswith(TLS_REFUSED):
            cause = reason.removeprefix(TLS_REFUSED)
            return self.tr("the server's TLS certificate was not accepted: %1").replace("%1", cause)
        return reason

    def subject(self, problem: dict[str, Any]) -> str:
        """Which receipt and items a problem is about, when the counter still knows (else '')."""
        receipt = problem.get("receipt")
        if not receipt:
            return ""
        items = ", ".join(problem.get("items") or ())
        if items:
            return " " + self.tr("Receipt %1: %2.").replace("%1", receipt).replace("%2", items)
        return " " + self.tr("Receipt %1.").replace("%1", receipt)

    def reasons(self) -> dict[str, str]:
        """Each problem code the server or the pull can give."""
        return {
            "status_conflict": self.tr(
                "The repair's status was changed at another counter first; this change was "
                "not used, and the ticket shows the status the other counter set."
            ),
            "reopen_refused": self.tr("Reopening the repair needs a manager the server knows."),
            "ticket_unknown": self.tr("The server has not received this repair ticket."),
            "field_invalid": self.tr("Some fields of the repair were unreadable and were ignored."),
            "hlc_clamped": self.tr(
                "This counter's clock was more than an hour ahead; the edit counts from the "
                "server's time."
            ),
            "reference_conflict": self.tr(
                "Data from the server could not be used on this counter."
            ),
            "ticket_other_site": self.tr(
                "A repair with this number belongs to another site; this change was not used."
            ),
            "ticket_id_reused": self.tr(
                "Another job already has this repair number on the server (a counter restored "
                "from a backup?); this intake was kept apart."
            ),
            "field_too_long": self.tr("A repair field was too long for the server."),
            "chain_break": self.tr(
                "The receipt's signature chain does not follow the one before it."
            ),
            "signature_invalid": self.tr("The receipt's signature does not verify."),
            "unknown_key": self.tr(
                "The server lacks the signing key of this receipt (send it with a sync)."
            ),
            "numbering_gap": self.tr("A receipt number is missing before this one."),
            "clock_ahead": self.tr(
                "The record is dated more than five minutes ahead of the server's clock."
            ),
            "malformed": self.tr("The server could not read this event; it was set aside."),
            "unknown_type": self.tr("The server does not know this kind of event (too old?)."),
            "tenant_forbidden": self.tr("This tenant is not served by this counter's site."),
            "hash_mismatch": self.tr("The event's content does not match its checksum."),
            "event_id_conflict": self.tr("Another event already has this event's id."),
            "item_exists": self.tr(
                "The server already has an item with this id; the server's item was kept."
            ),
            "barcode_in_use": self.tr(
                "Another item already has this barcode; this item stays on this counter only."
            ),
            "price_stale": self.tr(
                "A later price for this item was set elsewhere; this price change was not used, "
                "and the counter gets the current price."
            ),
            "one_off_sold_twice": self.tr(
                "This one-off item was sold at another counter too: both sales are recorded; "
                "find the item and settle it with the customer (a return if need be)."
            ),
            "staff_other_site": self.tr(
                "Another site has a staff member with this id; this change stays here."
            ),
            "item_unknown": self.tr(
                "The server does not know this item (registered before the counters shared "
                "items?); the new price or count applies at this counter only."
            ),
            "not_stock": self.tr(
                "The server holds this item as one that is not a stock item; the count "
                "applies at this counter only."
            ),
            "seq_conflict": self.tr(
                "The server already has a different event with this number (a restored "
                "backup?); the counter must be enrolled again."
            ),
            "tenant_pending": self.tr(
                "The server holds this tenant until the operator approves it; its sales are "
                "kept there and stored once it is approved."
            ),
            "totals_mismatch": self.tr(
                "The receipt's lines, payments or VAT do not add up to its signed totals."
            ),
            "negative_sale": self.tr("A sale with a negative total."),
            "signature_unsupported": self.tr("The receipt is signed with an unknown method."),
            "receipt_number_reused": self.tr(
                "Another receipt on the server has the same number (a restored backup?)."
            ),
            "receipt_repeated": self.tr("The server already has this receipt under another event."),
            "unstorable": self.tr("The server could not store a value of this event; set aside."),
            "seq_repeated": self.tr("Another event of the same batch had this number."),
            "deposit_overdrawn": self.tr(
                "The repair's deposit was deducted at another counter too (one of them was "
                "offline): both sales are recorded; settle it with the customer."
            ),
            "deposit_unknown": self.tr(
                "The server knows no deposit for this repair; the deduction is recorded as sold."
            ),
        }
