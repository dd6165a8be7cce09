"""The back office's pages that show what the counters share, in a real browser against a real
PostgreSQL and a counter that really synced: the centre's stock count on the items page; a
repair job's cash deposit on the takings pages, and its age on the repair board counted by the
server's clock when the counter's runs two days ahead."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta

import pytest

from main import VERSION
from pos.clock import OSLO
from pos.model.basket import Basket
from pos.model.catalogue import ItemKind
from pos.model.payment import Tender, TenderKind
from pos.services import checkout, item_entry, setup, signing_keys
from pos.vat import VatClass
from sync.cycle import SyncCycle
from sync.enrolment import enrol
from tests.central import live_server
from tests.integration.repair_helpers import ready_job
from tests.web.browser import DESKTOP, browser, need_chromium, sign_in

pytestmark = pytest.mark.slow
PASSWORD = "korrekt hest batteri"


def add_manager(central) -> None:  # type: ignore[no-untyped-def]
    subprocess.run(
        [sys.executable, "-m", "server", "admin", "--database-url", central.url, "add-web-user",
         "--login", "leder", "--name", "Kari Leder", "--site", "Asker"],
        input=PASSWORD + "\n", capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip


@pytest.fixture
def synced(counter, central):  # type: ignore[no-untyped-def]
    with live_server(central) as url:
        enrol(counter.uow, url, central.enrolment_code(), device_name="K1",
              app_version=VERSION, public_keys=signing_keys.public_keys(counter.keys))  # fmt: skip
        yield url


def test_the_items_page_shows_the_centres_count_set_at_the_counter(
    synced, counter, ctx, boss, central
):
    need_chromium()
    new = setup.NewItem("11", "Kaffekopp, hvit", 4900, VatClass.HIGH, "DIVERSE", ItemKind.STOCK,
                        stock_qty=20)  # fmt: skip
    [mug] = item_entry.register_items(counter.uow, ctx, [new])
    item_entry.count_stock(counter.uow, boss, mug.id, 12)
    basket = Basket()
    basket.add(mug, 3)
    checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CARD, 3 * 4900)])
    SyncCycle(counter.uow, app_version=VERSION, keys=counter.keys).run()
    add_manager(central)
    with browser(DESKTOP) as context:
        page = context.new_page()
        sign_in(page, synced, "leder", PASSWORD)
        page.goto(f"{synced}/items?q=Kaffekopp")
        row = f"tr[data-item='{mug.id}']"
        assert page.get_attribute(f"{row} [data-stock]", "data-stock") == "9"
        assert "9" in page.inner_text(f"{row} [data-stock]")
        # the count is read here and set at a counter: the page says where, before the table
        assert page.title() == "Varer · Omigjen"
        note = page.inner_text("[data-stock-note]")
        assert page.is_visible("[data-stock-note]")
        assert "settes ikke her" in note and "Varer og priser → Sett antall" in note
        forms = page.query_selector_all("main form")
        assert [f.get_attribute("method") for f in forms] == ["get"]  # the search only
        assert page.query_selector_all("main input:not([type=search])") == []
        context.add_cookies([{"name": "omigjen_lang", "value": "en", "url": synced}])
        page.goto(f"{synced}/items?q=Kaffekopp")
        assert "Items and prices → Set stock" in page.inner_text("[data-stock-note]")


def test_a_repair_deposit_shows_on_the_takings_and_the_jobs_age_is_the_servers(
    synced, counter, ctx, clock, central
):
    need_chromium()
    clock.current = datetime.now(OSLO) + timedelta(days=2, hours=1)  # the PC's clock is ahead
    ticket = ready_job(counter, ctx)  # a 200 kr cash deposit
    SyncCycle(counter.uow, app_version=VERSION, keys=counter.keys).run()
    add_manager(central)
    day = clock.current.date().isoformat()  # the receipts' own date
    workshop = str(central.scalar("SELECT id FROM tenants WHERE code = '13'"))
    with browser(DESKTOP) as context:
        page = context.new_page()
        sign_in(page, synced, "leder", PASSWORD)
        page.goto(f"{synced}/repairs")
        row = f"tr[data-ticket='{ticket}']"
        assert page.get_attribute(f"{row} [data-age]", "data-age") == "0"  # not "-2 dager"
        received = page.inner_text(f"{row} [data-received]")
        assert received.startswith(datetime.now(OSLO).strftime("%d.%m.%Y "))  # the server's
        assert "serverens klokke" in page.inner_text("[data-clock-note]")
        for path in (f"/tenants/{workshop}/takings", "/takings"):
            page.goto(f"{synced}{path}?from={day}&to={day}")
            deposits = "[data-table=deposits]"
            assert page.get_attribute(f"{deposits} tr[data-means=cash]", "data-ore") == "20000"
            assert page.get_attribute(f"{deposits} [data-deposits-ore]",
                                      "data-deposits-ore") == "20000"  # fmt: skip
            # not takings: the sales figures hold no deposit
            payments = page.query_selector_all("[data-table=payments] tr[data-means]")
            assert all(p.get_attribute("data-ore") != "20000" for p in payments)
        page.goto(f"{synced}/day-end?date={day}")
        assert "kassens egen tid" in page.inner_text("[data-clock-note]")
