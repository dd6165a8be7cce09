"""Printing a receipt again from the command line: ``print-copy NUMBER --staff NO``. The same
rule as the look-up screen (``pos.services.reprint``): the original if the receipt never reached
paper, else its one copy ("KOPI", journaled 13014, counted in X/Z); that copy again only if it
never reached the printer; a second copy is refused.
Who may: everyone who sells (``Permission.RECEIPT_COPY``); the PIN proves who it was."""

from __future__ import annotations

import argparse
import sys

from cli.bootstrap import Settings, opened
from cli.options import Commands, add_command, staff_context, staff_options


def add_commands(commands: Commands) -> None:
    command = add_command(
        commands,
        "print-copy",
        print_copy,
        "print a receipt again on this register's printer: its original if it never printed, "
        "else its one copy (KOPI); a second copy is refused",
    )
    command.add_argument("number", help="the receipt number, e.g. 15-K1-000004")
    staff_options(command)


def print_copy(args: argparse.Namespace, settings: Settings) -> int:
    from pos.services import print_queue
    from printers.worker import PrintWorker

    english = settings.lang == "en"
    with opened(settings) as app:
        ctx = staff_context(args, app)
        printing = app.printing
        done = printing.print_again(ctx, args.number)
        PrintWorker(app.uow, printing.register_id, printing.transports()).run_pending()
        job = print_queue.job(app.uow, done.job_ids[0])
    number = (done.originals or done.copies)[0]
    if english:
        what = f"{'The original' if done.originals else 'The copy (KOPI)'} of {number}"
    else:
        what = f"{'Originalen' if done.originals else 'Kopien (KOPI)'} av {number}"
    if job.printed_at is None:
        problem = job.error or job.status.value
        print(
            f"{what}: the printer did not print it ({problem}). It is kept as a failed job: "
            "run print-copy again when the printer works, or retry it at the counter "
            "(Ctrl+Shift+P)."
            if english
            else f"{what}: skriveren skrev den ikke ut ({problem}). Den ligger som en feilet "
            "utskrift: kjør print-copy igjen når skriveren virker, eller prøv igjen fra kassen "
            "(Ctrl+Shift+P).",
            file=sys.stderr,
        )
        return 1
    print(f"{what}: printed." if english else f"{what}: skrevet ut.")
    return 0
