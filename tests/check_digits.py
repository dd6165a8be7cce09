"""Check-digit rules written out as their owners publish them: independent oracles for the
property tests of the library-backed checks in ``pos.identifiers`` and ``pos.bank``."""

from __future__ import annotations


def textbook_mod11(body: str, weights: tuple[int, ...]) -> int | None:
    """The mod 11 rule as Brønnøysund and the banks publish it: None where no digit fits."""
    check = 11 - sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11
    return {11: 0, 10: None}.get(check, check)


def textbook_gs1(body: str) -> int:
    """GS1's rule: weights 3 and 1 alternating from the right, then up to a multiple of 10."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10

