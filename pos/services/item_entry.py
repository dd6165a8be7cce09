"""Registering items at the counter and looking after their labels: one item with its tag
printed at once, a batch for an A4 sheet, a tenant's items a page at a time, price changes
(journaled 13021, label flagged), stock counted on the shelf, and the reprint of flagged
labels."""

from __future__ import annotations

from collections.abc import Sequence

from pos.errors import InvalidQuantity, NotAStockItem, UnknownItem, UnknownTenant
from pos.model.catalogue import ArticleGroup, Item, ItemKind
from pos.model.staff import Permission
from pos.services import day_log, setup
from pos.services.catalogue import first_that_finds, text_query
from pos.services.context import TillContext
from pos.unit_of_work import UnitOfWorkFactory

LIST_PAGE = 100
MAX_COUNT = 1_000_000


def article_groups(uow_factory: UnitOfWorkFactory) -> list[ArticleGroup]:
    with uow_factory.read() as uow:
        return [
            ArticleGroup(r["id"], r["name"], r["saft_code"]) for r in uow.queries.article_groups()
        ]


def register_items(
    uow_factory: UnitOfWorkFactory, ctx: TillContext, new_items: Sequence[setup.NewItem]
) -> list[Item]:
    """Items entered at this register (any logged-in staff), in one transaction; those without
    a barcode get in-store labels from this register's block. Each is queued as
    ``item.registered``, so the site's other counters get it from the server."""
    made = setup.add_items(
        uow_factory, new_items, ctx.clock, register_id=ctx.register_id, publish=True
    )
    day_log.items_registered(ctx, [item.barcode or item.id for item in made])
    return made


def list_items(
    uow_factory: UnitOfWorkFactory,
    tenant_id: str,
    typed: str = "",
    *,
    flagged_only: bool = False,
    include_sold: bool = False,
    offset: int = 0,
    limit: int = LIST_PAGE,
) -> list[Item]:
    """One page of a tenant's items, newest first (never the whole catalogue)."""
    with uow_factory.read() as uow:
        queries = uow.queries
        return first_that_finds(
            text_query(typed),
            offset,
            lambda words, parts, short, at: queries.list_items(
                words,
                tenant_id,
                flagged_only=flagged_only,
                include_sold=include_sold,
                limit=limit,
                offset=at,
                parts=parts,
                short=short,
            ),
        )


def change_price(
    uow_factory: UnitOfWorkFactory, ctx: TillContext, item_id: str, price: int
) -> None:
    """A new price for an item (manager), journaled (13021) at this register and queued as
    ``item.price_changed``; its label is flagged for a reprint."""
    setup.change_price(uow_factory, ctx, item_id, price)


def count_stock(
    uow_factory: UnitOfWorkFactory, ctx: TillContext, item_id: str, counted: int
) -> Item:
    """What a manager counted on the shelf becomes the item's stock (a stock item only),
    queued as ``item.stock_counted``: with a central server it becomes the centre's count,
    every counter's sales after it taken off there. Returns the item as it is now."""
    ctx.require(Permission.MANAGE)
    if not 0 <= counted <= MAX_COUNT:
        raise InvalidQuantity(counted)
    stamp = ctx.stamp()
    with uow_factory() as uow:
        item = uow.items.item(item_id)
        if item is None:
            raise UnknownItem(item_id)
        if item.kind is not ItemKind.STOCK:
            raise NotAStockItem(item.description)
        uow.items.put_item_state(item_id, item.status.value, counted, stamp)
        if setup.shared_later(uow, item_id):
            uow.outbox.append_outbox(
                "item.stock_counted",
                item.tenant_id,
                stamp,
                {"item_id": item_id, "old": item.stock_qty, "counted": counted,
                 "register_id": ctx.register_id, "staff_id": ctx.operator.staff_id},
            )  # fmt: skip
        uow.commit()
        changed = uow.items.item(item_id)
    assert changed is not None
    return changed


def flagged_labels(uow_factory: UnitOfWorkFactory, tenant_code: str) -> list[str]:
    """Barcodes of the tenant's unsold items whose label shows an old price."""
    with uow_factory.read() as uow:
        tenant = uow.tenants.tenant_by_code(tenant_code)
        if tenant is None:
            raise UnknownTenant(tenant_code)
        return uow.items.flagged_label_codes(tenant.id)


def labels_printed(uow_factory: UnitOfWorkFactory, barcodes: Sequence[str]) -> None:
    """The new labels were queued for print: the items no longer need a reprint."""
    with uow_factory() as uow:
        uow.items.clear_label_reprint(barcodes)
        uow.commit()
