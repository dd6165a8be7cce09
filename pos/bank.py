"""Norwegian bank account numbers (11 digits, mod 11 check digit) for tenant payouts; the check
digit is python-stdnum's (``stdnum.no.kontonr``), loaded when first used (it brings ``pydoc``)."""

from __future__ import annotations

import re

from pos.day_end_errors import InvalidBankAccount


def is_valid_account_number(text: str) -> bool:
    """Eleven digits (spaces and dots allowed between them) with the mod 11 digit. stdnum also
    takes 7-digit postgiro numbers and strips a leading 0000: neither is an account to pay."""
    from stdnum.no import kontonr

    digits = re.sub(r"[\s.]", "", text)
    return (
        re.fullmatch(r"[0-9]{11}", digits) is not None
        and kontonr.compact(digits) == digits
        and kontonr.is_valid(digits)
    )


def normalise_account_number(text: str) -> str:
    """The 11 digits of a valid account number ('1234.56.78903' -> '12345678903')."""
    digits = re.sub(r"[\s.]", "", text)
    if not is_valid_account_number(digits):
        raise InvalidBankAccount(text)
    return digits


def format_account_number(digits: str) -> str:
    return f"{digits[:4]}.{digits[4:6]}.{digits[6:]}"
