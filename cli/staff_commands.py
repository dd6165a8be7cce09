"""Getting back in: ``recovery-code`` (a manager makes a new recovery code, shown once, printed
with ``--print``) and ``recover-manager`` (the code gives a locked-out or forgotten manager a new
PIN; no PIN needed, that is the point)."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING

from cli.bootstrap import CounterApp, Settings, opened
from cli.options import Commands, add_command, staff_context, staff_options

if TYPE_CHECKING:
    from pos.model.documents import SlipDoc


def add_commands(commands: Commands) -> None:
    made = add_command(
        commands,
        "recovery-code",
        recovery_code,
        "make a new recovery code (manager; shown once; the old code stops working)",
    )
    made.add_argument("--print", action="store_true", help="also print it on the receipt printer")
    staff_options(made)
    recover = add_command(
        commands,
        "recover-manager",
        recover_manager,
        "give a manager a new PIN with the recovery code (lifts a lock; journaled)",
    )
    recover.add_argument("--code", required=True, help="the recovery code, e.g. ABCD-EFGH-...")
    recover.add_argument("--staff", required=True, help="the manager's staff number")
    recover.add_argument("--new-pin", default=None, help="the new PIN (asked for when left out)")


def recovery_code(args: argparse.Namespace, settings: Settings) -> int:
    from pos.services import recovery

    with opened(settings) as app:
        ctx = staff_context(args, app)
        code = recovery.new_recovery_code(app.uow, ctx)
        _show(code)
        if args.print:
            with app.uow.read() as uow:
                centre = uow.meta.get_meta("centre_name") or ""
            when = ctx.clock.now()
            _print_now(app, recovery.recovery_slip(centre, ctx.register_id, code, when))
    return 0


def recover_manager(args: argparse.Namespace, settings: Settings) -> int:
    from pos.services import recovery

    pin = args.new_pin if args.new_pin is not None else _new_pin()
    if pin is None:
        print("PIN-kodene var ikke like / the PINs did not match.", file=sys.stderr)
        return 2
    with opened(settings) as app:
        done = recovery.recover_manager(
            app.uow, args.code, args.staff, pin, register_id=app.register_id, clock=app.clock()
        )
    print(f"{done.name} ({done.staff_no}) har ny PIN og er låst opp / has a new PIN, unlocked.")
    print("Koden er brukt opp. Ny kode / the code is used up. New code:")
    _show(done.new_code)
    return 0


def _print_now(app: CounterApp, slip: SlipDoc) -> None:
    """Queue the slip and send it at once through the till's own worker (a code must not wait
    in a queue); a printer that fails is said, the code was shown anyway."""
    from printers.worker import PrintWorker

    app.printing.print_slip(slip)
    sent = PrintWorker(app.uow, app.register_id, app.printing.transports()).run_pending()
    print("Skrevet ut / printed." if sent else "Utskriften feilet / printing failed.")


def _show(code: str) -> None:
    print(f"\n    {code}\n")
    print(
        "Skriv den ned og oppbevar den trygt: den vises bare nå. / Write it down and keep it "
        "safe: it is shown only now."
    )


def _new_pin() -> str | None:
    first = getpass.getpass("Ny PIN / new PIN: ")
    return first if getpass.getpass("Gjenta / repeat: ") == first else None
