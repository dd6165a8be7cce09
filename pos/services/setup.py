"""Reference data: the centre, registers, tenants, staff, article groups and items.

Changes of prices and other fixed data are journaled (13021 price change, 13999 otherwise).

Registers, article groups, tenants and staff are made here without a till context only while
the centre is being set up: before it has a name (``centre_name``) and before any manager exists,
i.e. while nobody could log in to approve (the demo seeding, a fresh trial store). Afterwards
they need a manager's ``TillContext`` (``tenants.create_tenant``, ``staff.add`` pass theirs).
Prices change only by a manager (``change_price``).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from pos.clock import Clock, Stamp, SystemClock
from pos.errors import PermissionDenied, UnknownItem, UnknownTenant
from pos.identifiers import normalise_barcode
from pos.model.basket import check_amount
from pos.model.catalogue import ArticleGroup, Item, ItemKind, ItemStatus
from pos.model.events import EventCode, OtherEvent
from pos.model.staff import Permission, Role
from pos.model.tenant import Tenant
from pos.services import day_log
from pos.services.auth import hash_pin
from pos.services.context import TillContext
from pos.services.labels import next_label_code
from pos.services.settings_journal import journal_settings_change
from pos.services.staff_share import queue_staff
from pos.sync_protocol import TENANT_REGISTERED
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory
from pos.vat import VatClass

SYSTEM = "system"
"""The register id journaled for back-office changes not made at a till."""

CENTRE_META = "centre_name"
"""Set once the centre exists; from then on reference data changes need a manager."""


def require_manager_or_setup(uow_factory: UnitOfWorkFactory, ctx: TillContext | None) -> None:
    """A manager's context, or no context while the centre is still being set up (it has no
    name and no manager: nobody could approve yet)."""
    if ctx is not None:
        ctx.require(Permission.MANAGE)
        return
    with uow_factory.read() as uow:
        named = uow.meta.get_meta(CENTRE_META) is not None
        manager = any(
            r["role"] == Role.MANAGER.value and r["active"] for r in uow.staff.staff_list()
        )
    if named or manager:
        raise PermissionDenied(Permission.MANAGE.value)


@dataclass(frozen=True)
class NewItem:
    tenant_code: str
    description: str
    price: int | None
    vat_class: VatClass
    article_group_id: str
    kind: ItemKind = ItemKind.ONE_OFF
    barcode: str | None = None
    stock_qty: int | None = None
    condition: str = ""
    purchase_price: int | None = None


def add_register(
    uow_factory: UnitOfWorkFactory,
    register_id: str,
    name: str,
    label_block: int | None = None,
    *,
    ctx: TillContext | None = None,
) -> None:
    """A register; ``label_block`` (1–99) prefixes the label numbers it gives out offline."""
    require_manager_or_setup(uow_factory, ctx)
    if label_block is not None and not 1 <= label_block <= 99:
        raise ValueError("label block must be 1-99")
    with uow_factory() as uow:
        uow.registers.add_register(register_id, name, label_block)
        if ctx is not None:
            journal_settings_change(uow, ctx, {"new_register": register_id, "name": name})
        uow.commit()


def add_tenant(
    uow_factory: UnitOfWorkFactory,
    *,
    code: str,
    name: str,
    org_no: str,
    vat_registered: bool,
    receipt_header: str = "",
    receipt_footer: str = "",
    clock: Clock | None = None,
    ctx: TillContext | None = None,
) -> Tenant:
    require_manager_or_setup(uow_factory, ctx)
    tenant = Tenant.validated(
        id=str(uuid.uuid4()),
        code=code,
        name=name,
        org_no=org_no,
        vat_registered=vat_registered,
        receipt_header=receipt_header,
        receipt_footer=receipt_footer,
    )
    stamp = Stamp.of((clock or SystemClock()).now())
    with uow_factory() as uow:
        uow.tenants.add_tenant(tenant, stamp)
        if uow.sync.device() is not None:  # enrolled: the server learns of it as it syncs
            offer = {"tenant": tenant_offer(tenant)}
            uow.outbox.append_outbox(TENANT_REGISTERED, None, stamp, offer)
        uow.journal.append_journal(
            register_id=ctx.register_id if ctx else SYSTEM,
            event_code=EventCode.OTHER,
            stamp=stamp,
            staff_id=ctx.operator.staff_id if ctx else None,
            tenant_id=tenant.id,
            details={
                "kind": OtherEvent.TENANT_CHANGE,
                "name": tenant.name,
                "org_no": tenant.org_no,
                "code": tenant.code,
            },
        )
        uow.commit()
    return tenant


def tenant_offer(tenant: Tenant) -> dict[str, object]:
    """A tenant as the counter offers it to the central server (at enrolment, and in a
    ``tenant.registered`` event when it is added afterwards)."""
    return {
        "id": tenant.id,
        "code": tenant.code,
        "name": tenant.name,
        "org_no": tenant.org_no,
        "vat_registered": tenant.vat_registered,
    }


def add_staff(
    uow_factory: UnitOfWorkFactory,
    staff_no: str,
    name: str,
    role: Role,
    pin: str,
    clock: Clock | None = None,
    ctx: TillContext | None = None,
) -> str:
    require_manager_or_setup(uow_factory, ctx)
    staff_id = str(uuid.uuid4())
    stamp = Stamp.of((clock or SystemClock()).now())
    with uow_factory() as uow:
        uow.staff.add_staff(staff_id, staff_no, name, role, hash_pin(pin))
        queue_staff(uow, staff_id, stamp)
        uow.journal.append_journal(
            register_id=ctx.register_id if ctx else SYSTEM,
            event_code=EventCode.OTHER,
            stamp=stamp,
            staff_id=ctx.operator.staff_id if ctx else None,
            details={"kind": OtherEvent.STAFF_CHANGE, "staff_no": staff_no, "role": role.value},
        )
        uow.commit()
    return staff_id


def add_article_groups(
    uow_factory: UnitOfWorkFactory,
    groups: Sequence[ArticleGroup],
    *,
    ctx: TillContext | None = None,
) -> None:
    require_manager_or_setup(uow_factory, ctx)
    with uow_factory() as uow:
        for group in groups:
            uow.items.add_article_group(group)
            if ctx is not None:
                added = {"new_article_group": group.id, "name": group.name}
                journal_settings_change(uow, ctx, added)
        uow.commit()


def add_items(
    uow_factory: UnitOfWorkFactory,
    new_items: Sequence[NewItem],
    clock: Clock | None = None,
    register_id: str | None = None,
    *,
    publish: bool = False,
) -> list[Item]:
    """Register items for tenants; each one's price is journaled as a price change (13021).

    Items without a barcode get an in-store label number from ``register_id``'s block. With
    ``publish`` (items entered at a counter) each item also goes into the outbox as
    ``item.registered``, in the same transaction, so the server shares it with the site's
    other counters.
    """
    stamp = Stamp.of((clock or SystemClock()).now())
    with uow_factory() as uow:
        made = make_items(uow, new_items, register_id)
        uow.items.add_items(made, stamp)
        journal_prices(uow, made, stamp, register_id or SYSTEM)
        if publish:
            events = [("item.registered", i.tenant_id, registered_payload(i, register_id))
                      for i in made]  # fmt: skip
            uow.outbox.append_outbox_many(events, stamp)
        uow.commit()
    return made


def registered_payload(item: Item, register_id: str | None) -> dict[str, object]:
    """The ``item.registered`` event: the whole row the ``item`` projector needs (the
    purchase price stays at the counter)."""
    return {
        "item_id": item.id,
        "kind": item.kind.value,
        "description": item.description,
        "price": item.price,
        "vat_class": item.vat_class.key,
        "article_group_id": item.article_group_id,
        "barcode": item.barcode,
        "stock_qty": item.stock_qty,
        "condition": item.condition,
        "register_id": register_id,
    }


def make_items(
    uow: UnitOfWork, new_items: Sequence[NewItem], register_id: str | None
) -> list[Item]:
    """Validated items with ids and barcodes (labels allocated when none is given)."""
    tenants = {t.code: t for t in uow.tenants.tenants()}
    made: list[Item] = []
    for new in new_items:
        tenant = tenants.get(new.tenant_code)
        if tenant is None:
            raise UnknownTenant(new.tenant_code)
        for amount in (new.price, new.purchase_price):
            if amount is not None:
                check_amount(amount)
        barcode = normalise_barcode(new.barcode) if new.barcode else None
        if barcode is None and register_id is not None:
            barcode = next_label_code(uow, tenant, register_id)
        made.append(
            Item(
                id=str(uuid.uuid4()),
                tenant_id=tenant.id,
                kind=new.kind,
                description=new.description,
                price=new.price,
                vat_class=new.vat_class,
                article_group_id=new.article_group_id,
                barcode=barcode,
                stock_qty=new.stock_qty if new.kind is ItemKind.STOCK else None,
                status=ItemStatus.AVAILABLE,
                condition=new.condition,
                purchase_price=new.purchase_price,
            )
        )
    return made


def journal_prices(uow: UnitOfWork, items: Sequence[Item], stamp: Stamp, register_id: str) -> None:
    for item in items:
        if item.price is not None:
            uow.journal.append_journal(
                register_id=register_id,
                event_code=EventCode.PRICE_CHANGE,
                stamp=stamp,
                staff_id=None,
                tenant_id=item.tenant_id,
                amount=item.price,
                ref_id=item.id,
                details={"old": None, "new": item.price, "barcode": item.barcode},
            )


def change_price(
    uow_factory: UnitOfWorkFactory, ctx: TillContext, item_id: str, price: int
) -> None:
    """A new price for an item: a manager only, journaled (13021) at the context's register
    and queued as ``item.price_changed`` for the server (the event's time orders it there;
    ``shared_later``)."""
    ctx.require(Permission.MANAGE)
    check_amount(price)
    stamp = ctx.stamp()
    with uow_factory() as uow:
        item = uow.items.item(item_id)
        if item is None:
            raise UnknownItem(item_id)
        uow.items.set_item_price(item_id, price, stamp)
        uow.journal.append_journal(
            register_id=ctx.register_id,
            event_code=EventCode.PRICE_CHANGE,
            stamp=stamp,
            staff_id=ctx.operator.staff_id,
            tenant_id=item.tenant_id,
            amount=price,
            ref_id=item_id,
            details={"old": item.price, "new": price, "barcode": item.barcode},
        )
        if shared_later(uow, item_id):
            uow.outbox.append_outbox(
                "item.price_changed",
                item.tenant_id,
                stamp,
                {"item_id": item_id, "old": item.price, "new": price, "barcode": item.barcode,
                 "register_id": ctx.register_id, "staff_id": ctx.operator.staff_id},
            )  # fmt: skip
        uow.commit()
    day_log.price_changed(ctx, item.barcode or item_id, item.price, price)


def shared_later(uow: UnitOfWork, item_id: str) -> bool:
    """Whether a change of this item goes to the server as its own event: not for an item of a
    counter never enrolled whose registration is not queued (the catalogue its first
    enrolment queues carries the item as it is then; a change sent before it would name an
    item the server does not have yet)."""
    return uow.sync.device() is not None or uow.sync.registration_queued(item_id)
