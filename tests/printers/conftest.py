"""Fixtures for printing tests: hand-made receipt documents (stable golden bytes), golden files,
the fake network printer, and a printing facade bound to register K1."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from pos.model.receipt import NOT_A_RECEIPT, PaymentDoc, ReceiptDoc, ReceiptKind, ReceiptLineDoc
from pos.vat import VatClass, VatSummary
from tests.printers.fake_printer import FakeNetworkPrinter

GOLDEN = Path(__file__).with_name("golden")


def assert_golden(name: str, data: bytes) -> None:
    """Compare with ``golden/<name>.bin``; ``UPDATE_GOLDEN=1`` rewrites it (review the diff)."""
    path = GOLDEN / f"{name}.bin"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_bytes(data)
    assert path.exists(), f"no golden file {path.name}: run with UPDATE_GOLDEN=1 and review"
    assert data == path.read_bytes(), f"{name}: bytes differ from {path.name}"


def sale_doc(kind: ReceiptKind = ReceiptKind.SALE, **changes: object) -> ReceiptDoc:
    lines = (
        ReceiptLineDoc("Ullkåpe, Dale, str. M", 1, 64900, 6490, "Liten flekk", 58410, 25),
        ReceiptLineDoc("Kaffe (ta med) – stor", 2, 3200, 0, "", 6400, 15),
        ReceiptLineDoc("Blåbærsyltetøy “hjemmelaget” 😀", 1, 4950, 0, "", 4950, 15),
    )
    doc = ReceiptDoc(
        receipt_id="r-1",
        kind=kind,
        heading=kind.heading,
        marking=NOT_A_RECEIPT if kind in (ReceiptKind.TRAINING, ReceiptKind.PROVISIONAL) else "",
        number="11-K1-000042",
        tenant_name="Bua Brukte Klær AS",
        org_line="Org.nr. 921 100 221 MVA",
        header_text="Bua – klær med historie\nKnud Askers vei 1, 1383 Asker",
        footer_text="Bytterett 14 dager med kvittering.",
        register_id="K1",
        register_name="Kasse 1 – disken",
        cashier="Øystein Æsøy",
        date="2026-03-02",
        time="10:15:00",
        lines=lines,
        vat=(
            VatSummary(VatClass.HIGH, 58410, 11682),
            VatSummary(VatClass.FOOD, 11350, 1480),
        ),
        total=69760,
        rounding=40,
        payments=(PaymentDoc("Bankkort", 20000, "TERM-77"), PaymentDoc("Kontant", 49800)),
    )
    return replace(doc, **changes)  # type: ignore[arg-type]


@pytest.fixture
def fake_printer() -> Iterator[FakeNetworkPrinter]:
    printer = FakeNetworkPrinter()
    yield printer
    printer.close()
