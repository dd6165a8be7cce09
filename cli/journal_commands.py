"""The electronic journal, its keys and its time: ``verify-journal`` (everything reports depend
on, and the journal anchor), ``export-public-key``, ``rotate-signing-key`` and
``confirm-time``."""

from __future__ import annotations

import argparse
import getpass
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from cli import journal_words as words
from cli.bootstrap import CounterApp, Settings, open_app, opened
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
    verify.add_argument(
        "--since-anchor",
        action="store_true",
        help="check what was journaled after the anchor (--anchor, else the server's newest, "
        "else the last Z report): seconds, where the whole journal takes minutes",
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
        "a manager confirms the real time when the PC's clock is behind the journal, or declares "
        "the last records stamped ahead (journaled)",
    )
    confirm.add_argument(
        "--now", required=True, help="the real date and time in Norway, 'YYYY-MM-DD HH:MM'"
    )
    confirm.add_argument(
        "--records-ahead",
        action="store_true",
        help="declare that the last records were stamped ahead (the PC's clock ran fast and was "
        "set right since): the till goes on from --now, a time before them (journaled)",
    )
    staff_options(confirm)


def verify_journal(args: argparse.Namespace, settings: Settings) -> int:
    from pos.errors import StoreDamaged
    from pos.journal_anchor import Anchor, parse_anchor
    from pos.services.backups import full_check
    from pos.services.verification import verify_store
    from pos.services.verification_report import VerificationReport

    lang = settings.lang
    typed = [parse_anchor(args.anchor, "the printout")] if args.anchor else []
    with _opened_to_verify(settings) as app:
        damage = full_check(app.data_dir)  # noted: the next start offers a restore
        try:
            outside = _mark_anchor(app) + _server_anchor(app, lang)
            since = _since(app, typed, outside) if args.since_anchor else None
            anchors = [a for a in typed + outside if a is not since]
            if since is not None:
                print(words.from_anchor(lang, since.text, since.source))
            keys = app.counter.keys
            report = verify_store(app.uow, keys.verifiers(), keys, anchors=anchors, since=since,
                                  progress=_progress(lang))  # fmt: skip
        except Exception as error:  # noqa: BLE001 - damage SQLite cannot even read: said below
            if damage is None:
                raise
            report = VerificationReport()
            report.add(words.unreadable(str(error)))
    if damage is not None:
        report.problems.insert(0, words.store_damaged(damage))
    if report.ok:
        print(words.verified(lang, report.journal_rows, report.receipts, report.z_reports))
        _say_declared(report.declared, lang)
        for checked in report.anchors_checked:
            print(words.anchor_held(lang, checked))
        for replaced in report.anchors_replaced:
            print(words.anchor_replaced(lang, replaced))
        if not report.anchors_checked and not report.anchors_replaced:
            print(words.no_anchor(lang))
        print(words.anchor_now(lang, Anchor(*report.head).text))
        return 0
    _say_declared(report.declared, lang)
    print(words.failed(lang, report.first_problem or ""), file=sys.stderr)
    for problem in report.problems[1:]:
        print(words.also(lang, problem), file=sys.stderr)
    if damage is not None:
        print(StoreDamaged(str(app.data_dir), reason=damage).message(lang), file=sys.stderr)
    return 1


@contextmanager
def _opened_to_verify(settings: Settings) -> Iterator[CounterApp]:
    """The counter, or a store refused as damaged opened as it is: the check still runs and
    reports, the damage among its findings (exit 1), however often it is run."""
    from pos.adapters.db import DB_FILE
    from pos.counter import open_for_inspection
    from pos.errors import StoreDamaged

    try:
        app = open_app(settings)
    except StoreDamaged:
        if not (settings.data_dir / DB_FILE).is_file():
            raise  # nothing to read: the refusal says how to restore
        app = CounterApp(settings, open_for_inspection(settings.data_dir))
    assert app is not None  # without an offer a damaged store raises
    try:
        yield app
    finally:
        app.close()


def _since(app: CounterApp, typed: list[Anchor], outside: list[Anchor]) -> Anchor | None:
    """Where a check from an anchor starts: the printout's anchor, else the server's newest,
    else the last Z report's row (kept in the store only: a whole check covers what is
    before it)."""
    from pos.journal_anchor import Anchor
    from pos.services.anchors import last_z_anchor

    server = [a for a in outside if a.source.startswith("the server")]
    if typed or server:
        return (typed or server)[0]
    found = last_z_anchor(app.uow)
    return Anchor(found.seq, found.hash, "the last Z report in the store") if found else None


def _progress(lang: str) -> Callable[[str, int, int], None]:
    """How far a long check has come, on stderr, at most every two seconds."""
    said = [time.monotonic()]

    def say(what: str, done: int, total: int) -> None:
        if time.monotonic() - said[0] >= 2:
            said[0] = time.monotonic()
            print(words.progress(lang, what, done, total), file=sys.stderr, flush=True)

    return say


def _say_declared(declared: list[str], lang: str) -> None:
    for jump in declared:
        print(words.declared(lang, jump))


def _mark_anchor(app: CounterApp) -> list[Anchor]:
    """The journal head the high-water mark holds (written with every transaction, outside the
    store): a journal rewritten and re-hashed in the store alone no longer reaches it."""
    from pos.journal_anchor import Anchor

    seq, digest = app.counter.mark.heads.journal
    return [Anchor(seq, digest, "the high-water mark")] if seq else []


def _server_anchor(app: CounterApp, lang: str) -> list[Anchor]:
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
        print(words.server_silent(lang, error.reason))
        return []
    return [found] if found is not None else []


def export_public_key(args: argparse.Namespace, settings: Settings) -> int:
    with opened(settings) as app:
        problems = app.counter.keys.key_problems()
        if problems:  # never hand out a public key that is not the sealed key's own
            print(words.failed(settings.lang, problems[0]), file=sys.stderr)
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
    from pos.services import auth, legal_time, records_ahead

    try:
        real_now = datetime.strptime(args.now.strip(), "%Y-%m-%d %H:%M").replace(tzinfo=OSLO)
    except ValueError:
        raise InvalidDateTime(args.now) from None
    with opened(settings) as app:
        pin = args.pin if args.pin is not None else getpass.getpass("PIN: ")
        manager = auth.authenticate(app.uow, args.staff, pin)
        clock = app.clock(args.register)
        if args.records_ahead:
            declared = records_ahead.declare(app.uow, clock, manager, real_now)
            print(words.records_ahead(settings.lang, shown(real_now), declared))
            return 0
        offset = legal_time.confirm_time(app.uow, clock, manager, real_now)
    if offset is None:
        print(words.time_confirmed(settings.lang, shown(real_now), None))
    else:
        print(words.time_confirmed(settings.lang, shown(real_now), offset))
    return 0
