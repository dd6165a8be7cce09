"""The real ReceiptOutput: the persisted print queue of ``printers``.

Queuing is a short local write; the worker thread does the slow part, so a jammed or missing
printer never holds up the counter. Nothing here raises into the sale screen: a problem becomes a
failed job, a red printer state and, for a receipt, a warning on the sale screen (``events``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot

from pos.model.drawer import DrawerState
from pos.model.printing import (
    DrawerOpening,
    JobStatus,
    PrinterNotConfigured,
    PrinterRole,
    PrintJob,
)
from pos.services.checkout import SaleResult
from pos.services.receipt_lookup import print_attention
from printers.printing import Printing
from ui.receipt_output import PrinterState

log = logging.getLogger(__name__)


class PrintEvents(QObject):
    """Lives on the GUI thread and receives its own private signals, so the print worker's
    callbacks (on its own thread) arrive on the GUI thread as queued signals."""

    job_finished = Signal(object)
    """A print job ended, printed or failed: (the PrintJob as it is now)."""
    drawer_closed = Signal()
    """The printer reported the drawer closed after an opening (journaled 13006)."""
    probed = Signal(bool)
    """The receipt printer answered the start-up question: (online)."""
    _job_from_worker = Signal(object)
    _closed_from_worker = Signal()
    _probed_from_worker = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job_from_worker.connect(self._deliver_job)
        self._closed_from_worker.connect(self._deliver_closed)
        self._probed_from_worker.connect(self.probed.emit)

    def worker_finished(self, job: PrintJob, _error: str | None) -> None:
        """Called on the worker's thread."""
        self._job_from_worker.emit(job)

    def worker_saw_drawer_closed(self) -> None:
        """Called on the drawer watch's thread."""
        self._closed_from_worker.emit()

    def worker_probed(self, online: bool) -> None:
        """Called on the worker's thread."""
        self._probed_from_worker.emit(online)

    @Slot(object)
    def _deliver_job(self, job: object) -> None:
        self.job_finished.emit(job)

    @Slot()
    def _deliver_closed(self) -> None:
        self.drawer_closed.emit()


class QueuedPrinterOutput:
    def __init__(self, printing: Printing) -> None:
        self.printing = printing
        self.events = PrintEvents()
        self.reached: bool | None = None
        """Whether the receipt printer took the last job (or answered the start-up question)
        as online: None until one of them says, so nothing claims it is ready untried."""
        self.events.job_finished.connect(self._job_finished)
        self.events.probed.connect(self._probed)

    def start(self) -> None:
        """At start-up: half-sent jobs become failed, lost receipts are queued, worker starts."""
        self.printing.start(
            on_finished=self.events.worker_finished,
            on_drawer_closed=self.events.worker_saw_drawer_closed,
            on_probed=self.events.worker_probed,
        )

    def _job_finished(self, job: PrintJob) -> None:
        if job.role is PrinterRole.RECEIPT and job.status in (JobStatus.PRINTED, JobStatus.FAILED):
            self.reached = job.status is JobStatus.PRINTED

    def _probed(self, online: bool) -> None:
        self.reached = online

    def stop(self) -> None:
        self.printing.stop_worker()

    def print_sale(self, result: SaleResult) -> None:
        try:
            self.printing.print_sale(result)
        except Exception:  # the sale is recorded; print_unqueued_receipts picks it up on restart
            log.exception("could not queue the receipts of sale %s", result.sale_id)

    def open_drawer(self, opening: DrawerOpening) -> bool:
        try:
            self.printing.kick_drawer("Skuff: åpnet uten salg", opening)
        except Exception:
            log.exception("could not queue a drawer kick")
            return False
        return True

    def kick_drawer(self, title: str, opening: DrawerOpening) -> None:
        try:
            self.printing.kick_drawer(title, opening)
        except Exception:
            log.exception("could not queue a drawer kick")

    def cash_moved(self, movement_id: str) -> None:
        try:
            self.printing.print_cash_slip(movement_id)
        except Exception:  # recorded; the slip is only paper
            log.exception("could not queue the slip of cash movement %s", movement_id)

    def drawer_state(self) -> DrawerState:
        try:
            return self.printing.drawer_state()
        except Exception:  # a sale is never refused on a guess
            log.exception("could not ask the printer about the drawer")
            return DrawerState.UNKNOWN

    def printer_state(self) -> PrinterState:
        attention = print_attention(self.printing.uow, self.printing.register_id)
        failed, waiting = len(attention.failed), attention.waiting
        try:
            self.printing.setting(PrinterRole.RECEIPT)
        except PrinterNotConfigured:
            return PrinterState(False, "no printer", failed, waiting, attention.again)
        if failed:
            return PrinterState(False, f"{failed} failed", failed, waiting, attention.again)
        if waiting:  # queued again, not on paper yet: still owed to the customer
            return PrinterState(False, "printing again", failed, waiting, attention.again)
        if self.reached is None:
            return PrinterState(False, "unknown")
        return PrinterState(True, "ready") if self.reached else PrinterState(False, "offline")
