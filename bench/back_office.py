"""Back office: importing a tenant's 50 000-row spreadsheet (preview and atomic import, labels
allocated), registering one item and queueing its price tag, and the item list/search over a
1 000 000-item catalogue (the one ``bench/counter_screen.py`` builds)."""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from bench import Figure, median, percentile
from pos.counter import Counter, open_counter
from pos.demo.centre import seed_demo
from pos.model.catalogue import ItemKind
from pos.model.tenant import Tenant
from pos.services import auth, catalogue, item_entry, item_import
from pos.services.context import TillContext
from pos.services.setup import NewItem
from pos.vat import VatClass

ROWS = 50_000
REGISTRATIONS = 200
SEARCHES = 300
WORDS = ("genser", "jakke str 3", "bukse", "skjorte nr 12", "kjole str", "lue", "vott nr 99")


def spreadsheet(rows: int) -> bytes:
    rng = random.Random(1)
    lines = ["Beskrivelse;Pris;MVA;Varegruppe;Tilstand"]
    for n in range(rows):
        price = rng.choice(["49", "99,50", "149", "1 299,00", "25"])
        lines.append(f"Genser nr. {n} – ull;{price};25;KLAER;Pent brukt")
    return "\r\n".join(lines).encode("cp1252")


def register_and_tag() -> list[float]:
    """ms per item: registered (journaled, label allocated) and its price tag queued."""
    from printers.printing import Printing

    samples = []
    with tempfile.TemporaryDirectory() as tmp, open_counter(Path(tmp)) as counter:
        seed_demo(counter.uow, counter.signer())
        ctx = TillContext("K1", auth.authenticate(counter.uow, "1001", "1234"), counter.signer())
        printing = Printing(counter.uow, "K1", override_url="file:///dev/null")
        for n in range(REGISTRATIONS):
            new = NewItem("11", f"Genser nr {n}", 14900, VatClass.HIGH, "KLAER", ItemKind.ONE_OFF)
            began = time.perf_counter()
            (item,) = item_entry.register_items(counter.uow, ctx, [new])
            printing.print_price_tags([item.barcode or ""])
            samples.append((time.perf_counter() - began) * 1000)
    return samples


def search_million() -> tuple[list[float], list[float]]:
    """ms per page: the back-office list of a tenant, and the counter's search, over 1M items."""
    from bench.counter_screen import catalogue_dir

    listing, counter_search = [], []
    with open_counter(catalogue_dir()) as counter:
        tenant = next(t for t in catalogue_list_tenants(counter) if t.code == "11")
        for n in range(SEARCHES):
            typed = WORDS[n % len(WORDS)] if n % 4 else ""
            began = time.perf_counter()
            item_entry.list_items(counter.uow, tenant.id, typed, offset=(n % 3) * 100)
            listing.append((time.perf_counter() - began) * 1000)
            began = time.perf_counter()
            catalogue.search_items(counter.uow, typed or "genser")
            counter_search.append((time.perf_counter() - began) * 1000)
    return listing, counter_search


def catalogue_list_tenants(counter: Counter) -> list[Tenant]:
    with counter.uow.read() as uow:
        return uow.store.tenants()


def run() -> list[Figure]:
    tags = register_and_tag()
    listing, counter_search = search_million()
    figures = [
        Figure(
            "register one item + queue its price tag p95",
            percentile(tags, 95),
            "ms",
            "<= 100 ms",
            percentile(tags, 95) <= 100,
        ),
        Figure("  median", median(tags), "ms"),
        Figure(
            "tenant item list/search p95 (1M items)",
            percentile(listing, 95),
            "ms",
            "<= 50 ms",
            percentile(listing, 95) <= 50,
        ),
        Figure("  median", median(listing), "ms"),
        Figure(
            "counter search p95 (1M items)",
            percentile(counter_search, 95),
            "ms",
            "<= 50 ms",
            percentile(counter_search, 95) <= 50,
        ),
    ]
    return figures + import_figures()


def import_figures() -> list[Figure]:
    data = spreadsheet(ROWS)
    with tempfile.TemporaryDirectory() as tmp, open_counter(Path(tmp)) as counter:
        seed_demo(counter.uow, counter.signer(), open_till=False)
        began = time.perf_counter()
        result = item_import.preview(counter.uow, "11", data)
        parsed = time.perf_counter() - began
        boss = TillContext("K1", auth.authenticate(counter.uow, "9001", "9999"), counter.signer())
        item_import.confirm(counter.uow, boss, result)
        total = time.perf_counter() - began
    return [
        Figure(f"import {ROWS} CSV rows (preview + import)", total, "s", "<= 30 s", total <= 30),
        Figure("  of which reading and checking", parsed, "s"),
    ]
