"""Check digits and code formats: Norwegian org.no (mod 11), EAN-13/EAN-8, own CODE128 codes.
The check digits themselves are python-stdnum's (``stdnum.no.orgnr``, ``stdnum.ean``), loaded
when first used: stdnum loads ``pydoc`` with it, which the counter's start need not wait for.

Also the in-store EAN-13 layout (prefix 2, GS1 restricted circulation) that carries the tenant's
short code, so a counter that has never seen an item can still attribute it to its tenant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pos.errors import InvalidBarcode, InvalidOrgNumber

_CODE128_RE = re.compile(r"^[0-9A-Z\-]{4,24}$")


def is_valid_org_number(text: str) -> bool:
    """Nine digits starting 8 or 9 (Brønnøysund hands out no others) with the mod 11 digit."""
    from stdnum.no import orgnr

    digits = text.replace(" ", "")
    return re.fullmatch(r"[89][0-9]{8}", digits) is not None and orgnr.is_valid(digits)


def normalise_org_number(text: str) -> str:
    """Return the nine digits of a valid org.no, or raise InvalidOrgNumber."""
    digits = text.replace(" ", "")
    if not is_valid_org_number(digits):
        raise InvalidOrgNumber(text)
    return digits


def format_org_number(org_no: str, *, vat_registered: bool) -> str:
    """'Org.nr. 999 999 999 MVA' as printed on receipts (MVA only if VAT-registered)."""
    spaced = f"{org_no[0:3]} {org_no[3:6]} {org_no[6:9]}"
    return f"Org.nr. {spaced}{' MVA' if vat_registered else ''}"


def gtin_check_digit(body: str) -> int:
    """GS1 check digit for the body of an EAN-8/EAN-13 (weights 3,1 from the right)."""
    from stdnum import ean

    return int(ean.calc_check_digit(body))


def is_ascii_digits(text: str) -> bool:
    """Only 0-9: ``str.isdigit`` also takes '²' or Arabic-Indic digits, which ``int`` refuses
    or a printer cannot print as a barcode."""
    return text.isascii() and text.isdigit()


def is_valid_gtin(code: str) -> bool:
    return (
        is_ascii_digits(code)
        and len(code) in (8, 13)
        and gtin_check_digit(code[:-1]) == int(code[-1])
    )


@dataclass(frozen=True)
class InStoreCode:
    """What an in-store EAN-13 says: ``2 TT NNNNNNNNN C`` = tenant code TT, item number N."""

    tenant_code: str
    item_number: int


def make_in_store_ean13(tenant_code: str, item_number: int) -> str:
    if not (is_ascii_digits(tenant_code) and len(tenant_code) == 2):
        raise ValueError("tenant code must be two digits")
    if not 0 <= item_number < 10**9:
        raise ValueError("item number out of range")
    body = f"2{tenant_code}{item_number:09d}"
    return body + str(gtin_check_digit(body))


def parse_in_store_ean13(code: str) -> InStoreCode | None:
    """Decode an in-store EAN-13 (prefix 2); None for any other code."""
    if len(code) != 13 or not code.startswith("2") or not is_valid_gtin(code):
        return None
    return InStoreCode(tenant_code=code[1:3], item_number=int(code[3:12]))


def normalise_barcode(raw: str) -> str:
    """Validate a scanned or typed code and return it in canonical form.

    All-digit codes of 8 or 13 digits must carry a correct GS1 check digit; a 12-digit UPC-A is
    read as its EAN-13 form. Other codes are the till's own CODE128 codes: 4 to 24 capital
    letters, digits or hyphens (scanners on Norwegian layouts mangle other symbols).
    """
    code = raw.strip().upper()
    if is_ascii_digits(code):
        if len(code) == 12:
            code = "0" + code
        if len(code) not in (8, 13):
            raise InvalidBarcode(raw, reason_nb="feil lengde", reason_en="wrong length")
        if not is_valid_gtin(code):
            raise InvalidBarcode(
                raw, reason_nb="feil kontrollsiffer", reason_en="wrong check digit"
            )
        return code
    if not _CODE128_RE.match(code):
        raise InvalidBarcode(raw, reason_nb="ukjent format", reason_en="unknown format")
    return code
