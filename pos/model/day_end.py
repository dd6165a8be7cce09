"""The manager's day end as a document: every tenant's Z figures side by side with the centre's
commission and rent, the repair deposits the centre holds for each tenant, the cash variance,
the card terminal and Vipps totals typed at each close matched against what was recorded, what
is owed to each tenant, and a summary.

Money received for a tenant is cash, card and Vipps (``pos.model.takings.money_received``): a
credit note or a deposit paying at pickup moves no new money. A deposit is money received the
day it is taken (and paid out the day it is paid back), so the centre owes it to the tenant."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from pos.model.payment import TenderKind
from pos.model.reports import DrawerReport
from pos.model.takings import money_received
from pos.model.till_close import BatchCheck
from pos.money import Ore


@dataclass(frozen=True)
class TenantDay:
    report: DrawerReport
    commission: Ore
    """The centre's commission on the day's net sales, excluding VAT."""
    commission_vat: Ore
    rent: Ore
    """Rent charged in this period (monthly rent, in the period holding the 1st of the month)."""
    rent_vat: Ore
    cash_variance: Ore
    """This tenant's share of the day's till-close variances (by the close's rule)."""
    deposit_tenders: Mapping[str, Ore] = field(default_factory=dict)
    """Repair deposits taken less paid back in the report's range, per tender kind."""
    deposits_used: Ore = 0
    """Of the deposits taken in the range, what a pickup in it already paid with."""

    @property
    def money_received(self) -> Ore:
        """Cash, card and Vipps taken for the tenant's sales, less refunds."""
        return money_received(self.report.payments)

    @property
    def deposits_held(self) -> Ore:
        """Repair deposits the centre took (less paid back) for the tenant: owed to it."""
        return sum(self.deposit_tenders.values())

    @property
    def deposits_still_held(self) -> Ore:
        """What of the day's deposits no pickup has used yet: the centre still holds it."""
        return self.deposits_held - self.deposits_used

    @property
    def net_owed(self) -> Ore:
        """What the centre owes the tenant for the day (negative: the tenant owes)."""
        return (
            self.money_received
            + self.deposits_held
            - self.commission
            - self.commission_vat
            - self.rent
            - self.rent_vat
        )


@dataclass(frozen=True)
class CloseSummary:
    local_time: str
    expected: Ore
    counted: Ore
    variance: Ore
    note: str
    batches: tuple[BatchCheck, ...] = ()
    """The card terminal and Vipps totals typed at the close, with what was recorded."""
    shift_change: bool = False
    """A hand-over to the next person (no Z), not the day's close."""
    counted_by: str = ""
    """Name of who counted the drawer."""
    restored_from: str = ""
    """A restore in the session lost what was recorded after its backup taken at this time."""


@dataclass(frozen=True)
class TenderTotal:
    """One payment means over the day: what sales took (less refunds) and what deposits took
    (less paid back); ``total`` is what its terminal or the drawer saw."""

    kind: str
    name: str
    sales: Ore
    deposits: Ore

    @property
    def total(self) -> Ore:
        return self.sales + self.deposits


@dataclass(frozen=True)
class DayEndDoc:
    centre_name: str
    register_id: str
    business_date: str
    tenants: tuple[TenantDay, ...]
    closes: tuple[CloseSummary, ...]

    def total(self, field: str) -> Ore:
        return sum(int(getattr(t, field)) for t in self.tenants)

    def payments_by_kind(self) -> dict[str, tuple[str, Ore]]:
        found: dict[str, tuple[str, Ore]] = {}
        for tenant in self.tenants:
            for p in tenant.report.payments:
                key = f"{p.code}{'-' if p.amount < 0 else '+'}"  # money in and out apart
                name, amount = found.get(key, (p.name, 0))
                found[key] = (name, amount + p.amount)
        return found

    def tender_totals(self) -> tuple[TenderTotal, ...]:
        """Each payment means used, sales and deposits apart, in the order of ``TenderKind``."""
        sales: dict[str, Ore] = {}
        deposits: dict[str, Ore] = {}
        for tenant in self.tenants:
            for p in tenant.report.payments:
                sales[p.code] = sales.get(p.code, 0) + p.amount
            for kind, amount in tenant.deposit_tenders.items():
                deposits[kind] = deposits.get(kind, 0) + amount
        return tuple(
            TenderTotal(k.value, k.label_nb, sales.get(k.value, 0), deposits.get(k.value, 0))
            for k in TenderKind
            if k.value in sales or k.value in deposits
        )

    def vat_by_rate(self) -> dict[str, tuple[Ore, Ore]]:
        found: dict[str, tuple[Ore, Ore]] = {}
        for tenant in self.tenants:
            for v in tenant.report.vat:
                base, vat = found.get(v.label, (0, 0))
                found[v.label] = (base + v.base, vat + v.vat)
        return found

    @property
    def variance(self) -> Ore:
        return sum(c.variance for c in self.closes)
