"""Repair ticket ids: short, digits and capital letters only, no look-alikes, unique offline.

Layout ``R BB SSSS C``: ``R`` marks a repair ticket; ``BB`` is the register's label block
(1–99, unique per register, see docs/labels.md) in the ticket alphabet; ``SSSS`` is that
register's own gap-free counter (more characters once it passes 32⁴); ``C`` is a Luhn mod 32
check character that catches any single mistyped character and nearly every swap of
neighbours. The alphabet leaves out 0/O and 1/I, so what is read aloud or typed on a Norwegian
keyboard is what was printed, and the id reads the same as CODE128 and QR.
"""

from __future__ import annotations

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
"""32 characters: digits 2–9 and capitals without I and O."""
PREFIX = "R"
SERIAL_WIDTH = 4
_BASE = len(ALPHABET)
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}


def _encode(number: int, width: int) -> str:
    chars = []
    while number:
        number, digit = divmod(number, _BASE)
        chars.append(ALPHABET[digit])
    return "".join(reversed(chars)).rjust(width, ALPHABET[0])


def check_character(body: str) -> str:
    """Luhn mod N over ``body`` (characters of ALPHABET)."""
    total = 0
    factor = 2
    for ch in reversed(body):
        addend = factor * _VALUE[ch]
        total += addend // _BASE + addend % _BASE
        factor = 1 if factor == 2 else 2
    return ALPHABET[(_BASE - total % _BASE) % _BASE]


def make_ticket_id(block: int, serial: int) -> str:
    """The id of ticket number ``serial`` (from 1) taken in at the register with ``block``."""
    if not 1 <= block <= 99:
        raise ValueError("label blocks are 1-99")
    if serial < 1:
        raise ValueError("serials start at 1")
    body = _encode(block, 2) + _encode(serial, SERIAL_WIDTH)
    return PREFIX + body + check_character(body)


def is_ticket_id(code: str) -> bool:
    """Whether a scanned or typed code is a well-formed ticket id (check character included)."""
    code = normalise_ticket_id(code)
    if len(code) < 2 + 2 + SERIAL_WIDTH or not code.startswith(PREFIX):
        return False
    body = code[1:-1]
    if any(ch not in _VALUE for ch in code[1:]):
        return False
    return check_character(body) == code[-1]


def normalise_ticket_id(code: str) -> str:
    """Upper-case and trimmed; spaces and hyphens someone typed are dropped."""
    return code.strip().upper().replace(" ", "").replace("-", "")
