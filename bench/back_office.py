"""Importing a tenant's 50 000-row spreadsheet (preview and atomic import, labels allocated)."""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from bench import Figure
from pos.counter import open_counter
from pos.services import item_import
from pos.services.demo import seed_demo

ROWS = 50_000


def spreadsheet(rows: int) -> bytes:
    rng = random.Random(1)
    lines = ["Beskrivelse;Pris;MVA;Varegruppe;Tilstand"]
    for n in range(rows):
        price = rng.choice(["49", "99,50", "149", "1 299,00", "25"])
        lines.append(f"Genser nr. {n} – ull;{price};25;KLAER;Pent brukt")
    return "\r\n".join(lines).encode("cp1252")


def run() -> list[Figure]:
    data = spreadsheet(ROWS)
    with tempfile.TemporaryDirectory() as tmp, open_counter(Path(tmp)) as counter:
        seed_demo(counter.uow, counter.signer(), open_till=False)
        began = time.perf_counter()
        result = item_import.preview(counter.uow, "11", data)
        parsed = time.perf_counter() - began
        item_import.confirm(counter.uow, result, register_id="K1")
        total = time.perf_counter() - began
    return [
        Figure(f"import {ROWS} CSV rows (preview + import)", total, "s", "<= 30 s", total <= 30),
        Figure("  of which reading and checking", parsed, "s"),
    ]
