"""The items page: a tenant's items come a page at a time, a price change is journaled and
flags the label, and the flagged labels are reprinted."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.model.catalogue import ItemKind
from pos.model.printing import JobKind
from pos.services import catalogue, item_entry, print_queue, setup
from pos.vat import VatClass
from printers.printing import Printing
from tests.ui.conftest import log_in, press


@pytest.fixture
def made(counter, ctx):
    new = [
        setup.NewItem("13", f"Hjelm nr {n}", 20000 + n, VatClass.HIGH, "SYKKEL", ItemKind.ONE_OFF)
        for n in range(250)
    ]
    return item_entry.register_items(counter.uow, ctx, new)


@pytest.fixture
def page(window, counter, tmp_path, made):
    window.page_context.printing = Printing(
        counter.uow, "K1", override_url=f"file://{tmp_path / 'tags.bin'}"
    )
    log_in(window, "9001", "9999")
    window.wedge.enabled = False
    shown = window.show_page("items")
    shown.tenant.setCurrentIndex(shown.tenant.findData("13"))
    return shown


def test_the_list_reads_a_page_at_a_time(page, qtbot):
    assert page.model.rowCount() == 100
    assert page.model.item_at(0).description == "Hjelm nr 249"  # newest first
    page.view.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() == 200)


def test_a_price_change_is_journaled_and_its_label_reprinted(page, counter, made, qtbot):
    page.text.setFocus()
    QTest.keyClicks(page.text, "hjelm 249")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.item_at(0).description == "Hjelm nr 249"
    page.price.setFocus()
    QTest.keyClicks(page.price, "149")
    QTest.keyClick(page.price, Qt.Key.Key_Return)
    item = catalogue.find_item(counter.uow, made[249].barcode)
    assert item.price == 14900 and item.label_reprint
    assert page.model.data(page.model.index(0, page.model.REPRINT)) != ""
    with counter.uow.read() as uow:
        last = list(uow.queries.journal_rows())[-1]
    assert last["event_code"] == 13021 and last["amount"] == 14900
    assert json.loads(last["details"])["old"] == 20249
    press(page.text, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert [j.kind for j in print_queue.jobs(counter.uow, "K1")] == [JobKind.PRICE_TAGS]
    assert item_entry.flagged_labels(counter.uow, "13") == []


def test_a_scan_finds_the_item_and_a_bad_price_changes_nothing(page, counter, made, qtbot):
    page.handle_scan(made[3].barcode)
    assert page.model.rowCount() == 1
    page.price.setFocus()
    QTest.keyClicks(page.price, "-5")
    QTest.keyClick(page.price, Qt.Key.Key_Return)
    assert page.message.text()
    assert catalogue.find_item(counter.uow, made[3].barcode).price == 20003


def test_the_manager_sees_and_sets_a_stock_items_count(page, counter, ctx, qtbot):
    [mug] = item_entry.register_items(counter.uow, ctx, [setup.NewItem(
        "13", "Sykkelslange 28", 14900, VatClass.HIGH, "SYKKEL", ItemKind.STOCK,
        stock_qty=20)])  # fmt: skip
    page.text.setFocus()
    QTest.keyClicks(page.text, "sykkelslange")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.data(page.model.index(0, page.model.STOCK)) == "20"
    assert page.model.data(page.model.index(0, page.model.PRICE)) != ""
    page.counted.setFocus()
    QTest.keyClicks(page.counted, "tolv")
    QTest.keyClick(page.counted, Qt.Key.Key_Return)
    assert page.message.text() and catalogue.find_item(counter.uow, mug.barcode).stock_qty == 20
    page.counted.clear()
    QTest.keyClicks(page.counted, "12")
    press(page.counted, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert catalogue.find_item(counter.uow, mug.barcode).stock_qty == 12
    assert page.model.data(page.model.index(0, page.model.STOCK)) == "12"
    assert "12" in page.message.text()
    with counter.uow.read() as uow:
        sent = uow.store.rows("SELECT payload FROM outbox WHERE type = 'item.stock_counted'")
    assert [json.loads(r["payload"])["counted"] for r in sent] == [12]


def test_a_one_off_has_no_count_to_set(page, counter, made, qtbot):
    page.handle_scan(made[5].barcode)
    assert page.model.data(page.model.index(0, page.model.STOCK)) == ""
    page.counted.setFocus()
    QTest.keyClicks(page.counted, "3")
    QTest.keyClick(page.counted, Qt.Key.Key_Return)
    assert "lagervare" in page.message.text() or "stock item" in page.message.text()
