"""A tenant settlement (leietakeroppgjør) for a period as a document: what the centre took in on
the tenant's behalf by payment means, less the centre's commission and rent with 25 % VAT, and
the net payable to the tenant (negative: the tenant owes the centre).

Line kinds: ``info:*`` lines explain (sales, returns, credit notes) and do not count;
``received:*`` (money: cash, card, Vipps) count positive; ``commission:*``, ``commission_vat``,
``rent``, ``rent_vat`` count negative; a ``correction`` is a line of a later settlement.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.money import Ore

CENTRE_VAT_PERCENT = 25


@dataclass(frozen=True)
class SettlementLine:
    kind: str
    description: str
    base: Ore
    """What the line was worked out from (0 where nothing)."""
    amount: Ore

    @property
    def counts(self) -> bool:
        return not self.kind.startswith("info:")


@dataclass(frozen=True)
class SettlementDoc:
    settlement_id: str
    number: int
    number_text: str
    tenant_id: str
    tenant_name: str
    org_no: str
    bank_account: str
    period_from: str
    period_to: str
    created_date: str
    corrects_number: str
    lines: tuple[SettlementLine, ...]

    @property
    def net_payable(self) -> Ore:
        return sum(line.amount for line in self.lines if line.counts)

    def line_amount(self, kind: str) -> Ore:
        return sum(line.amount for line in self.lines if line.kind == kind)

    def amount_of(self, prefix: str) -> Ore:
        return sum(line.amount for line in self.lines if line.kind.startswith(prefix))
