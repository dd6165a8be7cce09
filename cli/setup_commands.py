"""Setting a centre up and filling it: ``demo`` (the demo centre), ``simulate`` (realistic
history made with the real services) and ``tenants`` (who sells here)."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime
from typing import TYPE_CHECKING

from cli.bootstrap import CounterApp, Settings, opened
from cli.options import Commands, add_command

if TYPE_CHECKING:
    from pos.demo.simulation import SimulationStats
    from pos.signing import Signer
    from printers.printing import Printing


def add_commands(commands: Commands) -> None:
    add_command(commands, "demo", demo, "seed the demo centre (does nothing if a centre exists)")
    simulate_ = add_command(
        commands, "simulate", simulate, "make realistic history with the real services"
    )
    simulate_.add_argument("--days", type=int, default=7, help="days of history (default: 7)")
    simulate_.add_argument("--sales-per-day", type=int, default=100)
    simulate_.add_argument("--seed", type=int, default=1)
    simulate_.add_argument(
        "--start",
        default=None,
        help="first simulated day, YYYY-MM-DD (default: where the store's history ends; in an "
        "empty directory, so that the days end today). Never before the store's history, and "
        "no history after now.",
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
    """Made-up history for a demo store (or an empty directory, which becomes one)."""
    from pos.clock import OSLO, Stamp
    from pos.demo.simulation import Simulation
    from pos.demo.simulation_days import CLOSES, OPENS
    from pos.services import print_queue

    if args.days < 1 or args.sales_per_day < 1:
        print("--days and --sales-per-day must be at least 1", file=sys.stderr)
        return 2
    now = datetime.now(OSLO)
    with opened(settings) as app:
        if not _anything_to_simulate(app, args, now):
            print(
                f"Nothing to simulate yet: no opening hours ({OPENS:%H:%M}-{CLOSES:%H:%M}) of "
                f"the {args.days} days up to today have begun, and simulate never writes history "
                "after now. No demo centre was made; ask for more days (--days 2 includes "
                "yesterday).",
                file=sys.stderr,
            )
            return 1
        signer = app.signer()
        start = _simulation_start(app, signer, args, now)
        printing = app.printing if settings.printer_url else None
        began = time.perf_counter()
        simulation = Simulation(
            app.uow, signer, app.register_id, seed=args.seed, start=start, not_after=now,
            close_days=True, after_sale=printing.print_sale if printing else None,
            data_dir=app.data_dir,
        )  # fmt: skip
        if printing:
            printing.clock = simulation.clock
        stats = simulation.run(args.days, args.sales_per_day)
        elapsed = time.perf_counter() - began
        if printing:
            _print_queued(printing, settings.printer_url or "")
        else:  # made-up sales: the window must not print them as receipts a crash lost
            print_queue.no_paper_before(app.uow, Stamp.of(now))
    if not stats.days:
        print(
            "Nothing to simulate: the store's history already reaches now, and simulate never "
            "writes history after now (in an empty data directory it makes the days up to "
            "today).",
            file=sys.stderr,
        )
        return 1
    _print_stats(stats, elapsed, args.days)
    return 0


def _anything_to_simulate(app: CounterApp, args: argparse.Namespace, now: datetime) -> bool:
    """For an empty directory: whether any of the days asked for has opening hours before now
    (else the demo centre is not made for nothing)."""
    from datetime import timedelta

    from pos.demo.centre import is_seeded
    from pos.demo.simulation_days import opening_hours

    if is_seeded(app.uow) or args.start:
        return True
    first = (now - timedelta(days=args.days - 1)).date()
    days = (first + timedelta(days=n) for n in range(args.days))
    start = datetime.combine(first, datetime.min.time(), now.tzinfo)
    return any(opening_hours(day, start, now) is not None for day in days)


def _simulation_start(
    app: CounterApp, signer: Signer, args: argparse.Namespace, now: datetime
) -> datetime | None:
    """An empty directory becomes the demo centre, opened the morning of the first day; a
    demo store continues where its history ends (``--start`` may be later, never earlier)."""
    from datetime import timedelta

    from pos.clock import OSLO, SteppingClock
    from pos.demo.centre import is_seeded, seed_demo
    from pos.demo.simulation_days import continue_point

    chosen = None
    if args.start:
        day = datetime.strptime(args.start, "%Y-%m-%d").date()
        chosen = datetime(day.year, day.month, day.day, tzinfo=OSLO)
    if not is_seeded(app.uow):
        first = chosen or (now - timedelta(days=args.days - 1)).replace(hour=0, minute=0)
        opened_at = min(first.replace(hour=9, minute=0, second=0, microsecond=0), now)
        seed_demo(app.uow, signer, clock=SteppingClock(opened_at))
    earliest = continue_point(app.uow, app.register_id)
    if chosen is None or earliest is None:
        return chosen
    same_day = chosen.date() == earliest.astimezone(OSLO).date()
    return max(chosen, earliest) if same_day else chosen


def _print_stats(stats: SimulationStats, elapsed: float, asked: int) -> None:
    from pos.demo.simulation_days import CLOSES, OPENS

    print(
        f"{stats.sales} sales ({stats.receipts} tenant receipts), {stats.returns} returns, "
        f"{stats.copies} copies, {stats.training} training, {stats.parked} parked, "
        f"{stats.voided} voided, {stats.deleted_lines} deleted lines, "
        f"{stats.refused} refused by the rules {stats.errors or ''}"
    )
    jobs = stats.repairs
    print(
        f"repairs: {jobs.taken_in} taken in ({jobs.deposits} with deposit), {jobs.collected} "
        f"collected at the till, {jobs.not_repaired} returned unrepaired, {jobs.end_of_life} "
        f"end of life, {len(jobs.open)} open, {jobs.notifications} notifications queued"
    )
    closed = f"days {stats.days[0]} to {stats.days[-1]}: {stats.z_reports} Z reports taken; "
    if stats.without_z:
        days = ", ".join(stats.without_z)
        print(closed + f"the last day is still open: no Z yet for {days} (z-report takes it)")
    else:
        print(closed + "every day has its Z")
    if len(stats.days) < asked:
        print(f"{asked - len(stats.days)} of the {asked} days asked for had no opening hours "
              f"before now ({OPENS:%H:%M}-{CLOSES:%H:%M}; simulate never writes history after "
              "now)")  # fmt: skip
    print(
        f"{len(stats.days)} days in {elapsed:.1f} s "
        f"({1000 * elapsed / max(stats.sales, 1):.2f} ms per sale)"
    )


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
