"""The gaps the journal itself declares: numbers skipped after a restore or when the store was
found behind the register's high-water mark (``pos/services/continuity.py``).

``verify-journal`` accepts a jump in the journal's sequence only at the row that declares it,
and a jump in a signature chain only where a ``numbers_skipped`` row journaled earlier names that
exact range and the signature the chain goes on from. Any other gap is a fault.

A gap declared because the store was found behind the mark at start (``store_behind_mark``) is
declared all the same, so numbering goes on without reusing a number, but it is also a fault of
its own (``lost_at_start``): signed receipts and journal rows that were given out are missing
from the store, and no restore put it back — a store copied back by hand, or rows deleted.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pos.findings import Finding
from pos.model.events import EventCode, OtherEvent
from pos.numbering import ChainKey, chain_key_of

STORE_BEHIND_MARK = "store_behind_mark"
"""The reason ``pos.services.continuity`` journals for a store found behind the mark at start."""


@dataclass(frozen=True)
class ChainGap:
    first: int
    last: int
    previous_signature: str
    declared_at: int
    """The journal sequence number of the declaring row."""


@dataclass
class DeclaredGaps:
    chains: dict[ChainKey, list[ChainGap]] = field(default_factory=dict)
    series: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    """Per number series (``receipt:sale:<tenant>:<register>``, ``z:…``): the ranges skipped."""
    earlier: Callable[[], Iterable[Mapping[str, Any]]] | None = None
    """A check from an anchor: the rows before it that may declare gaps, read only if a gap
    is met (a whole scan of the journal, which the check from an anchor avoids)."""

    def _load_earlier(self) -> None:
        if self.earlier is not None:
            rows, self.earlier = self.earlier, None
            for row in rows():
                self.note(row, details_of(row))

    def note(self, row: Mapping[str, Any], details: Mapping[str, Any]) -> None:
        """Remember the gaps a journal row declares (if it is a ``numbers_skipped``)."""
        if details.get("kind") != OtherEvent.NUMBERS_SKIPPED:
            return
        for name, (first, last) in (details.get("series") or {}).items():
            self.series.setdefault(name, []).append((int(first), int(last)))
        for key, skip in (details.get("chains") or {}).items():
            chain = (row["tenant_id"], key) if row["tenant_id"] else chain_key_of(key)
            gap = ChainGap(
                int(skip["from"]), int(skip["to"]), str(skip["previous_signature"]), row["seq"]
            )
            self.chains.setdefault(chain, []).append(gap)

    def chain_gap(
        self, chain: ChainKey, expected: int, found: int, seq: int | None
    ) -> ChainGap | None:
        """The declaration of exactly ``expected .. found - 1`` on this chain, journaled before
        the receipt's own row (``seq``), or None."""
        self._load_earlier()
        for gap in self.chains.get(chain, ()):
            if gap.first == expected and gap.last == found - 1:
                if seq is None or gap.declared_at < seq:
                    return gap
        return None

    def series_skipped(self, name: str, first: int, last: int) -> bool:
        """Whether the numbers ``first .. last`` of series ``name`` were declared skipped."""
        self._load_earlier()
        return any(a <= first and last <= b for a, b in self.series.get(name, ()))


def details_of(row: Mapping[str, Any]) -> dict[str, Any]:
    if row["event_code"] != EventCode.OTHER or not row["details"]:
        return {}
    return json.loads(row["details"])


def journal_jump_declared(
    row: Mapping[str, Any], details: Mapping[str, Any], expected: int
) -> bool:
    """True when this row is the first after a journal gap and declares exactly that gap."""
    skipped = details.get("journal_skipped") or []
    return list(skipped) == [expected, row["seq"] - 1]


def lost_at_start(
    row: Mapping[str, Any], details: Mapping[str, Any], codes: Mapping[str, str]
) -> list[str]:
    """What a ``store_behind_mark`` row says was missing from the store when the counter
    started, as ``verify-journal`` problems (none for any other row)."""
    if details.get("reason") != STORE_BEHIND_MARK:
        return []
    why = (
        f"the store was behind its high-water mark when the counter started (put back by "
        f"hand, set back or cut; journal row {row['seq']})"
    )
    why_nb = (
        f"databasen lå bak high-water-merket da kassen startet (lagt tilbake for hånd, satt "
        f"tilbake eller kuttet; journalrad {row['seq']})"
    )
    found: list[str] = []
    if details.get("journal_skipped"):
        first, last = details["journal_skipped"]
        found.append(
            Finding(
                f"journal rows {first}–{last} are missing from the store: {why}",
                f"journalrad {first}–{last} mangler i databasen: {why_nb}",
            )
        )
    for register, skip in (details.get("chains") or {}).items():
        tenant = codes.get(row["tenant_id"], row["tenant_id"]) if row["tenant_id"] else ""
        chain = f"{tenant}/{register}" if tenant else register
        given = f"{skip['from']}–{skip['to']}"
        found.append(
            Finding(
                f"signature chain {chain}: signatures {given} had been given out beyond the "
                f"store's head: {why}",
                f"signaturkjede {chain}: signatur {given} var gitt ut utover databasens hode: "
                f"{why_nb}",
            )
        )
    return found
