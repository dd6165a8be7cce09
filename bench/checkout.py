"""Durable commit of a 3-tenant, 6-line sale with a split tender, signatures included, against a
bare one-row SQLite commit with the same durability settings (WAL, synchronous=FULL); and the
same sale stamped by the counter's clock (the legal-time checks read the journal's newest row)
against the plain clock."""

from __future__ import annotations

import sqlite3
import tempfile
import time
from datetime import datetime
from pathlib import Path

from bench import Figure, median, percentile
from pos.clock import OSLO, SteppingClock
from pos.counter import open_counter
from pos.demo.centre import seed_demo
from pos.identifiers import make_in_store_ean13
from pos.model.basket import Basket
from pos.model.catalogue import ItemKind
from pos.model.payment import Tender, TenderKind
from pos.money import round_to_krone
from pos.services import auth, checkout, setup
from pos.services.catalogue import find_item
from pos.services.context import TillContext
from pos.services.legal_time import CounterClock
from pos.vat import VatClass

SALES = 400


def bare_commits(path: Path, count: int) -> list[float]:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    samples = []
    for n in range(count):
        began = time.perf_counter()
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO t(v) VALUES (?)", (f"row {n}",))
        db.execute("COMMIT")
        samples.append((time.perf_counter() - began) * 1000)
    db.close()
    return samples


def sale_commits(data_dir: Path, count: int, *, counter_clock: bool = False) -> list[float]:
    clock = SteppingClock(datetime(2026, 3, 2, 10, tzinfo=OSLO))
    with open_counter(data_dir) as counter:
        signer = counter.signer()
        seed_demo(counter.uow, signer, clock=clock)
        stamps = CounterClock(counter.uow, "K1", clock) if counter_clock else clock
        ctx = TillContext("K1", auth.authenticate(counter.uow, "1001", "1234"), signer, stamps)
        clothes = setup.add_items(
            counter.uow,
            [
                setup.NewItem(
                    "11",
                    f"Genser {n}",
                    19900,
                    VatClass.HIGH,
                    "KLAER",
                    ItemKind.ONE_OFF,
                    make_in_store_ean13("11", 5000 + n),
                )
                for n in range(count)
            ],
            clock,
        )
        coffee, bun = find_item(counter.uow, "KAFFE-MED"), find_item(counter.uow, "BOLLE-INNE")
        juice = find_item(counter.uow, "7038010009457")
        kids = find_item(counter.uow, "SMA-DIV")
        samples = []
        for n in range(count):
            basket = Basket()
            basket.add(clothes[n])
            basket.add(coffee, 2)
            basket.add(bun)
            basket.add(juice)
            basket.add(kids, 1, 4950)
            basket.add(kids, 1, 2500)
            card = basket.total // 2
            tenders = [
                Tender(TenderKind.CARD, card, "T1"),
                Tender(TenderKind.CASH, round_to_krone(basket.total - card) + 10000),
            ]
            clock.advance(seconds=30)
            began = time.perf_counter()
            checkout.complete_sale(counter.uow, ctx, basket, tenders)
            samples.append((time.perf_counter() - began) * 1000)
    return samples


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp:
        bare = bare_commits(Path(tmp) / "bare.sqlite3", SALES)
        sales = sale_commits(Path(tmp) / "counter", SALES)[20:]  # first ones warm caches
        checked = sale_commits(Path(tmp) / "checked", SALES, counter_clock=True)[20:]
    bare_median, sale_median, sale_p95 = median(bare), median(sales), percentile(sales, 95)
    checked_median = median(checked)
    return [
        Figure("bare 1-row commit, median", bare_median, "ms"),
        Figure(
            "3-tenant 6-line split sale, median",
            sale_median,
            "ms",
            "ratio <= 20",
            sale_median / bare_median <= 20,
            baseline=bare_median,
        ),
        Figure("3-tenant 6-line split sale, p95", sale_p95, "ms", "<= 5 ms", sale_p95 <= 5),
        Figure(
            "  the same sale on the counter's clock, median",
            checked_median,
            "ms",
            "ratio <= 1.3",
            checked_median / sale_median <= 1.3,
            baseline=sale_median,
        ),
    ]
