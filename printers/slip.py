"""Generic slips to ESC/POS bytes: a title, an optional double-size marking, key/value rows, text
blocks, CODE128 and QR. Drawer slips, the test page, and later job tags and X/Z printouts use it."""

from __future__ import annotations

from pos.model.documents import SlipDoc
from printers.builder import EscposBuilder
from printers.layout import Layout

NORWEGIAN_SAMPLE = "Blåbærsyltetøy ÆØÅ æøå – 12,50 €"
"""Test text: æøå must print as such; the en dash and € come out replaced, never as '?'."""


def render_slip(doc: SlipDoc, layout: Layout) -> bytes:
    out = EscposBuilder(layout)
    write_slip(out, doc)
    out.cut()
    return out.output()


def write_slip(out: EscposBuilder, doc: SlipDoc) -> None:
    out.big(doc.title)
    if doc.marking:
        out.big(doc.marking)
    if doc.subtitle:
        out.paragraph(doc.subtitle, align="center")
    out.rule()
    for label, value in doc.rows:
        if label:
            out.columns_line(label, value)
        else:
            out.line(value, bold=True)
    for block in doc.blocks:
        out.feed()
        out.paragraph(block)
    if doc.barcode or doc.qr:
        out.feed()
    out.barcode128(doc.barcode)
    out.qr(doc.qr)
    if doc.footer:
        out.feed()
        out.paragraph(doc.footer, align="center")


def check_page(layout: Layout, register_id: str, url: str, when: str) -> SlipDoc:
    """What "test print" prints: the set-up, æøå, a column ruler, a CODE128 and a QR."""
    ruler = "".join(str(n % 10) for n in range(1, layout.columns + 1))
    return SlipDoc(
        title="Testutskrift",
        marking="IKKE KVITTERING FOR KJØP",
        rows=(
            ("Kasse", register_id),
            ("Skriver", url),
            ("Profil", layout.profile),
            ("Bredde", f"{layout.columns} tegn"),
            ("Tegntabell", layout.code_page),
            ("Tid", when),
        ),
        blocks=(NORWEGIAN_SAMPLE, ruler),
        barcode=f"TEST-{register_id}".upper(),
        qr=f"OMIGJEN-TEST-{register_id}",
    )
