"""The electronic journal, its keys and its time: ``verify-journal`` (everything reports depend
on, and the journal anchor), ``export-public-key``, ``rotate-signing-key`` and
``confirm-time``."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING

from cli.bootstrap import CounterApp, Settings, opened
from cli.options import Commands, add_command, staff_context, staff_options

if TYPE_CHECKING:
    from pos.journal_anchor import Anchor


def add_commands(commands: Commands) -> None:
    verify = add_command(
        commands,
        "verify-journal",
        verify_journal,
        "check the journal, signatures, receipts, copies and Z reports (exit 1 on a problem)",
    )
    verify.add_argument(
        "--anchor",
        default=None,
        metavar="TEXT",
        help="the journal anchor printed on an X or Z report, e.g. 1234-9F3A-C21B-77D0-1E2A",
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
    from pos.journal_anchor import Anchor, parse_anchor
    from pos.services.verification import verify_store

    anchors = [parse_anchor(args.anchor, "the printout")] if args.anchor else []
    with opened(settings) as app:
        anchors += _mark_anchor(app) + _server_anchor(app)
        keys = app.counter.keys
        report = verify_store(app.uow, keys.verifiers(), keys, anchors=anchors)
    if report.ok:
        print(
            f"OK: {report.journal_rows} journal rows and {report.receipts} signed receipts "
            f"verified, {report.z_reports} Z reports recomputed"
        )
        _say_declared(report.declared)
        for checked in report.anchors_checked:
            print(f"The journal holds the anchor {checked}.")
        for replaced in report.anchors_replaced:
            print(f"The anchor {replaced}.")
        if not report.anchors_checked and not report.anchors_replaced:
            print(
                "No anchor checked: give --anchor with the text from the last X or Z printout "
                "to also catch a journal tail deleted or rewritten since."
            )
        print(f"Anchor now / anker nå: {Anchor(*report.head).text}")
        return 0
    _say_declared(report.declared)
    print(f"FAILED: {report.first_problem}", file=sys.stderr)
    for problem in report.problems[1:]:
        print(f"  also: {problem}", file=sys.stderr)
    return 1


def _say_declared(declared: list[str]) -> None:
    for jump in declared:
        print(f"Declared by the journal: {jump}.")


def _mark_anchor(app: CounterApp) -> list[Anchor]:
    """The journal head the high-water mark holds (written with every transaction, outside the
    store): a journal rewritten and re-hashed in the store alone no longer reaches it."""
    from pos.journal_anchor import Anchor

    seq, digest = app.counter.mark.heads.journal
    return [Anchor(seq, digest, "the high-water mark")] if seq else []


def _server_anchor(app: CounterApp) -> list[Anchor]:
    """The newest anchor the server holds, when this counter is enrolled and the server answers;
    otherwise says why not and goes on without it."""
    from pos.services.sync_state import enrolment
    from sync.anchors import server_anchor
    from sync.http import ServerApi, SyncError

    enrolled = enrolment(app.uow)
    if enrolled is None:
        return []
    api = ServerApi(enrolled.server_url, enrolled.token, ca_file=enrolled.ca_file)
    try:
        found = server_anchor(api)
    except SyncError as error:
        print(f"The server did not answer ({error.reason}): checked without its anchor.")
        return []
    return [found] if found is not None else []


def export_public_key(args: argparse.Namespace, settings: Settings) -> int:
    with opened(settings) as app:
        problems = app.counter.keys.key_problems()
        if problems:  # never hand out a public key that is not the sealed key's own
            print(f"FAILED: {problems[0]}", file=sys.stderr)
            return 1
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
