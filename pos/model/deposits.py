"""What a repair job's deposits hold across the centre's counters: taken and deducted here, and
taken and deducted at the site's other counters as this counter last pulled the ticket."""

from __future__ import annotations

from dataclasses import dataclass

from pos.money import Ore


@dataclass(frozen=True)
class DepositLedger:
    taken_here: Ore = 0
    """Deposits paid in at this counter, minus those it paid back."""
    used_here: Ore = 0
    """Deducted at pickups here."""
    taken_elsewhere: Ore = 0
    """Paid in (minus paid back) at the site's other counters, as last pulled."""
    used_elsewhere: Ore = 0
    """Deducted at the site's other counters, as last pulled."""
    registers: tuple[str, ...] = ()
    """The other counters' registers that took a deposit for the job."""

    @property
    def held(self) -> Ore:
        return self.taken_here + self.taken_elsewhere - self.used_here - self.used_elsewhere

    @property
    def known_from_elsewhere(self) -> bool:
        """Part of it is known only from the server (a counter offline may be out of date)."""
        return bool(self.taken_elsewhere or self.used_elsewhere)
