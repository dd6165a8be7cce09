"""Norwegian bank account numbers (11 digits, mod 11 check digit) for tenant payouts."""

from __future__ import annotations

import re

from pos.day_end_errors import InvalidBankAccount
from pos.identifiers import mod11_check_digit

_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def is_valid_account_number(text: str) -> bool:
    digits = re.sub(r"[\s.]", "", text)
    if not re.fullmatch(r"\d{11}", digits):
        return False
    return mod11_check_digit(digits[:10], _WEIGHTS) == int(digits[10])


def normalise_account_number(text: str) -> str:
    """The 11 digits of a valid account number ('1234.56.78903' -> '12345678903')."""
    digits = re.sub(r"[\s.]", "", text)
    if not is_valid_account_number(digits):
        raise InvalidBankAccount(text)
    return digits


def format_account_number(digits: str) -> str:
    return f"{digits[:4]}.{digits[4:6]}.{digits[6:]}"
