"""Staff belong to a site: a manager the admin creates for one site reaches that site's
counters only, by the pull and by row-level security; moved to another site, the first site's
counters are told to drop them."""

from __future__ import annotations

from sqlalchemy import text

from server.db import Scope, scoped

MANAGER = {"staff_no": "9101", "name": "Mona Manager", "role": "manager", "pin_hash": "h"}


def pulled_staff(world, side) -> dict[str, str]:
    changes = world.client.get("/v1/sync/pull", headers=side.device_auth).json()["changes"]
    return {c["id"]: c["op"] for c in changes if c["entity"] == "staff"}


def put_manager(world, site: str):  # type: ignore[no-untyped-def]
    return world.client.put(
        "/v1/admin/staff/mona", json=MANAGER | {"site": site}, headers=world.admin_auth
    )


def test_a_manager_made_for_one_site_reaches_only_that_sites_counters(world):
    assert put_manager(world, "Alpha site").status_code == 200
    assert pulled_staff(world, world.a) == {"mona": "upsert"}
    assert pulled_staff(world, world.b) == {}
    engine = world.central.engine
    for side, seen in ((world.a, 1), (world.b, 0)):
        scope = Scope("device", (side.tenant_id,), side_site(world, side))
        with scoped(engine, scope) as conn:  # the second wall: RLS, no WHERE on the site
            count = conn.execute(text("SELECT count(*) FROM ref_current WHERE entity = 'staff'"))
            assert count.scalar() == seen


def test_moving_a_manager_to_another_site_retires_them_at_the_first(world):
    put_manager(world, "Alpha site")
    alpha = world.client.get("/v1/sync/pull", headers=world.a.device_auth).json()["cursor"]
    assert put_manager(world, "Beta site").status_code == 200
    later = world.client.get(
        "/v1/sync/pull", params={"cursor": alpha}, headers=world.a.device_auth
    ).json()["changes"]
    assert [(c["id"], c["op"]) for c in later if c["entity"] == "staff"] == [("mona", "delete")]
    assert pulled_staff(world, world.b) == {"mona": "upsert"}


def test_staff_without_a_known_site_are_refused(world):
    assert put_manager(world, "Nowhere").status_code == 404
    missing = world.client.put("/v1/admin/staff/x", json=MANAGER, headers=world.admin_auth)
    assert missing.status_code == 400


def side_site(world, side) -> str:  # type: ignore[no-untyped-def]
    return str(world.central.scalar("SELECT id FROM sites WHERE name = :n", n=side.site))
