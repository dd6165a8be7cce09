"""A tenant's terms with the centre: commission (per tenant, or per article group), monthly rent
and the bank account payouts go to. Changes of these fixed data are journaled (13999)."""

from __future__ import annotations

import re

from pos.bank import normalise_account_number
from pos.day_end_errors import InvalidRate
from pos.model.basket import check_amount
from pos.model.staff import Permission
from pos.services.context import TillContext
from pos.services.reports import find_tenant
from pos.services.settings_journal import journal_other, journal_settings_change
from pos.unit_of_work import UnitOfWorkFactory

TERMS_CHANGE = "terms_change"
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
        uow.commit()


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
