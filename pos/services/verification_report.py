"""What ``verify-journal`` found: counts, the journal's head, the anchors checked, and every
problem in words (at most ``MAX_PROBLEMS``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pos.journal import GENESIS_HASH

MAX_PROBLEMS = 50


@dataclass
class VerificationReport:
    journal_rows: int = 0
    receipts: int = 0
    z_reports: int = 0
    head: tuple[int, str] = (0, GENESIS_HASH)
    """The journal's last row number and hash (what an anchor taken now would hold)."""
    anchors_checked: list[str] = field(default_factory=list)
    declared: list[str] = field(default_factory=list)
    """Journal jumps the journal itself declares (a restore, a store found behind the
    high-water mark at start): not faults, but said, since they are where rows went missing."""
    anchors_replaced: list[str] = field(default_factory=list)
    """Anchors whose row a restore replaced, as the journal declares (not a fault)."""
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_problem(self) -> str | None:
        return self.problems[0] if self.problems else None

    def add(self, problem: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)
