"""Setting a centre up and filling it: ``demo`` (the demo centre), ``simulate`` (realistic
history made with the real services) and ``tenants`` (who sells here)."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime
from typing import TYPE_CHECKING

from cli.bootstrap import CounterApp, Settings, opened
from cli.journal_words import say
from cli.options import Commands, add_command
from cli.words import counted

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
    where, lang = settings.data_dir, settings.lang
    if made:
        print(say(lang, f"Demosenteret er laget i {where}", f"Demo centre created in {where}"))
    else:
        print(say(lang, f"{where} har allerede et senter; ingenting er endret",
                  f"{where} already holds a centre; nothing changed"))  # fmt: skip
    return 0


def simulate(args: argparse.Namespace, settings: Settings) -> int:
    """Made-up history for a demo store (or an empty directory, which becomes one)."""
    from pos.clock import OSLO, Stamp
    from pos.demo.simulation import Simulation
    from pos.demo.simulation_days import CLOSES, OPENS
    from pos.services import print_queue

    lang = settings.lang
    if args.days < 1 or args.sales_per_day < 1:
        print(say(lang, "--days og --sales-per-day må være minst 1",
                  "--days and --sales-per-day must be at least 1"), file=sys.stderr)  # fmt: skip
        return 2
    now = datetime.now(OSLO)
    hours = f"{OPENS:%H:%M}-{CLOSES:%H:%M}"
    with opened(settings) as app:
        if not _anything_to_simulate(app, args, now):
            print(say(lang,
                      f"Ingenting å simulere ennå: ingen åpningstid ({hours}) i de {args.days} "
                      "dagene fram til i dag har begynt, og simulate skriver aldri historikk "
                      "etter nå. Ingen demosenter ble laget; be om flere dager (--days 2 tar "
                      "med i går).",
                      f"Nothing to simulate yet: no opening hours ({hours}) of the {args.days} "
                      "days up to today have begun, and simulate never writes history after "
                      "now. No demo centre was made; ask for more days (--days 2 includes "
                      "yesterday)."), file=sys.stderr)  # fmt: skip
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
            _print_queued(printing, settings.printer_url or "", lang)
        else:  # made-up sales: the window must not print them as receipts a crash lost
            print_queue.no_paper_before(app.uow, Stamp.of(now))
    if not stats.days:
        print(say(lang,
                  "Ingenting å simulere: historikken når allerede fram til nå, og simulate "
                  "skriver aldri historikk etter nå (i en tom datamappe lager den dagene fram "
                  "til i dag).",
                  "Nothing to simulate: the store's history already reaches now, and simulate "
                  "never writes history after now (in an empty data directory it makes the "
                  "days up to today)."), file=sys.stderr)  # fmt: skip
        return 1
    for line in stats_lines(stats, elapsed, args.days, lang):
        print(line)
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


def stats_lines(stats: SimulationStats, elapsed: float, asked: int, lang: str) -> list[str]:
    """What a simulation made, day by day closed or left open, in the interface's language."""
    from pos.demo.simulation_days import CLOSES, OPENS

    def n(count: int, nb: tuple[str, str], en: tuple[str, str]) -> str:
        return counted(lang, count, nb, en)

    jobs, first, last = stats.repairs, stats.days[0], stats.days[-1]
    sales = n(stats.sales, ("salg", "salg"), ("sale", "sales"))
    receipts = n(stats.receipts, ("leietakerkvittering", "leietakerkvitteringer"),
                 ("tenant receipt", "tenant receipts"))  # fmt: skip
    lines = [
        say(lang,
            f"{sales} ({receipts}), {stats.returns} returer, {stats.copies} kopier, "
            f"{stats.training} trening, {stats.parked} parkert, {stats.voided} annullert, "
            f"{stats.deleted_lines} slettede linjer, {stats.refused} avvist av reglene",
            f"{sales} ({receipts}), {stats.returns} returns, {stats.copies} copies, "
            f"{stats.training} training, {stats.parked} parked, {stats.voided} voided, "
            f"{stats.deleted_lines} deleted lines, {stats.refused} refused by the rules"),
        say(lang,
            f"reparasjoner: {jobs.taken_in} tatt inn ({jobs.deposits} med depositum), "
            f"{jobs.collected} hentet i kassen, {jobs.not_repaired} levert tilbake ureparert, "
            f"{jobs.end_of_life} kassert, {len(jobs.open)} åpne, {jobs.notifications} varsler "
            "i kø",
            f"repairs: {jobs.taken_in} taken in ({jobs.deposits} with deposit), "
            f"{jobs.collected} collected at the till, {jobs.not_repaired} returned unrepaired, "
            f"{jobs.end_of_life} end of life, {len(jobs.open)} open, {jobs.notifications} "
            "notifications queued"),
    ]  # fmt: skip
    lines[1:1] = refusal_lines(stats, lang)
    z = n(stats.z_reports, ("Z-rapport", "Z-rapporter"), ("Z report", "Z reports"))
    closed = say(lang, f"dagene {first} til {last}: {z} tatt; ",
                 f"days {first} to {last}: {z} taken; ")  # fmt: skip
    if stats.without_z:
        days = ", ".join(stats.without_z)
        lines.append(closed + say(lang,
                                  f"siste dag er fortsatt åpen: ingen Z ennå for {days} "
                                  "(z-report tar den)",
                                  f"the last day is still open: no Z yet for {days} (z-report "
                                  "takes it)"))  # fmt: skip
    else:
        lines.append(closed + say(lang, "hver dag har sin Z", "every day has its Z"))
    if len(stats.days) < asked:
        hours, none = f"{OPENS:%H:%M}-{CLOSES:%H:%M}", asked - len(stats.days)
        lines.append(say(lang,
                         f"{none} av de {asked} dagene det ble bedt om hadde ingen åpningstid "
                         f"før nå ({hours}; simulate skriver aldri historikk etter nå)",
                         f"{none} of the {asked} days asked for had no opening hours before "
                         f"now ({hours}; simulate never writes history after now)"))  # fmt: skip
    took, per_sale = f"{elapsed:.1f}", f"{1000 * elapsed / max(stats.sales, 1):.2f}"
    days_made = n(len(stats.days), ("dag", "dager"), ("day", "days"))
    lines.append(say(lang,
                     f"{days_made} på {took.replace('.', ',')} s ({per_sale.replace('.', ',')} "
                     "ms per salg)",
                     f"{days_made} in {took} s ({per_sale} ms per sale)"))  # fmt: skip
    return lines


def refusal_lines(stats: SimulationStats, lang: str) -> list[str]:
    """One line per kind of refusal, most frequent first: how many, and the first one's
    message as the counter said it."""
    found = sorted(stats.errors.items(), key=lambda item: (-item[1], item[0]))
    lines = []
    for code, count in found:
        nb, en = stats.refusal_texts.get(code, (code, code))
        times = counted(lang, count, ("gang", "ganger"), ("time", "times"))
        lines.append("  " + say(lang, f"avvist {times}: {nb}", f"refused {times}: {en}"))
    return lines


def _print_queued(printing: Printing, url: str, lang: str) -> None:
    """Send what the run queued, in order, through the same worker the till uses."""
    from pos.model.printing import JobStatus
    from pos.services import print_queue
    from printers.worker import PrintWorker

    sent = PrintWorker(printing.uow, printing.register_id, printing.transports()).run_pending()
    failed = print_queue.jobs(printing.uow, printing.register_id, [JobStatus.FAILED], limit=10**6)
    print(say(lang, f"{sent} utskrifter sendt til {url}, {len(failed)} mislyktes",
              f"{sent} print jobs sent to {url}, {len(failed)} failed"))  # fmt: skip


def tenants(args: argparse.Namespace, settings: Settings) -> int:
    with opened(settings) as app, app.uow.read() as uow:
        for tenant in uow.tenants.tenants():
            print(f"{tenant.code}\t{tenant.org_no}\t{tenant.name}")
    return 0
