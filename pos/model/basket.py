"""The basket being rung up: lines from any tenants, quantities, discounts with reasons, deletes.

Pure domain object; the checkout service turns it into a sale inside one transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace

from pos.errors import (
    AmountOutOfRange,
    DomainError,
    InvalidQuantity,
    ItemAlreadySold,
    ItemNotSellable,
    PriceRequired,
)
from pos.model.catalogue import Item, ItemKind, ItemStatus
from pos.money import MAX_AMOUNT_ORE, Ore, div_round_half_up, format_nok
from pos.vat import VatClass

MAX_QUANTITY = 9999


class DiscountTooLarge(DomainError):
    code = "discount_too_large"
    nb = "Rabatten kan ikke være negativ eller større enn linjebeløpet."
    en = "The discount cannot be negative or larger than the line amount."


class DiscountReasonRequired(DomainError):
    code = "discount_reason_required"
    nb = "Oppgi en grunn for rabatten."
    en = "Give a reason for the discount."


class UnknownLine(DomainError):
    code = "unknown_line"
    nb = "Linjen finnes ikke lenger i kurven."
    en = "The line is no longer in the basket."


def check_amount(amount: Ore) -> Ore:
    if not 0 <= amount <= MAX_AMOUNT_ORE:
        raise AmountOutOfRange(format_nok(amount))
    return amount


def check_quantity(qty: int) -> int:
    if not isinstance(qty, int) or isinstance(qty, bool) or not 0 < qty <= MAX_QUANTITY:
        raise InvalidQuantity(qty)
    return qty


def over_discount_limit(discount: Ore, gross: Ore, limit_percent: int) -> bool:
    """A discount above the centre's limit, a per cent of the line before discount, needs a
    manager: asked when the discount is given and again at payment."""
    return discount * 100 > gross * limit_percent


def percent_discount(gross: Ore, hundredths_percent: int) -> Ore:
    """A discount given in per cent (in hundredths, 1050 = 10,5 %) of the line, to the øre."""
    return div_round_half_up(gross * hundredths_percent, 100 * 100)


@dataclass(frozen=True)
class BasketLine:
    line_id: str
    tenant_id: str
    item_id: str
    item_kind: ItemKind
    description: str
    qty: int
    unit_price: Ore
    catalogue_price: Ore | None
    vat_class: VatClass
    article_group_id: str
    discount: Ore = 0
    discount_reason: str = ""

    @property
    def gross_before_discount(self) -> Ore:
        return self.qty * self.unit_price

    @property
    def amount(self) -> Ore:
        """What the customer pays for the line, VAT included."""
        return self.gross_before_discount - self.discount

    @property
    def price_overridden(self) -> bool:
        return self.catalogue_price is not None and self.unit_price != self.catalogue_price


@dataclass
class Basket:
    """Lines in the order they were rung up."""

    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    lines: list[BasketLine] = field(default_factory=list)

    @property
    def total(self) -> Ore:
        return sum(line.amount for line in self.lines)

    @property
    def tenant_ids(self) -> list[str]:
        seen: list[str] = []
        for line in self.lines:
            if line.tenant_id not in seen:
                seen.append(line.tenant_id)
        return seen

    def holds_one_off(self, item: Item) -> bool:
        """A one-off item is unique: once in the basket it cannot be rung up again."""
        return item.kind is ItemKind.ONE_OFF and any(line.item_id == item.id for line in self.lines)

    def add(self, item: Item, qty: int = 1, price: Ore | None = None) -> BasketLine:
        """Ring up an item; an open-price item needs ``price``, any other may have it overridden."""
        check_quantity(qty)
        if item.status is ItemStatus.INACTIVE:
            raise ItemNotSellable(item.description, reason_nb="deaktivert", reason_en="inactive")
        if item.kind is ItemKind.ONE_OFF:
            if item.status is ItemStatus.SOLD:
                raise ItemAlreadySold(item.description)
            if qty != 1 or self.holds_one_off(item):
                raise ItemAlreadySold(item.description)
        if price is None:
            if item.price is None:
                raise PriceRequired(item.description)
            price = item.price
        line = BasketLine(
            line_id=str(uuid.uuid4()),
            tenant_id=item.tenant_id,
            item_id=item.id,
            item_kind=item.kind,
            description=item.description,
            qty=qty,
            unit_price=check_amount(price),
            catalogue_price=item.price,
            vat_class=item.vat_class,
            article_group_id=item.article_group_id,
        )
        check_amount(line.amount)
        self.lines.append(line)
        return line

    def line(self, line_id: str) -> BasketLine:
        for line in self.lines:
            if line.line_id == line_id:
                return line
        raise UnknownLine()

    def _replace(self, line_id: str, new: BasketLine) -> BasketLine:
        index = self.lines.index(self.line(line_id))
        self.lines[index] = new
        return new

    def set_quantity(self, line_id: str, qty: int) -> BasketLine:
        line = self.line(line_id)
        check_quantity(qty)
        if line.item_kind is ItemKind.ONE_OFF and qty != 1:
            raise ItemAlreadySold(line.description)
        new = replace(line, qty=qty, discount=min(line.discount, qty * line.unit_price))
        check_amount(new.amount)
        return self._replace(line_id, new)

    def set_price(self, line_id: str, price: Ore) -> BasketLine:
        line = self.line(line_id)
        new = replace(line, unit_price=check_amount(price), discount=0, discount_reason="")
        check_amount(new.amount)
        return self._replace(line_id, new)

    def set_discount(self, line_id: str, discount: Ore, reason: str) -> BasketLine:
        line = self.line(line_id)
        if not 0 <= discount <= line.gross_before_discount:
            raise DiscountTooLarge()
        if discount and not reason.strip():
            raise DiscountReasonRequired()
        return self._replace(
            line_id, replace(line, discount=discount, discount_reason=reason.strip())
        )

    def remove(self, line_id: str) -> BasketLine:
        line = self.line(line_id)
        self.lines.remove(line)
        return line
