"""``omigjen-server admin add-web-user`` and ``set-web-password``: the first centre manager
(and any other person) made from the command line, in the admin scope."""

from __future__ import annotations

import argparse

from sqlalchemy import Engine

from server import admin_ops
from server.db import Scope, scoped
from server.problems import Problem
from server.web import users


def web_user_task(engine: Engine, args: argparse.Namespace, password: str) -> str:
    with scoped(engine, Scope.admin()) as conn:
        try:
            if args.task == "set-web-password":
                found = users.by_login(conn, args.login)
                if found is None:
                    raise Problem(404, "not_found", f"no web user {args.login!r}")
                users.set_password(conn, found["id"], password)
                return "password set"
            site_id = admin_ops.site_id_by_name(conn, args.site) if args.site else None
            if args.tenant:
                admin_ops.require_tenant_exists(conn, args.tenant)
            return users.add_user(
                conn,
                users.NewUser(
                    args.login.strip().lower(),
                    args.name,
                    "manager" if site_id else "tenant",
                    password,
                    site_id=site_id,
                    tenant_id=args.tenant,
                ),
            )
        except users.UserRefused as refused:
            raise Problem(400, "refused", str(refused)) from None
