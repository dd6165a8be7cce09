"""The cash drawer as the printer reports it, and the rule that a sale is not registered while
it is open (kassasystemforskrifta § 2-6 (5)).

The drawer hangs on the receipt printer's kick-out connector; the printer reports the
connector's sensor (ESC/POS ``DLE EOT 1``, bit 2). Many printers cannot report it, or the
printer is offline: the state is then ``UNKNOWN`` and the rule cannot be applied — a sale is
never refused on a guess.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from pos.errors import DomainError


class DrawerState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    UNKNOWN = "unknown"


DrawerSensor = Callable[[], DrawerState]
"""Asks the register's printer now (a short, bounded wait)."""


class DrawerOpen(DomainError):
    code = "drawer_open"
    nb = "Kassaskuffen er åpen. Lukk skuffen, så registreres salget."
    en = "The cash drawer is open. Close the drawer, then the sale is registered."


def refuse_while_open(sensor: DrawerSensor | None) -> None:
    """Raise DrawerOpen if the drawer reports open; a sensor that cannot tell lets it pass."""
    if sensor is not None and sensor() is DrawerState.OPEN:
        raise DrawerOpen()
