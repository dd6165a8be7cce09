"""The sales repository: a sale or return as it is recorded (the sale, its receipts with their
numbers and signature chain, tenders, lines and payments, and the credit notes a refund issues).

Receipts, lines and payments are given as the rows the receipt digest and the outbox carry, so
what is stored is exactly what is signed and sent. Everything goes through the Store's raw
cursor in the caller's transaction: this is the till's hot path.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pos.adapters.repositories import Store
from pos.clock import Stamp
from pos.money import Ore

Row = Mapping[str, Any]


class SaleStore:
    def __init__(self, store: Store) -> None:
        self._store = store

    def add_sale(
        self,
        *,
        sale_id: str,
        kind: str,
        register_id: str,
        till_session_id: str,
        staff_id: str,
        approved_by: str | None,
        training: bool,
        stamp: Stamp,
        total: Ore,
        rounding: Ore,
        change: Ore,
        cash_net: Ore,
    ) -> None:
        self._store.insert(
            "sales",
            {
                "id": sale_id,
                "kind": kind,
                "register_id": register_id,
                "till_session_id": till_session_id,
                "staff_id": staff_id,
                "approved_by": approved_by,
                "training": training,
                "created_at": stamp.utc_iso,
                "local_date": stamp.local_date,
                "local_time": stamp.local_time,
                "total": total,
                "rounding": rounding,
                "change": change,
                "cash_net": cash_net,
            },
        )

    def next_receipt_number(self, kind: str, tenant_id: str, register_id: str) -> int:
        """Gap-free per receipt kind, tenant and register, given out in this transaction."""
        return self._store.next_number(f"receipt:{kind}:{tenant_id}:{register_id}")

    def signature_head(self, tenant_id: str, register_id: str) -> tuple[int, str]:
        """(last signature number, last signature) of the tenant's chain at this register."""
        return self._store.chain_head(tenant_id, register_id)

    def advance_signature(self, tenant_id: str, register_id: str, nr: int, signature: str) -> None:
        self._store.advance_chain(tenant_id, register_id, nr, signature)

    def add_copy(
        self, copy_id: str, receipt_id: str, number: int, staff_id: str, stamp: Stamp
    ) -> bool:
        """A receipt's copy, numbered in its own series; False when the receipt has its one
        copy already (the unique constraint catches one made in a race)."""
        return self._store.insert_unique(
            "receipt_copies",
            {
                "id": copy_id,
                "receipt_id": receipt_id,
                "number": number,
                "staff_id": staff_id,
                "created_at": stamp.utc_iso,
            },
        )

    def add_receipts(self, receipts: Sequence[Row]) -> None:
        self._store.insert("receipts", receipts)

    def add_tenders(self, tenders: Sequence[Row]) -> None:
        self._store.insert("tenders", tenders)

    def add_receipt_lines(self, lines: Sequence[Row], payments: Sequence[Row]) -> None:
        """One receipt's lines and the parts of the tenders that pay it."""
        self._store.insert("sale_lines", lines)
        self._store.insert("receipt_payments", payments)

    def issue_credit_note(
        self,
        note_id: str,
        tenant_id: str,
        tenant_code: str,
        amount: Ore,
        receipt_id: str,
        stamp: Stamp,
    ) -> str:
        """A new credit note of the tenant, numbered in its own series; returns its number."""
        serial = self._store.next_number(f"credit_note:{tenant_id}")
        number = f"TG{tenant_code}{serial:06d}"
        self._store.insert(
            "credit_notes",
            {
                "id": note_id,
                "number": number,
                "tenant_id": tenant_id,
                "amount": amount,
                "issued_receipt_id": receipt_id,
                "created_at": stamp.utc_iso,
            },
        )
        return number
