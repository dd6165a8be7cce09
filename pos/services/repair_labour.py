"""Which tenants take in repairs: a tenant does when it has an open-price labour item in article
group REP ("Reparasjon – arbeid"); the intake offers only those tenants, and a job's labour is
charged on that item at pickup (``repair_work.labour_item``).

The item is made for every tenant marked "takes in repairs" when the centre is set up
(``first_run``), and when a manager ticks it for a tenant in the back office; the group REP is
added if the centre does not have it. Made like any registered item, and journaled (13999
settings change) with the item, so the journal says when a tenant started taking repairs.
Unticking deactivates the item (sold lines keep it); ticking again makes it active again.
Labour typed as minutes is priced at the tenant's hourly rate, which a manager sets here too.
"""

from __future__ import annotations

import uuid

from pos.clock import Stamp
from pos.errors import DomainError, InvalidAmount, UnknownTenant
from pos.model.basket import check_amount
from pos.model.catalogue import ArticleGroup, Item, ItemKind, ItemStatus
from pos.model.events import OtherEvent
from pos.model.repair import RepairStatus
from pos.model.staff import Permission
from pos.model.tenant import Tenant
from pos.money import Ore
from pos.services.context import TillContext
from pos.services.repair_work import LABOUR_GROUP, NotARepairTenant, hourly_rate, labour_item
from pos.services.settings_journal import journal_other
from pos.services.setup import registered_payload
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory
from pos.vat import VatClass

REPAIR_GROUP = ArticleGroup(LABOUR_GROUP, "Reparasjon", "04999")
"""SAF-T 04999: other (e.g. repairs)."""
LABOUR_DESCRIPTION = "Reparasjon – arbeid"
LABOUR_META = "repair_labour_item:{}"
"""Meta key naming a tenant's labour item (``repair_work.labour_item`` reads it first)."""
RATE_META = "repair_hourly_rate:{}"
"""Meta key of a tenant's hourly rate in øre (``repair_work.hourly_rate`` reads it)."""


class OpenRepairJobs(DomainError):
    code = "open_repair_jobs"
    nb = (
        "Leietakeren har {value} reparasjoner som ikke er avsluttet. De må hentes og betales "
        "(eller leveres tilbake) før leietakeren slutter å ta inn reparasjoner."
    )
    en = (
        "The tenant has {value} repair jobs not finished. They must be collected and paid (or "
        "returned) before the tenant stops taking repairs."
    )


def new_labour_item(uow: UnitOfWork, tenant: Tenant, stamp: Stamp) -> Item:
    """Register the tenant's open-price labour item (and the group REP if missing) in this
    unit of work; the caller journals it and commits."""
    if LABOUR_GROUP not in uow.items.article_group_ids():
        uow.items.add_article_group(REPAIR_GROUP)
    item = Item(
        id=str(uuid.uuid4()), tenant_id=tenant.id, kind=ItemKind.OPEN_PRICE,
        description=LABOUR_DESCRIPTION, price=None, vat_class=VatClass.HIGH,
        article_group_id=LABOUR_GROUP,
    )  # fmt: skip
    uow.items.add_items([item], stamp)
    uow.meta.set_meta(LABOUR_META.format(tenant.id), item.id)
    return item


def journaled(tenant: Tenant, item: Item, change: str) -> dict[str, object]:
    """The journal row's details: which tenant, which item, taken up or given up."""
    return {"repair_labour": {"tenant": tenant.code, "item": item.id,
            "description": item.description, "group": item.article_group_id,
            "change": change}}  # fmt: skip


def current_labour_item(uow: UnitOfWork, tenant_id: str) -> Item | None:
    """The tenant's active labour item, or None (it does not take repairs)."""
    try:
        item = labour_item(uow, tenant_id)
    except NotARepairTenant:
        return None
    return None if item.status is ItemStatus.INACTIVE else item


def takes_repairs(uow_factory: UnitOfWorkFactory, code: str) -> Item | None:
    """The labour item of the tenant with this code, or None when it takes no repairs."""
    with uow_factory.read() as uow:
        tenant = uow.tenants.tenant_by_code(code.strip())
        if tenant is None:
            raise UnknownTenant(code)
        return current_labour_item(uow, tenant.id)


def set_takes_repairs(
    uow_factory: UnitOfWorkFactory, ctx: TillContext, code: str, on: bool
) -> Item | None:
    """A manager marks a tenant as taking repairs (its labour item made, or made active again)
    or not (the item deactivated). Returns the active labour item, or None. Nothing changes,
    and nothing is journaled, when the tenant already is as asked."""
    ctx.require(Permission.MANAGE)
    stamp = ctx.stamp()
    with uow_factory() as uow:
        tenant = uow.tenants.tenant_by_code(code.strip())
        if tenant is None:
            raise UnknownTenant(code)
        active = current_labour_item(uow, tenant.id)
        if on == (active is not None):
            return active
        if active is not None:
            _require_no_open_jobs(uow, tenant.id)
            uow.items.set_item_status(active.id, ItemStatus.INACTIVE, stamp)
            change, item, result = "stop", active, None
        else:
            item = _reactivated(uow, tenant.id, stamp) or _shared(
                uow, new_labour_item(uow, tenant, stamp), ctx.register_id, stamp
            )
            change, result = "start", item
        journal_other(
            uow, ctx, OtherEvent.SETTINGS_CHANGE, journaled(tenant, item, change), stamp, tenant.id
        )
        uow.commit()
    return result


def _require_no_open_jobs(uow: UnitOfWork, tenant_id: str) -> None:
    """A job still at the workshop is charged on the labour item at pickup."""
    still_open = [s.value for s in RepairStatus if s.open]
    count = uow.repair_queries.open_jobs(tenant_id, still_open)
    if count:
        raise OpenRepairJobs(str(count))


def _shared(uow: UnitOfWork, item: Item, register_id: str, stamp: Stamp) -> Item:
    """A new item goes to the server like one registered at the counter (the centre's other
    counters get it)."""
    payload = registered_payload(item, register_id)
    uow.outbox.append_outbox_many([("item.registered", item.tenant_id, payload)], stamp)
    return item


def _reactivated(uow: UnitOfWork, tenant_id: str, stamp: Stamp) -> Item | None:
    """The labour item made for the tenant before, active again."""
    item_id = uow.meta.get_meta(LABOUR_META.format(tenant_id))
    item = uow.items.item(item_id) if item_id else None
    if item is None:
        return None
    uow.items.set_item_status(item.id, ItemStatus.AVAILABLE, stamp)
    return uow.items.item(item.id)


def hourly_rate_of(uow_factory: UnitOfWorkFactory, code: str) -> Ore:
    """The hourly rate labour typed as minutes is priced at, for the tenant with this code."""
    with uow_factory.read() as uow:
        tenant = uow.tenants.tenant_by_code(code.strip())
        if tenant is None:
            raise UnknownTenant(code)
        return hourly_rate(uow, tenant.id)


def set_hourly_rate(uow_factory: UnitOfWorkFactory, ctx: TillContext, code: str, rate: Ore) -> bool:
    """A manager sets a tenant's hourly rate (above zero); journaled with the old rate. False
    when it already was that rate (nothing written)."""
    ctx.require(Permission.MANAGE)
    if rate <= 0:
        raise InvalidAmount(str(rate))
    check_amount(rate)
    with uow_factory() as uow:
        tenant = uow.tenants.tenant_by_code(code.strip())
        if tenant is None:
            raise UnknownTenant(code)
        old = hourly_rate(uow, tenant.id)
        if old == rate:
            return False
        uow.meta.set_meta(RATE_META.format(tenant.id), str(rate))
        details = {"repair_hourly_rate": {"tenant": tenant.code, "old": old, "new": rate}}
        journal_other(uow, ctx, OtherEvent.SETTINGS_CHANGE, details, tenant_id=tenant.id)
        uow.commit()
    return True
