"""A tenant's terms with the centre: commission (per tenant, or per article group), monthly rent
and the bank account payouts go to. Changes of these fixed data are journaled (13999).

The terms are the centre's, not a counter's: a change is queued for the central server
(``tenant.terms_set``, the whole terms after it) and every counter of the site takes the terms
it pulls (``take_pulled``), so each settles by the same ones. A counter not (yet) enrolled sends
its change once it is."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from pos.adapters.settlement_queries import SettlementQueries
from pos.adapters.sync_store import CURSOR_KEY
from pos.bank import normalise_account_number
from pos.clock import Stamp
from pos.day_end_errors import InvalidRate
from pos.model.basket import check_amount
from pos.model.events import EventCode
from pos.model.settlement_plan import TenantTerms
from pos.model.staff import Permission
from pos.services.auth import SYSTEM_REGISTER
from pos.services.context import TillContext
from pos.services.reports import find_tenant
from pos.services.settings_journal import journal_other, journal_settings_change
from pos.sync_protocol import TENANT_TERMS_SET
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory

TERMS_CHANGE = "terms_change"
TERMS_ENTITY = "tenant_terms"
"""The pulled reference entity: a site's terms of a tenant, id ``<site>/<tenant>``."""
CENTRE_ACCOUNT_META = "centre_bank_account"


def parse_rate(text: str) -> int:
    """'12,5' or '12.5' (percent) -> 1250 basis points; 0 to 100 %."""
    match = re.fullmatch(r"\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*", text)
    if not match:
        raise InvalidRate(text)
    bp = int(match.group(1)) * 100 + int((match.group(2) or "0").ljust(2, "0"))
    if bp > 10_000:
        raise InvalidRate(text)
    return bp


def set_terms(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    tenant_key: str,
    *,
    commission_bp: int,
    monthly_rent: int,
    bank_account: str = "",
    group_rates: dict[str, int] | None = None,
) -> None:
    """A tenant's commission, rent and payout account (manager only), journaled (13999)."""
    ctx.require(Permission.MANAGE)
    if not 0 <= commission_bp <= 10_000:
        raise InvalidRate(commission_bp / 100)
    for bp in (group_rates or {}).values():
        if not 0 <= bp <= 10_000:
            raise InvalidRate(bp / 100)
    check_amount(monthly_rent)
    account = normalise_account_number(bank_account) if bank_account.strip() else ""
    stamp = ctx.stamp()
    with uow_factory() as uow:
        tenant = find_tenant(uow, tenant_key)
        uow.day_end.upsert_terms(tenant.id, commission_bp, monthly_rent, account, stamp.utc_iso)
        for group, bp in (group_rates or {}).items():
            uow.day_end.upsert_group_rate(tenant.id, group, bp)
        terms = {
            "commission_bp": commission_bp,
            "monthly_rent": monthly_rent,
            "bank_account": account,
            "group_rates": dict(sorted((group_rates or {}).items())),
        }
        journal_other(uow, ctx, TERMS_CHANGE, terms, stamp, tenant_id=tenant.id)
        whole = SettlementQueries(uow.reports).tenant_terms(tenant.id)
        uow.outbox.append_outbox(TENANT_TERMS_SET, tenant.id, stamp, {"terms": shared(whole)})
        uow.commit()


def shared(terms: TenantTerms) -> dict[str, Any]:
    """The terms as the server keeps them for the site."""
    return {
        "commission_bp": terms.commission_bp,
        "monthly_rent": terms.monthly_rent,
        "bank_account": terms.bank_account,
        "group_rates": dict(sorted(terms.group_rates.items())),
    }


def _whole(value: Any, top: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= top


def pulled_terms(data: dict[str, Any]) -> TenantTerms | None:
    """Terms as pulled, or None when they are not ones a counter could have set."""
    commission, rent = data.get("commission_bp"), data.get("monthly_rent")
    account, rates = data.get("bank_account"), data.get("group_rates")
    if not isinstance(commission, int) or not _whole(commission, 10_000):
        return None
    if not isinstance(rent, int) or not _whole(rent, 10**11):
        return None
    if not isinstance(rates, dict) or not isinstance(account, str):
        return None
    if not all(_whole(bp, 10_000) for bp in rates.values()):
        return None
    return TenantTerms(commission, rent, account, {str(g): int(bp) for g, bp in rates.items()})


def take_pulled(
    uow: UnitOfWork, tenant_id: str, data: dict[str, Any], now: datetime | None = None
) -> bool:
    """The tenant's terms as the server holds them for this counter's site become this
    counter's; True when that changed anything. A change of this counter's own not yet sent
    stays (the server has not ordered it yet). Journaled here too (13999 ``terms_change``,
    ``by: server``, under the register of changes made outside this till)."""
    device = uow.sync.device()
    terms = pulled_terms(data)
    if device is None or terms is None or data.get("site_id") != device["site_id"]:
        return False
    if uow.tenants.tenant(tenant_id) is None:
        return False
    if uow.sync.has_unsent_for(uow.sync.acked_through(), TENANT_TERMS_SET, tenant_id):
        return False
    if shared(SettlementQueries(uow.reports).tenant_terms(tenant_id)) == shared(terms):
        return False
    when = _not_before_journal(uow, now or datetime.now(UTC))
    stamp = Stamp.of(when)
    uow.day_end.upsert_terms(tenant_id, terms.commission_bp, terms.monthly_rent,
                             terms.bank_account, stamp.utc_iso)  # fmt: skip
    uow.day_end.replace_group_rates(tenant_id, terms.group_rates)
    uow.journal.append_journal(
        register_id=SYSTEM_REGISTER,
        event_code=EventCode.OTHER,
        stamp=stamp,
        staff_id=None,
        tenant_id=tenant_id,
        details={"kind": TERMS_CHANGE, **shared(terms), "by": "server"},
    )
    return True


def offer_if_server_has_none(uow_factory: UnitOfWorkFactory, now: datetime) -> int:
    """Queue this counter's terms of each tenant the server holds none for at this site (terms
    set before they travelled); returns how many. Only after a first pull, so the server's are
    known. The server takes them only while it still has none (``if_none``): terms another
    counter sent meanwhile stand, and come back with the pull."""
    with uow_factory() as uow:
        device = uow.sync.device()
        if device is None or uow.sync.meta(CURSOR_KEY) is None:
            return 0
        held = {str(r["id"]) for r in uow.sync.refs(TERMS_ENTITY)}
        queries, queued = SettlementQueries(uow.reports), 0
        for tenant in uow.tenants.tenants():
            terms = queries.tenant_terms(tenant.id)
            if f"{device['site_id']}/{tenant.id}" in held or terms == TenantTerms():
                continue
            if uow.sync.has_unsent_for(0, TENANT_TERMS_SET, tenant.id):
                continue  # sent once already (or on its way): never offered again
            payload = {"terms": shared(terms), "if_none": True}
            uow.outbox.append_outbox(TENANT_TERMS_SET, tenant.id, Stamp.of(now), payload)
            queued += 1
        uow.commit()
    return queued


def _not_before_journal(uow: UnitOfWork, now: datetime) -> datetime:
    floor = uow.journal.last_journal_time()
    return floor if floor is not None and now < floor else now


def centre_account(uow_factory: UnitOfWorkFactory) -> str:
    """The centre's stored account (11 digits), or '' when none is stored."""
    with uow_factory.read() as uow:
        return uow.meta.get_meta(CENTRE_ACCOUNT_META) or ""


def set_centre_account(uow_factory: UnitOfWorkFactory, ctx: TillContext, account: str) -> None:
    """The centre's own account that settlements are paid from (manager only), journaled."""
    ctx.require(Permission.MANAGE)
    digits = normalise_account_number(account)
    with uow_factory() as uow:
        uow.meta.set_meta(CENTRE_ACCOUNT_META, digits)
        journal_settings_change(uow, ctx, {"centre_bank_account": digits})
        uow.commit()
