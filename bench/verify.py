"""``verify-journal`` at scale: simulated days of sales with their Z reports (``BENCH_VERIFY_DAYS``
days of 200 sales, default 20), verified in full — chain, signatures, every receipt's facts,
copies, every Z recomputed — against the baseline of the checks it always did: the hash chain
and the RSA signatures alone, over the same store in the same run."""

from __future__ import annotations

import os
import tempfile
import time
from datetime import datetime
from pathlib import Path

from bench import Figure
from pos.clock import OSLO, SteppingClock
from pos.counter import Counter, open_counter
from pos.demo.centre import seed_demo
from pos.demo.simulation import Simulation
from pos.demo.simulation_days import continue_point
from pos.journal import GENESIS_HASH, row_hash
from pos.services.verification import verify_store
from pos.signing import FIRST_PREVIOUS, signed_string

DAYS = int(os.environ.get("BENCH_VERIFY_DAYS", "20"))
PER_DAY = 200
START = datetime(2026, 3, 2, 10, tzinfo=OSLO)


def _history(data_dir: Path) -> None:
    """The days with each day's Z but the last (as ``simulate`` makes them)."""
    with open_counter(data_dir) as counter:
        signer = counter.signer()
        seed_demo(counter.uow, signer, clock=SteppingClock(START.replace(hour=9)))
        start = continue_point(counter.uow, "K1")
        Simulation(counter.uow, signer, "K1", seed=3, start=start, close_days=True).run(
            DAYS, PER_DAY
        )


def _chain_and_signatures(counter: Counter) -> int:
    """The baseline: walk the hash chain and verify every signature, nothing else."""
    verifiers = counter.keys.verifiers()
    checked = 0
    with counter.uow.read() as uow:
        previous = GENESIS_HASH
        for row in uow.queries.journal_rows():
            assert row_hash(previous, dict(row)) == row["hash"]
            previous = row["hash"]
        chain, last = None, FIRST_PREVIOUS
        for receipt in uow.queries.receipts_in_chain_order():
            if (receipt["tenant_id"], receipt["register_id"]) != chain:
                chain, last = (receipt["tenant_id"], receipt["register_id"]), FIRST_PREVIOUS
            data = signed_string(
                last,
                receipt["local_date"],
                receipt["local_time"],
                receipt["sig_nr"],
                receipt["total"],
                receipt["total_ex_vat"],
            )
            assert verifiers[(receipt["sig_method"], receipt["key_version"])].verify(
                data, receipt["signature"])  # fmt: skip
            last, checked = receipt["signature"], checked + 1
    return checked


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        _history(data)
        with open_counter(data) as counter:
            began = time.perf_counter()
            receipts = _chain_and_signatures(counter)
            baseline = time.perf_counter() - began
            began = time.perf_counter()
            report = verify_store(counter.uow, counter.keys.verifiers(), counter.keys)
            full = time.perf_counter() - began
    assert report.ok, report.problems[:3]
    per_thousand = 1000 * full / max(receipts, 1)
    return [
        Figure(
            f"verify-journal, {receipts} receipts, {report.z_reports} Z",
            full,
            "s",
            "vs chain+RSA",
            None,
            baseline,
        ),  # fmt: skip
        Figure("  per 1 000 receipts", per_thousand, "s", "<= 2 s", per_thousand <= 2),
    ]
