"""Items registered and prices changed at one counter reach the other counters of the site,
through the live server on a real PostgreSQL: two data directories, two enrolments on one site."""

# ruff: noqa: F811  (the two-counter fixtures are imported from test_ticket_sync)
from __future__ import annotations

import json

import pytest

from pos.counter import Counter
from pos.errors import ItemAlreadySold, UnknownItem
from pos.model.basket import Basket
from pos.model.catalogue import ItemKind, ItemStatus
from pos.model.payment import Tender, TenderKind
from pos.model.repair import RepairStatus
from pos.services import (
    auth,
    catalogue,
    checkout,
    item_entry,
    item_import,
    repair_money,
    repair_status,
    repair_work,
    returns,
    setup,
    sync_state,
    till,
)
from pos.services.context import TillContext
from pos.vat import VatClass
from server import refdata
from tests.integration.repair_helpers import take_in
from tests.sync.conftest import cycle
from tests.sync.test_ticket_sync import counter_b, ctx_b, sync  # noqa: F401  (fixtures)


def bike(description: str = "Rød Tigersykkel 26 tommer", price: int = 45000) -> setup.NewItem:
    return setup.NewItem("11", description, price, VatClass.HIGH, "DIVERSE", ItemKind.ONE_OFF)


def outbox(counter: Counter, kind: str) -> list[dict]:
    """The counter's queued events of ``kind``, less the catalogue its enrolment queued (those
    items name no register)."""
    with counter.uow.read() as uow:
        rows = uow.store.rows("SELECT payload FROM outbox WHERE type = ?", (kind,))
    payloads = [json.loads(r["payload"]) for r in rows]
    return [p for p in payloads if kind != "item.registered" or p.get("register_id")]


def a_items(counter: Counter) -> list:
    with counter.uow.read() as uow:
        return uow.queries.items()


def item(counter: Counter, item_id: str):
    with counter.uow.read() as uow:
        return uow.store.item(item_id)


def manager_at(counter: Counter, register: str, clock) -> TillContext:
    return TillContext(register, auth.authenticate(counter.uow, "9001", "9999"),
                       counter.signer(), clock)  # fmt: skip


def test_an_item_registered_at_a_is_scanned_and_sold_at_b(enrolled, ctx, counter_b, ctx_b, clock):
    a, b = enrolled, counter_b
    (made,) = item_entry.register_items(a.uow, ctx, [bike()])
    assert made.barcode and made.barcode.startswith("211")  # an in-store label, block 1
    assert [p["item_id"] for p in outbox(a, "item.registered")] == [made.id]
    with pytest.raises(UnknownItem):
        catalogue.find_item(b.uow, made.barcode)
    sync(a, b, a)  # A gets its own item back too: unchanged, found once
    found = catalogue.find_item(b.uow, made.barcode)
    assert (found.id, found.price, found.tenant_id) == (made.id, 45000, made.tenant_id)
    assert (found.kind, found.vat_class, found.article_group_id) == (
        ItemKind.ONE_OFF, VatClass.HIGH, "DIVERSE")  # fmt: skip
    assert [i.id for i in catalogue.search_items(b.uow, "tigersykkel")] == [made.id]
    assert [i.id for i in catalogue.search_items(a.uow, "tigersykkel")] == [made.id]
    assert item(a, made.id) == made
    till.open_till(b.uow, manager_at(b, "K2", clock), 100000)
    basket = Basket()
    basket.add(found)
    checkout.complete_sale(b.uow, ctx_b, basket, [Tender(TenderKind.CASH, 45000)])
    assert item(b, made.id).status is ItemStatus.SOLD
    sync(b, a, b)
    assert sync_state.sync_problems(a.uow) == sync_state.sync_problems(b.uow) == []


def test_a_sold_item_pulled_back_stays_sold_here(enrolled, ctx, counter_b, clock):
    a = enrolled
    (made,) = item_entry.register_items(a.uow, ctx, [bike()])  # the demo's till is open
    basket = Basket()
    basket.add(made)
    checkout.complete_sale(a.uow, ctx, basket, [Tender(TenderKind.CASH, 45000)])
    sync(a)  # the registration comes back from the server after the sale
    assert item(a, made.id).status is ItemStatus.SOLD


def test_imported_items_reach_the_other_counter(enrolled, boss, counter_b):
    a, b = enrolled, counter_b
    csv = "Beskrivelse;Pris;MVA;Varegruppe\n" + "".join(
        f"Barnejakke {n};{100 + n},00;25;KLAER\n" for n in range(30)
    )
    preview = item_import.preview(a.uow, "11", csv.encode())
    assert not preview.errors, preview.errors
    made = item_import.confirm(a.uow, boss, preview)
    assert len(outbox(a, "item.registered")) == 30
    sync(a, b)
    for m in made:
        assert m.barcode is not None
        assert catalogue.find_item(b.uow, m.barcode).price == m.price


def test_a_price_change_at_a_reaches_b_and_an_older_one_is_flagged_not_applied(
    enrolled,
    ctx,
    boss,
    counter_b,
    clock,
    central,
):
    a, b = enrolled, counter_b
    (made,) = item_entry.register_items(a.uow, ctx, [bike()])
    sync(a, b)
    clock.advance(minutes=5)
    item_entry.change_price(a.uow, boss, made.id, 39000)
    sent = outbox(a, "item.price_changed")[-1]
    assert (sent["item_id"], sent["old"], sent["new"]) == (made.id, 45000, 39000)
    sync(a, b)
    assert item(b, made.id).price == 39000
    # B's manager prices it at 10:20; A's, offline, at 10:18 but pushed after: A's is stale
    boss_b = manager_at(b, "K2", clock)
    older = manager_at(a, "K1", clock)
    clock.advance(minutes=5)
    item_entry.change_price(b.uow, boss_b, made.id, 35000)
    clock.advance(minutes=-2)
    item_entry.change_price(a.uow, older, made.id, 30000)
    sync(b)
    report = cycle(a).run()
    assert report.drained and report.flagged == 1 and report.rejected == 0
    assert [(p["type"], p["code"]) for p in sync_state.sync_problems(a.uow)] == [
        ("item.price_changed", "price_stale")
    ]
    data = central.scalar(
        "SELECT data FROM ref_current WHERE entity = 'item' AND entity_id = :i", i=made.id
    )
    assert data["price"] == 35000
    sync(b)
    assert item(a, made.id).price == item(b, made.id).price == 35000  # A is put back


def test_a_resend_of_the_whole_outbox_publishes_nothing_twice(enrolled, ctx, counter_b, central):
    a = enrolled
    (made,) = item_entry.register_items(a.uow, ctx, [bike()])
    sync(a)
    changes = "SELECT count(*) FROM ref_changes WHERE entity = 'item' AND entity_id = :i"
    assert central.scalar(changes, i=made.id) == 1
    registered = "SELECT count(*) FROM events WHERE type = 'item.registered'"
    stored, published = central.scalar(registered), central.scalar(
        "SELECT count(*) FROM ref_changes WHERE entity = 'item'"
    )
    assert stored == len(a_items(a))  # the demo catalogue (its enrolment) and the bike
    with a.uow() as uow:  # the acknowledgements were lost: everything goes up again
        uow.sync.set_acked_through(0)
        uow.commit()
    report = cycle(a).run()
    assert report.drained and report.rejected == 0 and report.flagged == 0
    assert central.scalar(changes, i=made.id) == 1
    assert central.scalar(registered) == stored
    assert central.scalar("SELECT count(*) FROM ref_changes WHERE entity = 'item'") == published


def test_a_part_line_skipped_for_an_unknown_item_is_added_once_the_item_arrives(
    enrolled,
    ctx,
    counter_b,
    ctx_b,
    clock,
    central,
):
    a, b = enrolled, counter_b
    # an item A has only locally (registered before counters shared items)
    cable = setup.NewItem("13", "Bremsekabel", 9000, VatClass.HIGH, "DIVERSE", ItemKind.STOCK,
                          stock_qty=10)  # fmt: skip
    (part,) = setup.add_items(a.uow, [cable], clock, register_id="K1")
    ticket = take_in(a, ctx)
    assert part.barcode is not None
    repair_work.add_part(a.uow, ctx, ticket, part.barcode)
    for status in (RepairStatus.DIAGNOSING, RepairStatus.IN_REPAIR, RepairStatus.READY_FOR_PICKUP):
        repair_status.change_status(a.uow, ctx, ticket, status)
    sync(a, b)
    with b.uow.read() as uow:
        assert uow.repairs.lines_elsewhere(a_tenant(a, ticket), ticket) == 1
    with central.admin() as conn:  # the item reaches the server (here: the admin API)
        refdata.put(conn, "item", part.id, part.tenant_id, {"tenant_id": part.tenant_id,
                    "kind": "stock", "description": "Bremsekabel", "price": 9000,
                    "vat_class": "25", "article_group_id": "DIVERSE",
                    "barcode": part.barcode})  # fmt: skip
    sync(b)
    with b.uow.read() as uow:
        assert uow.repairs.lines_elsewhere(a_tenant(a, ticket), ticket) == 0
    basket = Basket()
    till.open_till(b.uow, manager_at(b, "K2", clock), 100000)
    pickup = repair_money.add_pickup_to_basket(b.uow, basket, ticket)
    assert pickup.total >= 9000


def a_tenant(counter: Counter, ticket: str) -> str:
    with counter.uow.read() as uow:
        row = uow.repairs.ticket_row(ticket)
    assert row is not None
    return str(row["tenant_id"])


def test_a_one_off_sold_at_a_is_sold_at_b_after_the_next_pull(
    enrolled, ctx, counter_b, ctx_b, clock
):
    a, b = enrolled, counter_b
    (made,) = item_entry.register_items(a.uow, ctx, [bike()])
    sync(a, b)
    assert item(b, made.id).status is ItemStatus.AVAILABLE
    basket = Basket()
    basket.add(made)
    sale = checkout.complete_sale(a.uow, ctx, basket, [Tender(TenderKind.CARD, 45000)])
    sync(a, b)
    assert item(b, made.id).status is ItemStatus.SOLD
    with pytest.raises(ItemAlreadySold):
        Basket().add(catalogue.find_item(b.uow, made.barcode))
    number = sale.receipts[0].number  # the customer brings it back to A
    (line,) = returns.returnable_lines(a.uow, number)
    returns.complete_return(a.uow, manager_at(a, "K1", clock), number,
                            [returns.ReturnRequest(line.line_id, 1)],
                            [Tender(TenderKind.CARD, 0, "TERM-R")])  # fmt: skip
    sync(a, b)
    assert item(b, made.id).status is ItemStatus.AVAILABLE  # B may sell it again


def test_a_one_off_sold_at_both_counters_is_flagged_for_the_manager(
    enrolled, ctx, counter_b, ctx_b, clock, central
):
    a, b = enrolled, counter_b
    (made,) = item_entry.register_items(a.uow, ctx, [bike()])
    sync(a, b)
    till.open_till(b.uow, manager_at(b, "K2", clock), 100000)
    for counter, at in ((a, ctx), (b, ctx_b)):  # both offline: each sells it
        basket = Basket()
        basket.add(catalogue.find_item(counter.uow, made.barcode))
        checkout.complete_sale(counter.uow, at, basket, [Tender(TenderKind.CARD, 45000)])
    assert cycle(a).run().flagged == 0
    second = cycle(b).run()
    assert second.drained and second.flagged == 1 and second.rejected == 0
    problems = sync_state.sync_problems(b.uow)
    assert [(p["status"], p["code"]) for p in problems] == [("flagged", "one_off_sold_twice")]
    sold = "SELECT count(*) FROM events WHERE type = 'sale.completed' AND payload::text LIKE :i"
    assert central.scalar(sold, i=f"%{made.id}%") == 2  # both sales stored, none refused
    flagged = "SELECT count(*) FROM event_flags WHERE code = 'one_off_sold_twice'"
    assert central.scalar(flagged) == 1
