import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum import ean
from stdnum.no import orgnr

from pos.errors import InvalidBarcode, InvalidOrgNumber
from pos.identifiers import (
    format_org_number,
    gtin_check_digit,
    is_valid_gtin,
    is_valid_org_number,
    make_in_store_ean13,
    normalise_barcode,
    normalise_org_number,
    parse_in_store_ean13,
)
from tests.check_digits import textbook_gs1, textbook_mod11


@pytest.mark.parametrize("org_no", ["923609016", "974760673", "921100116", "999 999 999"])
def test_real_organisation_numbers_pass_mod_11(org_no):
    assert is_valid_org_number(org_no)


@pytest.mark.parametrize("org_no", ["923609017", "123456789", "92360901", "9236090160", "abc"])
def test_wrong_organisation_numbers_are_refused(org_no):
    assert not is_valid_org_number(org_no)
    with pytest.raises(InvalidOrgNumber):
        normalise_org_number(org_no)


def test_org_number_is_printed_with_mva_only_for_vat_registered():
    assert format_org_number("921100116", vat_registered=True) == "Org.nr. 921 100 116 MVA"
    assert format_org_number("921100116", vat_registered=False) == "Org.nr. 921 100 116"


def test_known_eans_have_valid_check_digits():
    assert is_valid_gtin("7038010009457")
    assert is_valid_gtin("73100003")
    assert normalise_barcode("038000356216") == "0038000356216"  # UPC-A read as EAN-13


@pytest.mark.parametrize(
    "code,why",
    [
        ("7038010009458", "check digit"),
        ("12345", "length"),
        ("abc def", "format"),
        ("", "format"),
        ("ÆØÅ1", "format"),
    ],
)
def test_bad_codes_are_refused_with_a_reason(code, why):
    with pytest.raises(InvalidBarcode):
        normalise_barcode(code)


@given(st.from_regex(r"[0-9]{12}", fullmatch=True))
def test_any_ean13_body_gets_a_digit_that_validates(body):
    code = body + str(gtin_check_digit(body))
    assert is_valid_gtin(code)


@given(st.from_regex(r"[0-9]{12}", fullmatch=True), st.integers(0, 11), st.integers(1, 9))
def test_a_single_wrong_digit_is_always_caught(body, position, delta):
    code = body + str(gtin_check_digit(body))
    digits = list(code)
    digits[position] = str((int(digits[position]) + delta) % 10)
    assert not is_valid_gtin("".join(digits))


@given(st.from_regex(r"[0-9]{2}", fullmatch=True), st.integers(0, 10**9 - 1))
def test_in_store_codes_carry_tenant_and_item_number(tenant_code, number):
    code = make_in_store_ean13(tenant_code, number)
    assert code.startswith("2") and is_valid_gtin(code)
    decoded = parse_in_store_ean13(code)
    assert decoded is not None
    assert (decoded.tenant_code, decoded.item_number) == (tenant_code, number)


@given(st.from_regex(r"[89][0-9]{7}", fullmatch=True))
def test_an_org_number_is_valid_exactly_when_its_mod11_digit_matches(body):
    check = textbook_mod11(body, (3, 2, 7, 6, 5, 4, 3, 2))
    for digit in range(10):
        assert is_valid_org_number(body + str(digit)) == (check == digit)


@given(st.one_of(st.text(max_size=12), st.from_regex(r"[0-9 ]{9,11}", fullmatch=True)))
def test_an_accepted_org_number_is_one_stdnum_accepts_and_starts_with_8_or_9(text):
    if is_valid_org_number(text):
        digits = text.replace(" ", "")
        assert orgnr.is_valid(digits) and digits[0] in "89"


@given(st.from_regex(r"[0-9]{7}|[0-9]{12}", fullmatch=True))
def test_the_gtin_check_digit_is_gs1s(body):
    assert gtin_check_digit(body) == textbook_gs1(body)


@given(st.from_regex(r"[0-9]{8}|[0-9]{13}", fullmatch=True))
def test_eight_and_thirteen_digit_codes_are_valid_exactly_when_stdnum_says_so(code):
    assert is_valid_gtin(code) == ean.is_valid(code)
