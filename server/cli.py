"""Command line of the central server (``omigjen-server``, ``python -m server``): ``serve`` and
``admin`` (also spelled ``server-admin``).

``serve`` migrates the schema (as the URL's user, who must own the database) and runs Uvicorn,
with TLS when certificate files are given. ``admin`` does one administrative task and
prints its result (an enrolment code, a token, ...).
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Sequence
from typing import Any


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="omigjen-server", description="Omigjen POS central sync server (PostgreSQL)."
    )
    add_commands(parser.add_subparsers(dest="command", metavar="COMMAND"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Without a command (or with options only) the server is run: ``serve`` is the default."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0].startswith("-") and args_list[0] not in ("-h", "--help"):
        args_list = ["serve", *args_list]
    args = build_parser().parse_args(args_list)
    if args.command == "serve":
        return run_serve(args)
    try:
        code = run_admin(args)
        sys.stdout.flush()  # here, so a closed pipe (``quarantine list | head``) is met here
        return code
    except BrokenPipeError:
        from pos.closed_output import stdout_closed

        return stdout_closed()


def add_commands(commands: Any) -> None:
    serve = commands.add_parser("serve", help="run the central sync server")
    _database(serve)
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (0.0.0.0: every address)"
    )
    serve.add_argument("--port", type=int, default=8443, help="port to listen on (8443)")
    serve.add_argument("--certfile", default=None, help="TLS certificate (PEM)")
    serve.add_argument("--keyfile", default=None, help="TLS private key (PEM)")
    serve.add_argument("--no-migrate", action="store_true", help="do not upgrade the schema")
    serve.add_argument("--no-notifier", action="store_true", help="do not send notifications")
    serve.add_argument(
        "--no-access-log", action="store_true", help="do not log each request (one line each)"
    )
    admin = commands.add_parser(
        "admin", aliases=["server-admin"], help="administer the central server"
    )
    _database(admin)
    tasks = admin.add_subparsers(dest="task", metavar="TASK", required=True)
    tasks.add_parser("migrate", help="create or upgrade the server schema")
    code = tasks.add_parser("enrolment-code", help="print a one-time enrolment code")
    code.add_argument("--site", required=True)
    code.add_argument("--device", default=None, help="re-enrol this device (new epoch)")
    site = tasks.add_parser("add-site", help="create a site")
    site.add_argument("--name", required=True)
    site.add_argument(
        "--tenants",
        choices=["register", "approve"],
        default=None,
        help="tenants its counters bring: registered if nothing clashes (the default for a "
        "new site), or each held until you approve it (tenants --approve)",
    )
    tenant = tasks.add_parser("add-tenant", help="create a tenant and add it to a site")
    tenant.add_argument("--site", required=True)
    tenant.add_argument("--id", default=None, help="the tenant's id (as on the counters)")
    tenant.add_argument("--code", required=True)
    tenant.add_argument("--name", required=True)
    tenant.add_argument("--org-no", required=True)
    tenant.add_argument("--no-vat", action="store_true")
    token = tasks.add_parser("admin-token", help="print a new admin API token")
    token.add_argument("--label", default="admin")
    tenant_token = tasks.add_parser("tenant-token", help="print a tenant read-API token")
    tenant_token.add_argument("--tenant", required=True)
    revoke = tasks.add_parser("revoke-device", help="revoke a device's token")
    revoke.add_argument("--device", required=True)
    web_user = tasks.add_parser(
        "add-web-user", help="add a person to the web back office (password read from stdin)"
    )
    web_user.add_argument("--login", required=True)
    web_user.add_argument("--name", required=True)
    where = web_user.add_mutually_exclusive_group(required=True)
    where.add_argument("--site", help="a centre manager of this site (by name)")
    where.add_argument("--tenant", help="a user of this tenant (its id)")
    web_password = tasks.add_parser(
        "set-web-password", help="set a web user's password (read from stdin)"
    )
    web_password.add_argument("--login", required=True)
    for task, what in (("disable-web-user", "no longer"), ("enable-web-user", "again")):
        switch = tasks.add_parser(task, help=f"let a web user sign in {what}")
        switch.add_argument("--login", required=True)
    tasks.add_parser("send-notifications", help="send due e-mail/SMS notifications once")
    compact = tasks.add_parser("compact", help="compact the reference-data change log")
    compact.add_argument("--keep-days", type=int, default=120)
    from server.admin_cli import add_tasks

    add_tasks(tasks)


def _database(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database-url",
        default=None,
        help="SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db "
        "(default: $OMIGJEN_DATABASE_URL)",
    )


def _settings(args: argparse.Namespace, **extra: Any) -> Any:
    from server.db_problems import url_password_problem
    from server.settings import ServerSettings

    settings = ServerSettings.from_env(args.database_url or "", **extra)
    if not settings.database_url:
        raise SystemExit("--database-url (or OMIGJEN_DATABASE_URL) is required")
    if url_password_problem(settings.database_url):
        print(f"cannot use the database: {url_password_problem(settings.database_url)}",
              file=sys.stderr)  # fmt: skip
        raise SystemExit(2)
    return settings


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from server.app import create_app
    from server.notify import start_notifier
    from server.startup import startup_lines

    settings = _settings(
        args, host=args.host, port=args.port, ssl_certfile=args.certfile, ssl_keyfile=args.keyfile
    )
    problem = _schema_ready(settings.database_url, announce=True, upgrade=not args.no_migrate)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    app = create_app(settings)
    if not args.no_notifier:
        start_notifier(app.state.engine, settings)
    _freeze_startup_objects()
    for line in startup_lines(settings, notifier=not args.no_notifier):
        print(line, file=sys.stderr, flush=True)
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        ssl_certfile=settings.ssl_certfile or None,
        ssl_keyfile=settings.ssl_keyfile or None,
        log_level="info",
        access_log=not args.no_access_log,
    )
    return 0


def _read_password() -> str:
    """The first line of stdin (a pipe), or asked twice without echo at a terminal."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    import getpass

    first = getpass.getpass("Passord / password: ")
    if getpass.getpass("Gjenta / repeat: ") != first:
        raise SystemExit("the passwords differ")
    return first


def _freeze_startup_objects() -> None:
    """Move what the imports and the app built (some 100 000 objects) out of the cyclic
    collector's reach: a push decodes tens of thousands of containers, which triggers full
    collections, and each one would walk all of them again (about 70 ms a time)."""
    import gc

    gc.collect()
    gc.freeze()


def run_admin(args: argparse.Namespace) -> int:
    from server import admin_ops, refdata
    from server.db import Scope, make_engine, scoped
    from server.problems import Problem

    settings = _settings(args)
    problem = _schema_ready(settings.database_url, announce=args.task != "migrate")
    if problem:
        print(problem, file=sys.stderr)
        return 2
    if args.task == "migrate":
        print("schema is up to date")
        return 0
    engine = make_engine(settings.database_url, role=settings.db_role or None, pool_size=1)
    try:
        if args.task == "send-notifications":
            from server.notify import send_due

            print(f"{send_due(engine, settings)} notifications handled")
            return 0
        if args.task in ("add-web-user", "set-web-password", "disable-web-user",
                         "enable-web-user"):  # fmt: skip
            from server.web.admin_tasks import web_user_task

            password = _read_password() if args.task in ("add-web-user", "set-web-password") else ""
            print(web_user_task(engine, args, password))
            return 0
        from server import admin_cli

        if args.task in admin_cli.TASKS:
            print(admin_cli.run_task(args, engine))
            return 0
        with scoped(engine, Scope.admin()) as conn:
            print(_admin_task(args, conn, settings, admin_ops, refdata))
        return 0
    except Problem as refused:
        print(_explained(refused, args), file=sys.stderr)
        return 2
    finally:
        engine.dispose()


def _schema_ready(url: str, announce: bool, upgrade: bool = True) -> str | None:
    """Create or upgrade the schema if it is not the newest (any admin task may be the first
    one run on a new database); a message saying what to fix if that cannot be done."""
    from sqlalchemy.exc import DBAPIError

    from server.db import add_event_months, may_take_app_role, migrate, schema_revisions
    from server.db_problems import explained
    from server.schema import APP_ROLE

    try:
        current, head = schema_revisions(url)
        if current != head and upgrade:
            migrate(url)
            if announce:
                done = "created" if current is None else f"upgraded from {current} to"
                print(f"server schema {done} {head}", file=sys.stderr)
        if current == head or upgrade:
            add_event_months(url)
        if not may_take_app_role(url):
            return explained(f'permission denied to set role "{APP_ROLE}"', url)
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        return explained(reason, url)
    return None


def _explained(problem: Any, args: argparse.Namespace) -> str:
    text = f"{problem.code}: {problem.detail}"
    if args.task == "enrolment-code" and problem.extra.get("sites") is not None:
        sites = ", ".join(problem.extra["sites"]) or "none yet"
        text += (
            f"\ncreate it with: omigjen-server admin add-site --name {shlex.quote(args.site)}"
            f"\n(sites on this server: {sites})"
        )
    return text


def _admin_task(
    args: argparse.Namespace, conn: Any, settings: Any, admin_ops: Any, refdata: Any
) -> str:
    from sqlalchemy import text

    if args.task == "enrolment-code":
        code, expires = admin_ops.enrolment_code(
            conn, args.site, settings.enrol_code_ttl_hours, args.device
        )
        print(f"valid once, until {expires:%Y-%m-%d %H:%M} UTC", file=sys.stderr)
        return str(code)
    if args.task == "add-site":
        approval = None if args.tenants is None else args.tenants == "approve"
        existed = conn.execute(
            text("SELECT 1 FROM sites WHERE name = :n"), {"n": args.name}
        ).first()
        site_id = admin_ops.ensure_site(conn, args.name, approval)
        return f"{'site exists' if existed else 'created site'} {args.name}: {site_id}"
    if args.task == "add-tenant":
        return str(
            admin_ops.add_tenant(
                conn,
                args.site,
                {
                    "id": args.id,
                    "code": args.code,
                    "name": args.name,
                    "org_no": args.org_no,
                    "vat_registered": not args.no_vat,
                },
            )
        )
    if args.task == "admin-token":
        return str(admin_ops.admin_token(conn, args.label))
    if args.task == "tenant-token":
        return str(admin_ops.tenant_token(conn, args.tenant))
    if args.task == "revoke-device":
        return "revoked" if admin_ops.revoke_device(conn, args.device) else "not found"
    if args.task == "compact":
        return f"{refdata.compact(conn, args.keep_days)} superseded changes removed"
    raise SystemExit(f"unknown task {args.task}")
