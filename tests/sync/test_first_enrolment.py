"""A counter's first enrolment sends its catalogue: items it registered (and re-priced or
counted) before it was enrolled are sent once, so the sync page shows no problem about them."""

from __future__ import annotations

from main import VERSION
from pos.model.basket import Basket
from pos.model.catalogue import ItemKind
from pos.model.payment import Tender, TenderKind
from pos.services import checkout, item_entry, setup, sync_state
from pos.vat import VatClass
from sync.enrolment import enrol
from tests.sync.conftest import cycle, public_keys


def test_items_registered_before_the_first_enrolment_raise_no_problem(
    counter, ctx, boss, central, server_url
):
    chairs = item_entry.register_items(counter.uow, ctx, [setup.NewItem(
        "11", "Stol", 25000, VatClass.HIGH, "DIVERSE", ItemKind.ONE_OFF)] * 3)  # fmt: skip
    basket = Basket()
    basket.add(chairs[0])
    checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CASH, 25000)])
    item_entry.change_price(counter.uow, boss, chairs[1].id, 19900)
    coffee = next(i for i in item_entry.list_items(counter.uow, chairs[0].tenant_id, "")
                  if i.kind is ItemKind.ONE_OFF and i.id not in {c.id for c in chairs})  # fmt: skip
    item_entry.change_price(counter.uow, boss, coffee.id, 30000)  # a demo item, never queued
    enrol(counter.uow, server_url, central.enrolment_code(), device_name="K1",
          app_version=VERSION, public_keys=public_keys(counter))  # fmt: skip
    report = cycle(counter).run()
    assert report.drained and report.flagged == 0, sync_state.sync_problems(counter.uow)
    assert sync_state.sync_problems(counter.uow) == []
    assert central.scalar("SELECT count(*) FROM event_flags") == 0
    def held(item_id: str) -> str:
        return str(central.scalar("SELECT (data->>'status') || ' ' || (data->>'price') FROM "
                                  "ref_current WHERE entity_id = :i", i=item_id))  # fmt: skip

    assert held(chairs[0].id) == "sold 25000"
    assert held(chairs[1].id) == "available 19900"
    assert held(coffee.id).endswith(" 30000")


def test_a_clash_with_its_own_item_leaves_the_list_once_the_server_has_that_item(
    enrolled, ctx
):
    [chair] = item_entry.register_items(enrolled.uow, ctx, [setup.NewItem(
        "11", "Stol", 25000, VatClass.HIGH, "DIVERSE", ItemKind.ONE_OFF)])  # fmt: skip
    with enrolled.uow() as uow:  # queued again as it is now (as a first enrolment once did)
        again = setup.registered_payload(chair, None) | {"status": "sold"}
        uow.store.append_outbox_many([("item.registered", chair.tenant_id, again)],
                                     ctx.stamp())  # fmt: skip
        uow.commit()
    report = cycle(enrolled).run()
    assert report.flagged == 1  # the server took it as a clash (item_exists)...
    assert sync_state.sync_problems(enrolled.uow) == []  # ...with this counter's own item
