"""The print worker: a plain thread per register that sends that register's queued jobs, in
order, to that register's own printers. It never touches the GUI and never raises: every failure
ends as a failed job the till shows (offline, paper out, timeout), retried only on request. It
tells the queue whether a failed job provably reached no paper (``unsent``), and hands a kick
that reached the printer to the drawer watch.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping

from pos.clock import Clock, SystemClock
from pos.errors import StoreDamaged, StoreDamagedInUse
from pos.model.printing import JobKind, PrinterRole, PrintJob
from pos.services import print_queue
from pos.unit_of_work import UnitOfWorkFactory
from printers.drawer_watch import DrawerWatch
from printers.transports import PrinterError, Transport

log = logging.getLogger(__name__)
PROBE_WAIT = 0.5
"""Seconds the start-up question waits for the printer's line."""
DAMAGED_WAIT_MAX = 60.0
"""The longest wait between two looks at a damaged store (the wait doubles up to it)."""


class PrintWorker:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        register_id: str,
        transports: Mapping[PrinterRole, Transport],
        *,
        clock: Clock | None = None,
        poll_seconds: float = 2.0,
        on_finished: Callable[[PrintJob, str | None], None] | None = None,
        drawer_watch: DrawerWatch | None = None,
        on_probed: Callable[[bool], None] | None = None,
    ) -> None:
        """``on_finished(job, error)`` is called on the worker's thread after each job;
        ``on_probed(online)`` once at the start, when the receipt printer says whether it is
        online (many never answer: then only the first job tells)."""
        self.uow = uow_factory
        self.register_id = register_id
        self.transports = dict(transports)
        self.clock = clock or SystemClock()
        self.poll_seconds = poll_seconds
        self.on_finished = on_finished
        self.drawer_watch = drawer_watch
        self.on_probed = on_probed
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- life cycle --------------------------------------------------------------------------
    def start(self) -> None:
        """Start the thread. What a crash left half-sent is failed once at start-up, before
        this (``Printing.start``)."""
        self._thread = threading.Thread(
            target=self._loop, name=f"print-worker-{self.register_id}", daemon=True
        )
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        if self.drawer_watch is not None:
            self.drawer_watch.stop()

    def _loop(self) -> None:
        """A damaged store is said once in the log, not at every poll: the worker then looks
        again less and less often (up to ``DAMAGED_WAIT_MAX``) until the store can be used."""
        self._probe()
        damaged = False
        wait = self.poll_seconds
        while not self._stop.is_set():
            try:
                self.run_pending()
            except (StoreDamaged, StoreDamagedInUse) as error:
                if not damaged:
                    log.error(
                        "print worker %s: the store is damaged (%s); printing waits until it "
                        "is restored", self.register_id, error.params.get("reason", ""),
                    )  # fmt: skip
                damaged = True
                wait = min(max(wait, self.poll_seconds) * 2, DAMAGED_WAIT_MAX)
            except Exception:  # a broken store must not kill printing for good
                log.exception("print worker %s", self.register_id)
                wait = self.poll_seconds
            else:
                if damaged:
                    log.info("print worker %s: the store can be used again", self.register_id)
                damaged, wait = False, self.poll_seconds
            self._wake.wait(wait)
            self._wake.clear()

    def _probe(self) -> None:
        transport = self.transports.get(PrinterRole.RECEIPT)
        if transport is None or self.on_probed is None:
            return
        try:
            online = transport.status(PROBE_WAIT).online
        except Exception:  # a question, never a reason to stop printing
            log.exception("asking the receipt printer of %s for its state", self.register_id)
            return
        if online is not None:
            self.on_probed(online)

    # -- the work ----------------------------------------------------------------------------
    def run_pending(self) -> int:
        """Send every queued job of this register, oldest first; returns how many were tried."""
        tried = 0
        while not self._stop.is_set():
            claimed = print_queue.claim_next(self.uow, self.register_id, self.clock)
            if claimed is None:
                return tried
            job, payload = claimed
            error, unsent = self._send(job, payload)
            done = print_queue.finish(self.uow, job.id, self.clock, error, unsent=unsent)
            if error:  # the job stays in the queue, marked failed, for a person to print again
                log.warning(
                    "print job %s (%s on the %s printer, try %d) failed: %s",
                    job.id, job.kind.value, job.role.value, job.attempts, error,
                )  # fmt: skip
            tried += 1
            if error is None and job.kind is JobKind.DRAWER_KICK and self.drawer_watch:
                self.drawer_watch.kicked(job.id)
            if self.on_finished is not None:
                self.on_finished(done or job, error)
        return tried

    def _send(self, job: PrintJob, payload: bytes) -> tuple[str | None, bool]:
        """(error or None, whether the printer provably took none of it)."""
        transport = self.transports.get(job.role) or self.transports.get(PrinterRole.RECEIPT)
        if transport is None:
            return (
                f"error: no {job.role.value} printer set up for register {self.register_id}",
                True,
            )
        try:
            before = transport.status().problem
            if before:
                return f"{before}: not sent ({transport.url})", True
            transport.send(payload)
            after = transport.status().problem
            if after:  # e.g. the paper ran out in the middle: the end of the job is lost
                return f"{after}: during the job ({transport.url})", False
        except PrinterError as error:
            return str(error), not error.sent
        except Exception as error:  # never let one job stop the queue
            log.exception("print job %s", job.id)
            return f"error: {error}", False
        return None, False
