"""The back office's pages that show what the counters share, in a real browser against a real
PostgreSQL and a counter that really synced: the centre's stock count on the items page."""

from __future__ import annotations

import subprocess
import sys

import pytest

from main import VERSION
from pos.model.basket import Basket
from pos.model.catalogue import ItemKind
from pos.model.payment import Tender, TenderKind
from pos.services import checkout, item_entry, setup, signing_keys
from pos.vat import VatClass
from sync.cycle import SyncCycle
from sync.enrolment import enrol
from tests.central import live_server
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
        assert "På lager" in page.inner_text("main")
