"""The operator's review tasks of ``omigjen-server admin``: tenants counters brought (list,
approve, refuse), quarantined events (list, release) and notifications that could not be sent.
Each prints what it found or did, in plain lines."""

from __future__ import annotations

import argparse
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
        "--status", default="failed", choices=["queued", "retrying", "sending", "sent", "failed"]
    )
    notes.add_argument("--limit", type=int, default=50)

    tenants = tasks.add_parser(
        "tenants", help="list tenants by site, or the ones counters brought that wait for you"
    )
    tenants.add_argument("--pending", action="store_true", help="only those waiting")
    tenants.add_argument("--approve", metavar="ID", default=None, help="approve a waiting tenant")
    tenants.add_argument("--refuse", metavar="ID", default=None, help="refuse a waiting tenant")
    tenants.add_argument("--site", default=None, help="the site (if it waits at several)")


TASKS = ("quarantine", "notifications", "tenants")


def run_task(args: argparse.Namespace, engine: Engine) -> str:
    if args.task == "quarantine":
        return _quarantine(args, engine)
    if args.task == "notifications":
        return _notifications(args, engine)
    if args.task == "tenants":
        return _tenants(args, engine)
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
                "SELECT id::text, channel, recipient, attempts, created_at::text, last_error "
                "FROM notifications WHERE status = :s ORDER BY created_at DESC LIMIT :n"
            ),
            {"s": args.status, "n": max(args.limit, 0)},
        ).all()
    if not found:
        return f"no {args.status} notifications"
    lines = ["id\tchannel\trecipient\tattempts\tcreated\terror"]
    return "\n".join(lines + ["\t".join(str(v) for v in row) for row in found])


def _tenants(args: argparse.Namespace, engine: Engine) -> str:
    from server import quarantine, tenant_offers
    from server.db import Scope, rows, scoped

    chosen = args.approve or args.refuse
    if chosen:
        with scoped(engine, Scope.admin()) as conn:
            tenant_offers.decide(conn, chosen, bool(args.approve), args.site)
        if not args.approve:
            return f"refused tenant {chosen}: its events stay quarantined"
        done = quarantine.release(engine, quarantine.Filter(tenant_id=chosen))
        return (f"approved tenant {chosen}; released {done.stored + done.already} of its "
                f"quarantined events")  # fmt: skip
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
