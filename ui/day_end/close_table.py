"""What a till close found, shown right after it: each tenant's expected cash and the variance
it bears (the drawer's owner bears it), the drawer in all with what was counted (one drawer is
counted, not one per tenant), and the card terminal and Vipps totals typed at the close against
every tender recorded (repair deposits included)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pos.model.till_close import BatchCheck, TillCloseDoc
from pos.money import format_nok
from ui.day_end.figures_table import FigureRow, FiguresTable


class CloseTable(FiguresTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Cash per tenant"), "–", parent)
        self.setObjectName("closeTable")

    def show_close(self, doc: TillCloseDoc) -> None:
        rows: list[FigureRow] = [
            # one drawer is counted, not a drawer per tenant: counted only for the whole
            (t.tenant_name, t.expected, None, t.variance, False)
            for t in doc.tenants
        ]
        rows.append(
            (self.tr("The drawer in all"), doc.expected_cash, doc.counted_cash, doc.variance, True)
        )
        rows += [self._batch_row(batch) for batch in doc.batches]
        self.show_rows(rows)

    def _batch_row(self, batch: BatchCheck) -> FigureRow:
        name = self.tr("Card terminal") if batch.kind == "card" else self.tr("Vipps")
        if batch.deposits:
            name += " " + self.tr("(repair deposits %1 included)").replace(
                "%1", format_nok(batch.deposits)
            )
        return name, batch.recorded, batch.entered, batch.difference, False
