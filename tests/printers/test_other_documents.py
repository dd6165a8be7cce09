"""Slips, price tags, the test page and the A4 label sheet: read back as a customer's scanner and
eyes would (decoded ESC/POS, zxing-cpp on rendered images, text pulled out of the PDF)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
import zxingcpp
from PIL import Image

from pos.identifiers import make_in_store_ean13
from pos.model.documents import ItemLabelDoc, SlipDoc
from printers.label_sheet import render_label_sheet
from printers.layout import LAYOUT_58MM, LAYOUT_80MM, Layout
from printers.price_tag import render_price_tags
from printers.slip import check_page, render_slip
from tests.printers.conftest import assert_golden
from tests.printers.escpos_decoder import decode

LABELS = [
    ItemLabelDoc(
        "Bua Brukte Klær AS", "Ullkåpe, Dale, str. M – blå", 64900, make_in_store_ean13("11", 1)
    ),
    ItemLabelDoc("Kafé Kvisten SA", "Kaffe (ta med) ☕", None, "KAFFE-MED", ""),
]


def test_a_generic_slip_has_title_marking_rows_blocks_and_codes():
    doc = SlipDoc(
        title="Verkstedlapp",
        subtitle="Sykkelfikseren Asker AS",
        marking="IKKE KVITTERING FOR KJØP",
        rows=(("", "Kunde"), ("Navn", "Øystein Æsøy"), ("Telefon", "912 34 567")),
        blocks=("Feil: bremsene hviner – og girene hopper.",),
        barcode="R0042",
        qr="https://omigjen.no/r/R0042",
        footer="Hentes innen 3 måneder.",
    )
    data = render_slip(doc, LAYOUT_80MM)
    decoded = decode(data)
    page = decoded.printed_pages[0]
    assert [(ln.text, ln.width) for ln in page.lines[:2]] == [
        ("Verkstedlapp", 2),
        ("IKKE KVITTERING FOR KJØP", 2),
    ]
    assert page.line_with("Kunde").bold
    assert page.line_with("Navn").text.endswith("Øystein Æsøy")
    assert "bremsene hviner - og girene hopper." in page.text
    assert page.barcodes == [("CODE128", "R0042")]
    assert page.qr_codes == ["https://omigjen.no/r/R0042"]
    assert decoded.cuts == 1 and decoded.unknown == []
    assert_golden("slip_80mm", data)


def test_the_test_page_shows_the_setup_and_norwegian_letters():
    doc = check_page(LAYOUT_58MM, "K1", "tcp://10.0.0.50:9100", "2026-03-02 10:15:00")
    data = render_slip(doc, LAYOUT_58MM)
    page = decode(data).printed_pages[0]
    assert "Blåbærsyltetøy ÆØÅ æøå - 12,50\nEUR" in page.text and "?" not in page.text
    assert "12345678901234567890123456789012" in page.text
    assert page.barcodes == [("CODE128", "TEST-K1")] and page.qr_codes == ["OMIGJEN-TEST-K1"]
    assert_golden("test_page_58mm", data)


def test_price_tags_carry_the_items_ean13_or_code128_and_price():
    data = render_price_tags(LABELS, LAYOUT_80MM)
    decoded = decode(data)
    first, second = decoded.printed_pages
    assert first.barcodes == [("EAN13", make_in_store_ean13("11", 1))]
    assert first.line_with("kr 649,00").width == 2
    assert "Ullkåpe, Dale, str. M - blå" in first.text and "inkl. mva" in first.text
    assert second.barcodes == [("CODE128", "KAFFE-MED")]
    assert "Pris settes i kassen" in second.text
    assert_golden("price_tags_80mm", data)


def test_price_tags_on_a_printer_without_hardware_barcodes_still_scan():
    (page,) = decode(render_price_tags(LABELS, Layout(32, "ZJ-5870"))).pages
    found = {
        (r.format.name, r.text)
        for image in page.images
        for r in zxingcpp.read_barcodes(image.convert("L"))
    }
    assert found == {("EAN13", make_in_store_ean13("11", 1)), ("Code128", "KAFFE-MED")}


@pytest.fixture
def poppler():
    if shutil.which("pdftoppm") is None:
        pytest.fail("poppler-utils (pdftoppm, pdftotext) is needed: apt-get install poppler-utils")


def test_the_a4_label_sheet_holds_24_scannable_labels_with_norwegian_text(tmp_path, poppler):
    labels = [
        ItemLabelDoc(
            "Bua Brukte Klær AS",
            f"Ullkåpe nr. {n} – blå 😀",
            1000 + n,
            make_in_store_ean13("11", n),
        )
        for n in range(23)
    ] + [LABELS[1]]
    pdf = tmp_path / "labels.pdf"
    pdf.write_bytes(render_label_sheet(labels))
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", pdf, tmp_path / "page"], check=True)
    (page,) = sorted(tmp_path.glob("page*.png"))
    read = sorted((r.format.name, r.text) for r in zxingcpp.read_barcodes(Image.open(page)))
    expected = sorted(
        [("EAN13", make_in_store_ean13("11", n)) for n in range(23)] + [("Code128", "KAFFE-MED")]
    )
    assert read == expected
    text = subprocess.run(
        ["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "Bua Brukte Klær AS" in text and "Ullkåpe nr. 7 - blå" in text
    assert "kr 10,07" in text and "Kafé Kvisten SA" in text


def test_more_labels_than_a_sheet_go_on_further_pages(tmp_path, poppler):
    pdf = tmp_path / "many.pdf"
    pdf.write_bytes(render_label_sheet([LABELS[0]] * 25))
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+2$", info, re.MULTILINE), info
