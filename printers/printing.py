"""What the till calls to put things on paper, for one register: render with that register's
layout, queue with an id, wake the worker. Nothing here can fail a sale: the sale is committed
before anything is printed, and a printer problem only ever becomes a failed job.

The drawer is kicked only through this register's own receipt printer: for cash sales, returns
and deposits (never a training sale), the float, cash in/out and approved no-sale openings
(F10). Each
opening (13005) is journaled when its kick reached the printer: a kick that failed opened
nothing and journals nothing (the till says so at once, and the failed job is listed). The drawer
watch then journals its closing (13006) when the printer can report it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import timedelta
from pathlib import Path

from pos.clock import Clock, Stamp, SystemClock
from pos.model.documents import SlipDoc
from pos.model.drawer import DrawerState
from pos.model.printing import (
    DrawerOpening,
    JobKind,
    PrinterNotConfigured,
    PrinterRole,
    PrinterSetting,
    PrintJob,
)
from pos.model.receipt import ReceiptDoc
from pos.model.staff import Operator
from pos.money import Ore
from pos.services import paper, print_queue, reprint, till
from pos.services import tenants as tenant_admin
from pos.services.checkout import SaleResult
from pos.services.context import TillContext
from pos.services.print_queue import NewJob
from pos.services.reprint import Reprinted
from pos.unit_of_work import UnitOfWorkFactory
from printers.builder import EscposBuilder
from printers.drawer_watch import DrawerWatch
from printers.layout import LAYOUT_80MM, Layout
from printers.price_tag import render_price_tags
from printers.receipt import render_receipts
from printers.slip import check_page, render_slip
from printers.transports import Transport, transport_for
from printers.worker import PrintWorker

_ROLE_NB = {PrinterRole.RECEIPT: "kvitteringer", PrinterRole.TAG: "merkelapper"}


class Printing:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        register_id: str,
        *,
        clock: Clock | None = None,
        override_url: str | None = None,
        logo_dir: Path | None = None,
    ) -> None:
        """``override_url`` (``--printer``) sends every document of this run to one transport."""
        self.uow = uow_factory
        self.register_id = register_id
        self.clock = clock or SystemClock()
        self.override_url = override_url
        self.logo_dir = logo_dir
        self.worker: PrintWorker | None = None

    # -- set-up ------------------------------------------------------------------------------
    def setting(self, role: PrinterRole) -> PrinterSetting:
        """The register's printer for ``role``; the tag printer defaults to the receipt printer."""
        saved = print_queue.printer_settings(self.uow, self.register_id)
        found = saved.get(role) or saved.get(PrinterRole.RECEIPT)
        if self.override_url:
            base = found or PrinterSetting(self.register_id, role, self.override_url)
            return PrinterSetting(
                self.register_id, role, self.override_url, base.profile, base.columns
            )
        if found is None:
            raise PrinterNotConfigured(
                self.register_id, role_nb=_ROLE_NB[role], role_en=f"{role.value}s"
            )
        return found

    def layout(self, role: PrinterRole = PrinterRole.RECEIPT) -> Layout:
        try:
            return Layout.of(self.setting(role))
        except PrinterNotConfigured:
            return LAYOUT_80MM  # render anyway: the job waits, visible, until a printer is set

    def transports(self) -> dict[PrinterRole, Transport]:
        found: dict[PrinterRole, Transport] = {}
        for role in PrinterRole:
            try:
                found[role] = transport_for(self.setting(role).url)
            except PrinterNotConfigured:
                continue
        return found

    def start(
        self,
        on_finished: Callable[[PrintJob, str | None], None] | None = None,
        on_drawer_closed: Callable[[], None] | None = None,
        on_probed: Callable[[bool], None] | None = None,
    ) -> PrintWorker:
        """At start-up, once: jobs a crash left half-sent become failed (never resent by
        themselves), receipts that never reached the queue are queued, then the worker starts."""
        print_queue.recover_interrupted(self.uow, self.register_id, self.clock)
        self.print_unqueued_receipts()
        return self.start_worker(on_finished, on_drawer_closed, on_probed)

    def start_worker(
        self,
        on_finished: Callable[[PrintJob, str | None], None] | None = None,
        on_drawer_closed: Callable[[], None] | None = None,
        on_probed: Callable[[bool], None] | None = None,
    ) -> PrintWorker:
        """The worker thread, and the drawer watch on the receipt printer (13006)."""
        transports = self.transports()
        receipt_printer = transports.get(PrinterRole.RECEIPT)
        watch = None
        if receipt_printer is not None:
            watch = DrawerWatch(
                self.uow, self.register_id, receipt_printer,
                clock=self.clock, on_closed=on_drawer_closed,
            )  # fmt: skip
        self.worker = PrintWorker(
            self.uow, self.register_id, transports,
            clock=self.clock, on_finished=on_finished, drawer_watch=watch, on_probed=on_probed,
        )  # fmt: skip
        self.worker.start()
        return self.worker

    def drawer_state(self, wait: float = 2.0) -> DrawerState:
        """What the receipt printer says about the drawer now (UNKNOWN when it cannot tell)."""
        transport = self.worker.transports.get(PrinterRole.RECEIPT) if self.worker else None
        if transport is None:
            try:
                transport = transport_for(self.setting(PrinterRole.RECEIPT).url)
            except PrinterNotConfigured:
                return DrawerState.UNKNOWN
        found = transport.status(wait).drawer
        return DrawerState(found) if found else DrawerState.UNKNOWN

    def stop_worker(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker = None

    def _queue(self, job: NewJob) -> str:
        job_id = print_queue.enqueue(self.uow, self.register_id, job, self.clock)
        self._wake()
        return job_id

    def _own(self, ctx: TillContext) -> None:
        if ctx.register_id != self.register_id:  # never another register's printer or drawer
            raise PrinterNotConfigured(ctx.register_id, role_nb="denne kassen", role_en="it here")

    # -- receipts ----------------------------------------------------------------------------
    def print_sale(self, result: SaleResult) -> list[str]:
        """After checkout or a return: the drawer (if the journal opened it), then the receipts."""
        jobs = []
        opening = print_queue.sale_drawer_opening(self.uow, result.sale_id)
        if opening is not None:
            numbers = ", ".join(r.number for r in result.receipts)  # as the person knows it
            jobs.append(self.kick_drawer(f"Skuff: salg {numbers}", opening))
        with self.uow.read() as uow:
            docs = [uow.queries.receipt_doc(r.receipt_id) for r in result.receipts]
        jobs.append(self.print_receipts(docs))
        return jobs

    def print_unqueued_receipts(self, within_days: int = 2) -> str | None:
        """Queue the originals of receipts that never got a print job (a crash between the
        sale's commit and ``print_sale``). Call at start-up, before taking new sales."""
        since = Stamp.of(self.clock.now() - timedelta(days=within_days))
        ids = print_queue.unprinted_since(self.uow, self.register_id, since)
        with self.uow.read() as uow:
            docs = [uow.queries.receipt_doc(receipt_id) for receipt_id in ids]
        return self.print_receipts(docs) if docs else None

    def print_receipts(self, docs: Sequence[ReceiptDoc]) -> str:
        """The originals of receipts that have reached no paper yet, as one job."""
        payload = render_receipts(docs, self.layout(), self._logos())
        title = "Kvittering " + ", ".join(d.number for d in docs)
        ids = tuple(d.receipt_id for d in docs)
        return self._queue(NewJob(PrinterRole.RECEIPT, JobKind.RECEIPTS, title, payload, ids))

    def print_again(self, ctx: TillContext, receipt_number: str) -> Reprinted:
        """A receipt again on this register's printer: its original if it never reached paper,
        else its one copy ("KOPI"); a second copy is refused (``services.reprint``)."""
        self._own(ctx)
        done = reprint.print_again(self.uow, ctx, receipt_number, self._renderer())
        self._wake()
        return done

    def retry(self, ctx: TillContext, job_id: str) -> Reprinted:
        """Explicit retry of a failed job (see ``services.reprint.retry`` for what it prints)."""
        self._own(ctx)
        done = reprint.retry(self.uow, ctx, job_id, self._renderer())
        self._wake()
        return done

    def dismiss(self, ctx: TillContext, job_id: str) -> None:
        """Drop a failed job that holds no receipt."""
        self._own(ctx)
        reprint.dismiss(self.uow, ctx, job_id)

    def _renderer(self) -> Callable[[Sequence[ReceiptDoc]], bytes]:
        layout, logos = self.layout(), self._logos()  # read before the write transaction
        return lambda docs: render_receipts(docs, layout, logos)

    def _wake(self) -> None:
        if self.worker is not None:
            self.worker.wake()

    def _logos(self) -> Mapping[str, bytes]:
        """Tenant logos by tenant name: the file set in the back office, else
        ``<logo_dir>/<tenant code>.png``. A missing file just prints no logo."""
        with self.uow.read() as uow:
            tenants = uow.tenants.tenants()
            chosen = tenant_admin.logo_paths(uow)
        found = {}
        for tenant in tenants:
            candidates = [Path(chosen[tenant.id])] if tenant.id in chosen else []
            if self.logo_dir is not None:
                candidates.append(self.logo_dir / f"{tenant.code}.png")
            for path in candidates:
                if path.is_file():
                    found[tenant.name] = path.read_bytes()
                    break
        return found

    # -- the drawer --------------------------------------------------------------------------
    def kick_drawer(self, title: str = "Skuff", opening: DrawerOpening | None = None) -> str:
        """Queue a kick; the ``opening`` it stands for is journaled when it reaches the printer."""
        out = EscposBuilder(self.layout())
        out.kick_drawer()
        return self._queue(NewJob(PrinterRole.RECEIPT, JobKind.DRAWER_KICK, title, out.output(),
                                  opens_drawer=opening))  # fmt: skip

    def open_drawer_for_float(self, ctx: TillContext, session_id: str) -> str:
        """Kick this register's own drawer for the float just recorded; the opening (13005) is
        journaled when the kick reaches the printer."""
        self._own(ctx)
        return self.kick_drawer("Skuff: vekselkasse", till.float_opening(ctx, session_id))

    def open_drawer_no_sale(
        self, ctx: TillContext, reason: str, approver: Operator | None = None
    ) -> str:
        """Kick this register's own drawer for an approved no-sale opening; the opening (13005)
        is journaled when the kick reaches the printer."""
        self._own(ctx)
        opening = till.no_sale_opening(ctx, reason, approver)
        return self.kick_drawer("Skuff: åpnet uten salg", opening)

    def move_cash(
        self, ctx: TillContext, amount: Ore, reason: str, approver: Operator | None = None
    ) -> list[str]:
        """Cash in or out: recorded by the till service, then drawer kick and slip."""
        self._own(ctx)
        movement_id = till.move_cash(self.uow, ctx, amount, reason, approver)
        return self.print_cash_slip(movement_id)

    def print_cash_slip(self, movement_id: str) -> list[str]:
        """The kick (its opening journaled when it reaches the printer) and the slip."""
        jobs = []
        opening = print_queue.cash_drawer_opening(self.uow, movement_id)
        if opening is not None:
            jobs.append(self.kick_drawer("Skuff: inn/ut", opening))
        doc = paper.cash_slip(self.uow, movement_id)
        payload = render_slip(doc, self.layout())
        jobs.append(self._queue(NewJob(PrinterRole.RECEIPT, JobKind.CASH_SLIP, doc.title, payload)))
        return jobs

    # -- slips, tags, labels, test -----------------------------------------------------------
    def print_slip(self, doc: SlipDoc, role: PrinterRole = PrinterRole.RECEIPT) -> str:
        """Any slip (job tag, claim slip, X/Z printout) on the register's printer for ``role``."""
        payload = render_slip(doc, self.layout(role))
        return self._queue(NewJob(role, JobKind.SLIP, doc.title, payload))

    def print_price_tags(self, codes: Sequence[str]) -> str:
        labels = paper.item_labels(self.uow, codes)
        payload = render_price_tags(labels, self.layout(PrinterRole.TAG))
        title = f"Prislapper ({len(labels)})"
        return self._queue(NewJob(PrinterRole.TAG, JobKind.PRICE_TAGS, title, payload))

    def label_sheet_pdf(self, codes: Sequence[str]) -> bytes:
        """Item labels on A4 (3 × 8) as PDF, for tenants without a label printer."""
        from printers.label_sheet import render_label_sheet  # reportlab, when first asked

        return render_label_sheet(paper.item_labels(self.uow, codes))

    def test_print(self, role: PrinterRole = PrinterRole.RECEIPT) -> str:
        setting = self.setting(role)
        stamp = Stamp.of(self.clock.now())
        doc = check_page(
            Layout.of(setting),
            self.register_id,
            setting.url,
            f"{stamp.local_date} {stamp.local_time}",
        )
        payload = render_slip(doc, Layout.of(setting))
        return self._queue(NewJob(role, JobKind.TEST, "Testutskrift", payload))
