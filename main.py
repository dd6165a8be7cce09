"""Omigjen POS composition root: parse arguments, open the counter's data directory, then either
run a command-line task or start the Qt window (no sub-command)."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from pos.errors import DomainError

APP_NAME = "omigjen-pos"
VERSION = "0.1.0"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="omigjen-pos", description="Omigjen POS – kasse og verksteddisk for et ombrukssenter."
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="where the counter keeps its database and keys "
        "(default: the platform's user data directory)",
    )
    parser.add_argument(
        "--lang",
        default="nb",
        choices=["nb", "en"],
        help="language of the user interface and messages (default: nb)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("demo", help="seed the demo centre (does nothing if a centre exists)")
    simulate = commands.add_parser("simulate", help="make realistic history with the real services")
    simulate.add_argument("--days", type=int, default=7)
    simulate.add_argument("--sales-per-day", type=int, default=100)
    simulate.add_argument("--seed", type=int, default=1)
    simulate.add_argument(
        "--start",
        default="2026-01-05",
        help="first simulated day, YYYY-MM-DD (default: 2026-01-05)",
    )
    commands.add_parser(
        "verify-journal", help="check the journal hash chain, signatures and receipt contents"
    )
    export = commands.add_parser("export-public-key", help="print the signing public key (PEM)")
    export.add_argument("--key-version", default=None)
    commands.add_parser("tenants", help="list tenants: code, org.no, name (tab-separated)")
    add_day_end_commands(commands)
    return parser


def _staff_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--staff", required=True, help="staff number of the person doing this")
    command.add_argument("--pin", default=None, help="their PIN (asked for when left out)")
    command.add_argument("--register", default=None, help="register id (default: this counter's)")


def add_day_end_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    x_report = commands.add_parser(
        "x-report", help="X report per tenant since its last Z (journaled in full)"
    )
    x_report.add_argument("--tenant", action="append", help="code or org.no (repeatable)")
    x_report.add_argument("--pdf", type=Path, default=None, help="directory for the PDFs")
    _staff_options(x_report)
    z_report = commands.add_parser(
        "z-report", help="Z report per tenant for a day (default: today, every tenant in use)"
    )
    z_report.add_argument("--tenant", action="append", help="code or org.no (repeatable)")
    z_report.add_argument("--date", default=None, help="business day, YYYY-MM-DD")
    z_report.add_argument("--include-empty", action="store_true", help="also tenants with no use")
    z_report.add_argument(
        "--pdf", type=Path, default=None, help="directory for the Z PDFs and the day-end PDF"
    )
    _staff_options(z_report)
    saft = commands.add_parser("export-saft", help="SAF-T Cash Register XML for one tenant")
    saft.add_argument("--tenant", required=True, help="org.no or code")
    saft.add_argument("--from", dest="date_from", required=True, help="YYYY-MM-DD")
    saft.add_argument("--to", dest="date_to", required=True, help="YYYY-MM-DD")
    saft.add_argument("--out", type=Path, required=True, help="file, or directory (standard name)")
    _staff_options(saft)
    settle = commands.add_parser("settlement", help="settle a tenant for a period (numbered)")
    settle.add_argument("--tenant", required=True, help="org.no or code")
    settle.add_argument("--from", dest="date_from", required=True, help="YYYY-MM-DD")
    settle.add_argument("--to", dest="date_to", required=True, help="YYYY-MM-DD")
    settle.add_argument("--pdf", type=Path, default=None, help="statement PDF path")
    settle.add_argument("--csv", type=Path, default=None, help="CSV for the accountant")
    settle.add_argument("--pain001", type=Path, default=None, help="ISO 20022 payment file")
    settle.add_argument("--pay-date", default=None, help="payment date (default: tomorrow)")
    settle.add_argument("--debtor-account", default=None, help="the centre's account to pay from")
    _staff_options(settle)
    close = commands.add_parser("till-close", help="close the till with a blind count")
    close.add_argument(
        "--count", required=True, help="pieces per denomination in kroner, e.g. 1000=2,50=3,1=4"
    )
    close.add_argument("--card", default=None, help="card terminal batch total (kr)")
    close.add_argument("--vipps", default=None, help="Vipps batch total (kr)")
    close.add_argument("--note", default="", help="note (needed when the count is off)")
    _staff_options(close)
    terms = commands.add_parser("tenant-terms", help="set a tenant's commission, rent and account")
    terms.add_argument("--tenant", required=True, help="org.no or code")
    terms.add_argument("--commission", required=True, help="percent, e.g. 20 or 12,5")
    terms.add_argument("--rent", default="0", help="monthly rent in kroner, e.g. 3000")
    terms.add_argument("--account", default="", help="tenant's bank account (11 digits)")
    terms.add_argument(
        "--group", action="append", default=[], help="per article group: GROUP=PERCENT"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    data_dir: Path = args.data_dir or default_data_dir()
    if args.command is None:
        from ui.app import run_gui

        return run_gui(data_dir, lang=args.lang, version=VERSION)
    try:
        return COMMANDS[args.command](args, data_dir)
    except DomainError as error:
        print(error.message(args.lang), file=sys.stderr)
        return 2


def _open(data_dir: Path):  # type: ignore[no-untyped-def]
    from pos.counter import open_counter

    return open_counter(data_dir)


def cmd_demo(args: argparse.Namespace, data_dir: Path) -> int:
    from pos.services.demo import seed_demo

    with _open(data_dir) as counter:
        made = seed_demo(counter.uow, counter.signer())
    print(
        f"Demo centre created in {data_dir}"
        if made
        else f"{data_dir} already holds a centre; nothing changed"
    )
    return 0


def cmd_simulate(args: argparse.Namespace, data_dir: Path) -> int:
    from pos.clock import OSLO
    from pos.services.demo import seed_demo
    from pos.simulation import Simulation

    if args.days < 1 or args.sales_per_day < 1:
        print("--days and --sales-per-day must be at least 1", file=sys.stderr)
        return 2
    start = datetime.strptime(args.start, "%Y-%m-%d").replace(hour=10, tzinfo=OSLO)
    with _open(data_dir) as counter:
        signer = counter.signer()
        seed_demo(counter.uow, signer)
        began = time.perf_counter()
        stats = Simulation(
            counter.uow, signer, counter.register_id(), seed=args.seed, start=start
        ).run(args.days, args.sales_per_day)
        elapsed = time.perf_counter() - began
    print(
        f"{stats.sales} sales ({stats.receipts} tenant receipts), {stats.returns} returns, "
        f"{stats.copies} copies, {stats.training} training, {stats.parked} parked, "
        f"{stats.voided} voided, {stats.deleted_lines} deleted lines, "
        f"{stats.refused} refused by the rules {stats.errors or ''}"
    )
    print(
        f"{args.days} days in {elapsed:.1f} s ({1000 * elapsed / max(stats.sales, 1):.2f} ms "
        f"per sale)"
    )
    return 0


def cmd_verify_journal(args: argparse.Namespace, data_dir: Path) -> int:
    from pos.services.verification import verify_store

    with _open(data_dir) as counter:
        report = verify_store(counter.uow, counter.keys.verifiers())
    if report.ok:
        print(
            f"OK: {report.journal_rows} journal rows and {report.receipts} signed receipts verified"
        )
        return 0
    print(f"FAILED: {report.first_problem}", file=sys.stderr)
    return 1


def cmd_export_public_key(args: argparse.Namespace, data_dir: Path) -> int:
    with _open(data_dir) as counter:
        sys.stdout.write(counter.keys.public_key_pem(args.key_version).decode("ascii"))
    return 0


def cmd_tenants(args: argparse.Namespace, data_dir: Path) -> int:
    with _open(data_dir) as counter, counter.uow.read() as uow:
        for tenant in uow.store.tenants():
            print(f"{tenant.code}\t{tenant.org_no}\t{tenant.name}")
    return 0


def cmd_day_end(args: argparse.Namespace, data_dir: Path) -> int:
    import day_end_cli

    with _open(data_dir) as counter:
        return day_end_cli.run(args, counter, VERSION)


COMMANDS = {
    "demo": cmd_demo,
    "simulate": cmd_simulate,
    "verify-journal": cmd_verify_journal,
    "export-public-key": cmd_export_public_key,
    "tenants": cmd_tenants,
    "x-report": cmd_day_end,
    "z-report": cmd_day_end,
    "export-saft": cmd_day_end,
    "settlement": cmd_day_end,
    "tenant-terms": cmd_day_end,
    "till-close": cmd_day_end,
}

if __name__ == "__main__":
    sys.exit(main())
