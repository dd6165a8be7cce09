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


COMMANDS = {
    "demo": cmd_demo,
    "simulate": cmd_simulate,
    "verify-journal": cmd_verify_journal,
    "export-public-key": cmd_export_public_key,
    "tenants": cmd_tenants,
    "enrol": cmd_enrol,
    "sync": cmd_sync,
    "serve": cmd_serve,
    "server-admin": cmd_server_admin,
}

if __name__ == "__main__":
    sys.exit(main())
