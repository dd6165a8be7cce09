"""Checkout: a basket of any tenants' items, paid once, becomes one receipt per tenant.

Everything the sale produces is written in one transaction (see ``recording``); any broken rule
raises a DomainError before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from pos.clock import Stamp
from pos.errors import (
    CreditNoteProblem,
    EmptyBasket,
    ItemAlreadySold,
    ItemNotSellable,
    TillNotOpen,
    TrainingRestriction,
    UnknownItem,
)
from pos.model.basket import Basket, BasketLine, over_discount_limit
from pos.model.catalogue import ItemKind, ItemStatus
from pos.model.drawer import refuse_while_open
from pos.model.payment import Tender, TenderKind, voucher_amount
from pos.model.receipt import ReceiptKind
from pos.model.sale import (
    RecordedReceipt,
    Sale,
    SaleLine,
    TenantReceipt,
    tenant_receipt,
)
from pos.model.staff import Operator, Permission
from pos.money import Ore, format_nok
from pos.services.context import TillContext
from pos.services.recording import record, sale_at_counter
from pos.services.support_log import log_recorded, refusals_logged
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory

DEFAULT_DISCOUNT_LIMIT_PERCENT = 20

AfterRecord = Callable[[UnitOfWork, Stamp, str, Sequence[RecordedReceipt]], None]
"""Called with (uow, stamp, sale id, receipts) inside the sale's transaction, before commit:
work that must succeed or fail together with the sale (e.g. closing a repair ticket)."""


@dataclass(frozen=True)
class SaleResult:
    sale_id: str
    receipts: tuple[RecordedReceipt, ...]
    total: Ore
    rounding: Ore
    change: Ore

    @staticmethod
    def of(sale: Sale) -> SaleResult:
        return SaleResult(
            sale.sale_id, tuple(sale.recorded()), sale.total, sale.rounding, sale.change
        )


@refusals_logged("sale")
def complete_sale(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    basket: Basket,
    tenders: Sequence[Tender],
    *,
    approver: Operator | None = None,
    after_record: AfterRecord | None = None,
) -> SaleResult:
    """Record the sale; returns the receipts made (one per tenant, ordered by tenant code)."""
    if not basket.lines:
        raise EmptyBasket()
    refuse_while_open(ctx.drawer)  # asked before the store is locked: the printer may be slow
    with uow_factory() as uow:
        session = uow.till.open_session(ctx.register_id)
        if session is None:
            raise TillNotOpen()
        approved_by = _check_permissions(uow, ctx, basket.lines, approver)
        _check_items(uow, ctx, basket.lines)
        tenants = {tid: uow.tenants.tenant(tid) for tid in basket.tenant_ids}
        kind = ReceiptKind.TRAINING if ctx.training else ReceiptKind.SALE
        receipts = sorted(
            (
                tenant_receipt(
                    tenant,
                    kind,
                    [SaleLine.of_basket(line) for line in basket.lines if line.tenant_id == tid],
                )
                for tid, tenant in tenants.items()
                if tenant is not None
            ),
            key=lambda r: r.tenant.code,
        )
        resolved, note_ids = _resolve_credit_notes(uow, ctx, tenders, receipts)
        sale = record(
            uow,
            ctx,
            sale_at_counter(
                ctx,
                kind="sale",
                session_id=session["id"],
                approved_by=approved_by,
                receipts=receipts,
                tenders=resolved,
                voucher_ids=note_ids,
            ),
        )
        stamp, recorded = sale.stamp, sale.recorded()
        if not ctx.training:
            _retire_items(uow, basket.lines, stamp)
        if after_record is not None:
            after_record(uow, stamp, sale.sale_id, recorded)
        uow.baskets.delete_draft(ctx.register_id)  # paid: never restored after a crash
        uow.commit()
    log_recorded("sale", ctx, recorded, resolved, sale.change)
    return SaleResult.of(sale)


def discount_limit_percent(uow: UnitOfWork) -> int:
    return int(uow.meta.get_meta("discount_limit_percent") or DEFAULT_DISCOUNT_LIMIT_PERCENT)


def check_discount(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    line: BasketLine,
    discount: Ore,
    approver: Operator | None = None,
) -> bool:
    """Asked as a discount is given, so a manager is fetched then rather than at payment: True
    if it is above the centre's limit (and allowed), PermissionDenied if it needs a manager."""
    with uow_factory.read() as uow:
        limit = discount_limit_percent(uow)
    if not over_discount_limit(discount, line.gross_before_discount, limit):
        return False
    ctx.require(Permission.LARGE_DISCOUNT, approver)
    return True


def credit_note_tender(
    uow_factory: UnitOfWorkFactory,
    number: str,
    amount: Ore | None,
    dues: Sequence[tuple[str, Ore]],
    tenders: Sequence[Tender],
) -> Tender:
    """A credit note offered at payment, before the sale: its tenant and, unless ``amount`` is
    given, as much as it holds up to what that tenant's receipt still owes. Checkout checks the
    note again when recording."""
    number = number.strip().upper()
    with uow_factory.read() as uow:
        found = uow.till.credit_note(number) if number else None
    if found is None:
        raise CreditNoteProblem(number or "–", reason_nb="finnes ikke", reason_en="not found")
    note, balance = found
    left = balance - sum(t.amount for t in tenders if t.credit_note_number == number)
    if left <= 0:
        raise CreditNoteProblem(
            number,
            reason_nb="er brukt opp, det er ingenting igjen på den",
            reason_en="is used up, nothing is left on it",
        )
    tenant_id = str(note["tenant_id"])
    if amount is None:
        amount = voucher_amount(left, tenant_id, dues, tenders)
        if amount == 0:
            raise CreditNoteProblem(
                number,
                reason_nb="kvitteringen til leietakeren den gjelder, har ingenting igjen å betale",
                reason_en="the receipt of the tenant it belongs to has nothing left to pay",
            )
    elif amount > left:
        raise CreditNoteProblem(
            number,
            reason_nb=f"det er bare {format_nok(left)} kr igjen på den",
            reason_en=f"only {format_nok(left)} kr is left on it",
        )
    return Tender(TenderKind.CREDIT_NOTE, amount, credit_note_number=number, tenant_id=tenant_id)


def _check_permissions(
    uow: UnitOfWork,
    ctx: TillContext,
    lines: Sequence[BasketLine],
    approver: Operator | None,
) -> str | None:
    approved_by: str | None = ctx.require(Permission.SELL)
    limit = discount_limit_percent(uow)
    for line in lines:
        if over_discount_limit(line.discount, line.gross_before_discount, limit):
            approved_by = ctx.require(Permission.LARGE_DISCOUNT, approver) or approved_by
        if line.price_overridden and line.item_kind is not ItemKind.OPEN_PRICE:
            approved_by = ctx.require(Permission.PRICE_OVERRIDE, approver) or approved_by
    return approved_by


def _check_items(uow: UnitOfWork, ctx: TillContext, lines: Sequence[BasketLine]) -> None:
    """The catalogue as it is now, not as it was when the line was scanned, decides."""
    items = uow.items.items_by_ids({line.item_id for line in lines})
    for line in lines:
        item = items.get(line.item_id)
        if item is None or item.tenant_id != line.tenant_id:
            raise UnknownItem(line.description)
        tenant = uow.tenants.tenant(item.tenant_id)
        if tenant is None or not tenant.active:
            raise ItemNotSellable(
                item.description,
                reason_nb="leietakeren er ikke aktiv",
                reason_en="the tenant is not active",
            )
        if item.status is ItemStatus.INACTIVE:
            raise ItemNotSellable(item.description, reason_nb="deaktivert", reason_en="inactive")
        if item.kind is ItemKind.ONE_OFF and item.status is ItemStatus.SOLD and not ctx.training:
            raise ItemAlreadySold(item.description)
    one_offs = [line.item_id for line in lines if line.item_kind is ItemKind.ONE_OFF]
    if len(one_offs) != len(set(one_offs)) or any(
        line.item_kind is ItemKind.ONE_OFF and line.qty != 1 for line in lines
    ):
        raise ItemAlreadySold(
            next(line.description for line in lines if line.item_kind is ItemKind.ONE_OFF)
        )


def _resolve_credit_notes(
    uow: UnitOfWork,
    ctx: TillContext,
    tenders: Sequence[Tender],
    receipts: Sequence[TenantReceipt],
) -> tuple[list[Tender], list[str | None]]:
    """Look up each credit note or deposit: its tenant, what is left on it, and how much to use.

    An amount of 0 means "as much as the note and its tenant's receipt allow".
    """
    dues = [(r.tenant.id, r.total) for r in receipts]
    tenant_ids = {r.tenant.id for r in receipts}
    resolved: list[Tender] = []
    note_ids: list[str | None] = []
    for tender in tenders:
        if not tender.kind.is_voucher:
            resolved.append(tender)
            note_ids.append(None)
            continue
        if ctx.training:
            raise TrainingRestriction(tender.kind.label_nb.lower())
        found = _voucher(uow, tender)
        if found is None:
            raise CreditNoteProblem(
                tender.credit_note_number, reason_nb="finnes ikke", reason_en="does not exist"
            )
        note, balance = found
        if balance <= 0:
            raise CreditNoteProblem(
                note["number"], reason_nb="allerede brukt opp", reason_en="already used up"
            )
        if note["tenant_id"] not in tenant_ids:
            raise CreditNoteProblem(
                note["number"],
                reason_nb="gjelder bare varer fra leietakeren som utstedte den",
                reason_en="only pays for items of the tenant that issued it",
            )
        amount = tender.amount or voucher_amount(balance, note["tenant_id"], dues, resolved)
        if amount > balance:
            raise CreditNoteProblem(
                note["number"],
                reason_nb="beløpet er større enn saldoen",
                reason_en="the amount is more than its balance",
            )
        # a deposit taken at another counter has no voucher here: the payment names the job
        elsewhere = note["id"] is None
        resolved.append(
            replace(
                tender,
                amount=amount,
                tenant_id=note["tenant_id"],
                credit_note_number=note["number"],
                reference=note["number"] if elsewhere else tender.reference,
            )
        )
        note_ids.append(note["id"])
    return resolved, note_ids


def _voucher(uow: UnitOfWork, tender: Tender) -> tuple[dict, int] | None:
    """The credit note or deposit voucher a tender names, with its balance (kinds never mix)."""
    number = tender.credit_note_number.strip().upper()
    if tender.kind is TenderKind.DEPOSIT:
        return uow.repairs.deposit_voucher(number)
    found = uow.till.credit_note(number)
    if found is None or found[0].get("kind", "credit_note") != "credit_note":
        return None
    return dict(found[0]), found[1]


def _retire_items(uow: UnitOfWork, lines: Sequence[BasketLine], stamp: Stamp) -> None:
    for line in lines:
        if line.item_kind is ItemKind.ONE_OFF:
            uow.items.set_item_status(line.item_id, ItemStatus.SOLD, stamp)
        elif line.item_kind is ItemKind.STOCK:
            uow.items.adjust_stock(line.item_id, -line.qty, stamp)
