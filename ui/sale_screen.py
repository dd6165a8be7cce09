"""What the code reader of the sale screen may ask of that screen: a narrow face of the sale
widget, so reading a scan never reaches into the widget's model, view or dialogs."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QDialog

from pos.model.catalogue import Item
from pos.money import Ore
from ui.scanner.targets import Refusal
from ui.till_session import TillSession


class SaleScreen(Protocol):
    session: TillSession
    price_lookup: bool
    """A scanned item shows its price instead of going into the basket."""

    def say(self, text: str, *, problem: bool = False) -> None: ...

    def refuse(self, text: str) -> None:
        """A refusal no scan returns (after a question was answered): said, sounded and kept
        on the refusal banner."""
        ...

    def add_item(self, item: Item, qty: int = 1, price: Ore | None = None) -> Refusal | None:
        """Ring the item up; the refusal, if any, is already said."""
        ...

    def pickup_added(self, said: str) -> None:
        """A repair job's lines are in the basket: show them, and ``said``."""
        ...

    def open_return(self, number: str) -> Refusal | None:
        """The return window for the receipt read; the refusal if it cannot be returned from
        (the window stays open, saying why, for another number)."""
        ...

    def open_dialog(self, dialog: QDialog) -> None:
        """Open a question over the sale screen; the code field has the keys afterwards."""
        ...
