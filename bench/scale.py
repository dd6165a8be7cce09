"""Five years at the counter: the same figures on an empty store, after one year and after five
years of history for 20 tenants (about 550 000 sales), measured in the same run.

``python -m bench scale [--years N] [--sales N] [--seed N] [--json FILE]``. The history is made
by the real services (``bench/_scale/history.py``) through the fast path of
``bench/_scale/buffered.py``; the one-year figures are taken on a copy of the store on the way.
Each store then gets one more business day, measured the same way (``bench/_scale/measure.py``):
checkout, X and Z, the repair board, scanning, cold start, a tenant-year's SAF-T file,
``verify-journal``, the daily backup and the store's size. ``--json`` keeps every number for
``bench/_scale/plot.py`` (the figure in docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

from bench import Figure, median, percentile
from bench._scale import measure
from bench._scale.buffered import unsynchronised
from bench._scale.history import History, sales_per_day
from bench.counter_screen import scan_to_basket, window_start
from pos.clock import wall_clock_now
from pos.counter import open_counter

SCANS = 300


@dataclass
class StoreResult:
    label: str
    days: int
    sales: int = 0
    checkout_p95_ms: float = 0.0
    checkout_median_ms: float = 0.0
    scan_p95_ms: float = 0.0
    start_s: float = 0.0
    bare_start_s: float = 0.0
    x_s: float = 0.0
    z_s: float = 0.0
    board_first_ms: float = 0.0
    board_warm_ms: float = 0.0
    saft_s: float = 0.0
    saft_mb: float = 0.0
    saft_stream_s: float = 0.0
    saft_transactions: int = 0
    verify_s: float = 0.0
    verify_said: str = ""
    verify_since_s: float = 0.0
    verify_since_said: str = ""
    since_check_s: float = 0.0
    full_backup_s: float = 0.0
    full_backup_bytes: int = 0
    backup_s: float = 0.0
    backup_bytes: int = 0
    store_bytes: int = 0
    table_bytes: dict[str, int] = field(default_factory=dict)
    load: str = ""


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench scale")
    parser.add_argument("--years", type=float, default=5.0, help="history to make (default 5)")
    parser.add_argument("--sales", type=int, default=550_000, help="sales over those years")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="write every number to this file")
    return parser.parse_args(argv)


def run(argv: list[str] | None = None) -> list[Figure]:
    options = parse(argv or [])
    days = max(1, round(365.25 * options.years))
    per_day = sales_per_day(options.sales, days)
    yesterday = date.today() - timedelta(days=1)
    results: list[StoreResult] = []
    with tempfile.TemporaryDirectory(prefix="omigjen-scale-") as tmp:
        root = Path(tmp)
        results.append(empty_store(root / "empty", yesterday))
        results.extend(history_stores(root, yesterday - timedelta(days=days), days, per_day))
    if options.json:
        options.json.write_text(json.dumps([asdict(r) for r in results], indent=1))
    return figures(results)


def run_in_suite() -> list[Figure]:
    """Inside ``python -m bench`` (everything): a quarter of a year, a few minutes; the five
    years take hours on a shared machine (``python -m bench scale``)."""
    return run(["--years", "0.25", "--sales", "27500"])


def empty_store(data_dir: Path, day: date) -> StoreResult:
    with open_counter(data_dir) as counter:
        unsynchronised(counter.engine)
        history = History(counter, day, seed=0)
        history.set_up()
        history.close()
    return measured(data_dir, day, StoreResult("empty", 0))


def history_stores(root: Path, first: date, days: int, per_day: int) -> list[StoreResult]:
    """Build ``days`` of history from ``first``; the one-year figures on a copy on the way."""
    data_dir = root / "history"
    found: list[StoreResult] = []
    began = time.perf_counter()

    def after_day(day: date) -> None:
        done = (day - first).days + 1
        if done % 30 == 0 or done == days:
            rate = history.stats.sales / (time.perf_counter() - began)
            say(f"history: {done}/{days} days, {history.stats.sales} sales ({rate:.0f}/s)")
        if done == 365 and days > 365:
            history.batch.flush()
            copy = Path(shutil.copytree(data_dir, root / "one-year"))
            found.append(measured(copy, day + timedelta(days=1), StoreResult("1 year", done)))
            shutil.rmtree(copy)

    with open_counter(data_dir) as counter:
        unsynchronised(counter.engine)
        history = History(counter, first)
        history.set_up()
        history.run(days, per_day, after_day)
        history.close()
    built = time.perf_counter() - began
    say(f"history: {days} days made in {built:.0f} s")
    label = f"{days / 365.25:.0f} years" if days > 365 else f"{days} days"
    found.append(measured(data_dir, first + timedelta(days=days), StoreResult(label, days)))
    return found


def measured(data_dir: Path, day: date, result: StoreResult) -> StoreResult:
    """One more day on the store, and every figure of it."""
    say(f"{result.label}: measuring (load {load()})")
    result.load = load()
    anchor = measure.since_anchor_text(data_dir)  # the day before's Z: the day's check from it
    now = wall_clock_now()
    result.full_backup_s, result.full_backup_bytes = measure.backup_seconds(
        data_dir, now - timedelta(days=1)
    )  # the week's full backup, before the day; the day's differential at the end
    till = measure.till_day(data_dir, day)
    result.checkout_p95_ms = percentile(till.checkout_ms, 95)
    result.checkout_median_ms = median(till.checkout_ms)
    result.x_s, result.z_s = till.x_s, till.z_s
    result.board_first_ms, result.board_warm_ms = till.board_first_ms, till.board_warm_ms
    first = max(day - timedelta(days=364), day - timedelta(days=result.days))
    saft = measure.saft_year(data_dir, first.isoformat(), day.isoformat())
    result.saft_s, result.saft_mb = saft["export"]["s"], saft["export"]["rss_mb"]
    result.saft_stream_s, result.saft_transactions = saft["stream"]["s"], saft["export"]["n"]
    result.verify_since_s, result.verify_since_said = measure.command_seconds(
        data_dir, "verify-journal", "--since-anchor", *(["--anchor", anchor] if anchor else [])
    )
    result.since_check_s = measure.since_check_seconds(data_dir, anchor)[0] if anchor else 0.0
    result.verify_s, result.verify_said = measure.command_seconds(data_dir, "verify-journal")
    result.store_bytes, result.table_bytes, result.sales = measure.store_bytes(data_dir)
    # From here on the counter runs on today's clock: nothing after may be stamped earlier.
    scans, _rss = scan_to_basket(data_dir, measure.available_codes(data_dir, SCANS))
    result.scan_p95_ms = percentile(scans, 95)
    result.start_s, result.bare_start_s = window_start(data_dir)
    result.backup_s, result.backup_bytes = measure.backup_seconds(data_dir, now)
    say(f"{result.label}: {json.dumps(asdict(result))}")
    return result


def figures(results: list[StoreResult]) -> list[Figure]:
    empty = results[0]
    rows: list[Figure] = []
    for r in results:
        tag = f"[{r.label}]"
        per_sale = r.store_bytes / max(r.sales, 1) / 1024
        backup_share = 100 * r.backup_bytes / max(r.store_bytes, 1)
        rows += [
            Figure(f"{tag} sales in the store", r.sales, ""),
            Figure(
                f"{tag} checkout p95", r.checkout_p95_ms, "ms", "<= 5 ms, 1.2x empty",
                r.checkout_p95_ms <= 5 and r.checkout_p95_ms <= 1.2 * empty.checkout_p95_ms,
                empty.checkout_p95_ms,
            ),
            Figure(f"{tag} scan to basket p95", r.scan_p95_ms, "ms", "<= 16 ms",
                   r.scan_p95_ms <= 16, empty.scan_p95_ms),
            Figure(f"{tag} cold start to login", r.start_s * 1000, "ms", "<= 1000 ms",
                   r.start_s <= 1, r.bare_start_s * 1000),
            Figure(f"{tag} X report, 20 tenants", r.x_s, "s", "<= 1 s", r.x_s <= 1, empty.x_s),
            Figure(f"{tag} Z report, 20 tenants", r.z_s, "s", "<= 1 s", r.z_s <= 1, empty.z_s),
            Figure(f"{tag} repair board (first open)", r.board_first_ms, "ms", "<= 300 ms",
                   r.board_first_ms <= 300, empty.board_first_ms),
            Figure(f"{tag} SAF-T, tenant 11, one year", r.saft_s, "s", "<= 60 s",
                   r.saft_s <= 60, r.saft_stream_s),
            Figure(f"{tag}   peak memory of the export", r.saft_mb, "MB", "<= 300 MB",
                   r.saft_mb <= 300),
            Figure(f"{tag} verify-journal since the last anchor", r.since_check_s, "s",
                   "<= 2 s", r.since_check_s <= 2, empty.since_check_s),
            Figure(f"{tag}   the same as a command (with its start)", r.verify_since_s, "s",
                   "", "OK" in r.verify_since_said, empty.verify_since_s),
            Figure(f"{tag} verify-journal, whole store", r.verify_s, "s", "<= 120 s",
                   r.verify_s <= 120 and "OK" in r.verify_said, empty.verify_s),
            Figure(f"{tag} weekly full backup", r.full_backup_s, "s", "", None,
                   empty.full_backup_s),
            Figure(f"{tag} daily backup (differential)", r.backup_s, "s", "<= 10 s",
                   r.backup_s <= 10, empty.backup_s),
            Figure(f"{tag}   backup size, % of the store", backup_share, "%", "<= 20 %",
                   backup_share <= 20),
            Figure(f"{tag} store size per sale", per_sale, "KB", "<= 4 KB",
                   per_sale <= 4 if r.sales > 10_000 else None),
        ]  # fmt: skip
        for table, size in sorted(r.table_bytes.items(), key=lambda kv: -kv[1])[:6]:
            rows.append(Figure(f"{tag}   of which {table}", size / max(r.sales, 1) / 1024, "KB"))
    return rows


def load() -> str:
    return " ".join(f"{v:.1f}" for v in os.getloadavg())


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)
