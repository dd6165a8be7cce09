"""Catalogue: items belong to a tenant; one-off second-hand, stock and open-price items."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pos.errors import InvalidArticleGroup
from pos.money import Ore
from pos.vat import VatClass


class ItemKind(StrEnum):
    ONE_OFF = "one_off"
    """A single second-hand item: sold once, then retired until returned."""
    STOCK = "stock"
    """Goods with a stock quantity."""
    OPEN_PRICE = "open_price"
    """A quick item (e.g. 'Diverse barneklær') priced by the cashier at the till."""


class ItemStatus(StrEnum):
    AVAILABLE = "available"
    SOLD = "sold"
    INACTIVE = "inactive"


SAFT_ARTICLE_GROUPS = frozenset({f"040{n:02d}" for n in range(1, 22)} | {"04999"})
"""SAF-T PredefinedBasicID-04: every own article group maps to one of these."""


@dataclass(frozen=True)
class ArticleGroup:
    id: str
    """Our own basicID, e.g. 'KLAER'."""
    name: str
    saft_code: str
    """SAF-T PredefinedBasicID-04, e.g. '04003' (sale of goods)."""

    def __post_init__(self) -> None:
        if self.saft_code not in SAFT_ARTICLE_GROUPS:
            raise InvalidArticleGroup(self.saft_code)
        if not self.id.strip() or not self.name.strip():
            raise InvalidArticleGroup(self.id)


@dataclass(frozen=True)
class Item:
    id: str
    tenant_id: str
    kind: ItemKind
    description: str
    price: Ore | None
    vat_class: VatClass
    article_group_id: str
    barcode: str | None = None
    stock_qty: int | None = None
    status: ItemStatus = ItemStatus.AVAILABLE
    condition: str = ""
    purchase_price: Ore | None = None
    """For the used-goods margin scheme (merverdiavgiftsloven § 4-5); None when unknown."""
    label_reprint: bool = False
    """The price changed after the label was printed."""

    def stock_after(self, in_basket: int) -> int | None:
        """The count once ``in_basket`` of it are sold (None: not a counted stock item)."""
        if self.kind is not ItemKind.STOCK or self.stock_qty is None:
            return None
        return self.stock_qty - in_basket
