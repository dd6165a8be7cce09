"""The process that gets killed: it starts as the till does (half-sent print jobs failed, lost
receipts queued, print worker and sync worker running), then sells in a loop — mixed tenants,
split tenders, a return now and then — and logs each completed sale id with fsync. Its printer
is now and then offline for a job (refused before a byte is sent), and like a cashier at the
status bar it retries the failed jobs at start and every few sales: never-printed receipts come
back as originals, those that may be on paper as their copy, whatever moment the kill hits.

``python -m bench._crash.child DATA_DIR SALE_LOG SEED [--sync]``
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path

from bench._crash import APP_VERSION as VERSION
from pos.counter import Counter, open_counter
from pos.errors import DomainError
from pos.model.basket import Basket
from pos.model.catalogue import Item, ItemKind
from pos.model.payment import Tender, TenderKind
from pos.model.printing import JobStatus, PrinterRole
from pos.money import round_to_krone
from pos.services import auth, print_queue, returns
from pos.services.checkout import SaleResult, complete_sale
from pos.services.context import TillContext
from printers.printing import Printing
from printers.transports import PrinterError, PrinterStatus, Transport
from printers.worker import PrintWorker
from sync.backoff import Backoff
from sync.cycle import SyncCycle
from sync.worker import SyncWorker

OPEN_PRICES = (2000, 4990, 7500, 12450, 19900)
OFFLINE_CHANCE = 0.15
RETRY_EVERY = 8


class NowAndThenOffline:
    """The real transport, except that now and then the printer refuses a job outright."""

    def __init__(self, transport: Transport, rng: random.Random) -> None:
        self.transport, self.rng, self.url = transport, rng, transport.url

    def send(self, data: bytes) -> None:
        if self.rng.random() < OFFLINE_CHANCE:
            raise PrinterError("offline", "connection refused (bench)", sent=False)
        self.transport.send(data)

    def status(self, wait: float | None = None) -> PrinterStatus:
        return self.transport.status(wait)


class Seller:
    def __init__(self, counter: Counter, rng: random.Random) -> None:
        self.counter = counter
        self.rng = rng
        register = counter.register_id()
        signer = counter.signer()
        cashier = auth.authenticate(counter.uow, "1001", "1234")
        self.manager = auth.authenticate(counter.uow, "9001", "9999")
        self.ctx = TillContext(register, cashier, signer)
        with counter.uow.read() as uow:
            self.items = [i for i in uow.queries.items() if i.kind is not ItemKind.ONE_OFF]
        self.items.sort(key=lambda i: i.barcode or "")
        self.sold: list[str] = []

    def one(self) -> SaleResult:
        if self.sold and self.rng.random() < 0.07:
            returned = self._return()
            if returned is not None:
                return returned
        return self._sale()

    def _sale(self) -> SaleResult:
        basket = Basket()
        for item in self.rng.sample(self.items, self.rng.choice([1, 2, 3, 4])):
            self._add(basket, item)
        result = complete_sale(self.counter.uow, self.ctx, basket, self._tenders(basket.total))
        self.sold.extend(r.number for r in result.receipts)
        del self.sold[:-50]
        return result

    def _add(self, basket: Basket, item: Item) -> None:
        if item.kind is ItemKind.OPEN_PRICE:
            basket.add(item, 1, self.rng.choice(OPEN_PRICES))
        else:
            basket.add(item, self.rng.choice([1, 1, 2]))

    def _tenders(self, total: int) -> list[Tender]:
        roll = self.rng.random()
        if roll < 0.35:
            return [Tender(TenderKind.CASH, round_to_krone(total) + self.rng.choice([0, 5000]))]
        if roll < 0.6:
            return [Tender(TenderKind.CARD, total, "T1")]
        if roll < 0.75:
            return [Tender(TenderKind.VIPPS, total, "V1")]
        card = self.rng.randint(1, total - 1) if total > 1 else total
        if roll < 0.9:
            return [
                Tender(TenderKind.CARD, card, "T2"),
                Tender(TenderKind.CASH, round_to_krone(total - card) + 10000),
            ]
        return [Tender(TenderKind.CARD, card, "T3"), Tender(TenderKind.VIPPS, total - card, "V3")]

    def _return(self) -> SaleResult | None:
        """One unit of a line of a recent receipt back, to cash or a credit note (manager)."""
        number = self.rng.choice(self.sold)
        lines = [ln for ln in returns.returnable_lines(self.counter.uow, number) if ln.qty_left]
        if not lines:
            return None
        line = self.rng.choice(lines)
        refund = self.rng.choice([TenderKind.CASH, TenderKind.CREDIT_NOTE])
        return returns.complete_return(
            self.counter.uow,
            self.ctx,
            number,
            [returns.ReturnRequest(line.line_id, 1)],
            [Tender(refund, 0)],
            approver=self.manager,
        )


def start_like_the_app(
    counter: Counter, sync: bool, rng: random.Random
) -> tuple[Printing, SyncWorker | None]:
    """What the till does at start: fail half-sent jobs, queue lost receipts, start workers."""
    printing = Printing(counter.uow, counter.register_id())
    print_queue.recover_interrupted(counter.uow, printing.register_id, printing.clock)
    printing.print_unqueued_receipts()
    transports = printing.transports()
    flaky = NowAndThenOffline(transports[PrinterRole.RECEIPT], rng)
    printing.worker = PrintWorker(counter.uow, printing.register_id, {PrinterRole.RECEIPT: flaky})
    printing.worker.start()
    if not sync:
        return printing, None
    cycle = SyncCycle(counter.uow, app_version=VERSION)
    worker = SyncWorker(cycle.run, interval_s=0.5, backoff=Backoff(base_s=0.05, cap_s=0.5))
    worker.start()
    return printing, worker


def retry_failed(printing: Printing, ctx: TillContext) -> None:
    """The cashier at the status bar: every failed receipt or copy job, retried once."""
    for job in print_queue.jobs(printing.uow, printing.register_id, [JobStatus.FAILED]):
        if job.kind.carries_receipts:
            try:
                printing.retry(ctx, job.id)
            except DomainError:  # e.g. its receipts have had their copy: nothing more to print
                continue


def log_sale(log: int, sale_id: str) -> None:
    os.write(log, f"{sale_id}\n".encode("ascii"))
    os.fsync(log)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("sale_log", type=Path)
    parser.add_argument("seed", type=int)
    parser.add_argument("--sync", action="store_true")
    args = parser.parse_args(argv)
    counter = open_counter(args.data_dir)
    rng = random.Random(args.seed)
    printing, syncing = start_like_the_app(counter, args.sync, rng)
    seller = Seller(counter, rng)
    retry_failed(printing, seller.ctx)
    log = os.open(args.sale_log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    print("ready", flush=True)
    sold = 0
    while True:  # until killed
        result = seller.one()
        log_sale(log, result.sale_id)
        printing.print_sale(result)
        sold += 1
        if sold % RETRY_EVERY == 0:
            retry_failed(printing, seller.ctx)
        if syncing is not None:
            syncing.kick()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
