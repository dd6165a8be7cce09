"""The back office's people: a site's centre managers and a tenant's users, made with
``omigjen-server admin add-web-user`` or by a manager on the users page. Reads run under the
caller's scope (row-level security on ``web_users``); sign-in looks people up in the
``auth`` scope, which sees them and nothing else."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from server.web.passwords import MIN_PASSWORD, hash_password

LOGIN_RE = re.compile(r"^[a-z0-9][a-z0-9._@-]{2,63}$")


class UserRefused(Exception):
    """A person cannot be made as asked; ``message`` is bokmål (translated on the page)."""

    def __init__(self, message: str, **values: object) -> None:
        super().__init__(message.format(**values))
        self.message, self.values = message, values


@dataclass(frozen=True)
class NewUser:
    login: str
    name: str
    role: str  # "manager" or "tenant"
    password: str
    site_id: str | None = None
    tenant_id: str | None = None


def check_new(user: NewUser) -> None:
    if not LOGIN_RE.match(user.login):
        raise UserRefused("Brukernavn: små bokstaver, tall, punktum, bindestrek, @ (3–64 tegn).")
    if not user.name.strip():
        raise UserRefused("Navnet mangler.")
    if len(user.password) < MIN_PASSWORD:
        raise UserRefused("Passordet må ha minst {n} tegn.", n=MIN_PASSWORD)
    if user.role == "tenant" and not user.tenant_id:
        raise UserRefused("Velg en leietaker.")


def add_user(conn: Connection, user: NewUser) -> str:
    """Insert the person (the caller's scope must allow the row); returns its id."""
    check_new(user)
    taken = conn.execute(
        text("SELECT 1 FROM web_users WHERE login = :l"), {"l": user.login}
    ).first()
    if taken is not None:
        raise UserRefused("Brukernavnet er i bruk.")
    user_id = "u_" + secrets.token_hex(8)
    conn.execute(
        text(
            "INSERT INTO web_users (id, login, name, role, site_id, tenant_id, password_hash) "
            "VALUES (:i, :l, :n, :r, :s, :t, :h) ON CONFLICT (login) DO NOTHING"
        ),
        {
            "i": user_id,
            "l": user.login,
            "n": user.name.strip(),
            "r": user.role,
            "s": user.site_id if user.role == "manager" else None,
            "t": user.tenant_id if user.role == "tenant" else None,
            "h": hash_password(user.password),
        },
    )
    return user_id


def by_login(conn: Connection, login: str) -> dict[str, Any] | None:
    row = (
        conn.execute(
            text("SELECT * FROM web_users WHERE login = :l AND active"),
            {"l": login.strip().lower()},
        )
        .mappings()
        .first()
    )
    return dict(row) if row else None


def listed(conn: Connection, site_id: str) -> list[dict[str, Any]]:
    """The people a manager sees (row-level security): the site's managers and the users of
    the site's tenants."""
    return [
        dict(r)
        for r in conn.execute(
            text(
                "SELECT u.login, u.name, u.role, u.totp_secret IS NOT NULL AS totp, u.active, "
                "t.name AS "
                "tenant_name FROM web_users u LEFT JOIN tenants t ON t.id = u.tenant_id "
                "WHERE u.site_id = :s OR u.tenant_id IN "
                "(SELECT tenant_id FROM site_tenants WHERE site_id = :s) ORDER BY u.role, u.login"
            ),
            {"s": site_id},
        ).mappings()
    ]


def set_active(conn: Connection, login: str, active: bool, by: str = "") -> None:
    """Let a person sign in again, or no more: a deactivated person's sessions end at their
    next request (``sessions``) and the sign-in refuses them; nothing of theirs is removed.
    The row-level scope decides whom the caller may change (a manager: the site's people)."""
    if not active and login == by:
        raise UserRefused("Du kan ikke deaktivere deg selv.")
    changed = conn.execute(
        text("UPDATE web_users SET active = :a WHERE login = :l RETURNING id"),
        {"a": active, "l": login},
    ).first()
    if changed is None:
        raise UserRefused("Fant ingen bruker {login}.", login=login)


def set_password(conn: Connection, user_id: str, password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise UserRefused("Passordet må ha minst {n} tegn.", n=MIN_PASSWORD)
    conn.execute(
        text("UPDATE web_users SET password_hash = :h WHERE id = :i"),
        {"h": hash_password(password), "i": user_id},
    )


def set_totp(conn: Connection, user_id: str, secret: str | None, step: int | None) -> None:
    conn.execute(
        text("UPDATE web_users SET totp_secret = :s, totp_last_step = :p WHERE id = :i"),
        {"s": secret, "p": step, "i": user_id},
    )


def use_totp_step(conn: Connection, user_id: str, step: int) -> bool:
    """Spend a TOTP time step; False if it (or a later one) was already used."""
    spent = conn.execute(
        text(
            "UPDATE web_users SET totp_last_step = :p WHERE id = :i "
            "AND (totp_last_step IS NULL OR totp_last_step < :p) RETURNING 1"
        ),
        {"p": step, "i": user_id},
    ).first()
    return spent is not None
