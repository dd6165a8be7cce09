"""Words every command shares: a count with its noun, singular for exactly one, in the
interface's language."""

from __future__ import annotations


def counted(lang: str, n: int, nb: tuple[str, str], en: tuple[str, str]) -> str:
    """``n`` and its noun: "1 leder", "2 ledere", "0 managers" (bokmål unless ``lang`` is en)."""
    one, many = en if lang == "en" else nb
    return f"{n} {one if n == 1 else many}"
