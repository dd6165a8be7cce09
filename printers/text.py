"""Text for a code-page printer: characters the code page lacks replaced sensibly (never a '?' in
a price, never a crash), control characters removed (a description must not become a command),
and the column helpers every layout uses."""

from __future__ import annotations

import codecs
import textwrap
import unicodedata
from functools import lru_cache

from pos.money import Ore, format_nok

REPLACEMENTS = {
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2010": "-",
    "\u2011": "-",
    "\u2212": "-",  # minus sign
    "\u20ac": "EUR",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00bb": '"',  # CP865 has « but puts ¤ where » would be
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u2026": "...",
    "\u2022": "*",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\t": " ",
    "\u2122": "(TM)",
    "\u00ae": "(R)",
    "\u00a9": "(C)",
    "\u2116": "Nr.",
    "\u0141": "L",  # Ł and friends have no decomposition to fall back on
    "\u0142": "l",
    "\u0110": "D",
    "\u0111": "d",
    "\u0152": "OE",
    "\u0153": "oe",
}


FALLBACKS = {"\u00a7": "par."}
"""Defined replacements for characters that no code page of the printer holds: the legal
references on claim slips ("håndverkertjenesteloven § 47") must never print as '?'."""


def encodes(char: str, codec: str) -> bool:
    try:
        char.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


@lru_cache(maxsize=4096)
def _printable_char(char: str, codec: str, alternates: tuple[str, ...] = ()) -> str:
    if char == "\n":
        return char
    if char in REPLACEMENTS:
        return REPLACEMENTS[char]
    category = unicodedata.category(char)
    if category.startswith("C") or category in ("Zl", "Zp"):
        return ""  # controls (ESC, NUL...), surrogates, private use: never sent as text
    if encodes(char, codec) or any(encodes(char, alt) for alt in alternates):
        return char  # another page of the printer's has it: the builder switches for it
    plain = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    if plain and plain != char:
        return "".join(_printable_char(c, codec, alternates) for c in plain)
    if char in FALLBACKS:
        return FALLBACKS[char]
    if category in ("So", "Sk", "Mn", "Me", "Mc"):
        return ""  # emoji and other pictographs simply drop out
    return "?"


def printable(text: str, codec: str = "cp865", alternates: tuple[str, ...] = ()) -> str:
    """``text`` with only characters ``codec`` (or one of the ``alternates``, code pages the
    printer can switch to for a character) can encode: æøå kept, – → -, € → EUR, § → § where a
    page has it, else 'par.'."""
    codecs.lookup(codec)
    if text.isascii() and text.isprintable():
        return text
    return "".join(_printable_char(c, codec, alternates) for c in text)


def money(amount: Ore) -> str:
    """Amounts on paper: '1 234,50' with a plain space (no-break spaces are not in every page)."""
    return format_nok(amount, thousands=" ")


def wrap(text: str, width: int) -> list[str]:
    """Paragraphs wrapped to ``width``; blank lines kept; over-long words broken."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(textwrap.wrap(paragraph, width) or [""])
    return lines


def two_columns(left: str, right: str, width: int) -> list[str]:
    """``left`` and a right-aligned ``right`` on one line, or left wrapped above if too long."""
    room = width - len(right) - 1
    if len(left) <= room:
        return [left + " " * (width - len(left) - len(right)) + right]
    if room < 8:
        return [*wrap(left, width), right.rjust(width)]
    lines = wrap(left, room)
    last = lines.pop()
    return [*lines, last + " " * (width - len(last) - len(right)) + right]


def rule(width: int, char: str = "-") -> str:
    return char * width
