"""Stock is the centre's, against a real PostgreSQL and two counters: an item registered with 20
on the shelf at one counter is one count for both; each counter's sales (and returns) come off
it on the server, every counter pulls the centre's count (less its own sales not yet sent),
and a sale below zero is kept, with a warning at the counter. The issue's case: 20 in, 34
sold across two counters, -14 everywhere (not 20-17 = 3 at each). A manager's count from the
shelf at either counter becomes the centre's count; the sales made before it are in it."""

# ruff: noqa: F811  (the two-counter fixtures are imported from test_ticket_sync)
from __future__ import annotations

import pytest

from pos.counter import Counter
from pos.model.basket import Basket
from pos.model.catalogue import Item, ItemKind
from pos.model.payment import Tender, TenderKind
from pos.services import (
    auth,
    catalogue,
    checkout,
    item_entry,
    reference_pull,
    returns,
    setup,
    till,
)
from pos.services.context import TillContext
from pos.vat import VatClass
from tests.sync.conftest import cycle
from tests.sync.test_ticket_sync import counter_b, sync  # noqa: F401  (fixtures)

PRICE = 4900


@pytest.fixture
def open_b(counter_b, clock) -> TillContext:
    manager = TillContext("K2", auth.authenticate(counter_b.uow, "9001", "9999"),
                          counter_b.signer(), clock)  # fmt: skip
    till.open_till(counter_b.uow, manager, 50000)
    return TillContext("K2", auth.authenticate(counter_b.uow, "1001", "1234"),
                       counter_b.signer(), clock)  # fmt: skip


def mugs(counter: Counter, ctx: TillContext) -> Item:
    """20 coffee mugs on the shelf, registered at this counter (EAN of their own)."""
    mug = setup.NewItem("11", "Kaffekopp, hvit", PRICE, VatClass.HIGH, "DIVERSE", ItemKind.STOCK,
                        barcode="7038010000010", stock_qty=20)  # fmt: skip
    [item] = item_entry.register_items(counter.uow, ctx, [mug])
    return item


def sell(counter: Counter, ctx: TillContext, item_code: str, qty: int):  # type: ignore[no-untyped-def]
    basket = Basket()
    basket.add(catalogue.find_item(counter.uow, item_code), qty)
    return checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CARD, PRICE * qty)])


def count(counter: Counter, item_id: str) -> int | None:
    with counter.uow.read() as uow:
        found = uow.store.item(item_id)
    return None if found is None else found.stock_qty


def on_server(central, item_id: str) -> int:
    return int(central.scalar(
        "SELECT (data->>'stock_qty')::int FROM ref_current WHERE entity = 'item' "
        "AND entity_id = :i", i=item_id))  # fmt: skip


def test_twenty_in_and_thirty_four_sold_at_two_counters_is_minus_fourteen_everywhere(
    enrolled, ctx, counter_b, open_b, central
):
    a, b = enrolled, counter_b
    item = mugs(a, ctx)
    sync(a, b)
    assert count(b, item.id) == 20
    sell(a, ctx, item.barcode, 17)
    sell(b, open_b, item.barcode, 10)
    assert (count(a, item.id), count(b, item.id)) == (3, 10)  # each knows its own so far
    sync(a, b)
    assert on_server(central, item.id) == -7
    assert count(b, item.id) == -7
    sell(b, open_b, item.barcode, 7)  # B sells on before A has pulled
    cycle(a).run()
    assert count(a, item.id) == -7
    sync(b, a)
    assert on_server(central, item.id) == count(a, item.id) == count(b, item.id) == -14
    assert central.scalar("SELECT count(*) FROM event_flags") == 0  # below zero: not a fault


def test_a_count_pulled_while_a_sale_here_is_unsent_leaves_that_sale_off(
    enrolled, ctx, counter_b, open_b, central
):
    a, b = enrolled, counter_b
    item = mugs(a, ctx)
    sync(a, b)
    sell(a, ctx, item.barcode, 5)
    cycle(a).run()
    sell(b, open_b, item.barcode, 2)
    report = cycle(b).run()  # B sends its sale and pulls the centre's count
    assert report.drained and count(b, item.id) == 13
    sell(b, open_b, item.barcode, 1)  # not sent yet when the server's count comes again...
    reference_pull.apply_page(b.uow, _item_change(central, item.id), "again")
    assert on_server(central, item.id) == 13 and count(b, item.id) == 12  # ...so it stays off


def test_a_return_puts_it_back_for_the_centre(enrolled, ctx, counter_b, open_b, central):
    a, b = enrolled, counter_b
    item = mugs(a, ctx)
    sync(a, b)
    sale = sell(b, open_b, item.barcode, 3)
    boss = auth.authenticate(b.uow, "9001", "9999")
    [line] = returns.returnable_lines(b.uow, sale.receipts[0].number)
    returns.complete_return(b.uow, open_b, sale.receipts[0].number,
                            [returns.ReturnRequest(line.line_id, 1)],
                            [Tender(TenderKind.CARD, PRICE)], approver=boss)  # fmt: skip
    sync(b, a)
    assert on_server(central, item.id) == count(a, item.id) == count(b, item.id) == 18


def test_a_count_from_the_shelf_at_one_counter_is_the_centres_count(
    enrolled, ctx, counter_b, open_b, central, clock
):
    a, b = enrolled, counter_b
    item = mugs(a, ctx)
    sync(a, b)
    sell(a, ctx, item.barcode, 5)  # made before the count, sent after it
    clock.advance(minutes=1)
    manager_b = TillContext("K2", auth.authenticate(b.uow, "9001", "9999"), b.signer(), clock)
    assert item_entry.count_stock(b.uow, manager_b, item.id, 12).stock_qty == 12
    sync(b)
    assert on_server(central, item.id) == 12
    clock.advance(minutes=1)
    sell(b, open_b, item.barcode, 2)  # after the count: comes off
    sync(a, b, a)
    assert on_server(central, item.id) == count(a, item.id) == count(b, item.id) == 10
    assert central.scalar("SELECT count(*) FROM event_flags") == 0


def test_a_count_not_yet_sent_stands_when_an_older_centre_count_is_pulled(
    enrolled, ctx, counter_b, open_b, central, clock
):
    a, b = enrolled, counter_b
    item = mugs(a, ctx)
    sync(a, b)
    manager_b = TillContext("K2", auth.authenticate(b.uow, "9001", "9999"), b.signer(), clock)
    sell(b, open_b, item.barcode, 1)  # before the count: in it
    item_entry.count_stock(b.uow, manager_b, item.id, 12)
    sell(b, open_b, item.barcode, 2)  # after the count: comes off it
    cursor = str(reference_pull.pull_cursor(b.uow))  # the page again, at the same cursor
    reference_pull.apply_page(b.uow, _item_change(central, item.id), cursor)  # still 20 there
    assert on_server(central, item.id) == 20 and count(b, item.id) == 10
    sync(b, a)
    assert on_server(central, item.id) == count(a, item.id) == count(b, item.id) == 10


def test_a_count_of_an_item_that_is_not_stock_is_refused_and_nothing_is_queued(
    enrolled, ctx
):
    from pos.errors import NotAStockItem, PermissionDenied

    [chair] = item_entry.register_items(enrolled.uow, ctx, [setup.NewItem(
        "11", "Stol", 25000, VatClass.HIGH, "DIVERSE", ItemKind.ONE_OFF)])  # fmt: skip
    item = mugs(enrolled, ctx)
    with enrolled.uow.read() as uow:
        queued = uow.queries.count("outbox")
    boss = TillContext("K1", auth.authenticate(enrolled.uow, "9001", "9999"), enrolled.signer(),
                       ctx.clock)  # fmt: skip
    with pytest.raises(NotAStockItem):
        item_entry.count_stock(enrolled.uow, boss, chair.id, 3)
    with pytest.raises(PermissionDenied):  # a cashier does not set stock
        item_entry.count_stock(enrolled.uow, ctx, item.id, 3)
    with enrolled.uow.read() as uow:
        assert uow.queries.count("outbox") == queued
    assert count(enrolled, item.id) == 20


def _item_change(central, item_id: str) -> list[dict]:
    data = central.scalar("SELECT data FROM ref_current WHERE entity = 'item' AND entity_id = :i",
                          i=item_id)  # fmt: skip
    version = central.scalar("SELECT change_seq FROM ref_current WHERE entity = 'item' "
                             "AND entity_id = :i", i=item_id)  # fmt: skip
    return [{"entity": "item", "op": "upsert", "id": item_id, "tenant_id": data["tenant_id"],
             "version": version, "data": data}]  # fmt: skip
