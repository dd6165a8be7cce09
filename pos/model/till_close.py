"""The till close (kasseoppgjør) as a document: the blind count by Norwegian denominations, what
the drawer should hold (per tenant), the variance kept with its note, and terminal batch checks.

Expected cash = float + cash taken − change given − cash refunds + cash in − cash out
(``sales.cash_net`` is already net of change and negative for refunds).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from pos.day_end_errors import InvalidCount
from pos.model.payment import TenderKind
from pos.money import Ore, format_nok

DENOMINATIONS: tuple[Ore, ...] = (100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 100)
"""Norwegian notes (1000, 500, 200, 100, 50 kr) and coins (20, 10, 5, 1 kr), in øre, largest
first: the order of every count (opening float, hand-over, close) and of the printed count."""
MAX_PIECES = 100_000


class VarianceRule(StrEnum):
    CENTRE = "centre"
    """The whole variance is the drawer owner's (the centre): the default."""
    PROPORTIONAL = "proportional"
    """Shared over the tenants in proportion to the cash each took in the session."""


@dataclass(frozen=True)
class BlindCount:
    """Pieces counted per denomination (øre value -> number of pieces)."""

    pieces: Mapping[Ore, int]

    def __post_init__(self) -> None:
        for value, count in self.pieces.items():
            if value not in DENOMINATIONS:
                raise InvalidCount(f"{format_nok(value)} kr er ikke en norsk valør")
            if (
                not isinstance(count, int)
                or isinstance(count, bool)
                or not 0 <= count <= MAX_PIECES
            ):
                raise InvalidCount(f"{count} stk. à {format_nok(value)} kr")

    @property
    def total(self) -> Ore:
        return sum(value * count for value, count in self.pieces.items())

    def lines(self) -> tuple[tuple[Ore, int, Ore], ...]:
        return tuple(
            (value, self.pieces.get(value, 0), value * self.pieces.get(value, 0))
            for value in DENOMINATIONS
        )


@dataclass(frozen=True)
class PendingItem:
    """Something open on the register that a close must list and never drop."""

    kind: str
    """What kind of open thing (``parked_basket``): each source of open things names its own."""
    ref: str
    label: str
    amount: Ore
    since: str


@dataclass(frozen=True)
class TenantCash:
    tenant_id: str
    tenant_name: str
    cash_taken: Ore
    expected: Ore
    variance: Ore

    @property
    def counted(self) -> Ore:
        """This tenant's part of the counted drawer (expected plus its share of the variance)."""
        return self.expected + self.variance


@dataclass(frozen=True)
class BatchCheck:
    """A terminal or Vipps batch total typed in at a till close, matched against every tender
    of that kind since the register's last till close (across shift changes, which count only
    the drawer): sales and returns, and repair deposits taken or paid back (the terminal does
    not know which is which)."""

    kind: str
    """The tender kind (``TenderKind`` value)."""
    recorded: Ore
    entered: Ore | None
    deposits: Ore = 0
    """The part of ``recorded`` that is repair deposits (taken less paid back)."""

    @property
    def difference(self) -> Ore | None:
        return None if self.entered is None else self.entered - self.recorded

    @property
    def sales(self) -> Ore:
        """The part of ``recorded`` that is sales less refunds."""
        return self.recorded - self.deposits

    @property
    def name(self) -> str:
        """The Norwegian name the reports use, e.g. 'Bankkort'."""
        return TenderKind(self.kind).label_nb


@dataclass(frozen=True)
class TillCloseDoc:
    close_id: str
    register_id: str
    session_id: str
    opened_at: str
    closed_at: str
    local_date: str
    local_time: str
    closed_by: str
    float_amount: Ore
    cash_sales_net: Ore
    cash_in: Ore
    cash_out: Ore
    counted: BlindCount
    variance_rule: VarianceRule
    tenants: tuple[TenantCash, ...]
    batches: tuple[BatchCheck, ...]
    pending: tuple[PendingItem, ...]
    note: str
    restored_from: str = ""
    """A restore during the session could not read what was recorded after its backup,
    taken at this time: the expected cash may lack it (``services.restore_losses``)."""

    @property
    def expected_cash(self) -> Ore:
        return self.float_amount + self.cash_sales_net + self.cash_in + self.cash_out

    @property
    def counted_cash(self) -> Ore:
        return self.counted.total

    @property
    def variance(self) -> Ore:
        return self.counted_cash - self.expected_cash

    @property
    def note_due(self) -> bool:
        """A variance saved without a note: it is asked for right after the count."""
        return bool(self.variance) and not self.note
