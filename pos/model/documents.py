"""Paper documents other than receipts, as plain data: slips (cash in/out, job tags, X/Z
printouts), price tags and item labels. ``printers/`` renders them; ``pos`` only fills them in."""

from __future__ import annotations

from dataclasses import dataclass

from pos.money import Ore


@dataclass(frozen=True)
class SlipDoc:
    """A generic slip: title, optional large marking, key/value rows, text blocks, codes.

    Repair claim slips, job tags and X/Z printouts are SlipDocs filled in by their own services.
    """

    title: str
    subtitle: str = ""
    marking: str = ""
    """Printed double size under the title, e.g. 'IKKE KVITTERING FOR KJØP'."""
    rows: tuple[tuple[str, str], ...] = ()
    """Label on the left, value on the right; a row with an empty label is a section heading."""
    blocks: tuple[str, ...] = ()
    """Free text paragraphs, wrapped to the paper width."""
    barcode: str = ""
    """Printed as CODE128 (digits, capital letters and hyphens)."""
    qr: str = ""
    footer: str = ""


@dataclass(frozen=True)
class ItemLabelDoc:
    """What a price tag or a label on an A4 sheet shows for one item."""

    tenant_name: str
    description: str
    price: Ore | None
    """None for an open-price item (the price is set at the till)."""
    barcode: str
    """EAN-13 (in-store 2x… or GTIN) or the till's own CODE128 code."""
    vat_note: str = "inkl. mva"
