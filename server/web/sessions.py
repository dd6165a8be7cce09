"""Sessions: a random token in an HttpOnly, SameSite=Lax cookie (Secure when the request came
over TLS), stored only as its SHA-256. A session ends after ``IDLE`` without a request or
``LONGEST`` after sign-in, and at sign-out; with TOTP on it is only half open (stage ``totp``)
until the code is given.

Every time here is the database's clock (``now()``): it stamps a session and judges its age, so a
server whose own clock differs from the database's (another host, a faked day) keeps sessions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, text
from starlette.requests import Request
from starlette.responses import Response

from server.auth import new_token, token_hash

COOKIE = "omigjen_session"
PRE_COOKIE = "omigjen_pre"
IDLE = timedelta(minutes=30)
LONGEST = timedelta(hours=12)
TOUCH_EVERY = timedelta(seconds=60)


@dataclass(frozen=True)
class Session:
    token_hash: str
    stage: str
    user: dict[str, Any]


def start(conn: Connection, user_id: str, stage: str) -> str:
    token = new_token()
    conn.execute(
        text("INSERT INTO web_sessions (token_hash, user_id, stage) VALUES (:h, :u, :s)"),
        {"h": token_hash(token), "u": user_id, "s": stage},
    )
    return token


def set_cookie(request: Request, response: Response, name: str, value: str) -> None:
    response.set_cookie(
        name,
        value,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )


def lookup(conn: Connection, token: str) -> tuple[Session | None, bool]:
    """The live session of a cookie, and whether a session existed but has run out."""
    if not token:
        return None, False
    digest = token_hash(token)
    row = (
        conn.execute(
            text(
                "SELECT s.stage, s.created_at, s.seen_at, s.ended_at, now() AS db_now, u.* "
                "FROM web_sessions s "
                "JOIN web_users u ON u.id = s.user_id WHERE s.token_hash = :h"
            ),
            {"h": digest},
        )
        .mappings()
        .first()
    )
    if row is None:
        return None, False
    now = row["db_now"]
    if row["ended_at"] is not None:
        return None, False
    if now - row["seen_at"] > IDLE or now - row["created_at"] > LONGEST or not row["active"]:
        end(conn, digest)
        return None, True
    if now - row["seen_at"] > TOUCH_EVERY:
        conn.execute(
            text("UPDATE web_sessions SET seen_at = now() WHERE token_hash = :h"), {"h": digest}
        )
    user = {k: v for k, v in row.items() if k not in ("stage", "created_at", "seen_at", "db_now")}
    return Session(digest, str(row["stage"]), user), False


def promote(conn: Connection, digest: str) -> None:
    conn.execute(
        text("UPDATE web_sessions SET stage = 'in', seen_at = now() WHERE token_hash = :h"),
        {"h": digest},
    )


def end(conn: Connection, digest: str) -> None:
    conn.execute(
        text("UPDATE web_sessions SET ended_at = now() WHERE token_hash = :h AND ended_at IS NULL"),
        {"h": digest},
    )
