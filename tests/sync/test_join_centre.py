"""A counter that enrols first takes the whole centre from the server: from an empty data
directory, one code gives it its register and label block, and one sync the centre's tenants,
staff, article groups and items and the centre's name (the one its first counter brought, not
the site's name on the server); staff log in with their own PINs and it
sells. Before the centre's first counter has sent its staff it waits, enrolled, and fetching
again needs no new code."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from main import VERSION
from pos.counter import open_counter
from pos.model.basket import Basket
from pos.model.events import EventCode
from pos.model.payment import Tender, TenderKind
from pos.services import auth, catalogue, checkout, first_run, joining, till
from pos.services.context import TillContext
from server import centre_name
from sync.enrolment import enrol
from sync.http import ServerError
from sync.joining import fetch_centre, join_centre
from tests.sync.conftest import cycle, public_keys

DEMO = "Omigjen ombrukssenter (demo)"
"""The demo centre's name, which its counter brings to the site when it enrols first."""


def test_an_empty_counter_joins_the_centre_and_sells_as_its_own_register(
    enrolled, central, server_url, clock, tmp_path
):
    cycle(enrolled).run()  # the first counter sends its centre
    with open_counter(tmp_path / "K2") as fresh:
        assert first_run.needs_set_up(fresh.uow)
        joined = join_centre(fresh.uow, fresh.keys, server_url, central.enrolment_code(),
                             app_version=VERSION, clock=clock)  # fmt: skip
        # the first counter's centre name, not the site's name on the server (Asker)
        assert (joined.centre_name, joined.register_id, joined.label_block) == (DEMO, "K2", 2)
        with enrolled.uow.read() as uow:
            expected = (len(uow.store.tenants()), uow.queries.count("article_groups"),
                        uow.queries.count("items"))  # fmt: skip
        assert (joined.tenants, joined.article_groups, joined.items) == expected
        assert joined.managers >= 1 and joined.staff >= 3
        assert not first_run.needs_set_up(fresh.uow)
        with fresh.uow.read() as uow:
            rows = list(uow.queries.journal_rows())
        said = [json.loads(r["details"]) for r in rows if r["event_code"] == EventCode.OTHER]
        assert {"centre": DEMO, "register": "K2"} in [d.get("joined") for d in said]
        manager = TillContext("K2", auth.authenticate(fresh.uow, "9001", "9999"),
                              fresh.signer(), clock)  # fmt: skip
        till.open_till(fresh.uow, manager, 50000)
        basket = Basket()
        basket.add(catalogue.find_item(fresh.uow, "KAFFE-MED"))
        sale = checkout.complete_sale(fresh.uow, manager, basket, [Tender(TenderKind.CASH, 5000)])
        assert sale.receipts[0].number.split("-")[1] == "K2"


def test_a_counter_enrolled_before_the_centre_is_on_the_server_fetches_it_later(
    enrolled, central, server_url, clock, tmp_path
):
    with open_counter(tmp_path / "K2") as fresh:
        with pytest.raises(joining.CentreNotOnServer) as waiting:
            join_centre(fresh.uow, fresh.keys, server_url, central.enrolment_code(),
                        app_version=VERSION, clock=clock)  # fmt: skip
        assert "K2" in waiting.value.message("nb") and "første kasse" in waiting.value.message("nb")
        assert first_run.needs_set_up(fresh.uow) and joining.waiting_register(fresh.uow) == "K2"
        cycle(enrolled).run()
        joined = fetch_centre(fresh.uow, fresh.keys, app_version=VERSION, clock=clock)
        assert joined.register_id == "K2" and joined.managers >= 1
        assert joined.centre_name == DEMO
        assert not first_run.needs_set_up(fresh.uow)


def test_a_counter_enrolled_before_the_first_counter_takes_its_centre_name_with_the_pull(
    counter, central, server_url, clock, tmp_path
):
    with open_counter(tmp_path / "early") as early:  # enrolled before the centre's counter
        with pytest.raises(joining.CentreNotOnServer):
            join_centre(early.uow, early.keys, server_url, central.enrolment_code(),
                        app_version=VERSION, clock=clock)  # fmt: skip
        enrol(counter.uow, server_url, central.enrolment_code(), device_name="K1",
              app_version=VERSION, public_keys=public_keys(counter), clock=clock)  # fmt: skip
        cycle(counter).run()
        joined = fetch_centre(early.uow, early.keys, app_version=VERSION, clock=clock)
        assert (joined.centre_name, joined.register_id) == (DEMO, "K1")
    with central.admin() as conn:  # a later counter with another name renames nothing
        site = conn.execute(text("SELECT id FROM sites WHERE name = 'Asker'")).scalar()
        centre_name.bring(conn, site, "Et annet senter")
    assert central.scalar("SELECT data->>'name' FROM ref_current WHERE entity = 'centre'") == DEMO


def test_a_used_code_is_refused_and_the_empty_counter_stays_as_it_was(
    enrolled, central, server_url, clock, tmp_path
):
    code = central.enrolment_code()
    with open_counter(tmp_path / "K3") as other:
        cycle(enrolled).run()
        join_centre(other.uow, other.keys, server_url, code, app_version=VERSION, clock=clock)
    with open_counter(tmp_path / "K4") as late:
        with pytest.raises(ServerError) as refused:
            join_centre(late.uow, late.keys, server_url, code, app_version=VERSION, clock=clock)
        assert refused.value.code == "enrol_code_invalid"
        assert first_run.needs_set_up(late.uow) and joining.waiting_register(late.uow) is None
