"""A tenant's items (manager): search and page through them (a million stay instant), change a
price (journaled 13021; the label is flagged), set a stock item's count from the shelf (the
centre's count with a central server), print a tag again, and reprint every flagged label at
once (on the tag printer, or as an A4 sheet when the register has none)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
)

from pos.clock import wall_clock_now
from pos.errors import DomainError
from pos.identifiers import is_ascii_digits
from pos.model.catalogue import Item, ItemStatus
from pos.money import parse_nok
from pos.services import catalogue, item_entry, paper
from printers.label_sheet import render_label_sheet
from ui.backoffice.items_model import ItemsModel
from ui.backoffice.page_parts import heading, message_line, say, sized
from ui.common import error_text, tab_passes, touch_button
from ui.pages import PageContext, PageWidget
from ui.scanner.targets import Refusal
from ui.tab_order import tab_in_layout_order

TYPING_PAUSE_MS = 150


class ItemsPage(PageWidget):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.session = ctx.session
        self.tenant = QComboBox(self)
        for tenant in sorted(self.session.tenants().values(), key=lambda t: t.code):
            self.tenant.addItem(f"{tenant.code}  {tenant.name}", tenant.code)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("Words of the description or the code"))
        self.flagged = QCheckBox(self.tr("Only labels to reprint"), self)
        self.sold = QCheckBox(self.tr("Include sold"), self)
        sized(self.tenant, self.text, self.flagged, self.sold)
        filters = QHBoxLayout()
        filters.addWidget(self.tenant, 2)
        filters.addWidget(self.text, 3)
        filters.addWidget(self.flagged)
        filters.addWidget(self.sold)
        self.model = ItemsModel()
        self.view = tab_passes(QTableView(self))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setDefaultSectionSize(40)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(0, 150)  # a 13-digit code in full
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.price = QLineEdit(self)
        self.price.setPlaceholderText(self.tr("New price (kr)"))
        self.price.returnPressed.connect(self.change_price)
        self.counted = QLineEdit(self)
        self.counted.setPlaceholderText(self.tr("Counted"))
        self.counted.returnPressed.connect(self.count_stock)
        sized(self.price, self.counted)
        actions = QHBoxLayout()
        actions.addWidget(QLabel(self.tr("New price"), self))
        actions.addWidget(self.price)
        for text, key, slot in (
            (self.tr("Change price"), "Ctrl+E", self.change_price),
            (None, "", None),
            (self.tr("Set stock"), "Ctrl+L", self.count_stock),
            (self.tr("Print tag"), "Ctrl+T", self.print_tag),
            (self.tr("Reprint flagged labels"), "Ctrl+R", self.reprint_flagged),
        ):
            if slot is None or text is None:  # the count's field, after the price's button
                actions.addWidget(QLabel(self.tr("In stock"), self))
                actions.addWidget(self.counted)
                continue
            button = touch_button(text, self, key)
            button.clicked.connect(slot)
            actions.addWidget(button)
        self.message = message_line(self)
        layout = QVBoxLayout(self)
        layout.addLayout(heading(self, self.tr("Items and prices")))
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        tab_in_layout_order(self)  # the price's button before the count's field, as laid out
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(TYPING_PAUSE_MS)
        self._debounce.timeout.connect(self.search)
        self.text.textChanged.connect(self._debounce.start)
        self.text.returnPressed.connect(self.search)
        self.tenant.currentIndexChanged.connect(self.search)
        self.flagged.toggled.connect(self.search)
        self.sold.toggled.connect(self.search)

    def on_shown(self) -> None:
        self.search()
        self.text.setFocus()

    def tenant_id(self) -> str:
        return self.session.tenant_by_code(self.tenant.currentData()).id

    def search(self) -> None:
        self._debounce.stop()
        tenant_id, typed = self.tenant_id(), self.text.text()
        flagged, sold = self.flagged.isChecked(), self.sold.isChecked()
        uow = self.session.uow
        self.model.load(
            lambda offset, limit: item_entry.list_items(
                uow,
                tenant_id,
                typed,
                flagged_only=flagged,
                include_sold=sold,
                offset=offset,
                limit=limit,
            )
        )
        if self.model.rowCount():
            self.view.selectRow(0)

    def handle_scan(self, code: str) -> Refusal | None:
        """A scanned label finds its item here: its tenant's list, sold ones too if it is."""
        try:
            item = self.session.find(code)
        except DomainError as error:
            text = error_text(error)
            say(self.message, text, problem=True)
            return Refusal(text)
        tenant = self.session.tenants().get(item.tenant_id)
        for widget in (self.tenant, self.sold, self.text):
            widget.blockSignals(True)  # one search below, not one per filter changed
        if tenant is not None:
            self.tenant.setCurrentIndex(max(0, self.tenant.findData(tenant.code)))
        if item.status is ItemStatus.SOLD:
            self.sold.setChecked(True)
        self.text.setText(item.barcode or code)
        for widget in (self.tenant, self.sold, self.text):
            widget.blockSignals(False)
        self.search()
        return None

    def selected(self) -> tuple[int, Item] | None:
        row = self.view.currentIndex().row()
        item = self.model.item_at(row)
        return None if item is None else (row, item)

    def _row_changed(self) -> None:
        self.price.clear()
        self.counted.clear()

    def change_price(self) -> None:
        chosen = self.selected()
        if chosen is None:
            say(self.message, self.tr("Choose an item first."), problem=True)
            return
        row, item = chosen
        try:
            price = parse_nok(self.price.text())
            item_entry.change_price(self.session.uow, self.session.context(), item.id, price)
            changed = catalogue.find_item(self.session.uow, item.barcode or "")
        except Exception as error:  # noqa: BLE001 - shown; nothing was recorded
            say(self.message, error_text(error), problem=True)
            return
        self.model.replace(row, changed)
        self.price.clear()
        say(
            self.message,
            self.tr("New price for %1; its label is marked for reprint.").replace(
                "%1", item.description
            ),
        )

    def count_stock(self) -> None:
        """The count from the shelf becomes the item's stock (the centre's, once sent)."""
        chosen = self.selected()
        if chosen is None:
            say(self.message, self.tr("Choose an item first."), problem=True)
            return
        row, item = chosen
        typed = self.counted.text().strip()
        if not is_ascii_digits(typed):
            say(self.message, self.tr("Type the number counted on the shelf (0 or more)."),
                problem=True)  # fmt: skip
            return
        try:
            changed = item_entry.count_stock(
                self.session.uow, self.session.context(), item.id, int(typed)
            )
        except Exception as error:  # noqa: BLE001 - shown; nothing was recorded
            say(self.message, error_text(error), problem=True)
            return
        self.model.replace(row, changed)
        self.counted.clear()
        say(self.message, self.tr("%1 in stock: %2.").replace("%1", item.description)
            .replace("%2", str(changed.stock_qty)))  # fmt: skip

    def print_tag(self) -> None:
        chosen = self.selected()
        if chosen is None or not chosen[1].barcode:
            say(self.message, self.tr("Choose an item with a code first."), problem=True)
            return
        self._print([chosen[1].barcode or ""])

    def reprint_flagged(self) -> None:
        try:
            codes = item_entry.flagged_labels(self.session.uow, self.tenant.currentData())
        except Exception as error:  # noqa: BLE001
            say(self.message, error_text(error), problem=True)
            return
        if not codes:
            say(self.message, self.tr("No labels to reprint for this tenant."))
            return
        if self._print(codes):
            item_entry.labels_printed(self.session.uow, codes)
            self.search()

    def _print(self, codes: list[str]) -> bool:
        """Tags on the register's tag printer, or an A4 sheet PDF when it has none."""
        try:
            if self.ctx.printing is not None:
                self.ctx.printing.print_price_tags(codes)
                text = self.tr("%n price tags sent to the printer.", "", len(codes))
            else:
                pdf = render_label_sheet(paper.item_labels(self.session.uow, codes))
                folder = (self.ctx.data_dir or Path.cwd()) / "labels"
                folder.mkdir(parents=True, exist_ok=True)
                path = folder / f"etiketter-{wall_clock_now():%Y%m%d-%H%M%S}.pdf"
                path.write_bytes(pdf)
                text = self.tr("%n labels saved as %1.", "", len(codes)).replace("%1", str(path))
        except Exception as error:  # noqa: BLE001
            say(self.message, error_text(error), problem=True)
            return False
        say(self.message, text)
        return True
