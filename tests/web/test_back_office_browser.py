"""The back office in a real browser against a real PostgreSQL and a counter that really
synced: a simulated day of sales, returns and discounts, the Z report of every tenant and two
settlements, pushed by the counter's own sync cycle. The manager and two tenants sign in;
every figure equals the counters' Z reports and settlements to the øre; tenant B's pages,
addresses and downloads show nothing of tenant A's."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import datetime

import pytest

from main import VERSION
from pos.clock import OSLO, SteppingClock
from pos.model.repair import RepairStatus
from pos.model.reports import DrawerReport
from pos.services import reports, settlement, signing_keys
from sync.cycle import SyncCycle
from sync.enrolment import enrol
from sync.settlements import settler_for
from tests.central import live_server
from tests.day_end.helpers import Days, evening, manager_ctx
from tests.web.browser import DESKTOP, PHONE, browser, need_chromium, ore, shot, sign_in

pytestmark = pytest.mark.slow
DAY = datetime(2026, 3, 2, 10, 0, tzinfo=OSLO)
PASSWORD = "korrekt hest batteri"


def _cli(url: str, *args: str, password: str = PASSWORD) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "server", "admin", "--database-url", url, *args],
        input=password + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.strip()


@pytest.fixture
def clock() -> SteppingClock:
    """The demo centre is set up in the morning of the day the counter is used."""
    return SteppingClock(DAY.replace(hour=8))


@pytest.fixture
def synced(counter, central):
    """The demo counter after one day of use, its Z reports and two settlements synced (its
    tenants travel with it at enrolment)."""
    with live_server(central) as url:
        enrol(
            counter.uow,
            url,
            central.enrolment_code(),
            device_name="K1",
            app_version=VERSION,
            public_keys=signing_keys.public_keys(counter.keys),
        )
        Days(counter, DAY, seed=7).run(DAY, 60)
        boss = manager_ctx(counter, evening(DAY))
        zs = reports.z_reports(counter.uow, boss, DAY.date().isoformat())
        day = DAY.date().isoformat()
        sync_first = SyncCycle(counter.uow, app_version=VERSION, keys=counter.keys).run
        docs = {  # the centre's settlements: the server makes them once the day is synced
            code: settlement.make_settlement(
                counter.uow, boss, code, day, day, centre=settler_for(counter.uow, sync_first)
            )
            for code in ("11", "13")
        }
        SyncCycle(counter.uow, app_version=VERSION, keys=counter.keys).run()
        yield url, {z.company_name: z for z in zs}, docs


def _tenant(central, code: str) -> str:
    return str(central.scalar("SELECT id FROM tenants WHERE code = :c", c=code))


def _check_figures(page, z: DrawerReport) -> None:
    assert ore(page, "[data-figure=sales]") == z.sales.amount
    assert ore(page, "[data-figure=returns]") == z.returns.amount
    assert ore(page, "[data-figure=discounts]") == z.discounts.amount
    assert ore(page, "[data-figure=net]") == z.total_cash_sales
    for line in z.vat:
        if line.base or line.vat:
            row = f"#live [data-table=vat] tr[data-vat='{line.vat_class}']"
            assert ore(page, row) == line.vat
            assert int(page.get_attribute(row, "data-base")) == line.base
    shown = {}
    for row in page.query_selector_all("#live [data-table=payments] tbody tr[data-means]"):
        means = row.get_attribute("data-means")
        key = (means.removesuffix("-out"), means.endswith("-out"))
        shown[key] = int(row.get_attribute("data-ore"))
    assert shown == {(p.code, p.amount < 0): p.amount for p in z.payments if p.amount or p.num}


def test_manager_and_two_tenants_see_the_counters_own_figures_and_nothing_else(synced, central):
    need_chromium()
    url, zs, docs = synced
    base = url
    _cli(central.url, "add-web-user", "--login", "leder", "--name", "Kari Leder", "--site", "Asker")
    bua, sykkel = _tenant(central, "11"), _tenant(central, "13")
    _cli(central.url, "add-web-user", "--login", "bua", "--name", "Bua", "--tenant", bua)
    day = DAY.date().isoformat()
    with browser(DESKTOP) as context:
        page = context.new_page()
        sign_in(page, base, "leder", PASSWORD)
        page.goto(f"{base}/takings?from={day}&to={day}")
        total = sum(z.total_cash_sales for z in zs.values())
        assert ore(page, "[data-figure=net]") == total
        shot(page, "manager-takings-desktop")
        for name, z in zs.items():
            page.goto(f"{base}/takings?from={day}&to={day}")
            page.click(f"text={name}")
            page.wait_for_load_state("networkidle")
            _check_figures(page, z)
        page.goto(f"{base}/day-end?date={day}")
        for z in zs.values():
            tenant_code = z.company_name
            cells = page.query_selector_all("[data-z-ore]")
            assert str(z.total_cash_sales) in {c.get_attribute("data-z-ore") for c in cells}, (
                tenant_code
            )
        assert page.locator("text=Ingen Z").count() == 0
        shot(page, "manager-day-end-desktop")
        page.goto(f"{base}/settlements?from={day}&to={day}")
        shot(page, "manager-settlements-desktop")
        for doc in docs.values():
            row = page.locator(f"tr[data-settlement='{doc.number_text}']")
            with page.expect_download() as got:
                row.locator("text=CSV").click()
            text = open(got.value.path(), encoding="utf-8-sig").read()
            last = list(csv.reader(io.StringIO(text), delimiter=";"))[-1]
            assert last[-1] == "net_payable" and last[11].replace(",", "") == str(doc.net_payable)
            with page.expect_download() as got:
                row.locator("text=PDF").click()
            assert open(got.value.path(), "rb").read(5) == b"%PDF-"
        page.goto(f"{base}/users")
        page.fill("input[name=login]", "sykkel")
        page.fill("input[name=name]", "Sykkelfikseren")
        page.select_option("select[name=tenant]", sykkel)
        page.fill("input[name=password]", PASSWORD)
        page.fill("input[name=again]", PASSWORD)
        page.click("form[action='/users'] button[type=submit]")
        assert page.locator("tr[data-login=sykkel]").count() == 1
        page.goto(f"{base}/repairs?alle=1")  # every job, in the counter's own words
        shown = {b.inner_text() for b in page.query_selector_all("tr[data-ticket] .badge")}
        assert shown and shown <= {s.label_nb for s in RepairStatus}, shown
    secret_doc = docs["13"]
    with browser(PHONE) as context:
        page = context.new_page()
        sign_in(page, base, "bua", PASSWORD)
        page.goto(f"{base}/takings?from={day}&to={day}")
        _check_figures(page, next(z for n, z in zs.items() if z.org_no == docs["11"].org_no))
        shot(page, "tenant-takings-phone")
        foreign = [
            f"/tenants/{sykkel}/takings?from={day}&to={day}",
            f"/tenants/{sykkel}/receipts?from={day}&to={day}",
            f"/saft/file?tenant={sykkel}&from={day}&to={day}",
        ]
        for path in foreign:
            answer = page.goto(base + path)
            assert answer.status == 404, path
            assert "Sykkelfikseren" not in page.content()
        event_id = central.scalar(
            "SELECT event_id::text FROM events WHERE type = 'settlement.made' AND tenant_id = :t",
            t=sykkel,
        )
        for suffix in (".pdf", ".csv"):
            answer = page.goto(f"{base}/settlements/{event_id}{suffix}")
            assert answer.status == 404
        page.goto(f"{base}/settlements?from={day}&to={day}")
        assert secret_doc.number_text not in page.content()
        assert docs["11"].number_text in page.content()
        shot(page, "tenant-settlements-phone")
        for path in ("/items", "/repairs", "/day-end?date=" + day):
            page.goto(base + path)
            assert "Sykkelfikseren" not in page.content()
        page.goto(f"{base}/items")
        shot(page, "tenant-items-phone")
    with browser(PHONE) as context:
        page = context.new_page()
        sign_in(page, base, "sykkel", PASSWORD)
        page.goto(f"{base}/takings?from={day}&to={day}")
        _check_figures(page, next(z for z in zs.values() if z.org_no == secret_doc.org_no))
        assert "Bua" not in page.inner_text("main")
