"""The counter's side of the central server: ``enrol`` (once, with a one-time code) and
``sync`` (push the outbox until drained, then pull once; or list the sync problems, and a
manager removes the ones dealt with, as the sync page's Ctrl+Del does)."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from cli import sync_words as words
from cli.bootstrap import CounterApp, Settings, opened
from cli.options import Commands, add_command

if TYPE_CHECKING:
    from pos.unit_of_work import UnitOfWorkFactory
    from sync.cycle import CycleReport


def add_commands(commands: Commands) -> None:
    enrol_ = add_command(commands, "enrol", enrol, "enrol this counter with the central server")
    enrol_.add_argument("--server", required=True, help="server URL, e.g. https://sync.example")
    enrol_.add_argument("--code", required=True, help="the one-time enrolment code")
    enrol_.add_argument("--name", default=None, help="device name (default: the register's)")
    enrol_.add_argument("--ca-file", default="", help="CA certificate to trust for the server")
    enrol_.add_argument(
        "--insecure",
        action="store_true",
        help="allow plain http:// to another machine (the code and token cross unencrypted)",
    )
    sync_ = add_command(commands, "sync", sync, "push the outbox until drained, then pull once")
    sync_.add_argument(
        "--max-wait",
        type=float,
        default=20.0,
        help="seconds to keep retrying while the server is unavailable",
    )
    sync_.add_argument("--problems", action="store_true", help="list sync problems and exit")
    sync_.add_argument(
        "--remove",
        nargs="+",
        metavar="NO|ID",
        default=None,
        help="with --problems: remove the problems dealt with (their number or event id from "
        "the list, or all); a manager, with --staff",
    )
    sync_.add_argument("--staff", default=None, help="a manager's staff number (with --remove)")
    sync_.add_argument("--pin", default=None, help="their PIN (asked for when left out)")


def enrol(args: argparse.Namespace, settings: Settings) -> int:
    """Exit 0 when enrolled (tenants the operator must still approve are listed), 4 when the
    server refused it (as sync's 4: trying again will not help), 3 when it could not be
    reached or answered with a passing fault, 2 for plain http:// to another machine."""
    from pos.services.signing_keys import hmac_secrets, public_keys
    from sync.enrolment import InsecureServer
    from sync.enrolment import enrol as enrol_device
    from sync.http import ServerError, SyncError

    with opened(settings) as app:
        keys = app.counter.keys
        try:
            done = enrol_device(app.uow, args.server, args.code,
                                device_name=args.name or _device_name(app.uow),
                                app_version=settings.version, public_keys=public_keys(keys),
                                hmac_keys=hmac_secrets(keys), ca_file=args.ca_file,
                                insecure=args.insecure, clock=app.clock())  # fmt: skip
        except InsecureServer as error:
            print(words.enrol_refused(settings.lang, error.reason), file=sys.stderr)
            return 2
        except ServerError as error:
            said = words.enrol_refusal(settings.lang, error.code, _claimed(app.uow))
            print(said or words.enrol_failed(settings.lang, error.reason), file=sys.stderr)
            return 3 if error.transient else 4
        except SyncError as error:
            print(words.enrol_failed(settings.lang, words.failure(settings.lang, error)),
                  file=sys.stderr)  # fmt: skip
            return 3
    for line in words.enrolled(settings.lang, done):
        print(line)
    return 0


def _claimed(uow_factory: UnitOfWorkFactory) -> str:
    """The register this counter has sold as ("" for a fresh one)."""
    from pos.services.centre_share import claimed_register

    return claimed_register(uow_factory)[0] or ""


def _device_name(uow_factory: UnitOfWorkFactory) -> str:
    """The name of the register this counter has sold as ("" for a fresh one)."""
    from pos.services.centre_share import device_name

    return device_name(uow_factory)


def sync(args: argparse.Namespace, settings: Settings) -> int:
    from pos.services.sync_state import sync_problems

    if args.remove is not None and not args.problems:
        print(words.remove_needs_problems(settings.lang), file=sys.stderr)
        return 2
    if args.remove is not None and args.staff is None:
        print(words.remove_needs_manager(settings.lang), file=sys.stderr)
        return 2
    with opened(settings) as app:
        if args.remove is not None:
            return _remove_problems(app, args, settings.lang)
        if args.problems:
            found = sync_problems(app.uow)
            for p in found:
                status = words.problem_status(settings.lang, str(p["status"]))
                print(f"{p['device_seq']}\t{status}\t{p['code']}\t{p['type']}\t{p['event_id']}")
            if not found:
                print(words.no_problems(settings.lang))
            return 0
        code = _sync_until_drained(lambda: app.sync_cycle().run(), args.max_wait, settings.lang)
        if code in (0, 1, 5):
            _centre_arrived(app, settings.lang)
            _clock_said(app, settings.lang)
        return code


def _remove_problems(app: CounterApp, args: argparse.Namespace, lang: str) -> int:
    """A manager removes the problems dealt with: chosen by the number or event id the list
    shows, or ``all``. Exit 2, nothing removed, when one of them is not in the list. An event
    the server still holds stays listed until the server stores it (``clear_problems``)."""
    from pos.services.sync_state import clear_problems, sync_problems

    listed = sync_problems(app.uow, limit=1_000_000)
    by_key = {str(p["event_id"]): str(p["event_id"]) for p in listed}
    by_key |= {str(p["device_seq"]): str(p["event_id"]) for p in listed if p["device_seq"]}
    chosen = [k for k in args.remove if k.lower() != "all"]
    unknown = [k for k in chosen if k not in by_key]
    if unknown:
        print(words.problems_unknown(lang, unknown), file=sys.stderr)
        return 2
    everything = len(chosen) < len(args.remove)
    ids = list(dict.fromkeys(by_key.values() if everything else (by_key[k] for k in chosen)))
    ctx = app.staff_context(args.staff, args.pin)
    gone = clear_problems(app.uow, ctx, ids)
    print(words.problems_removed(lang, gone, len(ids) - gone))
    return 0


def _clock_said(app: CounterApp, lang: str) -> None:
    """A clock over two minutes from the server's: said on stderr (sync still exits 0)."""
    from pos.model.clock_skew import skewed
    from pos.services.clock_skew import clock_offset_ms

    offset = clock_offset_ms(app.uow)
    if skewed(offset):
        assert offset is not None
        print(words.clock_off(lang, offset), file=sys.stderr)


def _centre_arrived(app: CounterApp, lang: str) -> None:
    """A counter set up from the server: say so once its centre (a manager) has arrived."""
    from pos.services import joining

    if not joining.name_centre(app.uow, app.clock()):
        return
    print(words.centre_arrived(lang, joining.joined_centre(app.uow)))


def _sync_until_drained(
    run_cycle: Callable[[], CycleReport], max_wait: float, lang: str = "nb"
) -> int:
    """Retry while the server is unavailable (backing off, up to ``max_wait`` seconds): exit 0
    when the outbox drained, 1 when events are left, 3 offline, 4 when the server refused,
    5 when it took the events but quarantined some (they are listed by ``sync --problems``)."""
    from sync.backoff import Backoff
    from sync.http import ServerError, SyncError, Unreachable

    backoff, deadline = Backoff(), time.monotonic() + max_wait
    while True:
        try:
            report = run_cycle()
        except (Unreachable, ServerError) as error:
            transient = isinstance(error, Unreachable) or error.transient
            delay = backoff.next_delay(getattr(error, "retry_after_s", None))
            if transient and time.monotonic() + delay < deadline:
                time.sleep(delay)
                continue
            print(words.sync_failed(lang, words.failure(lang, error)), file=sys.stderr)
            return 3
        except SyncError as error:
            print(words.sync_stopped(lang, error.reason), file=sys.stderr)
            return 4
        print(words.summary(lang, report))
        if report.rejected:
            print(words.held(lang, report), file=sys.stderr)
            return 5
        return 0 if report.drained else 1
