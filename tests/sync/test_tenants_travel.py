"""Tenants travel with the counter: enrolment offers the counter's tenants and the server
registers them for the site, or holds them for the operator when the site says so or when they
clash with what it has; a tenant added later at a counter arrives the same way, in its outbox.
The operator approves with ``omigjen-server admin tenants --approve``, and the tenant's held
sales are released."""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy import text

from main import VERSION
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import checkout, setup, sync_state, tenants
from pos.vat import VatClass
from server import tenant_offers
from sync.enrolment import enrol
from tests.conftest import PROJECT_ROOT
from tests.sync.conftest import cycle, public_keys, sell


def omigjen_admin(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server", "admin", "--database-url", url, *args],
        capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120,
    )  # fmt: skip


def enrol_here(counter, central, server_url, site: str = "Asker"):  # type: ignore[no-untyped-def]
    return enrol(counter.uow, server_url, central.enrolment_code(site), device_name="K1",
                 app_version=VERSION, public_keys=public_keys(counter))  # fmt: skip


def server_tenants(central) -> set[tuple]:  # type: ignore[type-arg]
    with central.admin() as conn:
        found = conn.execute(
            text(
                "SELECT t.id, t.code, t.name, t.org_no, t.vat_registered FROM tenants t "
                "JOIN site_tenants st ON st.tenant_id = t.id"
            )
        )
        return {tuple(r) for r in found}


def test_enrolment_registers_the_counters_tenants_and_its_sales_all_land(
    counter, central, server_url, ctx, shelf
):
    done = enrol_here(counter, central, server_url)
    with counter.uow.read() as uow:
        mine = {(t.id, t.code, t.name, t.org_no, t.vat_registered) for t in uow.store.tenants()}
    assert server_tenants(central) == mine
    assert {o.status for o in done.offered} == {"registered"} and len(done.offered) == len(mine)
    sell(counter, ctx, shelf, 3)
    report = cycle(counter).run()
    assert report.drained and report.rejected == 0
    assert central.scalar("SELECT count(*) FROM quarantine") == 0
    device_id = sync_state.enrolment(counter.uow).device_id
    # re-enrolment (with the code made for this device): the server's copy stands
    code = central.enrolment_code(device_id=device_id)
    again = enrol(counter.uow, server_url, code, device_name="K1", app_version=VERSION,
                  public_keys=public_keys(counter))  # fmt: skip
    assert {o.status for o in again.offered} == {"known"}


def test_a_site_that_holds_new_tenants_keeps_their_sales_until_the_operator_approves(
    counter, central, server_url, ctx, shelf
):
    central.site(approve_tenants=True)
    done = enrol_here(counter, central, server_url)
    assert {(o.status, o.reason) for o in done.offered} == {("pending", "approval")}
    sell(counter, ctx, shelf, 2)  # café (15) sales
    report = cycle(counter).run()
    cafe = next(o.tenant_id for o in done.offered if o.code == "15")
    assert report.rejected >= 2 and report.refused_codes.keys() == {"tenant_pending"}
    assert cafe in report.waiting_tenants
    waiting = omigjen_admin(central.url, "tenants", "--pending")
    assert waiting.returncode == 0 and cafe in waiting.stdout and "approval" in waiting.stdout
    for offered in done.offered:
        approved = omigjen_admin(central.url, "tenants", "--approve", offered.tenant_id)
        assert approved.returncode == 0, approved.stderr
    sales = "SELECT count(*) FROM events WHERE tenant_id = :t AND type = 'sale.completed'"
    assert central.scalar(sales, t=cafe) == 2
    assert central.scalar("SELECT count(*) FROM event_flags") == 0
    sell(counter, ctx, shelf, 1)
    after = cycle(counter).run()
    assert after.drained and after.rejected == 0 and after.full_resync  # its tenants changed


def test_a_tenant_added_later_at_a_counter_is_registered_before_its_first_sale(
    enrolled, central, boss, ctx, shelf
):
    made = tenants.create_tenant(enrolled.uow, boss, code="31", name="Sykkelverkstedet AS",
                                 org_no="987654325", vat_registered=True)  # fmt: skip
    bike = setup.NewItem("31", "Brukt sykkel", 150000, VatClass.HIGH, "DIVERSE", barcode="SYK1")
    setup.add_items(enrolled.uow, [bike], boss.clock)
    basket = Basket()
    basket.add(shelf("SYK1"))
    checkout.complete_sale(enrolled.uow, ctx, basket, [Tender(TenderKind.CARD, 150000)])
    report = cycle(enrolled).run()  # the registration and the sale in one batch
    assert report.drained and report.rejected == 0 and report.flagged == 0
    assert (made.id, "31", "Sykkelverkstedet AS", "987654325", True) in server_tenants(central)
    assert central.scalar("SELECT count(*) FROM events WHERE tenant_id = :t", t=made.id) >= 1


def test_offers_that_clash_wait_and_a_clashing_code_cannot_be_approved(
    counter, central, server_url
):
    central.add_tenant("Asker", "11")  # by hand on the server, with the org.no of the demo's 10
    done = enrol_here(counter, central, server_url)  # the demo centre: its 10 and 11 clash
    clashing = {o.code: o for o in done.offered if o.status == "pending"}
    assert {(o.code, o.reason) for o in clashing.values()} == {
        ("10", "org_no_in_use"),
        ("11", "code_in_use"),
    }
    assert {o.status for o in done.offered} == {"pending", "registered"}
    refused = omigjen_admin(central.url, "tenants", "--approve", clashing["11"].tenant_id)
    assert refused.returncode == 2 and "code_in_use" in refused.stderr
    with counter.uow.read() as uow:
        borrowed = uow.store.tenant_by_code("12")  # registered for Asker
    drammen = central.site("Drammen")
    offered = {"id": borrowed.id, "code": "12", "name": "Småfolk", "org_no": borrowed.org_no}
    with central.admin() as conn:  # the first counter's tenant, offered at another site
        answer = tenant_offers.offer(conn, drammen, None, [offered])
    assert (answer[0]["status"], answer[0]["reason"]) == ("pending", "id_at_other_site")


def test_a_tenant_added_later_waits_like_the_others_where_the_site_holds_them(
    counter, central, server_url, boss, ctx, shelf
):
    central.site(approve_tenants=True)
    for offered in enrol_here(counter, central, server_url).offered:
        central.decide_tenant(offered.tenant_id)
    made = tenants.create_tenant(counter.uow, boss, code="31", name="Sykkelverkstedet AS",
                                 org_no="987654325", vat_registered=True)  # fmt: skip
    bike = setup.NewItem("31", "Brukt sykkel", 150000, VatClass.HIGH, "DIVERSE", barcode="SYK1")
    setup.add_items(counter.uow, [bike], boss.clock)
    basket = Basket()
    basket.add(shelf("SYK1"))
    checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CARD, 150000)])
    report = cycle(counter).run()
    assert report.waiting_tenants == {made.id} and report.refused_codes["tenant_pending"] == 1
    assert report.flagged == 1  # the registration itself: tenant_pending
    central.decide_tenant(made.id)
    assert central.scalar("SELECT count(*) FROM events WHERE tenant_id = :t", t=made.id) == 1
