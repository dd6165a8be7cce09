"""The store a unit of work writes through (``uow.store``): one repository per concern, each in
its own module, joined here so services keep calling ``uow.store.tenants()``,
``uow.store.append_journal(...)`` and the rest by the same names.

- ``store_base``: the connection, its raw cursor, plain inserts, meta and counters
- ``reference_repository``: tenants and registers
- ``staff_repository``: staff and their PIN state
- ``catalogue_repository``: article groups and items
- ``till_repository``: till sessions, parked baskets resumed, returns and credit notes
- ``ledger_repository``: the journal chain, signature chains and the outbox

Every method runs on the connection of the current unit of work; none commits.
"""

from __future__ import annotations

from pos.adapters.catalogue_repository import CatalogueRepository, item_from_row
from pos.adapters.ledger_repository import LedgerRepository
from pos.adapters.reference_repository import ReferenceRepository
from pos.adapters.staff_repository import StaffRepository
from pos.adapters.store_base import Row, StoreBase, _raw_insert, dict_rows, read_heads
from pos.adapters.till_repository import TillRepository

__all__ = ["Row", "Store", "StoreBase", "_raw_insert", "dict_rows", "item_from_row", "read_heads"]


class Store(
    ReferenceRepository,
    StaffRepository,
    CatalogueRepository,
    TillRepository,
    LedgerRepository,
):
    """Every repository on one connection and one transaction."""
