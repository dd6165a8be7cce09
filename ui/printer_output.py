"""The real ReceiptOutput: the persisted print queue of ``printers``.

Queuing is a short local write; the worker thread does the slow part, so a jammed or missing
printer never holds up the counter. Nothing here raises into the sale screen: a problem becomes a
failed job and a red printer state.
"""

from __future__ import annotations

import logging

from pos.model.printing import JobStatus, PrinterNotConfigured, PrinterRole
from pos.services import print_queue
from pos.services.checkout import SaleResult
from printers.printing import Printing
from ui.receipt_output import NO_PRINTER, PrinterState

log = logging.getLogger(__name__)


class QueuedPrinterOutput:
    def __init__(self, printing: Printing) -> None:
        self.printing = printing

    def start(self) -> None:
        """At start-up: half-sent jobs become failed, lost receipts are queued, worker starts."""
        self.printing.start()

    def stop(self) -> None:
        self.printing.stop_worker()

    def print_sale(self, result: SaleResult) -> None:
        try:
            self.printing.print_sale(result)
        except Exception:  # the sale is recorded; print_unqueued_receipts picks it up on restart
            log.exception("could not queue the receipts of sale %s", result.sale_id)

    def open_drawer(self) -> None:
        try:
            self.printing.kick_drawer("Skuff: åpnet uten salg")
        except Exception:
            log.exception("could not queue a drawer kick")

    def kick_drawer(self, title: str) -> None:
        try:
            self.printing.kick_drawer(title)
        except Exception:
            log.exception("could not queue a drawer kick")

    def cash_moved(self, movement_id: str) -> None:
        try:
            self.printing.print_cash_slip(movement_id)
        except Exception:  # recorded; the slip is only paper
            log.exception("could not queue the slip of cash movement %s", movement_id)

    def printer_state(self) -> PrinterState:
        try:
            self.printing.setting(PrinterRole.RECEIPT)
        except PrinterNotConfigured:
            return NO_PRINTER
        failed = print_queue.jobs(
            self.printing.uow, self.printing.register_id, (JobStatus.FAILED,), limit=20
        )
        if failed:
            return PrinterState(False, f"{len(failed)} failed")
        return PrinterState(True, "ready")
