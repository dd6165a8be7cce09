"""The command line's sub-commands (``main.py COMMAND``): each opens the counter's data
directory, calls the services and prints what a person or a script needs; main.py parses."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pos import __version__ as VERSION

if TYPE_CHECKING:
    from pos.counter import Counter
    from printers.printing import Printing


def _open(data_dir: Path) -> Counter:
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


def _printing(counter: Counter, register: str, url: str | None) -> Printing | None:
    """The printing of this run when ``--printer`` is given (every document to that URL)."""
    if not url:
        return None
    from printers.printing import Printing

    return Printing(counter.uow, register, override_url=url)


def _print_queued(printing: Printing, url: str) -> None:
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


def cmd_rotate_signing_key(args: argparse.Namespace, data_dir: Path) -> int:
    from day_end_cli import context
    from pos.services.signing_keys import rotate_signing_key

    with _open(data_dir) as counter:
        done = rotate_signing_key(counter.uow, context(args, counter), counter.keys)
    print(
        f"Ny signeringsnøkkel / new signing key: version {done.new_version} "
        f"(was {done.old_version or '-'}), SHA-256 {done.fingerprint}"
    )
    print("The next sync sends the public key to the server (export-public-key prints it).")
    return 0


def cmd_tenants(args: argparse.Namespace, data_dir: Path) -> int:
    with _open(data_dir) as counter, counter.uow.read() as uow:
        for tenant in uow.store.tenants():
            print(f"{tenant.code}\t{tenant.org_no}\t{tenant.name}")
    return 0


def cmd_import_items(args: argparse.Namespace, data_dir: Path) -> int:
    from day_end_cli import context
    from pos.services import item_import

    try:
        data = args.file.read_bytes()
    except OSError as error:
        print(f"{args.file}: {error.strerror}", file=sys.stderr)
        return 2
    with _open(data_dir) as counter:
        ctx = context(args, counter)
        result = item_import.preview(counter.uow, args.tenant, data)
        print(
            f"{len(result.rows)} rows ready, {len(result.errors)} with errors "
            f"({result.parsed.encoding}, separated by {result.parsed.delimiter!r})"
        )
        for row_error in result.errors:
            print(row_error.message(args.lang), file=sys.stderr)
        if args.dry_run:
            return 1 if result.errors else 0
        made = item_import.confirm(counter.uow, ctx, result, skip_errors=args.skip_errors)
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
    from pos.services.signing_keys import public_keys
    from sync.enrolment import enrol
    from sync.http import SyncError

    with _open(data_dir) as counter:
        keys = public_keys(counter.keys)
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
                report = SyncCycle(counter.uow, app_version=VERSION, keys=counter.keys).run()
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


def cmd_export_ords(args: argparse.Namespace, data_dir: Path) -> int:
    from pos.services.repair_outcome import export_ords
    from pos.services.reports import parse_date

    date_from, date_to = parse_date(args.date_from), parse_date(args.date_to)
    with _open(data_dir) as counter:
        done = export_ords(counter.uow, date_from, date_to, args.out)
    print(f"{done.path}: {done.records} repairs")
    return 0


COMMANDS = {
    "demo": cmd_demo,
    "simulate": cmd_simulate,
    "verify-journal": cmd_verify_journal,
    "export-public-key": cmd_export_public_key,
    "tenants": cmd_tenants,
    "rotate-signing-key": cmd_rotate_signing_key,
    "restore-backup": cmd_restore_backup,
    "backup": cmd_backup,
    "export-ords": cmd_export_ords,
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
