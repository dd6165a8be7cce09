"""Customer contact details as the repair counter takes them: Norwegian phone numbers and e-mail.

Validation is strict enough that an SMS or e-mail queued offline has somewhere to go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pos.errors import DomainError

_EMAIL_RE = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_SEPARATORS = re.compile(r"[\s\-.()]")


class InvalidPhone(DomainError):
    code = "invalid_phone"
    nb = "«{value}» er ikke et norsk telefonnummer (8 siffer, eventuelt med +47)."
    en = "'{value}' is not a Norwegian phone number (8 digits, optionally with +47)."


class InvalidEmail(DomainError):
    code = "invalid_email"
    nb = "«{value}» er ikke en gyldig e-postadresse."
    en = "'{value}' is not a valid e-mail address."


@dataclass(frozen=True)
class Phone:
    """A Norwegian number: eight digits, the first not 0 or 1."""

    digits: str

    @property
    def e164(self) -> str:
        return f"+47{self.digits}"

    @property
    def is_mobile(self) -> bool:
        """Norwegian mobile numbers start with 4 or 9: only those can get an SMS."""
        return self.digits[0] in "49"

    @property
    def display(self) -> str:
        d = self.digits
        return (
            f"{d[0:3]} {d[3:5]} {d[5:8]}"
            if self.is_mobile
            else f"{d[0:2]} {d[2:4]} {d[4:6]} {d[6:8]}"
        )


def parse_phone(text: str) -> Phone:
    """'+47 912 34 567', '0047 91234567', '91 23 45 67' -> Phone('91234567'); else InvalidPhone."""
    cleaned = _SEPARATORS.sub("", text.strip())
    if cleaned.startswith("+47"):
        cleaned = cleaned[3:]
    elif cleaned.startswith("0047"):
        cleaned = cleaned[4:]
    if not (len(cleaned) == 8 and cleaned.isascii() and cleaned.isdigit()) or cleaned[0] in "01":
        raise InvalidPhone(text)
    return Phone(cleaned)


def parse_email(text: str) -> str:
    """A trimmed address with one '@', a dotted domain and no spaces; the domain lower-cased."""
    cleaned = text.strip()
    if len(cleaned) > 254 or not _EMAIL_RE.match(cleaned):
        raise InvalidEmail(text)
    local, domain = cleaned.rsplit("@", 1)
    if len(local) > 64 or local.startswith(".") or local.endswith(".") or ".." in local:
        raise InvalidEmail(text)
    if any(not part or part.startswith("-") or part.endswith("-") for part in domain.split(".")):
        raise InvalidEmail(text)
    return f"{local}@{domain.lower()}"
