"""The gaps the journal itself declares: numbers skipped after a restore or when the store was
found behind the register's high-water mark (``pos/services/continuity.py``).

``verify-journal`` accepts a jump in the journal's sequence only at the row that declares it,
and a jump in a signature chain only where a ``numbers_skipped`` row journaled earlier names that
exact range and the signature the chain goes on from. Any other gap is a fault.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pos.model.events import EventCode, OtherEvent
from pos.numbering import ChainKey, chain_key_of


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

    def note(self, row: Mapping[str, Any], details: Mapping[str, Any]) -> None:
        """Remember the chain gaps a journal row declares (if it is a ``numbers_skipped``)."""
        if details.get("kind") != OtherEvent.NUMBERS_SKIPPED:
            return
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
        for gap in self.chains.get(chain, ()):
            if gap.first == expected and gap.last == found - 1:
                if seq is None or gap.declared_at < seq:
                    return gap
        return None


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
