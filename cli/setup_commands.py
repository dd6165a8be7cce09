"""Setting a centre up and filling it: ``demo`` (the demo centre), ``simulate`` (realistic
history made with the real services) and ``tenants`` (who sells here)."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime
from typing import TYPE_CHECKING

from cli.bootstrap import Settings, opened
from cli.options import Commands, add_command

if TYPE_CHECKING:
    from printers.printing import Printing


def add_commands(commands: Commands) -> None:
    add_command(commands, "demo", demo, "seed the demo centre (does nothing if a centre exists)")
    simulate_ = add_command(
        commands, "simulate", simulate, "make realistic history with the real services"
    )
    simulate_.add_argument("--days", type=int, default=7)
    simulate_.add_argument("--sales-per-day", type=int, default=100)
    simulate_.add_argument("--seed", type=int, default=1)
    simulate_.add_argument(
        "--start",
        default="2026-01-05",
        help="first simulated day, YYYY-MM-DD (default: 2026-01-05)",
    )
    add_command(commands, "tenants", tenants, "list tenants: code, org.no, name (tab-separated)")


def demo(args: argparse.Namespace, settings: Settings) -> int:
    from pos.demo.centre import seed_demo

    with opened(settings) as app:
        made = seed_demo(app.uow, app.signer())
    print(
        f"Demo centre created in {settings.data_dir}"
        if made
        else f"{settings.data_dir} already holds a centre; nothing changed"
    )
    return 0


def simulate(args: argparse.Namespace, settings: Settings) -> int:
    from pos.clock import OSLO
    from pos.demo.centre import seed_demo
    from pos.demo.simulation import Simulation

    if args.days < 1 or args.sales_per_day < 1:
        print("--days and --sales-per-day must be at least 1", file=sys.stderr)
        return 2
    start = datetime.strptime(args.start, "%Y-%m-%d").replace(hour=10, tzinfo=OSLO)
    with opened(settings) as app:
        signer = app.signer()
        seed_demo(app.uow, signer)
        printing = app.printing if settings.printer_url else None
        began = time.perf_counter()
        simulation = Simulation(
            app.uow,
            signer,
            app.register_id,
            seed=args.seed,
            start=start,
            after_sale=printing.print_sale if printing else None,
            data_dir=app.data_dir,
        )
        if printing:
            printing.clock = simulation.clock
        stats = simulation.run(args.days, args.sales_per_day)
        elapsed = time.perf_counter() - began
        if printing:
            _print_queued(printing, settings.printer_url or "")
    print(
        f"{stats.sales} sales ({stats.receipts} tenant receipts), {stats.returns} returns, "
        f"{stats.copies} copies, {stats.training} training, {stats.parked} parked, "
        f"{stats.voided} voided, {stats.deleted_lines} deleted lines, "
        f"{stats.refused} refused by the rules {stats.errors or ''}"
    )
    jobs = stats.repairs
    print(
        f"repairs: {jobs.taken_in} taken in ({jobs.deposits} with deposit), {jobs.collected} "
        f"collected at the till, {jobs.not_repaired} not repaired, {len(jobs.open)} open, "
        f"{jobs.notifications} notifications queued"
    )
    print(
        f"{args.days} days in {elapsed:.1f} s ({1000 * elapsed / max(stats.sales, 1):.2f} ms "
        f"per sale)"
    )
    return 0


def _print_queued(printing: Printing, url: str) -> None:
    """Send what the run queued, in order, through the same worker the till uses."""
    from pos.model.printing import JobStatus
    from pos.services import print_queue
    from printers.worker import PrintWorker

    sent = PrintWorker(printing.uow, printing.register_id, printing.transports()).run_pending()
    failed = print_queue.jobs(printing.uow, printing.register_id, [JobStatus.FAILED], limit=10**6)
    print(f"{sent} print jobs sent to {url}, {len(failed)} failed")


def tenants(args: argparse.Namespace, settings: Settings) -> int:
    with opened(settings) as app, app.uow.read() as uow:
        for tenant in uow.store.tenants():
            print(f"{tenant.code}\t{tenant.org_no}\t{tenant.name}")
    return 0
