"""A printer that stops taking data in the middle of a job (jammed, cover open): the send times
out in seconds, the job fails and is never resent by itself, the queue goes on, and the sale
behind it is untouched."""

from __future__ import annotations

import socket

from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.model.printing import JobKind, JobStatus, PrinterRole
from pos.services import checkout, print_queue
from pos.services.print_queue import NewJob
from printers.printing import Printing
from printers.transports import TcpTransport
from printers.worker import PrintWorker

BIG_JOB = 24 * 1024 * 1024
"""More than the loopback socket buffers hold, so a printer that reads nothing blocks the send."""


def test_a_printer_that_stops_taking_data_times_out_the_job_and_the_queue_goes_on(
    counter, ctx, shelf, clock
):
    jammed = socket.socket()
    jammed.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    jammed.bind(("127.0.0.1", 0))
    jammed.listen(4)
    url = f"tcp://127.0.0.1:{jammed.getsockname()[1]}"
    transport = TcpTransport(url, "127.0.0.1", jammed.getsockname()[1], timeout=0.5)
    transport.silent_after = 0  # it never answers status either: do not ask
    printing = Printing(counter.uow, "K1", clock=clock, override_url=url)
    try:
        big = print_queue.enqueue(
            counter.uow,
            "K1",
            NewJob(PrinterRole.TAG, JobKind.PRICE_TAGS, "Etiketter", b"\x00" * BIG_JOB),
            clock,
        )
        basket = Basket()
        basket.add(shelf("KAFFE-MED"))
        sale = checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CARD, 3200)])
        (receipts,) = printing.print_sale(sale)
        worker = PrintWorker(counter.uow, "K1", {PrinterRole.RECEIPT: transport}, clock=clock)
        assert worker.run_pending() == 2  # the jammed job did not hold up the one after it
        failed = print_queue.job(counter.uow, big)
        assert failed.status is JobStatus.FAILED and failed.error.startswith("timeout")
        assert print_queue.job(counter.uow, receipts).status is not JobStatus.QUEUED
        assert worker.run_pending() == 0  # never resent by itself
        with counter.uow.read() as uow:
            assert len(uow.queries.receipts_of_sale(sale.sale_id)) == 1
    finally:
        jammed.close()
