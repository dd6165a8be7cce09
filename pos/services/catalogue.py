"""Finding items at the counter by what was scanned or typed, including labels this counter has
never seen: an in-store EAN-13 says whose item it is, so it can still be sold."""

from __future__ import annotations

from dataclasses import dataclass

from pos.errors import UnknownItem
from pos.identifiers import normalise_barcode, parse_in_store_ean13
from pos.model.catalogue import Item, ItemKind
from pos.model.tenant import Tenant
from pos.services import setup
from pos.services.context import TillContext
from pos.unit_of_work import UnitOfWorkFactory
from pos.vat import VatClass

DEFAULT_GROUP = "DIVERSE"


@dataclass(frozen=True)
class UnknownLabel:
    """A valid in-store label of a known tenant that this counter's catalogue lacks."""

    barcode: str
    tenant: Tenant


def find_item(uow_factory: UnitOfWorkFactory, code: str) -> Item:
    """The item with this barcode; InvalidBarcode for a malformed code, UnknownItem if none."""
    barcode = normalise_barcode(code)
    with uow_factory.read() as uow:
        item = uow.store.item_by_barcode(barcode)
    if item is None:
        raise UnknownItem(barcode)
    return item


def identify(uow_factory: UnitOfWorkFactory, code: str) -> Item | UnknownLabel:
    """Like find_item, but an unknown in-store label of a known tenant comes back as
    UnknownLabel so the counter can ask for the price and sell it (see adopt_label)."""
    barcode = normalise_barcode(code)
    with uow_factory.read() as uow:
        item = uow.store.item_by_barcode(barcode)
        if item is not None:
            return item
        decoded = parse_in_store_ean13(barcode)
        tenant = uow.store.tenant_by_code(decoded.tenant_code) if decoded else None
    if tenant is None or not tenant.active:
        raise UnknownItem(barcode)
    return UnknownLabel(barcode, tenant)


def adopt_label(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    label: UnknownLabel,
    price: int,
    description: str = "",
    group: str = DEFAULT_GROUP,
) -> Item:
    """Register the labelled item for its tenant with the price read off the label (journaled
    13021), so it can be sold now; the central catalogue's record replaces it on the next pull."""
    text = description.strip() or f"Vare {label.barcode}"
    (item,) = setup.add_items(
        uow_factory,
        [
            setup.NewItem(
                label.tenant.code,
                text,
                price,
                VatClass.HIGH,
                group,
                ItemKind.ONE_OFF,
                label.barcode,
            )
        ],
        ctx.clock,
        register_id=ctx.register_id,
    )
    return item
