"""Where recorded receipts go to paper: an interface the print queue implements, so the sale
screen works (and is tested) without a printer.

The sale screen only calls ``print_sale`` and ``open_drawer``, shows ``printer_state``, and
asks ``drawer_state`` before a sale is registered; ``NoPrinter`` is the default until a real
queue is wired in by the composition root.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from pos.model.drawer import DrawerState
from pos.model.printing import DrawerOpening
from pos.services.checkout import SaleResult


@dataclass(frozen=True)
class PrinterState:
    ready: bool
    text: str
    """Short state for the status strip, in English (the UI translates the known ones)."""
    failed: int = 0
    """Failed jobs waiting for a retry (or to be dismissed)."""
    waiting: tuple[str, ...] = ()
    """Numbers of receipts a customer may still be waiting for."""
    again: tuple[str, ...] = ()
    """Those of them already queued again (a retry): waiting for the printer to take them."""

    @property
    def untried(self) -> bool:
        """Set up, but no job and no question has reached the printer yet: not known to be
        ready, nor known to be broken."""
        return self.text == "unknown"


NO_PRINTER = PrinterState(False, "no printer")


class ReceiptOutput(Protocol):
    def print_sale(self, result: SaleResult) -> None:
        """Queue the receipts of a recorded sale or return; never blocks, never raises."""

    def open_drawer(self, opening: DrawerOpening) -> bool:
        """Kick the cash drawer (it is wired to the receipt printer) for an approved no-sale
        opening, journaled when the kick reaches the printer; False when nothing was sent."""

    def kick_drawer(self, title: str, opening: DrawerOpening) -> None:
        """Kick the drawer for an opening that is not a sale (the float), journaled when the
        kick reaches the printer."""

    def cash_moved(self, movement_id: str) -> None:
        """Kick the drawer and print the slip of a recorded cash in or out."""

    def printer_state(self) -> PrinterState: ...

    def drawer_state(self) -> DrawerState:
        """Ask the printer about the drawer now (a short, bounded wait; never raises)."""


class NoPrinter:
    """Prints nothing and says so; the sale is recorded all the same."""

    def print_sale(self, result: SaleResult) -> None:
        return None

    def open_drawer(self, opening: DrawerOpening) -> bool:
        return False

    def kick_drawer(self, title: str, opening: DrawerOpening) -> None:
        return None

    def cash_moved(self, movement_id: str) -> None:
        return None

    def printer_state(self) -> PrinterState:
        return NO_PRINTER

    def drawer_state(self) -> DrawerState:
        return DrawerState.UNKNOWN
