"""A recorded sale, return or deposit: the one object the counter writes in one transaction.

One receipt per tenant, each with its lines and their VAT, its share of the cash rounding and
the parts of the tenders that pay it; the tenders with what each actually paid; the credit
notes a refund issues. ``new_sale`` builds it from a basket's (or a return's) lines and the
tenders and ``Sale`` checks, in one place, that its figures add up to the øre: every receipt's
VAT to its lines, its payments to what it owes, each tender to its parts on the receipts, the
tenders to the sale. A receipt is sealed (numbered and signed in its tenant's chain) as it is
recorded (``Sale.sealed``); the sales repository stores only a sealed sale.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import NoReturn

from pos.clock import Stamp
from pos.model.basket import BasketLine
from pos.model.payment import Tender, TenderKind, settle
from pos.model.receipt import ReceiptKind
from pos.model.tenant import Tenant
from pos.money import Ore
from pos.vat import VatClass, VatSummary, split_vat

NUMBER_PREFIX = {
    ReceiptKind.SALE: "",
    ReceiptKind.RETURN: "R",
    ReceiptKind.TRAINING: "T",
    ReceiptKind.DEPOSIT: "D",
}
"""What a receipt number carries before its digits, by receipt kind (``11-K1-R000004``)."""


def _new_id() -> str:
    return str(uuid.uuid4())


class SaleDoesNotAddUp(Exception):
    """A sale whose figures disagree: a fault in the code that built it, never the customer's;
    raised before anything is written, so the transaction records nothing."""


@dataclass(frozen=True)
class SaleLine:
    """One line of a receipt: signed (negative on a return), VAT included in ``amount``."""

    tenant_id: str
    item_id: str
    description: str
    qty: int
    unit_price: Ore
    catalogue_price: Ore | None
    discount: Ore
    discount_reason: str
    amount: Ore
    vat_class: VatClass
    article_group_id: str
    original_line_id: str | None = None
    line_id: str = field(default_factory=_new_id)

    @staticmethod
    def of_basket(line: BasketLine) -> SaleLine:
        return SaleLine(
            tenant_id=line.tenant_id,
            item_id=line.item_id,
            description=line.description,
            qty=line.qty,
            unit_price=line.unit_price,
            catalogue_price=line.catalogue_price,
            discount=line.discount,
            discount_reason=line.discount_reason,
            amount=line.amount,
            vat_class=line.vat_class,
            article_group_id=line.article_group_id,
            line_id=line.line_id,
        )


@dataclass(frozen=True)
class ReceiptSeal:
    """A receipt's number in its series and its signature in its tenant's chain."""

    number: int
    number_text: str
    sig_nr: int
    signature: str
    sig_method: str
    key_version: str


@dataclass(frozen=True)
class IssuedCreditNote:
    """A credit note a refund issues for one tenant's share; numbered as the sale is sealed."""

    note_id: str
    tender_index: int
    amount: Ore
    """A magnitude: what the note holds."""
    number: str = ""


@dataclass(frozen=True)
class TenantReceipt:
    tenant: Tenant
    kind: ReceiptKind
    lines: tuple[SaleLine, ...]
    line_vat: tuple[Ore, ...]
    vat: tuple[VatSummary, ...]
    original_receipt_id: str | None = None
    prepayment: Ore = 0
    """A deposit received (or paid back, negative): money without lines and without VAT."""
    receipt_id: str = field(default_factory=_new_id)
    rounding: Ore = 0
    """This receipt's share of the cash rounding (signed)."""
    payments: tuple[tuple[int, Ore], ...] = ()
    """(index of the sale's tender, signed amount) for every tender that pays part of it."""
    credit_notes: tuple[IssuedCreditNote, ...] = ()
    seal: ReceiptSeal | None = None

    @property
    def total(self) -> Ore:
        return sum(line.amount for line in self.lines) + self.prepayment

    @property
    def total_ex_vat(self) -> Ore:
        return self.total - sum(s.vat for s in self.vat)

    @property
    def to_pay(self) -> Ore:
        return self.total + self.rounding

    @property
    def number_text(self) -> str:
        return self.seal.number_text if self.seal else ""


def tenant_receipt(
    tenant: Tenant,
    kind: ReceiptKind,
    lines: Sequence[SaleLine],
    original_receipt_id: str | None = None,
    prepayment: Ore = 0,
) -> TenantReceipt:
    """A tenant's receipt with the VAT rule applied; a tenant outside the VAT register charges
    none."""
    if not tenant.vat_registered:
        lines = [replace(line, vat_class=VatClass.NONE) for line in lines]
    line_vat, summaries = split_vat([(line.amount, line.vat_class) for line in lines])
    return TenantReceipt(
        tenant,
        kind,
        tuple(lines),
        tuple(line_vat),
        tuple(summaries),
        original_receipt_id,
        prepayment,
    )


@dataclass(frozen=True)
class SaleTender:
    tender_id: str
    tender: Tender
    net: Ore
    """What it actually paid (signed): for cash, tendered minus change."""
    credit_note_id: str | None
    """The credit note it redeemed, or the one a refund to a credit note issued."""


@dataclass(frozen=True)
class RecordedReceipt:
    """What the screens and the support log are told of a recorded receipt."""

    receipt_id: str
    number: str
    tenant_id: str
    total: Ore
    to_pay: Ore
    credit_notes: tuple[tuple[str, Ore], ...] = ()
    """Credit notes (tilgodelapp) this receipt issued: (number, amount), as printed on it."""


@dataclass(frozen=True)
class Sale:
    sale_id: str
    kind: str
    """"sale", "return" or "deposit" (a training sale is a "sale" of training receipts)."""
    register_id: str
    till_session_id: str
    staff_id: str
    approved_by: str | None
    training: bool
    stamp: Stamp
    receipts: tuple[TenantReceipt, ...]
    tenders: tuple[SaleTender, ...]
    rounding: Ore
    change: Ore
    """Cash handed back to the customer (a magnitude)."""
    cash_net: Ore
    """Signed cash that stays in (or leaves) the drawer."""

    def __post_init__(self) -> None:
        check_sale(self)

    @property
    def total(self) -> Ore:
        return sum(r.total for r in self.receipts)

    @property
    def is_sealed(self) -> bool:
        return all(r.seal is not None for r in self.receipts)

    def sealed(
        self,
        seal: Callable[[TenantReceipt], ReceiptSeal],
        number_note: Callable[[TenantReceipt, IssuedCreditNote], str],
    ) -> Sale:
        """The sale with every receipt numbered and signed, then its credit notes numbered."""
        receipts = [replace(r, seal=seal(r)) for r in self.receipts]
        receipts = [
            replace(
                r, credit_notes=tuple(replace(n, number=number_note(r, n)) for n in r.credit_notes)
            )
            for r in receipts
        ]
        return replace(self, receipts=tuple(receipts))

    def recorded(self) -> list[RecordedReceipt]:
        return [
            RecordedReceipt(
                r.receipt_id,
                r.number_text,
                r.tenant.id,
                r.total,
                r.to_pay,
                tuple((n.number, n.amount) for n in r.credit_notes),
            )
            for r in self.receipts
        ]


def _numbered(
    receipt: TenantReceipt, number_note: Callable[[TenantReceipt, IssuedCreditNote], str]
) -> tuple[IssuedCreditNote, ...]:
    return tuple(replace(n, number=number_note(receipt, n)) for n in receipt.credit_notes)


def new_sale(
    *,
    kind: str,
    receipts: Sequence[TenantReceipt],
    tenders: Sequence[Tender],
    voucher_ids: Sequence[str | None],
    register_id: str,
    till_session_id: str,
    staff_id: str,
    approved_by: str | None,
    training: bool,
    stamp: Stamp,
) -> Sale:
    """The tenders shared over the receipts (``pos.model.payment.settle``), the credit notes a
    refund issues, and ids for the sale, its receipts and tenders. ``voucher_ids`` gives, per
    tender, the credit note or deposit voucher it redeems."""
    settlement = settle([(r.tenant.id, r.total) for r in receipts], tenders)
    shares = settlement.shares
    placed: list[TenantReceipt] = []
    issued: dict[int, str] = {}
    for receipt, share in zip(receipts, shares, strict=True):
        notes = tuple(
            IssuedCreditNote(_new_id(), index, -amount)
            for index, amount in share.parts
            if tenders[index].kind is TenderKind.CREDIT_NOTE and amount < 0
        )
        issued.update((note.tender_index, note.note_id) for note in notes)
        placed.append(
            replace(receipt, rounding=share.rounding, payments=share.parts, credit_notes=notes)
        )
    nets = [
        sum(amount for share in shares for i, amount in share.parts if i == index)
        for index in range(len(tenders))
    ]
    return Sale(
        sale_id=_new_id(),
        kind=kind,
        register_id=register_id,
        till_session_id=till_session_id,
        staff_id=staff_id,
        approved_by=approved_by,
        training=training,
        stamp=stamp,
        receipts=tuple(placed),
        tenders=tuple(
            SaleTender(_new_id(), tender, nets[i], issued.get(i) or voucher_ids[i])
            for i, tender in enumerate(tenders)
        ),
        rounding=settlement.rounding,
        change=settlement.change,
        cash_net=settlement.cash_net,
    )


def check_sale(sale: Sale) -> None:
    """Every invariant of a sale; SaleDoesNotAddUp names the first one broken."""
    if not sale.receipts:
        _broken("a sale has at least one receipt")
    if len({r.tenant.id for r in sale.receipts}) != len(sale.receipts):
        _broken("one receipt per tenant")
    if len({r.total > 0 for r in sale.receipts if r.total}) > 1:
        _broken("a sale and a return in one basket")
    for receipt in sale.receipts:
        _check_receipt(receipt, sale.tenders)
    for index, tender in enumerate(sale.tenders):
        parts = sum(a for r in sale.receipts for i, a in r.payments if i == index)
        if parts != tender.net:
            _broken(f"tender {index} paid {tender.net}, its parts on the receipts {parts}")
    if sale.rounding != sum(r.rounding for r in sale.receipts):
        _broken("the sale's rounding is its receipts' roundings")
    if sum(t.net for t in sale.tenders) != sale.total + sale.rounding:
        _broken("the tenders pay the sale's total and its rounding")
    cash = sum(t.net for t in sale.tenders if t.tender.kind is TenderKind.CASH)
    if cash != sale.cash_net:
        _broken("the cash in the drawer is what the cash tenders paid")


def _check_receipt(receipt: TenantReceipt, tenders: Sequence[SaleTender]) -> None:
    tenant = receipt.tenant.id
    if any(line.tenant_id != tenant for line in receipt.lines):
        _broken(f"a line of another tenant on {tenant}'s receipt")
    if len(receipt.line_vat) != len(receipt.lines):
        _broken("one VAT amount per line")
    lines_total = sum(line.amount for line in receipt.lines)
    if receipt.total != lines_total + receipt.prepayment:
        _broken("a receipt's total is its lines and its prepayment")
    if sum(s.gross for s in receipt.vat) != lines_total:
        _broken("the VAT summaries' gross is the lines' total")
    if sum(s.vat for s in receipt.vat) != sum(receipt.line_vat):
        _broken("the VAT summaries' VAT is the lines' VAT")
    if any(not 0 <= i < len(tenders) for i, _ in receipt.payments):
        _broken("a payment of a tender the sale does not have")
    if sum(amount for _, amount in receipt.payments) != receipt.to_pay:
        _broken(f"{tenant}'s receipt is paid {receipt.to_pay} to the øre")
    refunded = sum(
        -amount
        for i, amount in receipt.payments
        if tenders[i].tender.kind is TenderKind.CREDIT_NOTE and amount < 0
    )
    if sum(n.amount for n in receipt.credit_notes) != refunded:
        _broken("the credit notes issued hold what was refunded to them")


def _broken(rule: str) -> NoReturn:
    raise SaleDoesNotAddUp(rule)
