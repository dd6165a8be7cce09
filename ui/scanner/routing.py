"""What a scanned or typed code is: an item barcode, a receipt number, a credit note, a repair
ticket (job tag), or bad.

Pure: the sale screen decides what to do with each kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from pos.errors import InvalidBarcode
from pos.identifiers import normalise_barcode
from pos.model.ticket_id import is_ticket_id, normalise_ticket_id

RECEIPT_NUMBER_RE = re.compile(r"^\d{2}-[A-Z0-9]{1,8}-[RT]?\d{6}$")
"""Receipt numbers as recorded: tenant code, register, optional R/T prefix, six digits
(``pos.services.recording``: ``11-K1-000001``, ``11-K1-R000001``)."""
CREDIT_NOTE_RE = re.compile(r"^TG\d{2}\d{6}$")
"""Credit note numbers as issued: 'TG' + tenant code + six digits (``TG11000001``)."""


class CodeKind(Enum):
    ITEM = "item"
    RECEIPT = "receipt"
    CREDIT_NOTE = "credit_note"
    REPAIR_TICKET = "repair_ticket"
    """A job tag or claim slip (``R BB SSSS C`` with a valid check character)."""
    INVALID = "invalid"


@dataclass(frozen=True)
class RoutedCode:
    kind: CodeKind
    code: str
    error: InvalidBarcode | None = None


def route_code(raw: str) -> RoutedCode:
    code = raw.strip().upper()
    if RECEIPT_NUMBER_RE.match(code):
        return RoutedCode(CodeKind.RECEIPT, code)
    if CREDIT_NOTE_RE.match(code):
        return RoutedCode(CodeKind.CREDIT_NOTE, code)
    if is_ticket_id(code):
        return RoutedCode(CodeKind.REPAIR_TICKET, normalise_ticket_id(code))
    try:
        return RoutedCode(CodeKind.ITEM, normalise_barcode(code))
    except InvalidBarcode as error:
        return RoutedCode(CodeKind.INVALID, code, error)


@dataclass
class DuplicateGuard:
    """Catches a double read of the same code: the same code again within ``window_s``."""

    window_s: float = 1.0
    _last_code: str = ""
    _last_time: float = float("-inf")

    def is_repeat(self, code: str, now: float) -> bool:
        repeat = code == self._last_code and now - self._last_time <= self.window_s
        self._last_code, self._last_time = code, now
        return repeat
