"""``simulate --days 30 --sales-per-day 300`` through the real services, timed end to end."""

from __future__ import annotations

import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from bench import Figure
from pos.clock import OSLO, SteppingClock
from pos.counter import open_counter
from pos.demo.centre import seed_demo
from pos.demo.simulation import Simulation

DAYS, PER_DAY = 30, 300


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp, open_counter(Path(tmp)) as counter:
        signer = counter.signer()
        start = datetime(2026, 1, 5, 10, tzinfo=OSLO)
        seed_demo(counter.uow, signer, clock=SteppingClock(start - timedelta(days=1)))
        began = time.perf_counter()
        stats = Simulation(
            counter.uow,
            signer,
            counter.register_id(),
            seed=1,
            start=start,
            data_dir=counter.data_dir,
        ).run(DAYS, PER_DAY)
        elapsed = time.perf_counter() - began
    return [
        Figure(f"simulate {DAYS} days x {PER_DAY} sales", elapsed, "s", "<= 60 s", elapsed <= 60),
        Figure("  per completed sale", 1000 * elapsed / max(stats.sales, 1), "ms"),
        Figure("  repairs taken in", stats.repairs.taken_in, "n"),
        Figure("  repairs collected at the till", stats.repairs.collected, "n"),
    ]
