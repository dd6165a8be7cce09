"""Norwegian VAT on VAT-inclusive prices, with one documented rounding rule.

Rule (used for every receipt, report and export):
1. Prices are VAT-inclusive. For each VAT class on a receipt, the VAT is computed once on the
   sum of that class's line amounts: ``vat = round_half_up(gross * rate / (100 + rate))``.
2. That per-rate VAT is then shared out over the lines of the class in proportion to their
   amounts by the largest-remainder method, so the lines add up exactly to the per-rate figure.
3. The base (amount excluding VAT) is always ``gross - vat``; nothing is rounded twice.
A tenant that is not VAT-registered charges no VAT: its lines are class ``NONE``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from pos.money import Ore, allocate, div_round_half_up


class VatClass(Enum):
    """VAT class of a line: (key, percent, SAF-T standard tax code, bokmål label)."""

    HIGH = ("25", 25, "3", "Alminnelig sats 25 %")
    FOOD = ("15", 15, "31", "Næringsmidler 15 %")
    LOW = ("12", 12, "33", "Redusert sats 12 %")
    ZERO = ("0", 0, "5", "Fritatt (nullsats)")
    EXEMPT = ("exempt", 0, "6", "Unntatt merverdiavgift")
    NONE = ("none", 0, "7", "Ikke mva-registrert")

    def __init__(self, key: str, percent: int, saft_code: str, label_nb: str) -> None:
        self.key = key
        self.percent = percent
        self.saft_code = saft_code
        self.label_nb = label_nb

    @classmethod
    def from_key(cls, key: str) -> VatClass:
        for member in cls:
            if member.key == key:
                return member
        raise ValueError(f"unknown VAT class {key!r}")

    @property
    def taxable(self) -> bool:
        """Whether sales in this class are taxable turnover (zero-rated counts as taxable)."""
        return self not in (VatClass.EXEMPT, VatClass.NONE)


def vat_of_gross(gross: Ore, vat_class: VatClass) -> Ore:
    """The VAT contained in a VAT-inclusive amount, rounded half away from zero."""
    if vat_class.percent == 0:
        return 0
    return div_round_half_up(gross * vat_class.percent, 100 + vat_class.percent)


@dataclass(frozen=True)
class VatSummary:
    """VAT of one class on one receipt."""

    vat_class: VatClass
    gross: Ore
    vat: Ore

    @property
    def base(self) -> Ore:
        return self.gross - self.vat


def split_vat(
    lines: Sequence[tuple[Ore, VatClass]],
) -> tuple[list[Ore], list[VatSummary]]:
    """Apply the rule to a receipt's lines (gross, class).

    Returns the VAT of each line (same order) and one summary per class present, in the order
    of ``VatClass``. All lines of a receipt share one sign (a sale or a return).
    """
    if any(g > 0 for g, _ in lines) and any(g < 0 for g, _ in lines):
        raise ValueError("a receipt mixes sale and return amounts")
    line_vat = [0] * len(lines)
    summaries: list[VatSummary] = []
    for vat_class in VatClass:
        indexes = [i for i, (_, c) in enumerate(lines) if c is vat_class]
        if not indexes:
            continue
        gross = sum(lines[i][0] for i in indexes)
        vat = vat_of_gross(gross, vat_class)
        weights = [abs(lines[i][0]) for i in indexes]
        if vat and sum(weights):
            for i, part in zip(indexes, allocate(vat, weights), strict=True):
                line_vat[i] = part
        summaries.append(VatSummary(vat_class, gross, vat))
    return line_vat, summaries
