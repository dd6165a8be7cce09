"""Form tokens against cross-site and replayed posts: every form the pages render carries a
fresh token ``nonce.time.mac`` (HMAC-SHA256 with the server's web secret over the session it
was made for); a post is taken only with a token made for the poster's own session, less than
``MAX_AGE_S`` old, and never used before (its nonce is stored when it is used)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

from sqlalchemy import Connection, Engine, text

from server.db import Scope, scoped

MAX_AGE_S = 12 * 3600
FIELD = "csrf"


class FormRefused(Exception):
    """``reason``: ``forged`` (no, a foreign or an old token) or ``replayed``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def web_secret(engine: Engine) -> bytes:
    """The server's secret for form tokens, made on first use and kept in ``server_meta``."""
    with scoped(engine, Scope.admin()) as conn:
        conn.execute(
            text(
                "INSERT INTO server_meta (key, value) VALUES ('web_secret', :v) "
                "ON CONFLICT (key) DO NOTHING"
            ),
            {"v": secrets.token_hex(32)},
        )
        value = conn.execute(text("SELECT value FROM server_meta WHERE key = 'web_secret'"))
        return bytes.fromhex(str(value.scalar()))


def _mac(secret: bytes, binding: str, nonce: str, stamp: str) -> str:
    message = f"{binding}|{nonce}|{stamp}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()[:32]


def make_token(secret: bytes, binding: str) -> str:
    nonce, stamp = secrets.token_urlsafe(12), str(int(time.time()))
    return f"{nonce}.{stamp}.{_mac(secret, binding, nonce, stamp)}"


def check_token(conn: Connection, secret: bytes, binding: str, token: str) -> None:
    """Accept the token once, or raise ``FormRefused``."""
    nonce, _, rest = (token or "").partition(".")
    stamp, _, mac = rest.partition(".")
    if not (nonce and stamp.isdigit() and mac and binding):
        raise FormRefused("forged")
    if not hmac.compare_digest(mac, _mac(secret, binding, nonce, stamp)):
        raise FormRefused("forged")
    if not 0 <= time.time() - int(stamp) <= MAX_AGE_S:
        raise FormRefused("forged")
    used = conn.execute(
        text("INSERT INTO web_used_forms (nonce) VALUES (:n) ON CONFLICT DO NOTHING RETURNING 1"),
        {"n": nonce},
    ).first()
    if used is None:
        raise FormRefused("replayed")
    conn.execute(
        text("DELETE FROM web_used_forms WHERE used_at < now() - make_interval(secs => :s)"),
        {"s": MAX_AGE_S + 60},
    )
