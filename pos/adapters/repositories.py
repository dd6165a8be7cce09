"""The repositories a unit of work puts on itself, one per concern, each in its own module and
joined here on one connection: services call them by their concern (``uow.tenants.tenant(...)``,
``uow.journal.append_journal(...)``), never this joined ``Store``.

- ``store_base``: the connection and its raw cursor, plain inserts; the counter's settings
  (``uow.meta``) and its gap-free numbers (``uow.numbers``)
- ``reference_repository``: tenants (``uow.tenants``) and registers (``uow.registers``)
- ``staff_repository``: staff and their PIN state (``uow.staff``)
- ``catalogue_repository``: article groups and items (``uow.items``)
- ``till_repository``: till sessions, parked baskets resumed, returns and credit notes
  (``uow.till``)
- ``ledger_repository``: the journal chain (``uow.journal``), signature chains
  (``uow.signatures``) and the outbox (``uow.outbox``)

They are one object: a tenant read once is read once for the whole unit, and the numbers any of
them gives out are the ones the unit raises the high-water mark by at commit. Every method runs
on the connection of the current unit of work; none commits.
"""

from __future__ import annotations

from pos.adapters.catalogue_repository import CatalogueRepository, item_from_row
from pos.adapters.ledger_repository import JournalRepository, OutboxRepository, SignatureChains
from pos.adapters.reference_repository import RegisterRepository, TenantRepository
from pos.adapters.staff_repository import StaffRepository
from pos.adapters.store_base import (
    MetaRepository,
    NumberCounters,
    Row,
    StoreBase,
    _raw_insert,
    dict_rows,
    read_heads,
)
from pos.adapters.till_repository import TillRepository

__all__ = ["Row", "Store", "StoreBase", "_raw_insert", "dict_rows", "item_from_row", "read_heads"]


class Store(
    TenantRepository,
    RegisterRepository,
    StaffRepository,
    CatalogueRepository,
    TillRepository,
    JournalRepository,
    SignatureChains,
    OutboxRepository,
    MetaRepository,
    NumberCounters,
):
    """Every repository on one connection and one transaction."""
