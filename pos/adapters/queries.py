"""Read side of the store: receipts as documents, look-ups and the rows verification walks."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from sqlalchemy import Connection, RowMapping, func, literal_column, select, text

from pos.adapters import tables as t
from pos.adapters import tables_repairs
from pos.identifiers import format_org_number
from pos.model.catalogue import Item
from pos.model.payment import TenderKind
from pos.model.receipt import (
    NOT_A_RECEIPT,
    PaymentDoc,
    ReceiptDoc,
    ReceiptKind,
    ReceiptLineDoc,
    deposit_note,
)
from pos.vat import VatClass, VatSummary

Row = RowMapping


class Queries:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def receipt_by_number(self, number_text: str) -> Row | None:
        row = self.conn.execute(
            select(t.receipts).where(t.receipts.c.number_text == number_text)
        ).first()
        return row._mapping if row else None

    def receipt(self, receipt_id: str) -> Row | None:
        row = self.conn.execute(select(t.receipts).where(t.receipts.c.id == receipt_id)).first()
        return row._mapping if row else None

    def lines_of_receipt(self, receipt_id: str) -> list[Row]:
        rows = self.conn.execute(
            select(t.sale_lines)
            .where(t.sale_lines.c.receipt_id == receipt_id)
            .order_by(t.sale_lines.c.line_no)
        )
        return [r._mapping for r in rows]

    def payments_of_receipt(self, receipt_id: str) -> list[Row]:
        rows = self.conn.execute(
            select(
                t.receipt_payments.c.tender_id,
                t.receipt_payments.c.amount,
                t.tenders.c.kind,
                t.tenders.c.reference,
                t.tenders.c.position,
                t.credit_notes.c.number.label("credit_note_number"),
            )
            .join(t.tenders, t.tenders.c.id == t.receipt_payments.c.tender_id)
            .outerjoin(t.credit_notes, t.credit_notes.c.id == t.tenders.c.credit_note_id)
            .where(t.receipt_payments.c.receipt_id == receipt_id)
            .order_by(t.tenders.c.position)
        )
        return [r._mapping for r in rows]

    def copy_of(self, receipt_id: str) -> Row | None:
        row = self.conn.execute(
            select(t.receipt_copies).where(t.receipt_copies.c.receipt_id == receipt_id)
        ).first()
        return row._mapping if row else None

    def copied_receipt_ids(self, receipt_ids: list[str]) -> set[str]:
        """Which of these receipts have had their one copy."""
        found: set[str] = set()
        for start in range(0, len(receipt_ids), 500):
            found.update(
                self.conn.scalars(
                    select(t.receipt_copies.c.receipt_id).where(
                        t.receipt_copies.c.receipt_id.in_(receipt_ids[start : start + 500])
                    )
                )
            )
        return found

    def recent_receipts(self, register_id: str, limit: int) -> list[Row]:
        """The register's latest receipts, newest first (the order they were written in, which
        the table's rowid keeps without an index), with the seller's name."""
        rows = self.conn.execute(
            select(t.receipts, t.tenants.c.name.label("tenant_name"))
            .join(t.tenants, t.tenants.c.id == t.receipts.c.tenant_id)
            .where(t.receipts.c.register_id == register_id)
            .order_by(literal_column("receipts.rowid").desc())
            .limit(limit)
        )
        return [r._mapping for r in rows]

    def last_event_details(self, register_id: str, event_code: int) -> dict | None:
        """The details of the register's latest journal event of this code."""
        found = self.conn.scalar(
            select(t.journal.c.details)
            .where(t.journal.c.register_id == register_id, t.journal.c.event_code == event_code)
            .order_by(t.journal.c.seq.desc())
            .limit(1)
        )
        return None if found is None else dict(json.loads(found))

    def tenant_name(self, tenant_id: str) -> str:
        return str(self.conn.scalar(select(t.tenants.c.name).where(t.tenants.c.id == tenant_id)))

    def items(self) -> list[Item]:
        """Every item (for simulations and exports; the counter screens page instead)."""
        from pos.adapters.repositories import item_from_row

        return [item_from_row(r._mapping) for r in self.conn.execute(select(t.items))]

    def search_items(
        self,
        match: str,
        tenant_id: str | None,
        limit: int,
        offset: int,
        parts: str = "",
        short: tuple[str, ...] = (),
    ) -> list[Item]:
        """One page of sellable items whose text matches an FTS5 ``match`` expression (whole
        words and their starts), or ``parts`` (an FTS5 expression over trigrams: anywhere in
        the description) and each of ``short`` anywhere in it; every sellable item when all
        are empty. In catalogue order, optionally of one tenant only."""
        from pos.adapters.repositories import item_from_row

        where = ["items.status = 'available'"]
        params: dict[str, object] = {"limit": limit, "offset": offset}
        if tenant_id is not None:
            where.append("items.tenant_id = :tenant")
            params["tenant"] = tenant_id
        source, order = _text_source(match, parts, short, where, params)
        sql = (
            f"SELECT items.* FROM {source} WHERE {' AND '.join(where)} "
            f"ORDER BY {order} LIMIT :limit OFFSET :offset"
        )
        return [item_from_row(r._mapping) for r in self.conn.execute(text(sql), params)]

    def list_items(
        self,
        match: str,
        tenant_id: str,
        *,
        flagged_only: bool,
        include_sold: bool,
        limit: int,
        offset: int,
        parts: str = "",
        short: tuple[str, ...] = (),
    ) -> list[Item]:
        """One page of a tenant's items, newest first, optionally matching an FTS5 expression,
        only those flagged for a label reprint, or with sold and inactive ones too."""
        from pos.adapters.repositories import item_from_row

        where = ["items.tenant_id = :tenant"]
        params: dict[str, object] = {"tenant": tenant_id, "limit": limit, "offset": offset}
        if not include_sold:
            where.append("items.status = 'available'")
        if flagged_only:
            where.append("items.label_reprint = 1")
        source, order = _text_source(match, parts, short, where, params)
        sql = (
            f"SELECT items.* FROM {source} WHERE {' AND '.join(where)} "
            f"ORDER BY {order} DESC LIMIT :limit OFFSET :offset"
        )
        return [item_from_row(r._mapping) for r in self.conn.execute(text(sql), params)]

    def article_groups(self) -> list[Row]:
        rows = self.conn.execute(select(t.article_groups).order_by(t.article_groups.c.name))
        return [r._mapping for r in rows]

    def open_price_items(self) -> list[Item]:
        """The quick items a cashier prices at the till (few: one or two per tenant)."""
        from pos.adapters.repositories import item_from_row

        rows = self.conn.execute(
            select(t.items)
            .where(t.items.c.kind == "open_price", t.items.c.status == "available")
            .order_by(t.items.c.description)
        )
        return [item_from_row(r._mapping) for r in rows]

    def parked_basket(self, parked_id: str) -> Row | None:
        row = self.conn.execute(
            select(t.parked_baskets).where(t.parked_baskets.c.id == parked_id)
        ).first()
        return row._mapping if row else None

    def parked_baskets(self, register_id: str) -> list[Row]:
        rows = self.conn.execute(
            select(t.parked_baskets)
            .where(
                t.parked_baskets.c.register_id == register_id,
                t.parked_baskets.c.resumed_at.is_(None),
            )
            .order_by(t.parked_baskets.c.parked_at)
        )
        return [r._mapping for r in rows]

    def receipts_of_sale(self, sale_id: str) -> list[Row]:
        rows = self.conn.execute(
            select(t.receipts)
            .where(t.receipts.c.sale_id == sale_id)
            .order_by(t.receipts.c.number_text)
        )
        return [r._mapping for r in rows]

    def receipt_doc(self, receipt_id: str, *, copy_number: int | None = None) -> ReceiptDoc:
        receipt = self.receipt(receipt_id)
        if receipt is None:
            raise KeyError(receipt_id)
        tenant = self.conn.execute(
            select(t.tenants).where(t.tenants.c.id == receipt["tenant_id"])
        ).one()
        sale = self.conn.execute(
            select(t.sales.c.staff_id, t.staff.c.name, t.registers.c.name.label("register"))
            .join(t.staff, t.staff.c.id == t.sales.c.staff_id)
            .join(t.registers, t.registers.c.id == t.sales.c.register_id)
            .where(t.sales.c.id == receipt["sale_id"])
        ).one()
        lines = self.lines_of_receipt(receipt_id)
        kind = ReceiptKind(receipt["kind"])
        original = (
            self.receipt(receipt["original_receipt_id"]) if receipt["original_receipt_id"] else None
        )
        issued = self.conn.execute(  # a deposit's voucher is held for the job, not handed out
            select(t.credit_notes.c.number, t.credit_notes.c.amount).where(
                t.credit_notes.c.issued_receipt_id == receipt_id, t.credit_notes.c.kind != "deposit"
            )
        )
        markings = ["KOPI"] if copy_number is not None else []
        if kind in (ReceiptKind.TRAINING, ReceiptKind.PROVISIONAL):  # a copy keeps it too
            markings.append(NOT_A_RECEIPT)
        return ReceiptDoc(
            receipt_id=receipt_id,
            kind=ReceiptKind.COPY if copy_number is not None else kind,
            heading=kind.heading,
            marking="\n".join(markings),
            number=receipt["number_text"],
            tenant_name=tenant.name,
            org_line=format_org_number(tenant.org_no, vat_registered=bool(tenant.vat_registered)),
            header_text=tenant.receipt_header,
            footer_text=tenant.receipt_footer,
            register_id=receipt["register_id"],
            register_name=sale.register,
            cashier=sale.name,
            date=receipt["local_date"],
            time=receipt["local_time"],
            lines=tuple(
                ReceiptLineDoc(
                    description=ln["description"],
                    qty=ln["qty"],
                    unit_price=ln["unit_price"],
                    discount=ln["discount"],
                    discount_reason=ln["discount_reason"],
                    amount=ln["amount"],
                    vat_percent=VatClass.from_key(ln["vat_class"]).percent,
                )
                for ln in lines
            ),
            vat=_vat_summaries(lines),
            total=receipt["total"],
            rounding=receipt["rounding"],
            payments=tuple(
                PaymentDoc(_payment_label(p), p["amount"], _payment_reference(p))
                for p in self.payments_of_receipt(receipt_id)
            ),
            original_number=original["number_text"] if original else "",
            credit_notes_issued=tuple((n.number, n.amount) for n in issued),
            note=self._deposit_note(receipt_id) if kind is ReceiptKind.DEPOSIT else "",
        )

    def _deposit_note(self, receipt_id: str) -> str:
        deposits, tickets = tables_repairs.repair_deposits, tables_repairs.repair_tickets
        found = self.conn.execute(
            select(
                deposits.c.ticket_id,
                deposits.c.amount,
                tickets.c.item_category,
                tickets.c.item_brand_model,
            )
            .join(tickets, tickets.c.id == deposits.c.ticket_id)
            .where(deposits.c.receipt_id == receipt_id)
        ).first()
        if found is None:
            return deposit_note("", "", paid_back=False)
        item = " ".join(p for p in (found.item_category, found.item_brand_model) if p)
        return deposit_note(found.ticket_id, item, paid_back=found.amount < 0)

    # -- verification --------------------------------------------------------------------
    def journal_rows(self) -> Iterator[Row]:
        for row in self.conn.execute(select(t.journal).order_by(t.journal.c.seq)):
            yield row._mapping

    def receipts_in_chain_order(self) -> Iterator[Row]:
        query = select(t.receipts).order_by(
            t.receipts.c.tenant_id, t.receipts.c.register_id, t.receipts.c.sig_nr
        )
        for row in self.conn.execute(query):
            yield row._mapping

    def count(self, table_name: str) -> int:
        table = t.metadata.tables[table_name]
        return int(self.conn.scalar(select(func.count()).select_from(table)) or 0)


def _payment_label(payment: Row) -> str:
    kind = TenderKind(payment["kind"])
    if kind.is_voucher and payment["credit_note_number"]:
        return f"{kind.label_nb} {payment['credit_note_number']}"
    if kind is TenderKind.DEPOSIT and payment["reference"]:  # taken at another counter
        return f"{kind.label_nb} {payment['reference']}"
    return kind.label_nb


def _payment_reference(payment: Row) -> str:
    """A terminal's reference; a deposit's is its job, named in the label already."""
    return "" if TenderKind(payment["kind"]) is TenderKind.DEPOSIT else payment["reference"]


def _vat_summaries(lines: list[Row]) -> tuple[VatSummary, ...]:
    summaries = []
    for vat_class in VatClass:
        chosen = [ln for ln in lines if ln["vat_class"] == vat_class.key]
        if chosen:
            summaries.append(
                VatSummary(
                    vat_class,
                    sum(ln["amount"] for ln in chosen),
                    sum(ln["vat_amount"] for ln in chosen),
                )
            )
    return tuple(summaries)


def _text_source(
    match: str,
    parts: str,
    short: tuple[str, ...],
    where: list[str],
    params: dict[str, object],
) -> tuple[str, str]:
    """The FROM and ORDER BY of an item query narrowed by the typed text, its conditions added
    to ``where``: driven by one search index, whose rowids FTS5 hands out in order (no sort of
    every match); words too short for the trigram index checked on the rows it finds."""
    if parts:
        params["parts"] = parts
        where.append(f"{t.ITEMS_TRIGRAM} MATCH :parts")
        for n, word in enumerate(short):
            params[f"short{n}"] = "%" + re.sub(r"([\\%_])", r"\\\1", word) + "%"
            where.append(f"items.description LIKE :short{n} ESCAPE '\\'")
        source = f"{t.ITEMS_TRIGRAM} JOIN items ON items.rowid = {t.ITEMS_TRIGRAM}.rowid"
        return source, f"{t.ITEMS_TRIGRAM}.rowid"
    if match:
        params["match"] = match
        where.append(f"{t.ITEMS_FTS} MATCH :match")
        source = f"{t.ITEMS_FTS} JOIN items ON items.rowid = {t.ITEMS_FTS}.rowid"
        return source, f"{t.ITEMS_FTS}.rowid"
    return "items", "items.rowid"
