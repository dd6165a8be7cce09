"""The till's day on the command line: ``till-open`` (the float, as an amount or a count by
denomination) and ``till-status``. The close is ``till-close`` among the day-end commands."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from cli.bootstrap import opened
from cli.options import Commands, add_command, parse_count, staff_context, staff_options

if TYPE_CHECKING:
    from cli.bootstrap import CounterApp, Settings


def add_commands(commands: Commands) -> None:
    opening = add_command(
        commands,
        "till-open",
        till_open_,
        "open the till with its float (a manager; journaled; the drawer opens)",
    )
    amount = opening.add_mutually_exclusive_group(required=True)
    amount.add_argument("--float", dest="float_amount", help="the float in kroner, e.g. 1500")
    amount.add_argument(
        "--count", help="or the float counted: pieces per denomination, e.g. 500=2,100=4,20=5"
    )
    staff_options(opening)
    status = add_command(commands, "till-status", till_status_, "is the till open, and its float")
    status.add_argument("--register", default=None, help="register id (default: this counter's)")


def till_open_(args: argparse.Namespace, settings: Settings) -> int:
    from pos.money import format_nok, parse_nok
    from pos.services import till_day

    count = parse_count(args.count) if args.count else None
    amount = parse_nok(args.float_amount) if args.float_amount else None
    with opened(settings) as app:
        ctx = staff_context(args, app)
        till_day.open_with_float(app.uow, ctx, amount, count)
        status = till_day.till_status(app.uow, ctx.register_id)
        kicked = _kick_drawer(app, ctx.register_id)
    print(
        f"Kassen {status.register_id} er åpnet {status.since} av {status.opened_by} med "
        f"vekselkasse {format_nok(status.float_amount)} kr. {kicked}"
    )
    return 0


def _kick_drawer(app: CounterApp, register_id: str) -> str:
    """Open the drawer now through the receipt printer, when this register has one."""
    from pos.model.printing import JobStatus, PrinterNotConfigured, PrinterRole
    from pos.services import print_queue
    from printers.worker import PrintWorker

    if register_id != app.register_id:
        return "Skuffen åpnes ved den kassen."
    printing = app.printing
    try:
        printing.setting(PrinterRole.RECEIPT)
    except PrinterNotConfigured:
        return "Ingen kvitteringsskriver: åpne skuffen med nøkkel."
    job_id = printing.kick_drawer("Skuff: vekselkasse")
    PrintWorker(printing.uow, register_id, printing.transports()).run_pending()
    if print_queue.job(printing.uow, job_id).status is JobStatus.PRINTED:
        return "Skuffen er åpnet."
    return "Skriveren svarte ikke: åpne skuffen med nøkkel."


def till_status_(args: argparse.Namespace, settings: Settings) -> int:
    from pos.money import format_nok
    from pos.services import till_day

    with opened(settings) as app:
        status = till_day.till_status(app.uow, args.register or app.register_id)
    if status.is_open:
        print(
            f"Kassen {status.register_id} er åpen siden {status.since} ({status.opened_by}): "
            f"vekselkasse {format_nok(status.float_amount)}, inn {format_nok(status.cash_in)}, "
            f"ut {format_nok(-status.cash_out)}."
        )
    elif status.since:
        print(f"Kassen {status.register_id} er stengt (siden {status.since}).")
    else:
        print(f"Kassen {status.register_id} har aldri vært åpnet.")
    return 0 if status.is_open else 1
