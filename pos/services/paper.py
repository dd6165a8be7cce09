"""Filling in the non-receipt documents from the store: drawer slips for cash in/out and item
labels (price tags, A4 label sheets). Rendering them is ``printers/``' job."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from pos.clock import Stamp
from pos.errors import UnknownItem
from pos.model.documents import ItemLabelDoc, SlipDoc
from pos.model.receipt import NOT_A_RECEIPT
from pos.model.registers import register_label
from pos.money import format_nok
from pos.unit_of_work import UnitOfWorkFactory


def cash_slip(uow_factory: UnitOfWorkFactory, movement_id: str) -> SlipDoc:
    """The slip for a cash movement: kept in the drawer with the cash it explains."""
    with uow_factory.read() as uow:
        row = uow.printing.cash_movement(movement_id)
    if row is None:
        raise KeyError(movement_id)
    date, time = _local(row["created_at"])
    cash_in = row["amount"] > 0
    return SlipDoc(
        title="Innskudd i kasse" if cash_in else "Uttak fra kasse",
        marking=NOT_A_RECEIPT,
        rows=(
            ("Kasse", register_label(row["register_id"], row["register_name"] or "")),
            ("Dato", date),
            ("Tid", time),
            ("Ansatt", row["staff_name"]),
            ("Beløp", format_nok(abs(row["amount"]))),
        ),
        blocks=(f"Årsak: {row['reason']}",),
        barcode=movement_id.replace("-", "")[:12].upper(),
        footer="Signatur: ______________________",
    )


def _local(utc_iso: str) -> tuple[str, str]:
    stamp = Stamp.of(datetime.fromisoformat(utc_iso.replace("Z", "+00:00")))
    return stamp.local_date, stamp.local_time


def item_labels(uow_factory: UnitOfWorkFactory, codes: Sequence[str]) -> list[ItemLabelDoc]:
    """Labels for items given by barcode, in the order given (repeat a code for more labels)."""
    labels = []
    with uow_factory.read() as uow:
        for code in codes:
            item = uow.items.item_by_barcode(code)
            if item is None or item.barcode is None:
                raise UnknownItem(code)
            tenant = uow.tenants.tenant(item.tenant_id)
            labels.append(
                ItemLabelDoc(
                    tenant_name=tenant.name if tenant else "",
                    description=item.description,
                    price=item.price,
                    barcode=item.barcode,
                    vat_note="inkl. mva" if tenant and tenant.vat_registered else "",
                )
            )
    return labels
