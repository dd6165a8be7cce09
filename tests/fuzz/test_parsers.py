"""Parsers fed anything (hypothesis): amounts, barcodes, in-store EAN-13 and item CSV files give a
value or a clear DomainError, never a traceback, and what they accept means what it says."""

from __future__ import annotations

import string

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pos.errors import DomainError, InvalidAmount, InvalidBarcode
from pos.identifiers import (
    is_valid_gtin,
    make_in_store_ean13,
    normalise_barcode,
    parse_in_store_ean13,
)
from pos.item_csv import HEADINGS, parse
from pos.model.group_match import GroupNames
from pos.money import format_nok, parse_nok

TRICKY = "0123456789,.- kr\u00a0²³¹٣۴߄१𝟘０\n\r\t;\"'ÆØÅæøåß\x00"
"""Digits of other scripts (superscripts, Arabic-Indic, fullwidth...) that str.isdigit() or \\d
accept but a till must not, separators, and what spreadsheets leave in cells."""
texts = st.text(alphabet=st.sampled_from(TRICKY), max_size=30) | st.text(max_size=30)


@given(texts)
@example("9" * 5000)
@example("²")
@example("١٢٣")
def test_parse_nok_gives_oere_or_invalid_amount(text):
    try:
        value = parse_nok(text)
    except InvalidAmount as error:
        assert error.message("nb") and error.message("en")
        return
    assert isinstance(value, int) and abs(value) < 10**11
    assert parse_nok(format_nok(value, thousands="")) == value


@given(texts)
@example("²" * 13)
@example("2" + "²" * 12)
@example("٠٣٨٠٠٠٣٥٦٢١٦")
def test_normalise_barcode_gives_a_canonical_code_or_invalid_barcode(text):
    try:
        code = normalise_barcode(text)
    except InvalidBarcode as error:
        assert error.message("nb") and error.message("en")
        return
    assert code.isascii() and code == code.strip().upper()
    assert normalise_barcode(code) == code  # canonical: idempotent
    if code.isdigit():
        assert is_valid_gtin(code)
    else:
        assert set(code) <= set(string.ascii_uppercase + string.digits + "-")


@given(texts)
@example("2" + "²" * 12)
@example("2١١٠٠٠٠٠٠٠٠١٢")
def test_parse_in_store_ean13_decodes_only_valid_in_store_codes(text):
    found = parse_in_store_ean13(text)
    if found is not None:
        assert make_in_store_ean13(found.tenant_code, found.item_number) == text


@given(st.sampled_from(["10", "11", "99", "00"]), st.integers(0, 10**9 - 1))
def test_in_store_codes_round_trip(tenant, number):
    code = make_in_store_ean13(tenant, number)
    found = parse_in_store_ean13(code)
    assert found is not None and (found.tenant_code, found.item_number) == (tenant, number)
    assert normalise_barcode(code) == code


headings = st.sampled_from(sorted(w for words in HEADINGS.values() for w in words))
cells = st.text(alphabet=st.sampled_from(TRICKY + "abcXYZ12"), max_size=12)


@st.composite
def csv_files(draw) -> bytes:
    """A header the parser recognises, then rows of troublesome cells, in either encoding."""
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    header = ["beskrivelse", *draw(st.lists(headings, max_size=6))]
    rows = draw(st.lists(st.lists(cells, max_size=len(header) + 1), max_size=8))
    lines = [delimiter.join(header)] + [delimiter.join(r) for r in rows]
    text = draw(st.sampled_from(["\n", "\r\n"])).join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
    return text.encode(encoding, errors="replace")


@settings(max_examples=300)
@given(csv_files() | st.binary(max_size=300))
def test_the_item_csv_parser_reads_any_file_into_rows_and_row_errors(data):
    groups = GroupNames.of([("DIVERSE", "Andre varer"), ("KLAER", "Brukte klær")])
    try:
        parsed = parse(data, default_group="DIVERSE", match_group=groups.match)
    except DomainError:  # a clear message is fine; anything else is a crash
        return
    lines = [r.line for r in parsed.rows] + [e.line for e in parsed.errors]
    assert len(lines) == len(set(lines)) or lines.count(1) == len(lines)
    for row in parsed.rows:
        assert row.description and (row.group in groups.names or row.category and not row.group)
        assert row.price is None or 0 <= row.price <= 100_000_000
        assert row.qty is None or 0 <= row.qty <= 1_000_000
        assert row.barcode is None or normalise_barcode(row.barcode) == row.barcode
    for error in parsed.errors:
        assert error.message("nb").startswith("Linje") and error.message("en").startswith("Line")
