"""Money as integer øre, and the one rounding rule every total, discount and VAT figure uses.

Never a float: amounts are ``int`` øre from input parsing to the receipt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pos.errors import InvalidAmount

Ore = int
"""An amount of Norwegian øre (1 krone = 100 øre)."""

MAX_AMOUNT_ORE: Ore = 1_000_000 * 100
"""The largest price or tender the till accepts (1 000 000 kr); anything above is a typo."""

_AMOUNT_RE = re.compile(r"^(-)?(\d{1,9})(?:[.,](\d{1,2}))?$")


def div_round_half_up(numerator: int, denominator: int) -> int:
    """Integer division rounded to nearest, halves away from zero: the project's one rounding rule.

    Norwegian practice (and the VAT Act's øre rounding) rounds 0.5 øre away from zero, so
    a refund rounds exactly like the sale it undoes.
    """
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    sign = -1 if numerator < 0 else 1
    q, r = divmod(abs(numerator), denominator)
    if 2 * r >= denominator:
        q += 1
    return sign * q


def round_to_krone(amount: Ore) -> Ore:
    """Round a cash amount to whole kroner (50 øre rounds away from zero)."""
    return div_round_half_up(amount, 100) * 100


def format_nok(amount: Ore, *, thousands: str = "\u00a0") -> str:
    """'1 234,50' style: Norwegian decimal comma, no-break space thousands separator."""
    sign = "-" if amount < 0 else ""
    kroner, ore = divmod(abs(amount), 100)
    grouped = f"{kroner:,}".replace(",", thousands)
    return f"{sign}{grouped},{ore:02d}"


def format_saft(amount: Ore) -> str:
    """'1250.00' style used in signatures and SAF-T: point, two decimals, no separators."""
    sign = "-" if amount < 0 else ""
    kroner, ore = divmod(abs(amount), 100)
    return f"{sign}{kroner}.{ore:02d}"


def parse_nok(text: str) -> Ore:
    """Parse what a person types ('149', '149,50', '1 499.5', '-20') into øre.

    Raises InvalidAmount for anything that is not a plain amount with at most two decimals.
    """
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if cleaned.lower().endswith("kr"):
        cleaned = cleaned[:-2]
    match = _AMOUNT_RE.match(cleaned)
    if not match:
        raise InvalidAmount(text)
    sign, kroner, ore = match.groups()
    value = int(kroner) * 100 + int((ore or "0").ljust(2, "0"))
    return -value if sign else value


def allocate(total: Ore, weights: Sequence[int]) -> list[Ore]:
    """Split ``total`` over ``weights`` proportionally, exactly, by the largest-remainder method.

    The parts always add up to ``total``. Ties in remainder go to the earlier weight, so the
    result is deterministic. Weights must be non-negative with a positive sum.
    """
    if any(w < 0 for w in weights):
        raise ValueError("weights must be non-negative")
    weight_sum = sum(weights)
    if weight_sum <= 0:
        raise ValueError("weights must have a positive sum")
    sign = -1 if total < 0 else 1
    magnitude = abs(total)
    floors = [magnitude * w // weight_sum for w in weights]
    remainders = [magnitude * w % weight_sum for w in weights]
    short = magnitude - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for i in order[:short]:
        floors[i] += 1
    return [sign * part for part in floors]
