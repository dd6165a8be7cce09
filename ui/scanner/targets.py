"""What a place that takes scans promises, and fields that take codes.

A window, dialog or page takes scans by having ``handle_scan(code) -> Refusal | None``: it acts
on the code (its own intent: an item, a receipt, a job tag, a credit note) and returns None, or
it shows why not in its own words and returns the ``Refusal`` (the scan router then sounds it,
shows it in the banner and logs it). A ``QLineEdit`` marked with ``take_codes`` is filled by a
scan while it has focus (a serial number, a search box), wherever it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtWidgets import QApplication, QLineEdit

TAKES_CODES = "omigjenTakesCodes"
"""Qt property marking a line edit a scan may fill."""


@dataclass(frozen=True)
class Refusal:
    """A scan was not taken: ``text`` says why, in the person's language."""

    text: str


class ScanTarget(Protocol):
    def handle_scan(self, code: str) -> Refusal | None: ...


def take_codes(field: QLineEdit) -> QLineEdit:
    """Let a scan fill this field while it has focus (instead of going to the page or the sale
    screen). Only for fields meant for codes: never an amount, a PIN or a name."""
    field.setProperty(TAKES_CODES, True)
    return field


def focused_code_field() -> QLineEdit | None:
    field = QApplication.focusWidget()
    if (
        isinstance(field, QLineEdit)
        and bool(field.property(TAKES_CODES))
        and field.isEnabled()
        and not field.isReadOnly()
        and field.isVisible()
    ):
        return field
    return None


def fill_code_field(field: QLineEdit, code: str) -> None:
    """The scan replaces what the field held (as a person selecting all and typing it)."""
    field.selectAll()
    field.insert(code)
