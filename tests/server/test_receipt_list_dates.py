"""A tenant's receipt list writes each receipt's date as the page's other dates are written:
07.12.2026 in bokmål, ISO in English."""

from __future__ import annotations

from server import admin_ops
from server.web import users
from tests.server.conftest import sale_event
from tests.web.test_sign_in_and_bad_input import PASSWORD, sign_in


def test_the_receipt_list_dates_its_receipts_in_the_pages_language(world):
    a = world.a
    assert a.push(world.client, [sale_event(4, a.tenant_id, "11")]).status_code == 200
    with world.central.admin() as conn:
        site = admin_ops.site_id_by_name(conn, a.site)
        users.add_user(conn, users.NewUser("leder", "Leder", "manager", PASSWORD, site_id=site))
    sign_in(world.client, "leder")
    path = f"/tenants/{a.tenant_id}/receipts?from=2026-03-01&to=2026-03-03"
    page = world.client.get(path)
    assert page.status_code == 200, page.text
    assert "<td data-day>02.03.2026</td>" in page.text
    world.client.get("/lang/en?next=/takings")
    assert "<td data-day>2026-03-02</td>" in world.client.get(path).text
