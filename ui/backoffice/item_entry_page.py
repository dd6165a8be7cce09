"""Registering a tenant's one-off items at the counter, fast: description, group, condition,
price, VAT and an optional purchase price (used-goods margin scheme); Enter registers the item
and prints its price tag at once. In batch mode the items collect for one A4 label sheet (PDF)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
)

from pos.clock import wall_clock_now
from pos.model.catalogue import Item, ItemKind
from pos.money import format_nok, parse_nok
from pos.services import item_entry, paper
from pos.services.repair_work import LABOUR_GROUP
from pos.services.setup import NewItem
from pos.vat import VatClass
from printers.label_sheet import render_label_sheet
from ui.backoffice.page_parts import heading, message_line, say, sized
from ui.common import error_text, touch_button
from ui.pages import PageContext, PageWidget

CONDITIONS = ("Som ny", "Pent brukt", "Brukt", "Slitt", "Defekt / til deler")
VAT_REGISTERED = (VatClass.HIGH, VatClass.FOOD, VatClass.LOW, VatClass.ZERO, VatClass.EXEMPT)


class ItemEntryPage(PageWidget):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.session = ctx.session
        self.batch_codes: list[str] = []
        self.last_pdf: Path | None = None
        self.tenant = QComboBox(self)
        self.tenant.currentIndexChanged.connect(self._tenant_changed)
        self.description = QLineEdit(self)
        self.group = QComboBox(self)
        self.condition = QComboBox(self)
        self.condition.setEditable(True)
        self.condition.addItems(CONDITIONS)
        self.price = QLineEdit(self)
        self.price.setPlaceholderText("149,50")
        self.vat = QComboBox(self)
        self.purchase = QLineEdit(self)
        self.purchase.setPlaceholderText(self.tr("optional, for the margin scheme"))
        self.batch = QCheckBox(self.tr("Batch: collect for an A4 label sheet (Ctrl+B)"), self)
        sized(self.tenant, self.description, self.group, self.condition, self.price, self.vat)
        sized(self.purchase, self.batch)
        for field in (self.description, self.price, self.purchase):
            field.returnPressed.connect(self.register)
        form = QFormLayout()
        form.addRow(self.tr("Tenant"), self.tenant)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Article group"), self.group)
        form.addRow(self.tr("Condition"), self.condition)
        form.addRow(self.tr("Price (kr)"), self.price)
        form.addRow(self.tr("VAT"), self.vat)
        form.addRow(self.tr("Purchase price (kr)"), self.purchase)
        form.addRow("", self.batch)
        self.register_button = touch_button(self.tr("Register and print tag"), self, "Ctrl+Return")
        self.register_button.clicked.connect(self.register)
        self.sheet_button = touch_button(self.tr("Label sheet PDF"), self, "Ctrl+P")
        self.sheet_button.clicked.connect(self.make_sheet)
        self.open_button = touch_button(self.tr("Open PDF"), self, "Ctrl+Shift+O")
        self.open_button.clicked.connect(self.open_sheet)
        self.open_button.setEnabled(False)
        QShortcut(QKeySequence("Ctrl+B"), self).activated.connect(self.batch.toggle)
        buttons = QHBoxLayout()
        for button in (self.register_button, self.sheet_button, self.open_button):
            buttons.addWidget(button)
        self.made = QListWidget(self)
        self.message = message_line(self)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addLayout(buttons)
        left.addWidget(self.message)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(self.made, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(heading(self, self.tr("Register items")))
        layout.addLayout(body, 1)
        self._fill_choices()

    def _fill_choices(self) -> None:
        for tenant in sorted(self.session.tenants().values(), key=lambda t: t.code):
            self.tenant.addItem(f"{tenant.code}  {tenant.name}", tenant.code)
        for group in item_entry.article_groups(self.session.uow):
            self.group.addItem(group.name, group.id)
        self._tenant_changed()

    def _tenant_changed(self) -> None:
        code = self.tenant.currentData()
        if code is None:
            return
        tenant = self.session.tenant_by_code(code)
        self.vat.clear()
        for vat_class in VAT_REGISTERED if tenant.vat_registered else (VatClass.NONE,):
            self.vat.addItem(vat_class.label_nb, vat_class.key)
        # Another tenant's group never carries over unnoticed: this one's own, as its quick
        # key has it (never its repair labour's), else 'other goods'.
        own = self._tenant_group(tenant.id)
        self.group.setCurrentIndex(max(self.group.findData(own), 0))

    def _tenant_group(self, tenant_id: str) -> str:
        return next(
            (item.article_group_id for item in self.session.quick_items()
             if item.tenant_id == tenant_id and item.article_group_id != LABOUR_GROUP),
            "DIVERSE",
        )  # fmt: skip

    def on_shown(self) -> None:
        self.description.setFocus()

    def _new_item(self) -> NewItem:
        purchase = self.purchase.text().strip()
        return NewItem(
            tenant_code=self.tenant.currentData(),
            description=self.description.text().strip(),
            price=parse_nok(self.price.text()),
            vat_class=VatClass.from_key(self.vat.currentData()),
            article_group_id=self.group.currentData(),
            kind=ItemKind.ONE_OFF,
            condition=self.condition.currentText().strip(),
            purchase_price=parse_nok(purchase) if purchase else None,
        )

    def register(self) -> None:
        """Enter: register the item; outside batch mode its price tag is queued at once."""
        if not self.description.text().strip():
            say(self.message, self.tr("Write what the item is."), problem=True)
            self.description.setFocus()
            return
        try:
            new = self._new_item()
        except Exception as error:  # noqa: BLE001 - a bad amount, shown at once
            say(self.message, error_text(error), problem=True)
            return
        batch = self.batch.isChecked()
        self.ctx.tasks.run(
            lambda: self._record(new, batch),
            lambda made: self._registered(made, batch),
            lambda error: say(self.message, error_text(error), problem=True),
        )

    def _record(self, new: NewItem, batch: bool) -> tuple[Item, bool]:
        (item,) = item_entry.register_items(self.session.uow, self.session.context(), [new])
        printed = False
        if not batch and self.ctx.printing is not None and item.barcode:
            self.ctx.printing.print_price_tags([item.barcode])
            printed = True
        return item, printed

    def _registered(self, made: tuple[Item, bool], batch: bool) -> None:
        item, printed = made
        code = item.barcode or ""
        self.made.insertItem(0, f"{code}  {item.description}  {format_nok(item.price or 0)}")
        if batch:
            self.batch_codes.append(code)
            text = self.tr("%1 registered; %2 in the batch.").replace(
                "%2", str(len(self.batch_codes))
            )
        elif printed:
            text = self.tr("%1 registered; price tag sent to the printer.")
        else:
            text = self.tr("%1 registered. No tag printer is set up for this register.")
        say(self.message, text.replace("%1", code), problem=not (batch or printed))
        for field in (self.description, self.price, self.purchase):
            field.clear()
        self.description.setFocus()

    def make_sheet(self) -> None:
        """The batch's labels on A4 (3 × 8) as a PDF file in the data directory."""
        if not self.batch_codes:
            say(self.message, self.tr("The batch is empty."), problem=True)
            return
        codes = list(self.batch_codes)
        try:
            if self.ctx.printing is not None:
                pdf = self.ctx.printing.label_sheet_pdf(codes)
            else:
                pdf = render_label_sheet(paper.item_labels(self.session.uow, codes))
            folder = (self.ctx.data_dir or Path.cwd()) / "labels"
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"etiketter-{wall_clock_now():%Y%m%d-%H%M%S}.pdf"
            path.write_bytes(pdf)
        except Exception as error:  # noqa: BLE001 - shown; the batch is kept
            say(self.message, error_text(error), problem=True)
            return
        self.batch_codes.clear()
        self.last_pdf = path
        self.open_button.setEnabled(True)
        text = self.tr(
            "Label sheet with %n labels saved as %1 (Ctrl+Shift+O opens it).", "", len(codes)
        )
        say(self.message, text.replace("%1", str(path)))

    def open_sheet(self) -> None:
        if self.last_pdf is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_pdf)))
