"""Sign-in throttling with growing delays: after ``FREE`` wrong attempts for a user name (or
``FREE_IP`` from one address) each further one blocks the next for 2, 4, 8 ... seconds, up to
15 minutes. A blocked attempt is refused before its password is even checked."""

from __future__ import annotations

import math

from sqlalchemy import Connection, text

FREE = 3
FREE_IP = 20
MAX_DELAY_S = 15 * 60


def delay_after(failures: int, free: int) -> int:
    if failures < free:
        return 0
    return int(min(MAX_DELAY_S, 2 ** (failures - free + 1)))


def keys(login: str, address: str) -> list[tuple[str, int]]:
    return [(f"login:{login.strip().lower()}", FREE), (f"ip:{address}", FREE_IP)]


def wait_seconds(conn: Connection, login: str, address: str) -> int:
    """How long the person must still wait before trying again (0: go ahead)."""
    left = conn.execute(  # the database's clock, as it set blocked_until
        text(
            "SELECT extract(epoch FROM max(blocked_until) - now()) FROM web_throttle "
            "WHERE key = ANY(:k)"
        ),
        {"k": [key for key, _ in keys(login, address)]},
    ).scalar()
    if left is None:
        return 0
    return max(0, math.ceil(float(left)))


def record_failure(conn: Connection, login: str, address: str) -> None:
    for key, free in keys(login, address):
        failures = conn.execute(
            text(
                "INSERT INTO web_throttle (key, failures, blocked_until) VALUES (:k, 1, now()) "
                "ON CONFLICT (key) DO UPDATE SET failures = web_throttle.failures + 1 "
                "RETURNING failures"
            ),
            {"k": key},
        ).scalar_one()
        conn.execute(
            text(
                "UPDATE web_throttle SET blocked_until = now() + make_interval(secs => :s) "
                "WHERE key = :k"
            ),
            {"k": key, "s": delay_after(int(failures), free)},
        )


def record_success(conn: Connection, login: str) -> None:
    conn.execute(
        text("DELETE FROM web_throttle WHERE key = :k"), {"k": f"login:{login.strip().lower()}"}
    )
