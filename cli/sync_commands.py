"""The counter's side of the central server: ``enrol`` (once, with a one-time code) and
``sync`` (push the outbox until drained, then pull once; or list the sync problems)."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from cli.bootstrap import Settings, opened
from cli.options import Commands, add_command

if TYPE_CHECKING:
    from pos.unit_of_work import UnitOfWorkFactory
    from sync.cycle import CycleReport
    from sync.enrolment import TenantOutcome


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


def enrol(args: argparse.Namespace, settings: Settings) -> int:
    """Exit 0 when enrolled (tenants the operator must still approve are listed), 3 when the
    server refused or could not be reached, 2 for plain http:// to another machine."""
    from pos.services.signing_keys import hmac_secrets, public_keys
    from sync.enrolment import InsecureServer
    from sync.enrolment import enrol as enrol_device
    from sync.http import SyncError

    with opened(settings) as app:
        keys = app.counter.keys
        try:
            done = enrol_device(app.uow, args.server, args.code,
                                device_name=args.name or _device_name(app.uow),
                                app_version=settings.version, public_keys=public_keys(keys),
                                hmac_keys=hmac_secrets(keys), ca_file=args.ca_file,
                                insecure=args.insecure, clock=app.clock())  # fmt: skip
        except InsecureServer as error:
            print(f"enrolment refused: {error.reason}", file=sys.stderr)
            return 2
        except SyncError as error:
            print(f"enrolment failed: {error.reason}", file=sys.stderr)
            return 3
    print(f"enrolled as {done.device_id} (epoch {done.device_epoch}) at site {done.site_id}")
    print(f"this counter is register {done.register_id} with label block {done.label_block}:"
          " its receipt numbers and labels never collide with the site's other counters'")
    if done.shared:
        print(f"{done.shared} article groups, staff and items go to the site's other counters "
              "with the next sync")
    else:
        print("the centre's tenants, staff, article groups and items come with the next sync")
    for line in _offered(done.offered):
        print(line)
    print("the site's tenants on the server:")
    for tenant in done.tenants:
        print(f"  {tenant}")
    return 0


def _device_name(uow_factory: UnitOfWorkFactory) -> str:
    """The name of the register this counter has sold as ("" for a fresh one)."""
    from pos.services.centre_share import device_name

    return device_name(uow_factory)


_WHY = {
    "approval": "the site holds new tenants for the operator",
    "id_at_other_site": "another site has a tenant with this id",
    "code_in_use": "another tenant of the site has this code",
    "org_no_in_use": "another tenant of the site has this org.no",
}


def _offered(offered: tuple[TenantOutcome, ...]) -> list[str]:
    lines = ["this counter's tenants:"] if offered else []
    for t in offered:
        said = {"known": "already on the server", "registered": "registered for the site"}
        text = said.get(t.status, t.status)
        if t.status == "pending":
            text = (f"waits for the operator's approval ({_WHY.get(t.reason, t.reason)}): "
                    f"omigjen-server admin tenants --approve {t.tenant_id}")  # fmt: skip
        elif t.status == "refused":
            text = f"refused by the server: {t.reason}"
        lines.append(f"  {t.code} {t.name}: {text}")
    return lines


def sync(args: argparse.Namespace, settings: Settings) -> int:
    from pos.services.sync_state import sync_problems

    with opened(settings) as app:
        if args.problems:
            found = sync_problems(app.uow)
            for p in found:
                print(
                    f"{p['device_seq']}\t{p['status']}\t{p['code']}\t{p['type']}\t{p['event_id']}"
                )
            if not found:
                english = settings.lang == "en"
                print("No sync problems." if english else "Ingen synkroniseringsproblemer.")
            return 0
        return _sync_until_drained(lambda: app.sync_cycle().run(), args.max_wait)


def _sync_until_drained(run_cycle: Callable[[], CycleReport], max_wait: float) -> int:
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
            print(f"sync failed: {error.reason} (events stay queued)", file=sys.stderr)
            return 3
        except SyncError as error:
            print(f"sync stopped: {error.reason} (events stay queued)", file=sys.stderr)
            return 4
        print(report.summary())
        if report.rejected:
            print(_refused(report), file=sys.stderr)
            return 5
        return 0 if report.drained else 1


def _refused(report: CycleReport) -> str:
    """Why events were refused: they are held in the server's quarantine, not lost."""
    counts = ", ".join(f"{n} {code}" for code, n in sorted(report.refused_codes.items()))
    text = (
        f"{report.rejected} events are held in its quarantine by the server ({counts}), not "
        "lost: they are stored once the cause is fixed; see: sync --problems"
    )
    if report.waiting_tenants:
        tenants = ", ".join(sorted(report.waiting_tenants))
        text += (
            f"\ntheir tenants wait for the operator's approval ({tenants}): "
            "omigjen-server admin tenants --pending, then --approve ID"
        )
    return text
