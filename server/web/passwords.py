"""Passwords hashed with argon2id (argon2-cffi's defaults) and optional TOTP codes (pyotp),
each code good once: the last time step used is kept, so a code seen over a shoulder or
replayed from a form is refused."""

from __future__ import annotations

import time

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_PASSWORD = 10
_HASHER = PasswordHasher()
_DUMMY = _HASHER.hash("a password nobody has")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """Whether ``password`` matches; an unknown user costs the same argon2 work."""
    try:
        return _HASHER.verify(stored or _DUMMY, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def new_totp_secret() -> str:
    return pyotp.random_base32()


def totp_uri(secret: str, login: str, issuer: str = "Omigjen") -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=login, issuer_name=issuer)


def totp_step(
    secret: str, code: str, last_step: int | None, now: float | None = None
) -> int | None:
    """The time step ``code`` belongs to (this step or one either side), if it is valid and
    later than ``last_step``; else None."""
    code = "".join(ch for ch in code if ch.isdigit())
    if len(code) != 6:
        return None
    moment = time.time() if now is None else now
    totp = pyotp.TOTP(secret)
    current = int(moment // totp.interval)
    for step in (current - 1, current, current + 1):
        if totp.at(step * totp.interval) == code and (last_step is None or step > last_step):
            return step
    return None
