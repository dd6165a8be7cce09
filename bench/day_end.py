"""Day end at scale: Z reports for 20 tenants on a day with 5 000 sales, PDFs included (goal
<= 1 s), against a raw scan of the same day's lines; and the SAF-T export of one tenant's year at
300 sales a day (goal <= 60 s, peak memory <= 300 MB, measured in a child process), against
streaming the same rows without writing XML. ``BENCH_SAFT_DAYS`` shortens the year for a trial."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from stdnum.no import orgnr

from bench import Figure
from pdf.reports import day_end_pdf, drawer_report_pdf
from pos.clock import OSLO, SteppingClock
from pos.counter import open_counter
from pos.demo.centre import seed_demo
from pos.demo.simulation import Simulation
from pos.model.basket import Basket
from pos.model.catalogue import ItemKind
from pos.model.payment import Tender, TenderKind
from pos.money import round_to_krone
from pos.services import auth, checkout, reports, setup
from pos.services.context import TillContext
from pos.services.day_end import day_end_doc
from pos.vat import VatClass

DAY = datetime(2026, 3, 2, 9, tzinfo=OSLO)
SALES, TENANTS = 5000, 20
YEAR_DAYS, PER_DAY = int(os.environ.get("BENCH_SAFT_DAYS", "365")), 300


def org_number(n: int) -> str:
    while True:
        valid = [f"92{n:06d}{d}" for d in range(10) if orgnr.is_valid(f"92{n:06d}{d}")]
        if valid:
            return valid[0]
        n += 1


def twenty_tenant_day(counter) -> TillContext:
    clock = SteppingClock(DAY)
    signer = counter.signer()
    seed_demo(counter.uow, signer, clock=clock)
    boss = TillContext("K1", auth.authenticate(counter.uow, "9001", "9999"), signer, clock)
    for n in range(TENANTS - 6):
        code = str(20 + n)
        setup.add_tenant(
            counter.uow,
            code=code,
            name=f"Leietaker {code} AS",
            org_no=org_number(100 + n * 7),
            vat_registered=True,
            clock=clock,
            ctx=boss,
        )
    with counter.uow.read() as uow:
        codes = [t.code for t in uow.store.tenants()]
    items = setup.add_items(
        counter.uow,
        [
            setup.NewItem(
                code,
                f"Diverse {code}",
                None,
                VatClass.HIGH,
                "DIVERSE",
                ItemKind.OPEN_PRICE,
                f"DIV-{code}",
            )
            for code in codes
        ],
        clock,
    )
    ctx = TillContext("K1", auth.authenticate(counter.uow, "1001", "1234"), signer, clock)
    rng = random.Random(6)
    for _ in range(SALES):
        clock.advance(seconds=6)
        basket = Basket()
        for item in rng.sample(items, rng.choice([1, 1, 2, 3])):
            basket.add(item, 1, rng.choice([2900, 4990, 14900, 29900, 12450]))
        kind = rng.random()
        tender = (
            Tender(TenderKind.CASH, round_to_krone(basket.total) + 10000)
            if kind < 0.4
            else Tender(TenderKind.CARD if kind < 0.8 else TenderKind.VIPPS, basket.total, "T")
        )
        checkout.complete_sale(counter.uow, ctx, basket, [tender])
    manager = auth.authenticate(counter.uow, "9001", "9999")
    clock.current = DAY.replace(hour=21)
    return TillContext("K1", manager, signer, clock)


def z_figures() -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp, open_counter(Path(tmp) / "data") as counter:
        ctx = twenty_tenant_day(counter)
        began = time.perf_counter()
        with counter.uow.read() as uow:
            count = uow.reports.scalar(
                "SELECT COUNT(*), SUM(l.amount) FROM sale_lines l "
                "JOIN receipts r ON r.id = l.receipt_id WHERE r.local_date = ?",
                ("2026-03-02",),
            )
        baseline = time.perf_counter() - began
        began = time.perf_counter()
        made = reports.z_reports(counter.uow, ctx)
        z_only = time.perf_counter() - began
        out = Path(tmp) / "pdf"
        out.mkdir()
        for report in made:
            drawer_report_pdf(report, out / f"{report.report_id}.pdf")
        day_end_pdf(day_end_doc(counter.uow, "K1", "2026-03-02", made), out / "day.pdf")
        total = time.perf_counter() - began
    assert count and len(made) == TENANTS
    return [
        Figure(
            f"Z {TENANTS} tenants, {SALES} sales, PDFs", total, "s", "<= 1 s", total <= 1, baseline
        ),
        Figure("  of which Z reports (journaled, stored)", z_only, "s"),
        Figure("  baseline: raw scan of the day's lines", baseline, "s"),
    ]


CHILD = """
import json, resource, sys, time
from pathlib import Path
from pos.counter import open_counter
from pos.services import auth
from pos.services.context import TillContext
from pos.clock import SteppingClock
from pos.services.saft_export import export_saft
from pos.adapters.saft_queries import SaftQueries
from datetime import datetime
data, out, start, end, mode = sys.argv[1:6]
with open_counter(Path(data)) as counter:
    ctx = TillContext("K1", auth.authenticate(counter.uow, "9001", "9999"), counter.signer(),
                      SteppingClock(datetime.fromisoformat(end + "T22:00:00+01:00")))
    began = time.perf_counter()
    if mode == "export":
        result = export_saft(counter.uow, ctx, "11", start, end, Path(out))
        n, size = result.transactions, result.path.stat().st_size
    else:
        with counter.uow.read() as uow:
            q = SaftQueries(uow.reports)
            tenant = [t for t in uow.store.tenants() if t.code == "11"][0]
            n = size = 0
            for r in q.receipts(tenant.id, "K1", start, end):
                n += 1
                size += len(q.lines(r["id"])) + len(q.payments(r["id"]))
    elapsed = time.perf_counter() - began
print(json.dumps({"s": elapsed, "n": n, "size": size,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def saft_figures() -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        start = datetime(2025, 1, 1, 10, tzinfo=OSLO)
        with open_counter(data) as counter:
            signer = counter.signer()
            seed_demo(counter.uow, signer, clock=SteppingClock(start - timedelta(days=1)))
            began = time.perf_counter()
            Simulation(counter.uow, signer, "K1", seed=2, start=start).run(YEAR_DAYS, PER_DAY)
            made_in = time.perf_counter() - began
        end = (start + timedelta(days=YEAR_DAYS - 1)).strftime("%Y-%m-%d")
        runs = {}
        for mode in ("stream", "export"):
            child = subprocess.run(
                [sys.executable, "-c", CHILD, str(data), tmp, "2025-01-01", end, mode],
                capture_output=True,
                text=True,
                check=True,
                cwd=Path(__file__).parents[1],
            )
            runs[mode] = json.loads(child.stdout)
    export, stream = runs["export"], runs["stream"]
    return [
        Figure(
            f"SAF-T export, 1 tenant, {YEAR_DAYS} days x {PER_DAY}",
            export["s"],
            "s",
            "<= 60 s",
            export["s"] <= 60,
            stream["s"],
        ),
        Figure(
            "  peak memory of the exporting process",
            export["rss_mb"],
            "MB",
            "<= 300 MB",
            export["rss_mb"] <= 300,
            stream["rss_mb"],
        ),
        Figure(f"  transactions exported ({export['size'] / 1e6:.0f} MB file)", export["n"], ""),
        Figure("  baseline: stream the same rows, no XML", stream["s"], "s"),
        Figure("  (history made by simulate in)", made_in, "s"),
    ]


def run() -> list[Figure]:
    return z_figures() + saft_figures()
