"""Omigjen POS composition root: parse arguments, open the counter's data directory, then either
run a command-line task or start the Qt window (no sub-command)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from pos import __version__
from pos.errors import DomainError

APP_NAME = "omigjen-pos"
VERSION = __version__


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
    parser.add_argument(
        "--printer",
        metavar="URL",
        default=None,
        help="send every printed document to this printer instead of the register's own: "
        "usb://VID:PID, serial:///dev/ttyUSB0?baudrate=9600, tcp://host:9100, "
        "file:///path, cups://NAME",
    )
    parser.add_argument(
        "--scanner",
        default=None,
        metavar="URL",
        help="a serial barcode scanner as a pyserial URL: /dev/ttyACM0, COM3, socket://host:port",
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
    rotate = commands.add_parser(
        "rotate-signing-key",
        help="make a new signing key pair (manager; journaled; the next sync sends the public key)",
    )
    _staff_options(rotate)
    commands.add_parser("tenants", help="list tenants: code, org.no, name (tab-separated)")
    restore = commands.add_parser(
        "restore-backup", help="put the newest (or a given) automatic backup in place of the store"
    )
    restore.add_argument("file", type=Path, nargs="?", help="a backup file (default: newest)")
    restore.add_argument("--list", action="store_true", help="only list the backups")
    commands.add_parser("backup", help="take a backup of the store now")
    ords = commands.add_parser(
        "export-ords", help="repair outcomes as Open Repair Data Standard CSV (reuse impact)"
    )
    ords.add_argument("--from", dest="date_from", required=True, help="YYYY-MM-DD")
    ords.add_argument("--to", dest="date_to", required=True, help="YYYY-MM-DD")
    ords.add_argument("--out", type=Path, required=True)
    items = commands.add_parser("import-items", help="import a tenant's items from a CSV file")
    items.add_argument("--tenant", required=True, help="the tenant's two-digit code")
    items.add_argument("file", type=Path)
    items.add_argument("--dry-run", action="store_true", help="only check the file")
    items.add_argument(
        "--skip-errors",
        action="store_true",
        help="import the good rows even if some rows have errors",
    )
    _staff_options(items)
    intake = commands.add_parser("repair-intake", help="take in a repair job (prints its id)")
    intake.add_argument("--tenant", required=True, help="the repair tenant's two-digit code")
    intake.add_argument("--staff", required=True, help="staff number of who takes it in")
    intake.add_argument("--pin", required=True)
    intake.add_argument("--customer", required=True, help="the customer's name")
    intake.add_argument("--phone", default="")
    intake.add_argument("--email", default="")
    intake.add_argument("--consent", action="store_true", help="the customer may be contacted")
    intake.add_argument("--item", required=True, help="what it is, e.g. 'Sykkel DBS'")
    intake.add_argument("--fault", required=True)
    intake.add_argument("--condition", default="")
    intake.add_argument("--estimate", default="0", help="in kroner, e.g. 450 or 450,50")
    intake.add_argument("--photo", type=Path, action="append", default=[])
    intake.add_argument(
        "--terms-accepted", action="store_true", help="the customer accepted the terms"
    )
    board = commands.add_parser("repairs", help="list the repair board (open jobs, newest first)")
    board.add_argument("--status", default="", help="e.g. ready_for_pickup")
    board.add_argument("--tenant", default="")
    board.add_argument("--search", default="", help="ticket id, phone or name")
    board.add_argument("--page", type=int, default=0)
    add_day_end_commands(commands)
    enrol = commands.add_parser("enrol", help="enrol this counter with the central server")
    enrol.add_argument("--server", required=True, help="server URL, e.g. https://sync.example")
    enrol.add_argument("--code", required=True, help="the one-time enrolment code")
    enrol.add_argument("--name", default=None, help="device name (default: the register's)")
    enrol.add_argument("--ca-file", default="", help="CA certificate to trust for the server")
    sync = commands.add_parser("sync", help="push the outbox until drained, then pull once")
    sync.add_argument(
        "--max-wait",
        type=float,
        default=20.0,
        help="seconds to keep retrying while the server is unavailable",
    )
    sync.add_argument("--problems", action="store_true", help="list sync problems and exit")
    from server.cli import add_commands

    add_commands(commands)
    return parser


def _staff_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--staff", required=True, help="staff number of the person doing this")
    command.add_argument("--pin", default=None, help="their PIN (asked for when left out)")
    command.add_argument("--register", default=None, help="register id (default: this counter's)")


def add_day_end_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    _staff_options(terms)


LOG_FILE = Path("logs") / "omigjen.log"
NO_DATA_DIR_COMMANDS = {"serve", "server-admin"}


def configure_logging(data_dir: Path) -> Path:
    """A rotating log in the data directory (1 MB x 5), readable by the counter's user only.
    Nothing logged carries a PIN, a token or a key (docs/security.md)."""
    import logging
    import os
    from logging.handlers import RotatingFileHandler

    path = data_dir / LOG_FILE
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s")
    )
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    data_dir: Path = args.data_dir or default_data_dir()
    if args.command not in NO_DATA_DIR_COMMANDS:
        configure_logging(data_dir)
    if args.printer:
        from printers.transports import transport_for

        try:
            transport_for(args.printer)
        except DomainError as error:
            print(error.message(args.lang), file=sys.stderr)
            return 2
    if args.command is None:
        from ui.display_check import display_problem

        problem = display_problem(args.lang)
        if problem:
            print(problem, file=sys.stderr)
            return 2
        from ui.app import run_gui

        return run_gui(
            data_dir,
            lang=args.lang,
            version=VERSION,
            serial_scanner=args.scanner,
            printer_url=args.printer,
        )
    try:
        from counter_cli import COMMANDS

        return COMMANDS[args.command](args, data_dir)
    except DomainError as error:
        print(error.message(args.lang), file=sys.stderr)
        return 2
    except Exception as error:  # a bug: logged in full, a short message for the person
        import logging

        logging.getLogger("omigjen").exception("command %s failed", args.command)
        print(
            f"Uventet feil / unexpected error: {error} (se loggen / see {LOG_FILE})",
            file=sys.stderr,
        )
        return 70


if __name__ == "__main__":
    sys.exit(main())
