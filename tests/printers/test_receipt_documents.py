"""Receipts to ESC/POS bytes: golden bytes per kind, and the bytes read back by the independent
decoder: the legal headings and markings at double size, æøå, CODE128 of the number, cuts."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from pos.model.receipt import ReceiptKind, ReceiptLineDoc
from printers.layout import LAYOUT_58MM, LAYOUT_80MM, Layout
from printers.receipt import render_receipt, render_receipts
from tests.printers.conftest import assert_golden, sale_doc
from tests.printers.escpos_decoder import Decoded, decode

NO_CUTTER_58MM = Layout(32, "ZJ-5870")


def checked(data: bytes, layout: Layout) -> Decoded:
    """Decode and check what holds for every document: no unknown command, Nordic code page
    chosen after every ESC @, no line wider than the paper."""
    decoded = decode(data)
    assert decoded.unknown == []
    assert decoded.inits >= 1 and decoded.code_pages[: decoded.inits] == [5] * decoded.inits
    for page in decoded.pages:
        for line in page.lines:
            assert len(line.text) * line.width <= layout.columns, line.text
    return decoded


@pytest.mark.parametrize(
    ("name", "kind", "layout", "changes"),
    [
        ("sale_80mm", ReceiptKind.SALE, LAYOUT_80MM, {}),
        ("sale_58mm", ReceiptKind.SALE, LAYOUT_58MM, {}),
        ("sale_58mm_no_cutter", ReceiptKind.SALE, NO_CUTTER_58MM, {}),
        ("training_80mm", ReceiptKind.TRAINING, LAYOUT_80MM, {"number": "11-K1-T000003"}),
        ("provisional_80mm", ReceiptKind.PROVISIONAL, LAYOUT_80MM, {"number": "11-K1-F000001"}),
        (
            "copy_80mm",
            ReceiptKind.COPY,
            LAYOUT_80MM,
            {"marking": "KOPI", "heading": "Salgskvittering"},
        ),
    ],
)
def test_each_receipt_kind_renders_to_its_golden_bytes(name, kind, layout, changes):
    data = render_receipt(sale_doc(kind, **changes), layout)
    checked(data, layout)
    assert_golden(name, data)


def test_the_return_receipt_renders_to_its_golden_bytes_with_negative_amounts():
    doc = sale_doc(
        ReceiptKind.RETURN,
        number="11-K1-R000001",
        original_number="11-K1-000042",
        lines=(ReceiptLineDoc("Ullkåpe, Dale, str. M", -1, 58410, 0, "", -58410, 25),),
        total=-58410,
        rounding=10,
        payments=(),
        credit_notes_issued=(("TG11000007", 58400),),
    )
    data = render_receipt(doc, LAYOUT_80MM)
    page = checked(data, LAYOUT_80MM).printed_pages[0]
    assert page.lines[0].text == "Returkvittering"
    assert "Gjelder kvittering" in page.line_with("11-K1-000042").text
    assert page.line_with("TOTALT TIL GODE").text.endswith("-584,00 kr")
    assert page.barcodes == [("CODE128", "TG11000007"), ("CODE128", "11-K1-R000001")]
    assert_golden("return_80mm", data)


def test_the_heading_comes_first_and_markings_are_twice_the_size_of_amounts():
    for kind, marking in [
        (ReceiptKind.TRAINING, "IKKE KVITTERING FOR KJØP"),
        (ReceiptKind.PROVISIONAL, "IKKE KVITTERING FOR KJØP"),
    ]:
        page = checked(render_receipt(sale_doc(kind), LAYOUT_80MM), LAYOUT_80MM).printed_pages[0]
        assert page.lines[0].text == kind.heading and page.lines[0].width == 2
        big = [line for line in page.lines if line.width == 2 and line.height == 2]
        assert big[1].text == marking and big[-1].text == marking  # top and foot
        amount = page.line_with("649,00")
        assert (amount.width, amount.height) == (1, 1)
    copy = sale_doc(ReceiptKind.COPY, heading="Salgskvittering", marking="KOPI")
    page = decode(render_receipt(copy, LAYOUT_80MM)).printed_pages[0]
    assert [(ln.text, ln.width, ln.height) for ln in page.lines[:2]] == [
        ("Salgskvittering", 2, 2),
        ("KOPI", 2, 2),
    ]


def test_the_receipt_says_everything_the_rules_ask_in_norwegian():
    page = checked(render_receipt(sale_doc(), LAYOUT_80MM), LAYOUT_80MM).printed_pages[0]
    text = page.text
    for expected in [
        "Bua Brukte Klær AS",
        "Org.nr. 921 100 221 MVA",
        "Bua - klær med historie",  # en dash replaced, never '?'
        "11-K1-000042",
        "02.03.2026 kl. 10:15:00",
        "K1 Kasse 1 - disken",
        "Øystein Æsøy",
        "Rabatt: Liten flekk",
        "2 x 32,00",
        'Blåbærsyltetøy "hjemmelaget"',
        "Øreavrunding",
        "Ref. TERM-77",
    ]:
        assert expected in text, expected
    assert "?" not in text
    assert page.line_with("Ullkåpe").text.endswith("649,00")
    assert page.line_with("Rabatt").text.endswith("-64,90")
    assert page.line_with("TOTALT Å BETALE").text.endswith("698,00 kr")
    assert page.line_with("25 %").text.split() == ["25", "%", "467,28", "116,82", "584,10"]
    assert page.line_with("15 %").text.split() == ["15", "%", "98,70", "14,80", "113,50"]
    assert page.barcodes == [("CODE128", "11-K1-000042")]


def test_one_basket_prints_as_one_job_cut_between_the_tenants():
    docs = [
        sale_doc(),
        sale_doc(number="12-K1-000001", tenant_name="Småfolk Gjenbruk"),
        sale_doc(number="15-K1-000009", tenant_name="Kafé Kvisten SA"),
    ]
    decoded = checked(render_receipts(docs, LAYOUT_80MM), LAYOUT_80MM)
    assert decoded.cuts == 3 and decoded.inits == 1
    pages = decoded.printed_pages
    assert [p.barcodes[-1][1] for p in pages] == ["11-K1-000042", "12-K1-000001", "15-K1-000009"]
    assert ["Småfolk Gjenbruk" in p.text for p in pages] == [False, True, False]


def test_a_printer_without_hardware_barcodes_gets_a_barcode_image_that_scans():
    import zxingcpp

    decoded = checked(render_receipt(sale_doc(), NO_CUTTER_58MM), NO_CUTTER_58MM)
    assert decoded.cuts == 0  # no cutter: a tear line instead of GS V
    (page,) = decoded.pages
    assert "=" * 32 in page.text
    read = [r.text for image in page.images for r in zxingcpp.read_barcodes(image.convert("L"))]
    assert read == ["11-K1-000042"]


def test_a_tenant_logo_prints_as_a_raster_image_under_the_heading():
    logo = Image.new("1", (200, 40), 1)
    logo.paste(0, (0, 0, 100, 40))
    buffer = io.BytesIO()
    logo.save(buffer, "PNG")
    page = decode(render_receipt(sale_doc(), LAYOUT_80MM, buffer.getvalue())).printed_pages[0]
    (image,) = page.images
    assert image.size[1] == 40
    row = [image.getpixel((x, 10)) for x in range(image.size[0])]
    assert row.count(0) == 100  # the black half of the logo, centred on the paper


def test_characters_the_code_page_lacks_never_break_a_receipt():
    odd = sale_doc(tenant_name="Café “Ærlig” – 10 € ✂️🎉 ½ \x1b@\x00", cashier="李 Ståle")
    text = checked(render_receipt(odd, LAYOUT_80MM), LAYOUT_80MM).text
    assert 'Café "Ærlig" - 10 EUR' in text and "Ståle" in text
