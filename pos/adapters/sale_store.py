"""The sales repository: a sale, return or deposit (``pos.model.sale.Sale``) as it is recorded,
with what sealing its receipts needs (their number series and signature chains, the credit
notes' series) and a receipt's copies.

Receipts, lines and payments are stored as ``pos.model.sale_facts`` words them for the receipt
digest and the outbox, so what is stored is exactly what is signed and sent. Everything goes
through the Store's raw cursor in the caller's transaction: this is the till's hot path.
"""

from __future__ import annotations

from pos.adapters.repositories import Store
from pos.clock import Stamp
from pos.model.sale import Sale
from pos.model.sale_facts import line_facts, payment_facts, receipt_facts, tender_facts


class SaleStore:
    def __init__(self, store: Store) -> None:
        self._store = store

    def add(self, sale: Sale) -> None:
        """A sealed sale's rows: the sale, its receipts, the credit notes it issued, its tenders,
        and every receipt's lines and payments (as ``pos.model.sale_facts`` words them)."""
        if not sale.is_sealed:
            raise ValueError("only a numbered and signed sale is recorded")
        stamp = sale.stamp
        self._store.insert(
            "sales",
            {
                "id": sale.sale_id,
                "kind": sale.kind,
                "register_id": sale.register_id,
                "till_session_id": sale.till_session_id,
                "staff_id": sale.staff_id,
                "approved_by": sale.approved_by,
                "training": sale.training,
                "created_at": stamp.utc_iso,
                "local_date": stamp.local_date,
                "local_time": stamp.local_time,
                "total": sale.total,
                "rounding": sale.rounding,
                "change": sale.change,
                "cash_net": sale.cash_net,
            },
        )
        self._store.insert("receipts", [receipt_facts(sale, r) for r in sale.receipts])
        notes = [
            {
                "id": note.note_id,
                "number": note.number,
                "tenant_id": r.tenant.id,
                "amount": note.amount,
                "issued_receipt_id": r.receipt_id,
                "created_at": stamp.utc_iso,
            }
            for r in sale.receipts
            for note in r.credit_notes
        ]
        self._store.insert("credit_notes", notes)  # none unless a refund went to credit notes
        self._store.insert("tenders", tender_facts(sale))
        self._store.insert("sale_lines", [ln for r in sale.receipts for ln in line_facts(sale, r)])
        self._store.insert(
            "receipt_payments", [p for r in sale.receipts for p in payment_facts(sale, r)]
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

    def next_credit_note_number(self, tenant_id: str, tenant_code: str) -> str:
        """A new credit note's number, in the tenant's own gap-free series."""
        serial = self._store.next_number(f"credit_note:{tenant_id}")
        return f"TG{tenant_code}{serial:06d}"
