"""The catalogue: article groups and items (one-offs, stock and open-price), their status,
stock, price and the labels a price change made wrong."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import insert, select

from pos.adapters import tables as t
from pos.adapters.store_base import StoreBase
from pos.clock import Stamp
from pos.model.catalogue import ArticleGroup, Item, ItemKind, ItemStatus
from pos.vat import VatClass


class CatalogueRepository(StoreBase):
    def add_article_group(self, group: ArticleGroup) -> None:
        self.conn.execute(
            insert(t.article_groups).values(
                id=group.id,
                name=group.name,
                saft_code=group.saft_code,
            )
        )

    def add_items(self, new_items: Sequence[Item], stamp: Stamp) -> None:
        self.insert(
            "items",
            [
                {
                    "id": i.id,
                    "tenant_id": i.tenant_id,
                    "kind": i.kind.value,
                    "description": i.description,
                    "price": i.price,
                    "vat_class": i.vat_class.key,
                    "article_group_id": i.article_group_id,
                    "barcode": i.barcode,
                    "stock_qty": i.stock_qty,
                    "status": i.status.value,
                    "updated_at": stamp.utc_iso,
                    "condition": i.condition,
                    "purchase_price": i.purchase_price,
                }
                for i in new_items
            ],
        )

    def barcodes_taken(self, barcodes: Sequence[str]) -> set[str]:
        taken: set[str] = set()
        for start in range(0, len(barcodes), 500):
            chunk = list(barcodes[start : start + 500])
            marks = ", ".join("?" * len(chunk))
            rows = self._raw.execute(f"SELECT barcode FROM items WHERE barcode IN ({marks})", chunk)
            taken.update(r[0] for r in rows)
        return taken

    def article_group_ids(self) -> set[str]:
        return {r[0] for r in self._raw.execute("SELECT id FROM article_groups")}

    def catalogue_size(self) -> tuple[int, int]:
        """How many article groups and items the catalogue holds."""
        groups = self._raw.execute("SELECT COUNT(*) FROM article_groups").fetchone()[0]
        items = self._raw.execute("SELECT COUNT(*) FROM items").fetchone()[0]
        return int(groups), int(items)

    def item(self, item_id: str) -> Item | None:
        row = self.conn.execute(select(t.items).where(t.items.c.id == item_id)).first()
        return item_from_row(row._mapping) if row else None

    def item_by_barcode(self, barcode: str) -> Item | None:
        row = self.conn.execute(select(t.items).where(t.items.c.barcode == barcode)).first()
        return item_from_row(row._mapping) if row else None

    def items_by_ids(self, ids: Iterable[str]) -> dict[str, Item]:
        wanted = list(ids)
        marks = ", ".join("?" * len(wanted))
        rows = self.rows(f"SELECT * FROM items WHERE id IN ({marks})", wanted)
        return {r["id"]: item_from_row(r) for r in rows}

    def set_item_status(self, item_id: str, status: ItemStatus, stamp: Stamp) -> None:
        self._raw.execute(
            "UPDATE items SET status = ?, updated_at = ? WHERE id = ?",
            (status.value, stamp.utc_iso, item_id),
        )

    def adjust_stock(self, item_id: str, delta: int, stamp: Stamp) -> None:
        self._raw.execute(
            "UPDATE items SET stock_qty = stock_qty + ?, updated_at = ? WHERE id = ?",
            (delta, stamp.utc_iso, item_id),
        )

    def put_item_state(
        self, item_id: str, status: str, stock_qty: int | None, stamp: Stamp
    ) -> None:
        """An item's status and stock as another copy of the store had them (a salvaged sale)."""
        self._raw.execute(
            "UPDATE items SET status = ?, stock_qty = ?, updated_at = ? WHERE id = ?",
            (status, stock_qty, stamp.utc_iso, item_id),
        )

    def set_item_price(self, item_id: str, price: int, stamp: Stamp) -> None:
        """A new price makes the printed label wrong: flag it for reprint."""
        self._raw.execute(
            "UPDATE items SET price = ?, label_reprint = 1, updated_at = ? WHERE id = ?",
            (price, stamp.utc_iso, item_id),
        )

    def flagged_label_codes(self, tenant_id: str) -> list[str]:
        """Barcodes of the tenant's unsold items whose price changed after the label printed."""
        rows = self._raw.execute(
            "SELECT barcode FROM items WHERE tenant_id = ? AND label_reprint = 1 "
            "AND status = 'available' AND barcode IS NOT NULL ORDER BY rowid",
            (tenant_id,),
        )
        return [str(r[0]) for r in rows]

    def clear_label_reprint(self, barcodes: Sequence[str]) -> None:
        self._raw.executemany(
            "UPDATE items SET label_reprint = 0 WHERE barcode = ?", [(c,) for c in barcodes]
        )


def item_from_row(row: Mapping[Any, Any]) -> Item:
    return Item(
        id=row["id"],
        tenant_id=row["tenant_id"],
        kind=ItemKind(row["kind"]),
        description=row["description"],
        price=row["price"],
        vat_class=VatClass.from_key(row["vat_class"]),
        article_group_id=row["article_group_id"],
        barcode=row["barcode"],
        stock_qty=row["stock_qty"],
        status=ItemStatus(row["status"]),
        condition=row.get("condition") or "",
        purchase_price=row.get("purchase_price"),
        label_reprint=bool(row.get("label_reprint")),
    )
