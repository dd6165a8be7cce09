"""Small helpers for integration tests: row counts and receipt documents."""

from __future__ import annotations

from pos.adapters.tables import IMMUTABLE_TABLES
from pos.counter import Counter
from pos.model.receipt import ReceiptDoc
from pos.services.checkout import SaleResult


def row_counts(counter: Counter) -> dict[str, int]:
    with counter.uow.read() as uow:
        return {name: uow.queries.count(name) for name in (*IMMUTABLE_TABLES, "items")}


def docs(counter: Counter, result: SaleResult) -> list[ReceiptDoc]:
    with counter.uow.read() as uow:
        return [uow.queries.receipt_doc(r.receipt_id) for r in result.receipts]
