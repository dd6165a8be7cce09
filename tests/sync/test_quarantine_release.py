"""Quarantined events come back once their cause is fixed: a counter sells for a tenant the
server does not serve at its site, the events are quarantined and acked; the operator lists
them, adds the tenant and releases them with ``server-admin quarantine``. They are stored once,
in device-seq order, verified as if just pushed; a second release (even a concurrent one) and
a resend from the counter add nothing."""

from __future__ import annotations

import subprocess
import sys
import threading

from main import VERSION
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import checkout
from server import quarantine, tenant_offers
from sync.enrolment import enrol
from tests.conftest import PROJECT_ROOT
from tests.sync.conftest import cycle, public_keys


def server_admin(url: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "server", "admin", "--database-url", url, *args],
        capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def sell_for_bua(counter, ctx, shelf, n: int, first: int = 1) -> None:
    for number in range(first, first + n):
        basket = Basket()
        basket.add(shelf.one_off("11", number))
        checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CASH, 100000)])


def bua_held(counter, central, server_url) -> str:
    """The counter enrolled at a site that holds new tenants for the operator, who approves
    all but Bua (code 11): Bua's sales will wait."""
    central.site(approve_tenants=True)
    enrol(counter.uow, server_url, central.enrolment_code(), device_name="K1",
          app_version=VERSION, public_keys=public_keys(counter))  # fmt: skip
    with counter.uow.read() as uow:
        tenants, bua = uow.store.tenants(), uow.store.tenant_by_code("11")
    for tenant in tenants:
        if tenant.id != bua.id:
            central.decide_tenant(tenant.id)
    return str(bua.id)


def bua_items(counter) -> int:
    """Bua's items, which the enrolment queued for the site's other counters: they wait with
    Bua's sales."""
    with counter.uow.read() as uow:
        bua = uow.store.tenant_by_code("11")
        return sum(1 for item in uow.queries.items() if item.tenant_id == bua.id)


def test_events_of_a_tenant_added_later_are_released_once_in_device_order(
    counter, central, server_url, ctx, shelf
):
    bua = bua_held(counter, central, server_url)
    held = 4 + bua_items(counter)  # 4 sales and the items registered before them
    sell_for_bua(counter, ctx, shelf, 4)
    report = cycle(counter).run()
    assert report.drained and report.rejected == held and report.waiting_tenants == {bua}
    listed = server_admin(central.url, "quarantine", "list", "--code", "tenant_pending")
    assert f"\ttenant_pending\t{held}\t" in listed and "sale.completed" in listed
    assert central.scalar("SELECT count(*) FROM events WHERE tenant_id = :t", t=bua) == 0
    waiting = server_admin(central.url, "tenants", "--pending")
    assert bua in waiting and "Asker" in waiting and "approval" in waiting

    approved = server_admin(central.url, "tenants", "--approve", bua)
    assert f"approved tenant {bua}; released {held} of its quarantined events" in approved
    seqs = central.scalar(
        "SELECT array_agg(device_seq ORDER BY id) FROM events WHERE tenant_id = :t", t=bua
    )
    assert len(seqs) == held and seqs == sorted(seqs)
    assert central.scalar("SELECT count(*) FROM event_flags") == 0  # the chain verifies
    assert "released 0 events" in server_admin(central.url, "quarantine", "release")
    assert "no tenants are waiting" in server_admin(central.url, "tenants", "--pending")
    assert "no events are quarantined" in server_admin(central.url, "quarantine", "list")

    sell_for_bua(counter, ctx, shelf, 1, first=5)  # the counter goes on: its next receipt follows
    assert cycle(counter).run().flagged == 0
    assert central.scalar("SELECT count(*) FROM events WHERE tenant_id = :t", t=bua) == held + 1


def test_two_releases_at_once_store_each_event_once(counter, central, server_url, ctx, shelf):
    bua = bua_held(counter, central, server_url)
    held = 6 + bua_items(counter)
    sell_for_bua(counter, ctx, shelf, 6)
    cycle(counter).run()
    with central.admin() as conn:  # approved, but not yet released
        tenant_offers.decide(conn, bua, approve=True)
    results: list[quarantine.Released] = []
    threads = [
        threading.Thread(
            target=lambda: results.append(
                quarantine.release(central.engine, quarantine.Filter(tenant_id=bua))
            )
        )
        for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(r.stored for r in results) == [0, held]
    assert central.scalar("SELECT count(*) FROM events WHERE tenant_id = :t", t=bua) == held
    assert central.scalar("SELECT count(*) FROM quarantine_releases") == held


def test_a_release_takes_only_the_code_and_device_it_names(
    counter, central, server_url, ctx, shelf
):
    bua = bua_held(counter, central, server_url)
    held = 3 + bua_items(counter)
    sell_for_bua(counter, ctx, shelf, 3)
    cycle(counter).run()
    with central.admin() as conn:  # approved, but not yet released
        tenant_offers.decide(conn, bua, approve=True)
    device = central.scalar("SELECT device_id FROM quarantine LIMIT 1")
    elsewhere = ["--device", "c0ffee00-0000-4000-8000-000000000000"]
    not_k9 = ["--code", "tenant_pending", "--device", "K9"]
    for other in (elsewhere, ["--code", "malformed"], not_k9):
        assert "released 0 events" in server_admin(central.url, "quarantine", "release", *other)
    assert central.scalar("SELECT count(*) FROM events WHERE tenant_id = :t", t=bua) == 0
    listed = server_admin(central.url, "quarantine", "list", "--device", device)
    assert f"{device}\ttenant_pending\t{held}\t" in listed
    done = server_admin(central.url, "quarantine", "release", "--code", "tenant_pending",
                        "--device", device)  # fmt: skip
    assert f"released {held} events ({held} stored, 0 already on the server)" in done
    assert central.scalar("SELECT count(*) FROM events WHERE tenant_id = :t", t=bua) == held
