"""Finding items at the counter by what was scanned or typed."""

from __future__ import annotations

from pos.errors import UnknownItem
from pos.identifiers import normalise_barcode
from pos.model.catalogue import Item
from pos.unit_of_work import UnitOfWorkFactory


def find_item(uow_factory: UnitOfWorkFactory, code: str) -> Item:
    """The item with this barcode; InvalidBarcode for a malformed code, UnknownItem if none."""
    barcode = normalise_barcode(code)
    with uow_factory.read() as uow:
        item = uow.store.item_by_barcode(barcode)
    if item is None:
        raise UnknownItem(barcode)
    return item
