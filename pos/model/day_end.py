"""The manager's day end as a document: every tenant's Z figures side by side with the centre's
commission and rent, the cash variance and what is owed to each tenant, and a summary."""

from __future__ import annotations

from dataclasses import dataclass

from pos.model.reports import DrawerReport
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

    @property
    def money_received(self) -> Ore:
        return sum(p.amount for p in self.report.payments if p.code != "credit_note")

    @property
    def net_owed(self) -> Ore:
        """What the centre owes the tenant for the day (negative: the tenant owes)."""
        return (
            self.money_received - self.commission - self.commission_vat - self.rent - self.rent_vat
        )


@dataclass(frozen=True)
class CloseSummary:
    local_time: str
    expected: Ore
    counted: Ore
    variance: Ore
    note: str


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
                name, amount = found.get(p.code, (p.name, 0))
                found[p.code] = (name, amount + p.amount)
        return found

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
