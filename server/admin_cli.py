"""The operator's review tasks of ``omigjen-server admin``: tenants counters brought (list,
approve, refuse), quarantined events (list, release), notifications and the counters with what
they have sent. Each prints what it found or did, in plain lines."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sqlalchemy import Engine


def add_tasks(tasks: Any) -> None:
    held = tasks.add_parser(
        "quarantine", help="list quarantined events, or release them once the cause is fixed"
    )
    held.add_argument("action", choices=["list", "release"])
    held.add_argument("--code", default=None, help="only events quarantined with this code")
    held.add_argument("--device", default=None, help="only this device's events")
    held.add_argument("--limit", type=int, default=50, help="events listed (default 50)")

    notes = tasks.add_parser(
        "notifications", help="list e-mail/SMS notifications (default: the failed ones)"
    )
    notes.add_argument(
        "--status",
        default="failed",
        choices=[*NOTIFICATION_STATUSES, "all"],
        help="only notifications in this state (default: failed; all: every one)",
    )
    notes.add_argument("--limit", type=int, default=50, help="notifications listed (default 50)")

    devices = tasks.add_parser(
        "devices", help="the counters: register, last contact, events stored and flagged"
    )
    devices.add_argument("--site", default=None, help="only this site's counters")

    saft = tasks.add_parser(
        "saft", help="a tenant's SAF-T Cash Register file for a period, every register"
    )
    saft.add_argument("--tenant", required=True, help="the tenant's id, or its code")
    saft.add_argument("--from", dest="date_from", required=True, help="first day, YYYY-MM-DD")
    saft.add_argument("--to", dest="date_to", required=True, help="last day, YYYY-MM-DD")
    saft.add_argument(
        "--out", type=Path, default=Path("."), help="the file, or a folder (default: here)"
    )
    saft.add_argument("--site", default=None, help="the site (a tenant of several sites)")

    tenants = tasks.add_parser(
        "tenants", help="list tenants by site, or the ones counters brought that wait for you"
    )
    tenants.add_argument("--pending", action="store_true", help="only those waiting")
    tenants.add_argument("--approve", metavar="ID", nargs="+", default=None,
                         help="approve waiting tenants (one or more ids)")  # fmt: skip
    tenants.add_argument("--refuse", metavar="ID", nargs="+", default=None,
                         help="refuse waiting tenants (one or more ids)")  # fmt: skip
    tenants.add_argument("--site", default=None, help="the site (if it waits at several)")


TASKS = ("quarantine", "notifications", "tenants", "devices", "saft")
NOTIFICATION_STATUSES = ("queued", "retrying", "sending", "sent", "failed", "withdrawn")


def run_task(args: argparse.Namespace, engine: Engine) -> str:
    if args.task == "quarantine":
        return _quarantine(args, engine)
    if args.task == "notifications":
        return _notifications(args, engine)
    if args.task == "tenants":
        return _tenants(args, engine)
    if args.task == "devices":
        from server.admin_devices import devices

        return devices(engine, args.site)
    if args.task == "saft":
        from server.admin_saft import described, write_saft

        return described(write_saft(
            engine, args.tenant, args.date_from, args.date_to, args.out, args.site
        ))  # fmt: skip
    raise SystemExit(f"unknown task {args.task}")


def _quarantine(args: argparse.Namespace, engine: Engine) -> str:
    from server import quarantine
    from server.db import Scope, scoped

    where = quarantine.Filter(code=args.code, device_id=args.device)
    if args.action == "release":
        done = quarantine.release(engine, where)
        lines = [f"released {done.stored + done.already} events ({done.stored} stored, "
                 f"{done.already} already on the server)"]  # fmt: skip
        lines += [f"still quarantined: {n} {code}" for code, n in sorted(done.held.items())]
        return "\n".join(lines)
    with scoped(engine, Scope.admin()) as conn:
        counts = quarantine.summary(conn, where)
        rows = quarantine.listing(conn, where, max(args.limit, 0))
    if not counts:
        return "no events are quarantined"
    lines = ["device\tcode\tevents\tsince"]
    lines += [f"{c['device_id']}\t{c['code']}\t{c['count']}\t{c['since']}" for c in counts]
    lines += ["", "device\tepoch\tseq\tcode\ttenant\ttype\tdetail"]
    lines += ["\t".join(str(r[k] if r[k] is not None else "") for k in r) for r in rows]
    return "\n".join(lines)


def _notifications(args: argparse.Namespace, engine: Engine) -> str:
    from sqlalchemy import text

    from server.db import Scope, scoped

    with scoped(engine, Scope.admin()) as conn:
        found = conn.execute(
            text(
                "SELECT id::text, status, channel, recipient, attempts, created_at::text, "
                "last_error FROM notifications WHERE :s IN ('all', status) "
                "ORDER BY created_at DESC LIMIT :n"
            ),
            {"s": args.status, "n": max(args.limit, 0)},
        ).all()
    if not found:
        return "no notifications" if args.status == "all" else f"no {args.status} notifications"
    lines = ["id\tstatus\tchannel\trecipient\tattempts\tcreated\terror"]
    return "\n".join(lines + ["\t".join(str(v) for v in row) for row in found])


def _tenants(args: argparse.Namespace, engine: Engine) -> str:
    from server import quarantine, tenant_offers
    from server.db import Scope, rows, scoped

    chosen = args.approve or args.refuse
    if chosen:
        said = []
        for tenant_id in chosen:  # each decided in its own transaction, and said
            with scoped(engine, Scope.admin()) as conn:
                tenant_offers.decide(conn, tenant_id, bool(args.approve), args.site)
            if not args.approve:
                said.append(f"refused tenant {tenant_id}: its events stay quarantined")
                continue
            done = quarantine.release(engine, quarantine.Filter(tenant_id=tenant_id))
            said.append(f"approved tenant {tenant_id}; released {done.stored + done.already} "
                        "of its quarantined events")  # fmt: skip
        return "\n".join(said)
    with scoped(engine, Scope.admin()) as conn:
        if args.pending:
            waiting = tenant_offers.requests(conn)
            if not waiting:
                return "no tenants are waiting for approval"
            head = "id\tcode\tname\torg.no\tsite\treason\tsince"
            shown = ("id", "code", "name", "org_no", "site", "reason", "since")
            return "\n".join([head] + ["\t".join(str(w[k]) for k in shown) for w in waiting])
        found = rows(
            conn,
            "SELECT s.name AS site, t.code, t.name, t.org_no, t.id FROM sites s JOIN "
            "site_tenants st ON st.site_id = s.id JOIN tenants t ON t.id = st.tenant_id "
            "ORDER BY s.name, t.code",
        )
    if not found:
        return "no tenants yet"
    keys = ("site", "code", "name", "org_no", "id")
    return "\n".join(["site\tcode\tname\torg.no\tid"] + [
        "\t".join(str(r[k]) for k in keys) for r in found])  # fmt: skip
