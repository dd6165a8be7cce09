"""What ``bench scale`` measures on a store, the same way whatever its history: one more
business day (the history's own customers), then the figures of the issue's list.

Each function takes the data directory (no counter open: each opens what a person's start
would, or runs the command as a subprocess) and returns plain numbers; ``bench/scale.py`` turns
them into figures against their goals and the empty store's.
"""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as day_time
from pathlib import Path

from bench import median
from bench.day_end import CHILD as SAFT_CHILD
from pos.clock import OSLO, SteppingClock
from pos.counter import open_counter
from pos.identifiers import make_in_store_ean13
from pos.journal_anchor import parse_anchor
from pos.model.basket import Basket
from pos.model.catalogue import ItemKind
from pos.model.payment import Tender, TenderKind
from pos.money import round_to_krone
from pos.services import auth, checkout, repair_board, reports, setup
from pos.services.anchors import last_z_anchor
from pos.services.catalogue import find_item
from pos.services.context import TillContext
from pos.services.verification import verify_store
from pos.vat import VatClass

ROOT = Path(__file__).resolve().parents[2]
CHECKOUT_SALES = 220
"""Sales timed at the till (the first 20 warm the caches and are not counted)."""
SHELF = 300
"""New labels put out on the measured day (scanned later with the older ones still unsold)."""
DEMO_OPEN_PRICE = {"10": "OMI-DIV", "11": "BUA-DIV", "12": "SMA-DIV", "13": "SYK-ARB",
                   "14": "EL-ARB", "15": "KAFFE-INNE"}  # fmt: skip


@dataclass
class TillFigures:
    checkout_ms: list[float]
    x_s: float
    z_s: float
    board_first_ms: float
    board_warm_ms: float


def till_day(data_dir: Path, day: date) -> TillFigures:
    """The measured day: the shop puts out new labels, then split sales over three or four
    tenants (as ``bench/checkout``, every tenant in turn), each a durable commit on the real
    counter (high-water mark included); X and Z for every tenant; the repair board."""
    clock = SteppingClock(datetime.combine(day, day_time(10), OSLO))
    with open_counter(data_dir, clock) as counter:
        signer = counter.signer()
        ctx = TillContext("K1", auth.authenticate(counter.uow, "1001", "1234"), signer, clock)
        boss = TillContext("K1", auth.authenticate(counter.uow, "9001", "9999"), signer, clock)
        samples = _checkouts(counter.uow, ctx, clock, day)
        clock.current = datetime.combine(day, day_time(20, 30), OSLO)
        began = time.perf_counter()
        reports.x_reports(counter.uow, boss)
        x_s = time.perf_counter() - began
        clock.current = datetime.combine(day, day_time(21), OSLO)
        began = time.perf_counter()
        made = reports.z_reports(counter.uow, boss, day.isoformat())
        z_s = time.perf_counter() - began
        assert len(made) >= 20, f"only {len(made)} Z reports"
        query = repair_board.BoardQuery()
        began = time.perf_counter()
        repair_board.board(counter.uow, query)
        first = (time.perf_counter() - began) * 1000
        warm = []
        for _ in range(7):
            began = time.perf_counter()
            repair_board.board(counter.uow, query)
            warm.append((time.perf_counter() - began) * 1000)
    return TillFigures(samples[20:], x_s, z_s, first, median(warm))


def _labels(uow, clock: SteppingClock, day: date, count: int) -> list:
    """``count`` new one-off items of tenant 11 with label numbers of their own for ``day``."""
    base = 5_000_000 + day.toordinal() % 1000 * 2000
    return setup.add_items(
        uow,
        [
            setup.NewItem(
                "11", f"Genser {n}", 19900, VatClass.HIGH, "KLAER", ItemKind.ONE_OFF,
                make_in_store_ean13("11", base + n),
            )
            for n in range(count)
        ],
        clock,
    )  # fmt: skip


def _checkouts(uow, ctx: TillContext, clock: SteppingClock, day: date) -> list[float]:
    clothes = _labels(uow, clock, day, CHECKOUT_SALES + SHELF)[SHELF:]
    with uow.read() as reading:
        codes = sorted(t.code for t in reading.store.tenants())
    coffee, bun = find_item(uow, "KAFFE-MED"), find_item(uow, "BOLLE-INNE")
    open_price = {c: find_item(uow, f"DIV-{c}") for c in codes if c >= "20"}
    open_price.update({c: find_item(uow, b) for c, b in DEMO_OPEN_PRICE.items()})
    samples = []
    for n in range(CHECKOUT_SALES):
        basket = Basket()
        basket.add(clothes[n])
        basket.add(coffee, 2)
        basket.add(bun)
        for shift, price in ((0, 4950), (7, 2500)):
            item = open_price[codes[(n + shift) % len(codes)]]
            if item.kind is ItemKind.OPEN_PRICE:
                basket.add(item, 1, price)
            else:
                basket.add(item)
        card = basket.total // 2
        tenders = [
            Tender(TenderKind.CARD, card, "T1"),
            Tender(TenderKind.CASH, round_to_krone(basket.total - card) + 10000),
        ]
        clock.advance(seconds=60)
        began = time.perf_counter()
        checkout.complete_sale(uow, ctx, basket, tenders)
        samples.append((time.perf_counter() - began) * 1000)
    return samples


def available_codes(data_dir: Path, count: int) -> list[str]:
    """In-store labels of one-off items still on the shelf, spread over the whole catalogue."""
    db = sqlite3.connect(f"file:{data_dir / 'omigjen.sqlite3'}?mode=ro", uri=True)
    try:
        rows = db.execute(
            "SELECT barcode FROM items WHERE kind = 'one_off' AND status = 'available' "
            "AND barcode LIKE '2%' AND length(barcode) = 13 ORDER BY rowid"
        ).fetchall()
    finally:
        db.close()
    step = max(1, len(rows) // count)
    return [r[0] for r in rows[::step]][:count]


def saft_year(data_dir: Path, first: str, last: str) -> dict:
    """The SAF-T export of tenant 11 for ``first``..``last`` in a child process (time, peak
    memory), against streaming the same rows without XML (``bench/day_end``'s child)."""
    runs = {}
    with tempfile.TemporaryDirectory() as out:
        for mode in ("stream", "export"):
            child = subprocess.run(
                [sys.executable, "-c", SAFT_CHILD, str(data_dir), out, first, last, mode],
                capture_output=True, text=True, check=True, cwd=ROOT,
            )  # fmt: skip
            runs[mode] = json.loads(child.stdout)
    return runs


def command_seconds(data_dir: Path, *args: str) -> tuple[float, str]:
    """A ``main.py`` command's wall time and its output (stdout and stderr)."""
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    return time.perf_counter() - began, (done.stdout + done.stderr).strip()


def backup_seconds(data_dir: Path, moment: datetime) -> tuple[float, int]:
    """A backup as the till takes it by itself (``daily``: the check, then a full backup, or a
    differential on the week's full one): seconds and bytes. ``moment``: the wall clock's naive
    Norwegian time, as the till names backups."""
    with open_counter(data_dir) as counter:
        began = time.perf_counter()
        taken = counter.backup("daily", moment)
        elapsed = time.perf_counter() - began
    return elapsed, taken.path.stat().st_size


def since_check_seconds(data_dir: Path, anchor: str) -> tuple[float, bool]:
    """The check from an anchor itself, without the command's start."""
    with open_counter(data_dir) as counter:
        began = time.perf_counter()
        report = verify_store(
            counter.uow, counter.keys.verifiers(), counter.keys, since=parse_anchor(anchor)
        )
        return time.perf_counter() - began, report.ok


def since_anchor_text(data_dir: Path) -> str:
    """The anchor of the last Z report so far (what the day's check starts from)."""
    with open_counter(data_dir) as counter:
        anchor = last_z_anchor(counter.uow)
    return anchor.text if anchor else ""


def store_bytes(data_dir: Path) -> tuple[int, dict[str, int], int]:
    """The store on disk after a checkpoint, bytes per table (indexes counted with their
    table) and the number of sales."""
    db = sqlite3.connect(data_dir / "omigjen.sqlite3")
    try:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        owners = dict(
            db.execute("SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')")
        )
        per_table: dict[str, int] = {}
        for name, size in db.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"):
            table = owners.get(name, name)
            per_table[table] = per_table.get(table, 0) + int(size)
        sales = int(db.execute("SELECT COUNT(*) FROM sales WHERE kind = 'sale'").fetchone()[0])
    finally:
        db.close()
    size = sum(p.stat().st_size for p in data_dir.glob("omigjen.sqlite3*") if p.is_file())
    return size, per_table, sales


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def next_morning(day: date) -> datetime:
    return datetime.combine(day + timedelta(days=1), day_time(9, 30), OSLO)
