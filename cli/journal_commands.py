"""The electronic journal, its keys and its time: ``verify-journal`` (hash chain, signatures,
receipt contents), ``export-public-key``, ``rotate-signing-key`` and ``confirm-time``."""

from __future__ import annotations

import argparse
import getpass
import sys

from cli.bootstrap import Settings, opened
from cli.options import Commands, add_command, staff_context, staff_options


def add_commands(commands: Commands) -> None:
    add_command(
        commands,
        "verify-journal",
        verify_journal,
        "check the journal hash chain, signatures and receipt contents",
    )
    export = add_command(
        commands, "export-public-key", export_public_key, "print the signing public key (PEM)"
    )
    export.add_argument("--key-version", default=None)
    rotate = add_command(
        commands,
        "rotate-signing-key",
        rotate_signing_key,
        "make a new signing key pair (manager; journaled; the next sync sends the public key)",
    )
    staff_options(rotate)
    confirm = add_command(
        commands,
        "confirm-time",
        confirm_time,
        "a manager confirms the real time when the PC's clock is behind the journal (journaled)",
    )
    confirm.add_argument(
        "--now", required=True, help="the real date and time in Norway, 'YYYY-MM-DD HH:MM'"
    )
    staff_options(confirm)


def verify_journal(args: argparse.Namespace, settings: Settings) -> int:
    from pos.services.verification import verify_store

    with opened(settings) as app:
        report = verify_store(app.uow, app.counter.keys.verifiers())
    if report.ok:
        print(
            f"OK: {report.journal_rows} journal rows and {report.receipts} signed receipts verified"
        )
        return 0
    print(f"FAILED: {report.first_problem}", file=sys.stderr)
    return 1


def export_public_key(args: argparse.Namespace, settings: Settings) -> int:
    with opened(settings) as app:
        sys.stdout.write(app.counter.keys.public_key_pem(args.key_version).decode("ascii"))
    return 0


def rotate_signing_key(args: argparse.Namespace, settings: Settings) -> int:
    from pos.services.signing_keys import rotate_signing_key as rotate

    with opened(settings) as app:
        done = rotate(app.uow, staff_context(args, app), app.counter.keys)
    print(
        f"Ny signeringsnøkkel / new signing key: version {done.new_version} "
        f"(was {done.old_version or '-'}), SHA-256 {done.fingerprint}"
    )
    print("The next sync sends the public key to the server (export-public-key prints it).")
    return 0


def confirm_time(args: argparse.Namespace, settings: Settings) -> int:
    from datetime import datetime

    from pos.clock import OSLO
    from pos.errors import InvalidDateTime
    from pos.model.legal_time import shown
    from pos.services import auth, legal_time

    try:
        real_now = datetime.strptime(args.now.strip(), "%Y-%m-%d %H:%M").replace(tzinfo=OSLO)
    except ValueError:
        raise InvalidDateTime(args.now) from None
    with opened(settings) as app:
        pin = args.pin if args.pin is not None else getpass.getpass("PIN: ")
        manager = auth.authenticate(app.uow, args.staff, pin)
        clock = app.clock(args.register)
        offset = legal_time.confirm_time(app.uow, clock, manager, real_now)
    if offset is None:
        print(f"Tiden {shown(real_now)} er bekreftet; PC-klokken går riktig.")
    else:
        print(
            f"Tiden {shown(real_now)} er bekreftet og journalført. PC-klokken går feil med "
            f"{offset} s; kassen bruker bekreftet tid til PC-klokken er rettet."
        )
    return 0
