"""Settings of the central server: database, bind address, TLS files, notification gateways.

Read from command-line options with ``OMIGJEN_*`` environment variables as defaults, so a
service unit can configure it without a file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


def _env(name: str, default: str = "") -> str:
    return os.environ.get(f"OMIGJEN_{name}", default)


@dataclass(frozen=True)
class SmtpSettings:
    host: str = ""
    port: int = 25
    username: str = ""
    password: str = ""
    starttls: bool = False
    sender: str = "post@omigjen.invalid"


@dataclass(frozen=True)
class SmsSettings:
    gateway_url: str = ""
    api_key: str = ""
    sender: str = "Omigjen"


@dataclass(frozen=True)
class ServerSettings:
    database_url: str
    host: str = "127.0.0.1"
    port: int = 8443
    ssl_certfile: str = ""
    ssl_keyfile: str = ""
    db_role: str = "omigjen_app"
    min_app_version: str = "0.1.0"
    enrol_code_ttl_hours: int = 24
    notify_interval_s: float = 10.0
    notify_max_attempts: int = 6
    enrol_limit: tuple[int, float] = (10, 60.0)
    """Enrolment attempts per caller address in so many seconds (a code is guessed at here)."""
    token_limit: tuple[int, float] = (5, 60.0)
    """Token rotations per device in so many seconds."""
    smtp: SmtpSettings = SmtpSettings()
    sms: SmsSettings = SmsSettings()

    @staticmethod
    def from_env(database_url: str = "", **overrides: object) -> ServerSettings:
        smtp = SmtpSettings(
            host=_env("SMTP_HOST"),
            port=int(_env("SMTP_PORT", "25")),
            username=_env("SMTP_USERNAME"),
            password=_env("SMTP_PASSWORD"),
            starttls=_env("SMTP_STARTTLS") == "1",
            sender=_env("SMTP_SENDER", SmtpSettings.sender),
        )
        sms = SmsSettings(
            gateway_url=_env("SMS_GATEWAY_URL"),
            api_key=_env("SMS_API_KEY"),
            sender=_env("SMS_SENDER", SmsSettings.sender),
        )
        values: dict[str, object] = {
            "database_url": database_url or _env("DATABASE_URL"),
            "ssl_certfile": _env("SSL_CERTFILE"),
            "ssl_keyfile": _env("SSL_KEYFILE"),
            "smtp": smtp,
            "sms": sms,
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return ServerSettings(**values)  # type: ignore[arg-type]


def version_tuple(version: str) -> tuple[int, ...]:
    parts = []
    for piece in version.split("."):
        digits = "".join(ch for ch in piece if ch in "0123456789")
        parts.append(int(digits) if digits else 0)
    return tuple(parts)
