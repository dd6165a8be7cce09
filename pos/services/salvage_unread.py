"""The receipt numbers a restore cannot read back, by name: per number series, from the number
after the backup's last to the highest the register gave out (the high-water mark and the
replaced store), less those found. When the replaced store's receipts cannot be read at all (a
broken schema page), these are the sales that left the record; the manager enters them by hand
from their paper copies or the server's record."""

from __future__ import annotations

from pos.model.receipt import ReceiptKind
from pos.model.sale import NUMBER_PREFIX
from pos.numbering import Heads
from pos.unit_of_work import UnitOfWork


def unread_ranges(uow: UnitOfWork, high: Heads, backup: Heads, found: set[str]) -> list[str]:
    """Ranges like ``15-K1-000004–15-K1-000006`` (one number alone as itself), sorted."""
    ranges: list[str] = []
    for name in sorted(high.counters):
        parts = name.split(":")
        if parts[0] != "receipt" or len(parts) != 4:
            continue
        kind, tenant_id, register = parts[1], parts[2], parts[3]
        tenant = uow.tenants.tenant(tenant_id)
        try:
            prefix = NUMBER_PREFIX[ReceiptKind(kind)]
        except ValueError:
            continue
        code = tenant.code if tenant is not None else tenant_id
        numbers = [
            text
            for n in range(backup.counters.get(name, 0) + 1, high.counters[name] + 1)
            if (text := f"{code}-{register}-{prefix}{n:06d}") not in found
        ]
        ranges += _runs(numbers)
    return sorted(ranges)


def _runs(numbers: list[str]) -> list[str]:
    """Consecutive numbers of one series joined as ``first–last``."""
    if not numbers:
        return []
    if len(numbers) == 1:
        return numbers
    return [f"{numbers[0]}–{numbers[-1]}"] if _consecutive(numbers) else numbers


def _consecutive(numbers: list[str]) -> bool:
    values = [int(n[-6:]) for n in numbers]
    return values == list(range(values[0], values[0] + len(values)))
