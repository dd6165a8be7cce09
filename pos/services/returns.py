"""Returns against an original receipt: quantities tracked, refund to the original means, cash or
a new credit note; needs a manager. The return receipt is signed and counted like a sale."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from pos.errors import ReturnNotAllowed, TillNotOpen, TrainingRestriction, UnknownReceipt
from pos.model.catalogue import ItemKind, ItemStatus
from pos.model.drawer import refuse_while_open
from pos.model.payment import Tender, TenderKind
from pos.model.receipt import ReceiptKind
from pos.model.sale import SaleLine, tenant_receipt
from pos.model.staff import Operator, Permission
from pos.money import Ore, div_round_half_up, round_to_krone
from pos.services.checkout import SaleResult
from pos.services.context import TillContext
from pos.services.recording import record, sale_at_counter
from pos.services.support_log import log_recorded, refusals_logged
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory
from pos.vat import VatClass


@dataclass(frozen=True)
class ReturnRequest:
    original_line_id: str
    qty: int


@dataclass(frozen=True)
class ReturnableLine:
    line_id: str
    description: str
    qty_sold: int
    qty_returned: int
    amount: Ore

    @property
    def qty_left(self) -> int:
        return self.qty_sold - self.qty_returned


def returnable_lines(uow_factory: UnitOfWorkFactory, receipt_number: str) -> list[ReturnableLine]:
    """What can still be returned from a sales receipt, line by line."""
    with uow_factory.read() as uow:
        receipt = _original(uow, receipt_number)
        lines = uow.queries.lines_of_receipt(receipt["id"])
        returned = uow.till.returned_quantities([ln["id"] for ln in lines])
    return [
        ReturnableLine(
            ln["id"], ln["description"], ln["qty"], returned.get(ln["id"], 0), ln["amount"]
        )
        for ln in lines
    ]


def refund_amount(line_amount: Ore, qty_sold: int, already: int, now: int) -> Ore:
    """The share of a line's amount for ``now`` more units; returning all units in any steps
    refunds exactly the line amount (each step takes the difference of rounded cumulatives)."""
    return div_round_half_up(line_amount * (already + now), qty_sold) - div_round_half_up(
        line_amount * already, qty_sold
    )


@refusals_logged("return")
def complete_return(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    receipt_number: str,
    requests: Sequence[ReturnRequest],
    refund: Sequence[Tender],
    *,
    approver: Operator | None = None,
) -> SaleResult:
    """Record a return receipt for lines of one original sales receipt.

    For a cash refund the amount of the cash tender is ignored: the till pays out the refund
    rounded to whole kroner. Card and Vipps refunds are exact.
    """
    approved_by = ctx.require(Permission.RETURN, approver)
    if ctx.training:
        raise TrainingRestriction("retur")
    if not requests:
        raise ReturnNotAllowed(reason_nb="ingen linjer valgt", reason_en="no lines chosen")
    refuse_while_open(ctx.drawer)
    with uow_factory() as uow:
        session = uow.till.open_session(ctx.register_id)
        if session is None:
            raise TillNotOpen()
        original = _original(uow, receipt_number)
        tenant = uow.tenants.tenant(original["tenant_id"])
        assert tenant is not None
        planned = _planned_lines(uow, original["id"], requests)
        receipt = tenant_receipt(tenant, ReceiptKind.RETURN, planned, original["id"])
        tenders = _refund_tenders(refund, receipt.total)
        sale = record(
            uow,
            ctx,
            sale_at_counter(
                ctx,
                kind="return",
                session_id=session["id"],
                approved_by=approved_by,
                receipts=[receipt],
                tenders=tenders,
            ),
        )
        stamp = sale.stamp
        items = uow.items.items_by_ids({ln.item_id for ln in planned})
        for line in planned:
            item = items[line.item_id]
            if item.kind is ItemKind.ONE_OFF:
                uow.items.set_item_status(item.id, ItemStatus.AVAILABLE, stamp)
            elif item.kind is ItemKind.STOCK:
                uow.items.adjust_stock(item.id, -line.qty, stamp)
        uow.commit()
    log_recorded("return", ctx, sale.recorded(), tenders, sale.change)
    return SaleResult.of(sale)


def _original(uow: UnitOfWork, receipt_number: str) -> dict:
    receipt = uow.queries.receipt_by_number(receipt_number.strip().upper())
    if receipt is None:
        raise UnknownReceipt(receipt_number)
    if receipt["kind"] != ReceiptKind.SALE.value:
        raise ReturnNotAllowed(
            reason_nb="bare salgskvitteringer kan returneres",
            reason_en="only sales receipts can be returned",
        )
    return dict(receipt)


def _planned_lines(
    uow: UnitOfWork,
    receipt_id: str,
    requests: Sequence[ReturnRequest],
) -> list[SaleLine]:
    lines = {ln["id"]: ln for ln in uow.queries.lines_of_receipt(receipt_id)}
    returned = uow.till.returned_quantities(list(lines))
    planned: list[SaleLine] = []
    asked: dict[str, int] = {}
    for request in requests:
        asked[request.original_line_id] = asked.get(request.original_line_id, 0) + request.qty
    for line_id, qty in asked.items():
        line = lines.get(line_id)
        if line is None:
            raise ReturnNotAllowed(
                reason_nb="linjen er ikke på denne kvitteringen",
                reason_en="the line is not on this receipt",
            )
        already = returned.get(line_id, 0)
        if qty <= 0 or already + qty > line["qty"]:
            raise ReturnNotAllowed(
                reason_nb=f"«{line['description']}»: {line['qty'] - already} igjen å returnere",
                reason_en=f"'{line['description']}': {line['qty'] - already} left to return",
            )
        amount = refund_amount(line["amount"], line["qty"], already, qty)
        discount = refund_amount(line["discount"], line["qty"], already, qty)
        planned.append(
            SaleLine(
                tenant_id=line["tenant_id"],
                item_id=line["item_id"],
                description=line["description"],
                qty=-qty,
                unit_price=line["unit_price"],
                catalogue_price=line["catalogue_price"],
                discount=-discount,
                discount_reason=line["discount_reason"],
                amount=-amount,
                vat_class=VatClass.from_key(line["vat_class"]),
                article_group_id=line["article_group_id"],
                original_line_id=line_id,
            )
        )
    return planned


def _refund_tenders(refund: Sequence[Tender], total: Ore) -> list[Tender]:
    """Fill in the amounts left open: a card, Vipps or credit-note refund of 0 takes the rest
    exactly; cash pays out whatever is left, rounded to kroner, whatever amount was typed."""
    if not refund:
        raise ReturnNotAllowed(
            reason_nb="velg hvordan beløpet betales tilbake",
            reason_en="choose how the money is paid back",
        )
    rest = abs(total)
    filled: list[Tender] = []
    for tender in refund:
        if tender.kind is not TenderKind.CASH:
            tender = replace(tender, amount=tender.amount or max(rest, 0))
            rest -= tender.amount
        filled.append(tender)
    return [
        Tender(TenderKind.CASH, max(round_to_krone(rest), 0)) if t.kind is TenderKind.CASH else t
        for t in filled
    ]
