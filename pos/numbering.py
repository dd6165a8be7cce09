"""The register's number heads: the highest receipt, copy, Z, credit-note and journal numbers and
each signature chain's last link. Pure values, shared by the store, the high-water mark kept
outside it, a restore and the central server's answer, so all four compare the same way.

A number once printed or signed is never given out again, whatever happens to the store: the
heads are kept outside it (``pos/adapters/high_water.py``) and a restore continues after them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

UNTRACKED_PREFIXES = ("device_seq", "repair_slip:")
"""Counters that are not numbers on the legal record: the outbox sequence starts a new epoch
with the server after a restore, and a slip's print count lives with its ticket."""

JOURNAL = "journal"
_TENANT_FIELD = {
    "receipt": 2,  # receipt:<kind>:<tenant>:<register>
    "copy": 1,  # copy:<tenant>:<register>
    "credit_note": 1,
    "settlement": 1,
    "label": 1,
    "z": 1,  # z:<tenant>:<register>
    "z_day": 1,  # z_day:<tenant>:<register>, the last Z's business day as YYYYMMDD
}

ChainKey = tuple[str, str]
"""(tenant id, register id)."""


Z_DAY = "z_day"
"""The business day of a register's last Z per tenant, kept as a counter (YYYYMMDD) so the
high-water mark and the server carry it like a number: a day is never Z-reported twice, even by a
store put back from a backup older than that Z."""


def z_day_counter(tenant_id: str, register_id: str) -> str:
    return f"{Z_DAY}:{tenant_id}:{register_id}"


def day_value(iso_day: str) -> int:
    """``2026-12-08`` as 20261208 (grows with the day, as a counter must)."""
    return int(iso_day.replace("-", ""))


def day_text(value: int) -> str:
    digits = f"{value:08d}"
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"


def is_z_day(name: str) -> bool:
    return name.startswith(Z_DAY + ":")


def tracked(name: str) -> bool:
    return not name.startswith(UNTRACKED_PREFIXES)


def series_tenant(name: str) -> str | None:
    """The tenant a counter belongs to, None for register-wide ones (journal, repair tickets)."""
    parts = name.split(":")
    index = _TENANT_FIELD.get(parts[0])
    return parts[index] if index is not None and len(parts) > index else None


def chain_key_text(key: ChainKey) -> str:
    return f"{key[0]}|{key[1]}"


def chain_key_of(text: str) -> ChainKey:
    tenant, _, register = text.partition("|")
    return tenant, register


@dataclass
class Heads:
    """Counters by name, signature chains by (tenant, register) as (last nr, last signature),
    and the journal's last (seq, hash)."""

    counters: dict[str, int] = field(default_factory=dict)
    chains: dict[ChainKey, tuple[int, str]] = field(default_factory=dict)
    journal: tuple[int, str] = (0, "")

    def merged(self, other: Heads) -> Heads:
        """The higher of the two for every series and chain."""
        counters = dict(self.counters)
        for name, value in other.counters.items():
            counters[name] = max(value, counters.get(name, 0))
        chains = dict(self.chains)
        for key, head in other.chains.items():
            if head[0] > chains.get(key, (0, ""))[0]:
                chains[key] = head
        journal = other.journal if other.journal[0] > self.journal[0] else self.journal
        return Heads(counters, chains, journal)

    def ahead_of(self, store: Heads) -> Heads:
        """Only what is higher here than in ``store``: the numbers a store behind would give out
        again."""
        counters = {n: v for n, v in self.counters.items() if v > store.counters.get(n, 0)}
        chains = {k: h for k, h in self.chains.items() if h[0] > store.chains.get(k, (0, ""))[0]}
        journal = self.journal if self.journal[0] > store.journal[0] else (0, "")
        return Heads(counters, chains, journal)

    def without(self, other: Heads) -> Heads:
        """These heads minus every series and chain ``other`` names (and its journal)."""
        return Heads(
            {n: v for n, v in self.counters.items() if n not in other.counters},
            {k: h for k, h in self.chains.items() if k not in other.chains},
            (0, "") if other.journal[0] else self.journal,
        )

    def is_empty(self) -> bool:
        return not self.counters and not self.chains and not self.journal[0]

    def signed_count(self, since: Heads) -> int:
        """How many signed receipts these heads hold beyond ``since``."""
        return sum(
            nr - since.chains.get(key, (0, ""))[0]
            for key, (nr, _sig) in self.chains.items()
            if nr > since.chains.get(key, (0, ""))[0]
        )

    def z_reports_beyond(self, since: Heads) -> int:
        """How many Z reports these heads hold beyond ``since``."""
        return sum(
            number - since.counters.get(name, 0)
            for name, number in self.counters.items()
            if name.startswith("z:") and number > since.counters.get(name, 0)
        )

    def last_z_day(self) -> str | None:
        """The newest business day any tenant's Z closed here (None: no Z known)."""
        days = [v for n, v in self.counters.items() if is_z_day(n)]
        return day_text(max(days)) if days else None

    def to_json(self) -> dict[str, Any]:
        return {
            "counters": dict(sorted(self.counters.items())),
            "chains": {chain_key_text(k): [n, s] for k, (n, s) in sorted(self.chains.items())},
            "journal": list(self.journal),
        }

    @staticmethod
    def from_json(data: Mapping[str, Any]) -> Heads:
        return Heads(
            {str(k): int(v) for k, v in data.get("counters", {}).items()},
            {chain_key_of(k): (int(v[0]), str(v[1])) for k, v in data.get("chains", {}).items()},
            (int(data.get("journal", [0, ""])[0]), str(data.get("journal", [0, ""])[1])),
        )


@dataclass
class Issued:
    """What one transaction gave out, with the heads it started from: written to the
    high-water mark before the transaction commits. ``before`` lets the next start tell a
    transaction that never committed (a crash: its numbers were never printed, so they are
    given out again) from a store that went back in time (a copy put in place: they are not)."""

    after: Heads = field(default_factory=Heads)
    before: Heads = field(default_factory=Heads)

    def __bool__(self) -> bool:
        return not self.after.is_empty()

    def counter(self, name: str, last: int, count: int = 1) -> None:
        self.before.counters.setdefault(name, last - count)
        self.after.counters[name] = last

    def chain(self, key: ChainKey, nr: int, signature: str, previous: tuple[int, str]) -> None:
        self.before.chains.setdefault(key, previous)
        self.after.chains[key] = (nr, signature)

    def journal(self, seq: int, digest: str, previous: tuple[int, str]) -> None:
        if not self.after.journal[0]:  # the transaction's first journal row
            self.before.journal = previous
        self.after.journal = (seq, digest)
