"""Tenants: the independent businesses that sell in their own name through the shared counter."""

from __future__ import annotations

from dataclasses import dataclass

from pos.errors import InvalidTenant
from pos.identifiers import normalise_org_number


@dataclass(frozen=True)
class Tenant:
    id: str
    code: str
    """Two digits, carried in the tenant's in-store barcodes (see pos.identifiers)."""
    name: str
    org_no: str
    vat_registered: bool
    receipt_header: str = ""
    receipt_footer: str = ""
    active: bool = True

    @staticmethod
    def validated(
        *,
        id: str,
        code: str,
        name: str,
        org_no: str,
        vat_registered: bool,
        receipt_header: str = "",
        receipt_footer: str = "",
    ) -> Tenant:
        if not (code.isascii() and code.isdigit() and len(code) == 2) or not name.strip():
            raise InvalidTenant(code)
        return Tenant(
            id=id,
            code=code,
            name=name.strip(),
            org_no=normalise_org_number(org_no),
            vat_registered=vat_registered,
            receipt_header=receipt_header,
            receipt_footer=receipt_footer,
        )
