"""The journal anchor: the journal's head (row number and hash) kept outside the store, so a
tail deleted or rewritten later is caught even by someone who re-hashes the whole chain.

It is printed on every X and Z report as a short text a person can type back
(``1234-9F3A-C21B-77D0-1E2A``: the row number and the first 64 bits of its hash), and sent in
full to the central server at every sync. ``verify-journal --anchor TEXT`` and the server's
newest anchor are checked against the store: the row must exist and carry that hash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pos.errors import DomainError

PRINTED_HEX = 16
"""Hex digits of the hash printed: 64 bits, beyond any search for a chain that matches them."""


class InvalidAnchor(DomainError):
    code = "invalid_anchor"
    nb = (
        "«{value}» er ikke et journalanker. Det står på X- og Z-rapporten som "
        "«Journalanker: 1234-9F3A-C21B-77D0-1E2A»."
    )
    en = (
        "'{value}' is not a journal anchor. It is printed on X and Z reports as "
        "'Journalanker: 1234-9F3A-C21B-77D0-1E2A'."
    )


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    """The row's hash in lower-case hex: all 64 digits, or the printed prefix."""
    source: str = ""
    """Where it came from, for the report: "the printout", "the server (2026-03-02 17:04)"."""

    @property
    def text(self) -> str:
        """The printed form: row number, then the hash prefix in groups of four."""
        prefix = self.hash[:PRINTED_HEX].upper()
        groups = [prefix[i : i + 4] for i in range(0, len(prefix), 4)]
        return "-".join([str(self.seq), *groups])

    def matches(self, row_hash: str) -> bool:
        return row_hash.lower().startswith(self.hash.lower())


def parse_anchor(text: str, source: str = "") -> Anchor:
    """The anchor as typed from a printout: groups by dashes or spaces, any case, with or
    without the printed label in front."""
    typed = text.strip().upper().rpartition(":")[2]
    groups = [g for g in re.split(r"[\s\-]+", typed) if g]
    if len(groups) < 2 or not groups[0].isdigit():
        raise InvalidAnchor(text.strip())
    digits = "".join(groups[1:])
    if not (PRINTED_HEX <= len(digits) <= 64 and re.fullmatch(r"[0-9A-F]+", digits)):
        raise InvalidAnchor(text.strip())
    return Anchor(int(groups[0]), digits.lower(), source)
