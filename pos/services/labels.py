"""In-store label numbers: EAN-13 ``2 TT BB NNNNNNN C`` (see docs/labels.md).

``TT`` is the tenant's code, ``BB`` the register's label block and ``NNNNNNN`` that register's own
counter for the tenant, so two counters allocating offline can never give out the same number,
and any counter can tell from the label alone whose item it is.
"""

from __future__ import annotations

from pos.errors import DomainError
from pos.identifiers import make_in_store_ean13
from pos.model.tenant import Tenant
from pos.unit_of_work import UnitOfWork

PER_BLOCK = 10_000_000


class NoLabelBlock(DomainError):
    code = "no_label_block"
    nb = "Kasse {value} har ingen nummerserie for etiketter. Be lederen sette den opp."
    en = "Register {value} has no label number block. Ask the manager to set one."


class LabelBlockFull(DomainError):
    code = "label_block_full"
    nb = "Etikettnumrene for kasse {value} er brukt opp for denne leietakeren."
    en = "Register {value} has used up its label numbers for this tenant."


def label_number(block: int, serial: int) -> int:
    """The 9-digit item number: two block digits, then seven serial digits."""
    if not 1 <= block <= 99:
        raise ValueError("label blocks are 1-99 (0 is kept for the demo and imports by hand)")
    if not 1 <= serial < PER_BLOCK:
        raise ValueError("serial out of range")
    return block * PER_BLOCK + serial


def next_label_code(uow: UnitOfWork, tenant: Tenant, register_id: str) -> str:
    """Allocate the next label for ``tenant`` at this register, inside the caller's transaction."""
    block = uow.registers.label_block(register_id)
    if block is None:
        raise NoLabelBlock(register_id)
    serial = uow.numbers.next_number(f"label:{tenant.id}:{register_id}")
    if serial >= PER_BLOCK:
        raise LabelBlockFull(register_id)
    return make_in_store_ean13(tenant.code, label_number(block, serial))
