"""The electronic journal and its keys: ``verify-journal`` (hash chain, signatures, receipt
contents), ``export-public-key`` and ``rotate-signing-key``."""

from __future__ import annotations

import argparse
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
