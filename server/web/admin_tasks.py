"""``omigjen-server admin add-web-user``, ``set-web-password`` and ``disable-web-user`` /
``enable-web-user``: the first centre manager (and any other person) made from the command
line, in the admin scope."""

from __future__ import annotations

import argparse

from sqlalchemy import Engine

from server import admin_ops
from server.db import Scope, scoped
from server.problems import Problem
from server.web import users
from server.web.i18n import EN


def web_user_task(engine: Engine, args: argparse.Namespace, password: str) -> str:
    with scoped(engine, Scope.admin()) as conn:
        try:
            if args.task in ("disable-web-user", "enable-web-user"):
                active = args.task == "enable-web-user"
                users.set_active(conn, args.login.strip().lower(), active)
                can = "can sign in again" if active else "can no longer sign in"
                return f"web user {args.login} {can}"
            if args.task == "set-web-password":
                found = users.by_login(conn, args.login)
                if found is None:
                    raise Problem(404, "not_found", f"no web user {args.login!r}")
                users.set_password(conn, found["id"], password)
                return f"password set for web user {args.login}"
            site_id = admin_ops.site_id_by_name(conn, args.site) if args.site else None
            if args.tenant:
                admin_ops.require_tenant_exists(conn, args.tenant)
            login = args.login.strip().lower()
            user_id = users.add_user(
                conn,
                users.NewUser(
                    login,
                    args.name,
                    "manager" if site_id else "tenant",
                    password,
                    site_id=site_id,
                    tenant_id=args.tenant,
                ),
            )
            role = f"centre manager of {args.site}" if site_id else f"user of tenant {args.tenant}"
            return f"added web user {login} ({args.name}), {role}: {user_id}"
        except users.UserRefused as refused:  # the operator's command line is English
            english = EN.get(refused.message, refused.message).format(**refused.values)
            raise Problem(400, "refused", english) from None
