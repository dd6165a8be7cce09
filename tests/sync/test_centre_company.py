"""The centre's company travels like its name: the one the first counter brings at enrolment is
the centre's and a counter set up from the server has it; a manager's change at either counter
reaches the other with its next pull, and a payment file made there is paid by that company."""

# ruff: noqa: F811  (the two-counter fixtures are imported from test_ticket_sync)
from __future__ import annotations

import json

from pos.services import auth, centre_company
from pos.services.context import TillContext
from pos.services.verification import verify_store
from pos.sync_protocol import CENTRE_COMPANY_SET
from server import admin_ops, refdata
from tests.sync.conftest import cycle
from tests.sync.test_ticket_sync import counter_b, sync  # noqa: F401  (fixtures)


def company(counter) -> centre_company.CentreCompany:  # type: ignore[no-untyped-def]
    return centre_company.centre_company(counter.uow)


def manager(counter, register: str, clock) -> TillContext:  # type: ignore[no-untyped-def]
    return TillContext(register, auth.authenticate(counter.uow, "9001", "9999"),
                       counter.signer(), clock)  # fmt: skip


def company_changes(counter) -> list[tuple[str, str | None, str, str]]:  # type: ignore[no-untyped-def]
    """The journal's centre-company changes: (register, by, account, staff)."""
    with counter.uow.read() as uow:
        rows = uow.store.rows("SELECT register_id, staff_id, details FROM journal "
                              "WHERE event_code = 13999 ORDER BY seq")  # fmt: skip
    found = []
    for row in rows:
        details = json.loads(row["details"])
        if "centre_company" in details:
            found.append((row["register_id"], details.get("by"),
                          details["centre_company"]["bank_account"], row["staff_id"] or ""))
    return found


def test_a_second_counter_has_the_centres_company_and_changes_go_both_ways(
    enrolled, counter_b, clock, central
):
    a, b = enrolled, counter_b
    brought = company(a)
    assert brought.name and brought.org_no  # the demo centre's, brought at enrolment
    assert company(b) == brought  # pulled by the counter set up from the server
    centre_company.set_centre_company(a.uow, manager(a, "K1", clock), "Omigjen Asker AS",
                                      "923 456 783", "9710.05.12347")  # fmt: skip
    sync(a, b)
    assert company(b) == centre_company.CentreCompany("Omigjen Asker AS", "923456783",
                                                      "97100512347")  # fmt: skip
    centre_company.set_centre_company(b.uow, manager(b, "K2", clock), "Omigjen Asker AS",
                                      "923456783", "1503.02.08401")  # fmt: skip
    sync(b, a)
    assert company(a).account == company(b).account == "15030208401"
    # each counter journals the change it made (by its manager, at its register) and the one
    # it pulled (by the server, under the register of changes outside the till), once each
    staff = manager(a, "K1", clock).operator.staff_id
    assert company_changes(a) == [("K1", None, "97100512347", staff),
                                  ("system", "server", "15030208401", "")]  # fmt: skip
    assert company_changes(b) == [("system", "server", brought.account, ""),  # set up from it
                                  ("system", "server", "97100512347", ""),
                                  ("K2", None, "15030208401", staff)]  # fmt: skip
    sync(a, b)  # nothing new: nothing journaled again
    assert (len(company_changes(a)), len(company_changes(b))) == (2, 3)
    for counter in (a, b):  # the journals still verify whole
        report = verify_store(counter.uow, counter.keys.verifiers())
        assert report.ok, report.problems
    held = central.scalar("SELECT data->'company'->>'account' FROM ref_current "
                          "WHERE entity = 'centre'")  # fmt: skip
    assert held == "15030208401"
    assert central.scalar("SELECT count(*) FROM quarantine") == 0


def test_a_company_that_is_not_one_is_held_and_changes_nothing(enrolled, central, clock):
    before = central.scalar("SELECT data FROM ref_current WHERE entity = 'centre'")
    with enrolled.uow() as uow:
        uow.store.append_outbox(CENTRE_COMPANY_SET, None, manager(enrolled, "K1", clock).stamp(),
                                {"company": {"name": "X", "org_no": "12", "account": ""}})
        uow.commit()
    report = cycle(enrolled).run()
    assert report.rejected == 1
    assert central.scalar("SELECT data FROM ref_current WHERE entity = 'centre'") == before


def forget_company(central) -> None:  # type: ignore[no-untyped-def]
    """The server as it was before the company travelled at enrolment: a centre, no company."""
    with central.admin() as conn:
        site = admin_ops.site_id_by_name(conn, "Asker")
        held = refdata.current(conn, "centre", site)
        assert held is not None
        data = {k: v for k, v in held["data"].items() if k != "company"}
        refdata.put(conn, "centre", site, None, data, site)


def held_company(central) -> dict[str, str] | None:  # type: ignore[no-untyped-def]
    held = central.scalar("SELECT data->'company' FROM ref_current WHERE entity = 'centre'")
    return held if held is None or isinstance(held, dict) else json.loads(held)


def test_a_counter_enrolled_before_the_company_travelled_sends_it_at_its_next_sync(
    enrolled, counter_b, clock, central
):
    a, b = enrolled, counter_b
    ours = centre_company.shared(company(a))
    forget_company(central)
    cycle(a).run()  # pulls a centre with no company
    assert held_company(central) is None and company(a).name  # kept its own
    report = cycle(a).run()  # the next sync sends it, no manager needed
    assert report.pushed == 1 and held_company(central) == ours
    assert cycle(a).run().pushed == 0  # the server has it now: not sent again
    # a company another counter sent meanwhile stands; the late offer changes nothing
    forget_company(central)
    cycle(a).run()  # a now knows the server has none
    centre_company.set_centre_company(b.uow, manager(b, "K2", clock), "Omigjen Asker AS",
                                      "923456783", "1503.02.08401")  # fmt: skip
    sync(b)
    report = cycle(a).run()
    assert report.pushed == 1 and report.rejected == 0
    assert held_company(central) == centre_company.shared(company(b))
    assert company(a) == company(b)  # and it came back with the pull
    assert central.scalar("SELECT count(*) FROM quarantine") == 0
