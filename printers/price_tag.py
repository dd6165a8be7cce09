"""Item price tags on the receipt printer: one cut tag per item with seller, description, price
(double size) and the item's barcode (EAN-13 for in-store 2x… codes, else CODE128)."""

from __future__ import annotations

from collections.abc import Sequence

from pos.model.documents import ItemLabelDoc
from printers.builder import EscposBuilder
from printers.layout import Layout
from printers.text import money


def price_text(label: ItemLabelDoc) -> str:
    return "Pris settes i kassen" if label.price is None else f"kr {money(label.price)}"


def render_price_tags(labels: Sequence[ItemLabelDoc], layout: Layout) -> bytes:
    out = EscposBuilder(layout)
    for label in labels:
        out.line(label.tenant_name, align="center")
        out.paragraph(label.description, align="center")
        out.big(price_text(label))
        if label.vat_note:
            out.line(label.vat_note, align="center")
        out.item_barcode(label.barcode)
        out.cut()
    return out.output()
