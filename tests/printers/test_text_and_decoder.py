"""Printable text for the Nordic code page (never a crash, never a control byte), the column
helpers, and the test decoder itself checked against hand-written ESC/POS bytes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from printers.text import money, printable, two_columns
from tests.printers.escpos_decoder import decode


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Blåbærsyltetøy ÆØÅ", "Blåbærsyltetøy ÆØÅ"),
        ("Kasse 1 – disken", "Kasse 1 - disken"),
        ("10 €", "10 EUR"),
        ("“Sitat” «x»", '"Sitat" «x"'),
        ("Kaffe ☕😀", "Kaffe "),
        ("Crème brûlée", "Crème brûlée"),
        ("Łódź", "Lódz"),
        ("a\x1b@b\x00c\td", "a@bc d"),
    ],
)
def test_text_is_made_printable_sensibly(text, expected):
    assert printable(text) == expected


@given(st.text())
def test_any_text_becomes_cp865_without_control_bytes(text):
    result = printable(text)
    encoded = result.encode("cp865")
    assert all(b >= 0x20 or b == 0x0A for b in encoded)


@given(st.text(max_size=80), st.integers(-(10**8), 10**8), st.sampled_from([32, 48]))
def test_two_columns_never_overflow_the_paper_and_keep_the_amount_whole(left, amount, width):
    left = printable(left).replace("\n", " ")
    lines = two_columns(left, money(amount), width)
    assert all(len(line) <= width for line in lines)
    assert lines[-1].endswith(money(amount))


def test_the_decoder_follows_code_pages_and_forgets_them_on_init():
    data = b"\x1bt\x05\x91\x9b\x86\n\x1b@\x9b\n\x1bt\x10\xe6\xf8\xe5\n"
    decoded = decode(data)
    assert [ln.text for ln in decoded.pages[0].lines] == [
        "æøå",
        "¢",
        "æøå",
    ]  # CP437 again after ESC @: ø became ¢
    assert decoded.inits == 1 and decoded.code_pages == [5, 16]


def test_the_decoder_reads_barcodes_sizes_cuts_and_drawer_kicks():
    data = (
        b"\x1b!\x30BIG\n\x1b!\x00small\n"
        b"\x1dkI\x0e{B11-K1-000001"
        b"\x1dkI\x05{C\x0c\x22\x38"  # code set C: digit pairs 12 34 56
        b"\x1dk\x02703801000165\x00"
        b"\x1dV\x01\x1bp\x00\x32\x32"
    )
    decoded = decode(data)
    page = decoded.pages[0]
    assert [(ln.text, ln.width, ln.height) for ln in page.lines] == [
        ("BIG", 2, 2),
        ("small", 1, 1),
    ]
    assert page.barcodes == [
        ("CODE128", "11-K1-000001"),
        ("CODE128", "123456"),
        ("EAN13", "703801000165"),
    ]
    assert decoded.cuts == 1 and decoded.drawer_kicks == [2]


def test_the_decoder_refuses_code128_without_a_code_set_and_reports_strays():
    with pytest.raises(ValueError, match="code set"):
        decode(b"\x1dkI\x05R0042")
    assert decode(b"ok\x07\n").unknown == ["control byte 0x07"]
