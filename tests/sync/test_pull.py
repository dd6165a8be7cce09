"""Pulling reference data: pages applied with their cursor, tombstones, and a full resync
into staging tables when the server says the cursor is dead (410)."""

from __future__ import annotations

import base64
import json

from pos.adapters.reference_projection import BULK_ITEMS
from pos.services import reference_pull, sync_state
from pos.services.catalogue import find_item, search_items
from server import admin_ops, refdata
from tests.sync.conftest import cycle

ITEM = {
    "kind": "stock",
    "description": "Termokopp",
    "price": 12900,
    "vat_class": "25",
    "article_group_id": "DIVERSE",
    "barcode": "TERMO-KOPP",
    "status": "available",
}


def put_item(central, tenant_id, item_id="srv-item-1", **changes):
    with central.admin() as conn:
        refdata.put(conn, "item", item_id, tenant_id, ITEM | {"tenant_id": tenant_id} | changes)


def tenant(counter, code):
    with counter.uow.read() as uow:
        return uow.store.tenant_by_code(code)


def test_pulled_items_and_prices_reach_the_till(enrolled, central):
    cafe = tenant(enrolled, "15")
    put_item(central, cafe.id)
    with central.admin() as conn:
        refdata.put(conn, "vat_rate", "25", None, {"rate_bp": 2500})
    report = cycle(enrolled).run()
    assert report.pulled >= 3  # tenants, the item, the VAT rate
    assert find_item(enrolled.uow, "TERMO-KOPP").price == 12900
    with central.admin() as conn:
        admin_ops.set_item_price(conn, "srv-item-1", 9900)
    assert cycle(enrolled).run().pulled == 1
    assert find_item(enrolled.uow, "TERMO-KOPP").price == 9900
    assert reference_pull.reference_rows(enrolled.uow, "vat_rate")[0]["data"] == {"rate_bp": 2500}


def test_a_page_re_applied_after_a_crash_changes_nothing(enrolled, central):
    put_item(central, tenant(enrolled, "15").id)
    runner = cycle(enrolled)
    page = runner.api.get_json("/v1/sync/pull", {"limit": 1000})
    reference_pull.apply_page(enrolled.uow, page["changes"], page["cursor"])
    reference_pull.apply_page(enrolled.uow, page["changes"], page["cursor"])
    assert reference_pull.pull_cursor(enrolled.uow) == page["cursor"]
    assert find_item(enrolled.uow, "TERMO-KOPP").price == 12900


def cursor_at(version: int, like: str) -> str:
    """A cursor at ``version`` for the same tenants as ``like``."""
    fields = json.loads(base64.urlsafe_b64decode(like + "=" * (-len(like) % 4)))
    return (
        base64.urlsafe_b64encode(
            json.dumps({**fields, "v": version}, separators=(",", ":")).encode()
        )
        .decode()
        .rstrip("=")
    )


def test_a_dead_cursor_gives_410_and_a_full_resync_retires_what_the_server_dropped(
    enrolled, central
):
    cafe = tenant(enrolled, "15")
    put_item(central, cafe.id, "srv-item-1")
    put_item(central, cafe.id, "srv-item-2", barcode="KOPP-TO", description="Kopp")
    cycle(enrolled).run()
    old_cursor = reference_pull.pull_cursor(enrolled.uow)
    with central.admin() as conn:
        refdata.delete(conn, "item", "srv-item-2")
        refdata.compact(conn, keep_tombstone_days=-1)  # the tombstone is gone from the log
    runner = cycle(enrolled)
    report = runner.run()
    assert report.full_resync
    assert old_cursor is not None and reference_pull.pull_cursor(enrolled.uow) == cursor_at(
        central.scalar("SELECT max(change_seq) FROM ref_changes"), old_cursor
    )  # the resync read up to the newest change left after the compaction
    assert reference_pull.pull_cursor(enrolled.uow, staging=True) is None
    with enrolled.uow.read() as uow:
        status = {i: uow.store.item(i).status.value for i in ("srv-item-1", "srv-item-2")}
    assert status == {"srv-item-1": "available", "srv-item-2": "inactive"}
    pulled = {r["id"] for r in reference_pull.reference_rows(enrolled.uow, "item")}
    assert "srv-item-1" in pulled and "srv-item-2" not in pulled


def test_a_change_of_the_sites_tenants_expires_the_cursor(enrolled, central):
    cycle(enrolled).run()
    central.add_tenant("Asker", "16", "Ny Leietaker AS")
    report = cycle(enrolled).run()
    assert report.full_resync
    assert tenant(enrolled, "16") is not None


def test_a_reference_row_the_till_cannot_take_is_listed_as_a_problem(enrolled, central):
    put_item(central, tenant(enrolled, "15").id, article_group_id="NO-SUCH-GROUP")
    report = cycle(enrolled).run()
    assert report.refused == 1
    problems = sync_state.sync_problems(enrolled.uow)
    assert problems[0]["code"] == "reference_conflict"


def test_a_large_page_of_items_keeps_the_search_index_exact(counter):
    """Big pages update the FTS index in bulk (triggers set aside): same result as per row."""
    cafe = tenant(counter, "15")

    def item(item_id, description, barcode, version):
        data = ITEM | {"description": description, "barcode": barcode}
        return {"entity": "item", "op": "upsert", "tenant_id": cafe.id, "id": item_id,
                "version": version, "data": data}  # fmt: skip

    count = BULK_ITEMS
    first = [item(f"bulk-{n}", f"Sykkellykt {n}", f"BULK-{n}", 1) for n in range(count)]
    assert reference_pull.apply_page(counter.uow, first, "c1").refused == 0
    second = [item(f"bulk-{n}", f"Regnjakke {n}", f"BULK-{n}", 2) for n in range(count)]
    second.append(item("intruder", "Regnjakke stjålet strekkode", "BULK-0", 3))
    assert reference_pull.apply_page(counter.uow, second, "c2").refused == 1
    small = [item("bulk-0", "Paraply", "BULK-0", 4)]  # the per-row triggers are back
    assert reference_pull.apply_page(counter.uow, small, "c3").refused == 0

    def found(words):
        return {i.id for i in search_items(counter.uow, words, limit=10 * count)}

    assert found("sykkellykt") == set()
    assert found("regnjakke") == {f"bulk-{n}" for n in range(1, count)}
    assert found("paraply") == {"bulk-0"}
    assert found("lykt") == set() and found("gnjakk") == found("regnjakke")  # any part too
    with counter.uow() as uow:  # both indexes match the items table exactly
        for index in ("items_fts", "items_trigram"):
            uow.sync.execute_many(
                f"INSERT INTO {index}({index}, rank) VALUES ('integrity-check', 1)", [()]
            )
        uow.commit()


def test_a_manager_the_admin_makes_for_this_site_can_log_in_here_only(
    enrolled, central, server_url, tmp_path, clock
):
    """Staff belong to a site: the admin API's manager for Asker is pulled by Asker's counter
    (who can then log in with the PIN) and never by a counter of another site."""
    from fastapi.testclient import TestClient

    from pos.counter import open_counter
    from pos.demo.centre import seed_demo
    from pos.services import auth
    from sync.enrolment import enrol
    from tests.sync.conftest import public_keys

    with central.admin() as conn:
        token = admin_ops.admin_token(conn, "test")
        admin_ops.ensure_site(conn, "Drammen")
    manager = {"site": "Asker", "staff_no": "9101", "name": "Mona", "role": "manager",
               "pin_hash": auth.hash_pin("4321")}  # fmt: skip
    reply = TestClient(central.app()).put(
        "/v1/admin/staff/mona", json=manager, headers={"Authorization": f"Bearer {token}"}
    )
    assert reply.status_code == 200, reply.text
    cycle(enrolled).run()
    assert auth.authenticate(enrolled.uow, "9101", "4321").name == "Mona"
    with open_counter(tmp_path / "drammen") as other:
        seed_demo(other.uow, other.signer(), clock=clock)
        enrol(other.uow, server_url, central.enrolment_code("Drammen"), device_name="K1",
              app_version="0.1.0", public_keys=public_keys(other))  # fmt: skip
        cycle(other).run()
        with other.uow.read() as uow:
            assert uow.store.staff_by_no("9101") is None
