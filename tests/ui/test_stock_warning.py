"""A sale that takes an item's stock below zero is sold all the same (the goods are at the
counter), and the sale screen says so in red: the last one on the shelf, then one more."""

from __future__ import annotations

from pos.clock import Stamp
from pos.services import catalogue

from .conftest import log_in, scan

BRAKES = "SYK-BREMS"


def test_the_scan_that_takes_the_stock_below_zero_warns_and_still_sells(window, counter, clock):
    item = catalogue.find_item(counter.uow, BRAKES)
    with counter.uow() as uow:  # one pair left on the shelf
        uow.store.adjust_stock(item.id, 1 - (item.stock_qty or 0), Stamp.of(clock.now()))
        uow.commit()
    log_in(window)
    scan(window.sale.code, BRAKES)
    assert "null" not in window.sale.message.text() and "zero" not in window.sale.message.text()
    scan(window.sale.code, BRAKES)
    said = window.sale.message.text()
    assert "(-1)" in said and ("under null" in said or "below zero" in said)
    assert sum(ln.qty for ln in window.session.basket.lines) == 2  # sold all the same
