"""What a code read at the sale screen means and does: an item into the basket (or its price
in look-up mode), a receipt number to returns, a job tag to pickup, an unknown in-store label
registered as a one-off item of the tenant it names once its price is asked, then sold (any
other unknown code is refused, as ``pos.services.catalogue.identify`` decides); a double read
of one item counts once. Each path returns the ``Refusal`` the scan router sounds and shows, or
None. It asks the sale screen only through ``SaleScreen``; a receipt number opens the return
from it there (``open_return``), refused like any scan when the receipt cannot be returned from."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from pos.errors import DomainError
from pos.model.catalogue import Item, ItemKind
from pos.money import Ore
from pos.services.catalogue import UnknownLabel
from pos.services.repair_common import UnknownTicket
from pos.services.repair_money import DepositElsewhere
from ui.common import error_text, kr
from ui.price_dialog import PriceDialog
from ui.sale_screen import SaleScreen
from ui.scanner.routing import CodeKind, DuplicateGuard, route_code
from ui.scanner.targets import Refusal


class SaleScans(QObject):
    def __init__(self, sale: SaleScreen, parent: QWidget) -> None:
        super().__init__(parent)
        self.sale = sale
        self._parent = parent
        self._guard = DuplicateGuard()

    def handle(self, raw: str) -> Refusal | None:
        """Act on the code's intent; a refusal is also said on the sale screen."""
        routed = route_code(raw)
        if routed.kind is CodeKind.RECEIPT:
            return self.sale.open_return(routed.code)
        if routed.kind is CodeKind.CREDIT_NOTE:
            return self._refuse(self.tr("Credit notes are taken as payment: press Pay (F12)."))
        if routed.kind is CodeKind.REPAIR_TICKET:
            return self._repair_pickup(routed.code)
        if routed.kind is CodeKind.INVALID and routed.error is not None:
            return self._refuse(error_text(routed.error))
        return self._item_code(routed.code)

    def _refuse(self, text: str) -> Refusal:
        self.sale.say(text, problem=True)
        return Refusal(text)

    def _item_code(self, code: str) -> Refusal | None:
        repeat = self._guard.is_repeat(code, time.monotonic())
        try:
            item = self.sale.session.identify(code)
        except DomainError as error:
            return self._refuse(error_text(error))
        if isinstance(item, UnknownLabel):
            return self._unknown_label(item)
        if self.sale.price_lookup:
            return self.show_price(item)
        if self.sale.session.one_off_in_basket(item):
            if repeat:  # one label read twice: nothing to refuse
                self.sale.say(
                    self.tr("Read twice: «%1» is counted once.").replace("%1", item.description)
                )
                return None
            text = self.tr("«%1» is a one-off item and is already in the basket.")
            return self._refuse(text.replace("%1", item.description))
        if item.kind is ItemKind.OPEN_PRICE or item.price is None:
            self.ask_price(item)
            return None
        return self.sale.add_item(item)

    def _repair_pickup(self, ticket_id: str) -> Refusal | None:
        """A job tag: the job's work and parts into the basket, its deposit to the payment."""
        try:
            pickup = self.sale.session.add_pickup(ticket_id)
        except UnknownTicket:
            return self._item_code(ticket_id)  # not a ticket after all: an item code like one
        except DomainError as error:
            return self._refuse(error_text(error))
        text = self.tr("Repair %1 for pickup: %2").replace("%1", pickup.ticket_id)
        text = text.replace("%2", kr(pickup.total))
        if pickup.deposit is not None:
            deducted = self.tr("deposit %1 is deducted when paying")
            text += ", " + deducted.replace("%1", kr(pickup.deposit.amount))
        if pickup.elsewhere is not None:
            text += ". " + self._deposit_elsewhere(pickup.elsewhere)
        self.sale.pickup_added(text + ".")
        return None

    def _deposit_elsewhere(self, elsewhere: DepositElsewhere) -> str:
        """Where the deposit was paid, and how sure this counter can be of what is left."""
        where = ", ".join(elsewhere.registers) or "?"
        text = self.tr("Deposit paid at register %1, as the central server last said (%2)")
        text = text.replace("%1", where).replace("%2", elsewhere.as_of or self.tr("never"))
        if elsewhere.offline:
            text += ". " + self.tr(
                "This counter is offline: the deposit may have been deducted at another "
                "counter since; the server flags it if so"
            )
        return text

    def show_price(self, item: Item) -> Refusal | None:
        try:
            self.sale.session.look_up_price(item)
        except DomainError as error:
            return self._refuse(error_text(error))
        price = kr(item.price) if item.price is not None else self.tr("open price")
        self.sale.say(
            self.tr("Price look-up: %1 costs %2")
            .replace("%1", item.description)
            .replace("%2", price)
        )
        return None

    def _unknown_label(self, label: UnknownLabel) -> Refusal | None:
        """Its price (and what it is) asked; then the label becomes a one-off item of its
        own tenant and sells once: a second scan finds it sold. Scans while the question is
        open are refused, so none is lost unnoticed; a price look-up has no price to show."""
        if self.sale.price_lookup:
            text = self.tr("%1 is not in the catalogue: it has no price to look up.")
            return self._refuse(text.replace("%1", label.barcode))
        heading = self.tr(
            "The label %1 is not in the catalogue. Type the price on it: it is registered as "
            "a one-off item of:"
        ).replace("%1", label.barcode)
        self.sale.say(heading, problem=True)
        dialog = PriceDialog(
            heading, [label.tenant], label.tenant.id, choose_tenant=False, describe=True,
            parent=self._parent,
        )  # fmt: skip
        dialog.priced.connect(
            lambda _tenant, price: self._sell_unknown(label, price, dialog.description.text())
        )
        self.sale.open_dialog(dialog)
        return None

    def _sell_unknown(self, label: UnknownLabel, price: Ore, description: str) -> None:
        try:
            item = self.sale.session.adopt_label(label, price, description)
        except DomainError as error:
            self.sale.refuse(error_text(error))
            return
        refusal = self.sale.add_item(item)
        if refusal is not None:
            self.sale.refuse(refusal.text)

    def _add_priced(self, item: Item, price: Ore) -> None:
        """An answered price: rung up, or refused as loudly as a scan."""
        refusal = self.sale.add_item(item, 1, price)
        if refusal is not None:
            self.sale.refuse(refusal.text)

    def ask_price(self, item: Item) -> None:
        tenant = self.sale.session.tenants().get(item.tenant_id)
        dialog = PriceDialog(
            item.description,
            [tenant] if tenant else [],
            item.tenant_id,
            choose_tenant=False,
            parent=self._parent,
        )
        dialog.priced.connect(lambda _tenant, price: self._add_priced(item, price))
        self.sale.open_dialog(dialog)
