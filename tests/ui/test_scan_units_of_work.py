"""A scan at the sale screen does little database work on the GUI thread: the code's look-up
and the counter clock's check are its reads; the stock warning comes from the item just read."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator

import pytest

from pos.clock import Stamp
from pos.unit_of_work import UnitOfWorkFactory
from tests.ui.conftest import window_on_the_pcs_clock

from .conftest import log_in

COFFEE = "KAFFE-MED"


@pytest.fixture
def window(qtbot, counter, pc):  # type: ignore[no-untyped-def]
    yield from window_on_the_pcs_clock(qtbot, counter, pc)


@pytest.fixture
def opened(monkeypatch) -> Iterator[Counter[str]]:  # type: ignore[no-untyped-def]
    """Units of work opened on the GUI thread, by kind ("read", "write")."""
    counts: Counter[str] = Counter()
    call, read = UnitOfWorkFactory.__call__, UnitOfWorkFactory.read

    def counted(kind, opener):  # type: ignore[no-untyped-def]
        def open_one(self):  # type: ignore[no-untyped-def]
            if threading.current_thread() is threading.main_thread():
                counts[kind] += 1
            return opener(self)

        return open_one

    monkeypatch.setattr(UnitOfWorkFactory, "__call__", counted("write", call))
    monkeypatch.setattr(UnitOfWorkFactory, "read", counted("read", read))
    yield counts


def test_a_scan_reads_the_code_and_the_clock_once_each(window, opened):
    log_in(window)
    window.route_scan(COFFEE)  # the first line also asks whether the till is open
    opened.clear()
    window.route_scan(COFFEE)
    assert len(window.session.basket.lines) == 2
    assert opened["read"] == 2
    assert opened["write"] <= 1  # the basket's draft


def test_a_stock_item_scanned_below_its_count_is_warned_of(window):
    with window.session.uow() as uow:
        item = uow.items.item_by_barcode(COFFEE)
        uow.items.adjust_stock(item.id, 1 - item.stock_qty, Stamp.of(window.session.clock.now()))
        uow.commit()
    log_in(window)
    window.route_scan(COFFEE)
    assert "stock goes below zero" not in window.sale.message.text()
    window.route_scan(COFFEE)
    assert "stock goes below zero (-1)" in window.sale.message.text()
