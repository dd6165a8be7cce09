"""A tenant's terms are the centre's: set at one counter they reach the server and every
counter of the site on the next pull (journaled where made and where pulled), the last one
the server stored wins, and terms no counter could have set are held and change nothing."""

# ruff: noqa: F811  (the two-counter fixtures are imported from test_ticket_sync)
from __future__ import annotations

import json

from pos.adapters.settlement_queries import SettlementQueries
from pos.model.settlement_plan import TenantTerms
from pos.services import tenant_terms
from pos.services.reports import find_tenant
from pos.sync_protocol import TENANT_TERMS_SET
from server import tenant_terms as server_terms
from tests.sync.conftest import cycle
from tests.sync.test_centre_company import manager
from tests.sync.test_ticket_sync import counter_b, sync  # noqa: F401  (fixtures)


def terms_at(counter, code: str = "11") -> TenantTerms:  # type: ignore[no-untyped-def]
    with counter.uow.read() as uow:
        return SettlementQueries(uow.reports).tenant_terms(find_tenant(uow, code).id)


def terms_changes(counter) -> list[tuple[str, str | None, int]]:  # type: ignore[no-untyped-def]
    """The journal's terms changes: (register, by, commission)."""
    with counter.uow.read() as uow:
        rows = uow.store.rows("SELECT register_id, details FROM journal "
                              "WHERE event_code = 13999 ORDER BY seq")  # fmt: skip
    found = []
    for row in rows:
        details = json.loads(row["details"])
        if details.get("kind") == tenant_terms.TERMS_CHANGE:
            found.append((row["register_id"], details.get("by"), details["commission_bp"]))
    return found


def test_terms_set_at_one_counter_reach_the_other_and_the_last_one_wins(
    enrolled, counter_b, clock, central
):
    a, b = enrolled, counter_b
    tenant_terms.set_terms(a.uow, manager(a, "K1", clock), "11", commission_bp=2000,
                           monthly_rent=150_000, bank_account="1234.56.78903",
                           group_rates={"KLAER": 3000})  # fmt: skip
    sync(a, b)
    expected = TenantTerms(2000, 150_000, "12345678903", {"KLAER": 3000})
    assert terms_at(b) == terms_at(a) == expected
    with central.admin() as conn:
        site = central.scalar("SELECT id FROM sites WHERE name = 'Asker'")
        tenant_id = central.scalar("SELECT id FROM tenants WHERE code = '11'")
        assert server_terms.of_site(conn, site, tenant_id) == expected
    # changed at the second counter: the first takes it, group rates and all
    tenant_terms.set_terms(b.uow, manager(b, "K2", clock), "11", commission_bp=1500,
                           monthly_rent=0, bank_account="")  # fmt: skip
    sync(b, a)
    assert terms_at(a) == terms_at(b) == TenantTerms(1500, 0, "", {"KLAER": 3000})
    assert terms_changes(a) == [("K1", None, 2000), ("system", "server", 1500)]
    assert terms_changes(b) == [("system", "server", 2000), ("K2", None, 1500)]
    sync(a, b)  # nothing new: nothing journaled again
    assert (len(terms_changes(a)), len(terms_changes(b))) == (2, 2)


def tenant_id_of(counter, code: str = "11") -> str:  # type: ignore[no-untyped-def]
    with counter.uow.read() as uow:
        return find_tenant(uow, code).id


def test_a_change_not_yet_sent_is_not_undone_by_an_older_pull(enrolled, counter_b, clock):
    a, b = enrolled, counter_b
    tenant_terms.set_terms(a.uow, manager(a, "K1", clock), "11", commission_bp=2000,
                           monthly_rent=0)  # fmt: skip
    sync(a)
    tenant_terms.set_terms(b.uow, manager(b, "K2", clock), "11", commission_bp=1000,
                           monthly_rent=0)  # fmt: skip
    with b.uow.read() as uow:
        device = uow.sync.device()
    assert device is not None
    tenant = tenant_id_of(b)
    older = {**tenant_terms.shared(terms_at(a)), "site_id": device["site_id"]}
    with b.uow() as uow:  # A's terms pulled before B has pushed its own change
        assert not tenant_terms.take_pulled(uow, tenant, older)
        uow.commit()
    assert terms_at(b).commission_bp == 1000
    sync(b, a)
    assert terms_at(a).commission_bp == terms_at(b).commission_bp == 1000


def test_terms_no_counter_could_set_are_held_and_change_nothing(enrolled, central, clock):
    with enrolled.uow() as uow:
        uow.store.append_outbox(TENANT_TERMS_SET, tenant_id_of(enrolled),
                                manager(enrolled, "K1", clock).stamp(),
                                {"terms": {"commission_bp": 20_000, "monthly_rent": 0,
                                           "bank_account": "", "group_rates": {}}})  # fmt: skip
        uow.commit()
    report = cycle(enrolled).run()
    assert report.rejected == 1
    assert central.scalar("SELECT count(*) FROM ref_current WHERE entity = 'tenant_terms'") == 0


def test_terms_set_before_they_travelled_are_offered_once_where_the_server_has_none(
    enrolled, counter_b, clock, central
):
    a, b = enrolled, counter_b
    with a.uow() as uow:  # as an older release kept them: here only, no event
        tenant = find_tenant(uow, "11").id
        uow.day_end.upsert_terms(tenant, 2000, 0, "12345678903", "2026-03-01T09:00:00Z")
        uow.commit()
    report = cycle(a).run()
    assert report.pushed == 1  # offered, as the server has none for the site
    sync(b)
    assert terms_at(b) == TenantTerms(2000, 0, "12345678903", {})
    assert cycle(a).run().pushed == 0  # the server has them now: not offered again
    # terms another counter set stand over a late offer
    with a.uow() as uow:
        uow.day_end.upsert_terms(tenant_id_of(a, "12"), 500, 0, "", "2026-03-01T09:00:00Z")
        uow.commit()
    tenant_terms.set_terms(b.uow, manager(b, "K2", clock), "12", commission_bp=3000,
                           monthly_rent=0)  # fmt: skip
    sync(b)
    cycle(a).run()  # offers its own for 12 too late: B's stand and come back with the pull
    assert terms_at(a, "12").commission_bp == 3000
    assert cycle(a).run().pushed == 0
