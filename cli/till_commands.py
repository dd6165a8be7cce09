"""The till's day on the command line: ``till-open`` (the float, as an amount or a count by
denomination) and ``till-status``. The close is ``till-close`` among the day-end commands."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from cli.bootstrap import opened
from cli.journal_words import say
from cli.options import Commands, add_command, parse_count, staff_context, staff_options

if TYPE_CHECKING:
    from cli.bootstrap import CounterApp, Settings
    from pos.services.context import TillContext


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
        session_id = till_day.open_with_float(app.uow, ctx, amount, count)
        status = till_day.till_status(app.uow, ctx.register_id)
        kicked = _kick_drawer(app, ctx, session_id, settings.lang)
    float_kr = format_nok(status.float_amount)
    print(say(settings.lang,
              f"Kassen {status.register_id} er åpnet {status.since} av {status.opened_by} med "
              f"vekselkasse {float_kr} kr. {kicked}",
              f"Till {status.register_id} opened {status.since} by {status.opened_by} with a "
              f"float of {float_kr} kr. {kicked}"))  # fmt: skip
    return 0


def _kick_drawer(app: CounterApp, ctx: TillContext, session_id: str, lang: str) -> str:
    """Open the drawer now through the receipt printer, when this register has one; the
    opening is journaled (13005) only when the kick reached it."""
    from pos.model.printing import JobStatus, PrinterNotConfigured, PrinterRole
    from pos.services import print_queue
    from printers.worker import PrintWorker

    register_id = ctx.register_id
    if register_id != app.register_id:
        return say(lang, "Skuffen åpnes ved den kassen.", "The drawer opens at that register.")
    printing = app.printing
    try:
        printing.setting(PrinterRole.RECEIPT)
    except PrinterNotConfigured:
        return say(lang, "Ingen kvitteringsskriver: åpne skuffen med nøkkel.",
                   "No receipt printer: open the drawer with its key.")  # fmt: skip
    job_id = printing.open_drawer_for_float(ctx, session_id)
    PrintWorker(printing.uow, register_id, printing.transports()).run_pending()
    if print_queue.job(printing.uow, job_id).status is JobStatus.PRINTED:
        return say(lang, "Skuffen er åpnet.", "The drawer is open.")
    return say(lang, "Skriveren svarte ikke: åpne skuffen med nøkkel.",
               "The printer did not answer: open the drawer with its key.")  # fmt: skip


def till_status_(args: argparse.Namespace, settings: Settings) -> int:
    from pos.money import format_nok
    from pos.services import till_day

    with opened(settings) as app:
        status = till_day.till_status(app.uow, args.register or app.register_id)
    lang, register = settings.lang, status.register_id
    if status.is_open:
        money = (format_nok(status.float_amount), format_nok(status.cash_in),
                 format_nok(-status.cash_out))  # fmt: skip
        held = status.held_by or "–"  # after a shift change: who took it over
        handed = (say(lang, f"; overlevert av {status.opened_by}, dagen åpnet av "
                            f"{status.day_opened_by} {status.day_opened_at}",
                      f"; handed over by {status.opened_by}, the day opened by "
                      f"{status.day_opened_by} {status.day_opened_at}")
                  if status.handed_over else "")  # fmt: skip
        print(say(lang,
                  f"Kassen {register} er åpen siden {status.since} ({held}{handed}): "
                  f"vekselkasse {money[0]}, inn {money[1]}, ut {money[2]}.",
                  f"Till {register} is open since {status.since} ({held}{handed}): "
                  f"float {money[0]}, in {money[1]}, out {money[2]}."))  # fmt: skip
    elif status.since:
        print(say(lang, f"Kassen {register} er stengt (siden {status.since}).",
                  f"Till {register} is closed (since {status.since})."))  # fmt: skip
    else:
        print(say(lang, f"Kassen {register} har aldri vært åpnet.",
                  f"Till {register} has never been opened."))  # fmt: skip
    return 0 if status.is_open else 1
