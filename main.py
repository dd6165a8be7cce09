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
    commands.add_parser("tenants", help="list tenants: code, org.no, name (tab-separated)")
    restore = commands.add_parser(
        "restore-backup", help="put the newest (or a given) automatic backup in place of the store"
    )
    restore.add_argument("file", type=Path, nargs="?", help="a backup file (default: newest)")
    restore.add_argument("--list", action="store_true", help="only list the backups")
    commands.add_parser("backup", help="take a backup of the store now")
    items = commands.add_parser("import-items", help="import a tenant's items from a CSV file")
    items.add_argument("--tenant", required=True, help="the tenant's two-digit code")
    items.add_argument("file", type=Path)
    items.add_argument("--dry-run", action="store_true", help="only check the file")
    items.add_argument(
        "--skip-errors",
        action="store_true",
        help="import the good rows even if some rows have errors",
    )
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
        from ui.app import run_gui

        return run_gui(
            data_dir,
            lang=args.lang,
            version=VERSION,
            serial_scanner=args.scanner,
            printer_url=args.printer,
        )
    try:
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
        register = counter.register_id()
        printing = _printing(counter, register, args.printer)
        began = time.perf_counter()
        simulation = Simulation(
            counter.uow,
            signer,
            register,
            seed=args.seed,
            start=start,
            after_sale=printing.print_sale if printing else None,
            data_dir=counter.data_dir,
        )
        if printing:
            printing.clock = simulation.clock
        stats = simulation.run(args.days, args.sales_per_day)
        elapsed = time.perf_counter() - began
        if printing:
            _print_queued(printing, args.printer)
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


def _printing(counter, register: str, url: str | None):  # type: ignore[no-untyped-def]
    """The printing of this run when ``--printer`` is given (every document to that URL)."""
    if not url:
        return None
    from printers.printing import Printing

    return Printing(counter.uow, register, override_url=url)


def _print_queued(printing, url: str) -> None:  # type: ignore[no-untyped-def]
    """Send what the run queued, in order, through the same worker the till uses."""
    from pos.model.printing import JobStatus
    from pos.services import print_queue
    from printers.worker import PrintWorker

    sent = PrintWorker(printing.uow, printing.register_id, printing.transports()).run_pending()
    failed = print_queue.jobs(printing.uow, printing.register_id, [JobStatus.FAILED], limit=10**6)
    print(f"{sent} print jobs sent to {url}, {len(failed)} failed")


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


def cmd_import_items(args: argparse.Namespace, data_dir: Path) -> int:
    from pos.services import item_import

    try:
        data = args.file.read_bytes()
    except OSError as error:
        print(f"{args.file}: {error.strerror}", file=sys.stderr)
        return 2
    with _open(data_dir) as counter:
        result = item_import.preview(counter.uow, args.tenant, data)
        print(
            f"{len(result.rows)} rows ready, {len(result.errors)} with errors "
            f"({result.parsed.encoding}, separated by {result.parsed.delimiter!r})"
        )
        for error in result.errors:
            print(error.message(args.lang), file=sys.stderr)
        if args.dry_run:
            return 1 if result.errors else 0
        made = item_import.confirm(
            counter.uow, result, register_id=counter.register_id(), skip_errors=args.skip_errors
        )
    print(f"imported {len(made)} items")
    return 0


def cmd_repair_intake(args: argparse.Namespace, data_dir: Path) -> int:
    from pos.money import parse_nok
    from pos.services import auth
    from pos.services.context import TillContext
    from pos.services.repair_intake import IntakeForm, take_in

    form = IntakeForm(
        tenant_code=args.tenant,
        customer_name=args.customer,
        phone=args.phone,
        email=args.email,
        contact_consent=args.consent,
        brand_model=args.item,
        fault=args.fault,
        condition=args.condition,
        estimate=parse_nok(args.estimate),
        photos=tuple(args.photo),
        terms_accepted=args.terms_accepted,
    )
    with _open(data_dir) as counter:
        operator = auth.authenticate(counter.uow, args.staff, args.pin)
        ctx = TillContext(counter.register_id(), operator, counter.signer())
        ticket = take_in(counter.uow, ctx, form, data_dir=counter.data_dir)
    print(ticket)
    return 0


def cmd_repairs(args: argparse.Namespace, data_dir: Path) -> int:
    from pos.model.repair import RepairStatus
    from pos.services.repair_board import BoardQuery, board

    try:
        statuses = (RepairStatus(args.status),) if args.status else ()
    except ValueError:
        known = ", ".join(s.value for s in RepairStatus)
        print(f"unknown status {args.status!r}; use one of: {known}", file=sys.stderr)
        return 2
    query = BoardQuery(statuses=statuses, tenant_code=args.tenant, search=args.search)
    with _open(data_dir) as counter:
        page = board(counter.uow, query, page=args.page)
    for row in page.rows:
        print(
            f"{row.ticket_id}\t{row.tenant_code}\t{row.status_label}\t{row.customer}\t"
            f"{row.phone}\t{row.item}\t{row.promised}"
        )
    if page.has_more:
        print(f"(more: --page {page.page + 1})", file=sys.stderr)
    return 0


def cmd_day_end(args: argparse.Namespace, data_dir: Path) -> int:
    import day_end_cli

    with _open(data_dir) as counter:
        return day_end_cli.run(args, counter, VERSION)


def cmd_enrol(args: argparse.Namespace, data_dir: Path) -> int:
    from sync.enrolment import enrol
    from sync.http import SyncError

    with _open(data_dir) as counter:
        keys = {
            version: counter.keys.public_key_pem(version).decode("ascii")
            for (method, version) in counter.keys.verifiers()
            if method.startswith("RSA")
        }
        try:
            done = enrol(counter.uow, args.server, args.code,
                         device_name=args.name or counter.register_id(), app_version=VERSION,
                         public_keys=keys, ca_file=args.ca_file)  # fmt: skip
        except SyncError as error:
            print(f"enrolment failed: {error.reason}", file=sys.stderr)
            return 3
    print(f"enrolled as {done.device_id} (epoch {done.device_epoch}) at site {done.site_id}")
    for tenant in done.tenants:
        print(f"  {tenant}")
    return 0


def cmd_sync(args: argparse.Namespace, data_dir: Path) -> int:
    from pos.services.sync_state import sync_problems
    from sync.backoff import Backoff
    from sync.cycle import SyncCycle
    from sync.http import ServerError, SyncError, Unreachable

    with _open(data_dir) as counter:
        if args.problems:
            for p in sync_problems(counter.uow):
                print(
                    f"{p['device_seq']}\t{p['status']}\t{p['code']}\t{p['type']}\t{p['event_id']}"
                )
            return 0
        backoff, deadline = Backoff(), time.monotonic() + args.max_wait
        while True:
            try:
                report = SyncCycle(counter.uow, app_version=VERSION).run()
            except (Unreachable, ServerError) as error:
                transient = isinstance(error, Unreachable) or error.transient
                delay = backoff.next_delay(getattr(error, "retry_after_s", None))
                if transient and time.monotonic() + delay < deadline:
                    time.sleep(delay)
                    continue
                print(f"sync failed: {error.reason} (events stay queued)", file=sys.stderr)
                return 3
            except SyncError as error:
                print(f"sync stopped: {error.reason} (events stay queued)", file=sys.stderr)
                return 4
            print(report.summary())
            return 0 if report.drained else 1


def cmd_serve(args: argparse.Namespace, data_dir: Path) -> int:
    from server.cli import run_serve

    return run_serve(args)


def cmd_server_admin(args: argparse.Namespace, data_dir: Path) -> int:
    from server.cli import run_admin

    return run_admin(args)


def cmd_restore_backup(args: argparse.Namespace, data_dir: Path) -> int:
    from pos.adapters.backup import backups
    from pos.counter import restore_latest

    if args.list:
        for backup in backups(data_dir):
            print(f"{backup.taken:%Y-%m-%d %H:%M:%S}\t{backup.reason}\t{backup.path}")
        return 0
    used = restore_latest(data_dir, args.file)
    print(f"Restored {used}; the damaged database was kept beside it.")
    return 0


def cmd_backup(args: argparse.Namespace, data_dir: Path) -> int:
    with _open(data_dir) as counter:
        print(counter.backup("manual"))
    return 0


COMMANDS = {
    "demo": cmd_demo,
    "simulate": cmd_simulate,
    "verify-journal": cmd_verify_journal,
    "export-public-key": cmd_export_public_key,
    "tenants": cmd_tenants,
    "restore-backup": cmd_restore_backup,
    "backup": cmd_backup,
    "import-items": cmd_import_items,
    "repair-intake": cmd_repair_intake,
    "repairs": cmd_repairs,
    "x-report": cmd_day_end,
    "z-report": cmd_day_end,
    "export-saft": cmd_day_end,
    "settlement": cmd_day_end,
    "tenant-terms": cmd_day_end,
    "till-close": cmd_day_end,
    "enrol": cmd_enrol,
    "sync": cmd_sync,
    "serve": cmd_serve,
    "server-admin": cmd_server_admin,
}

if __name__ == "__main__":
    sys.exit(main())
