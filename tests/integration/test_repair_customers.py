"""Returning repair customers are found by the phone or the name typed at intake: one entry per
customer with their newest job's details, newest first; too little typed finds nobody."""

from __future__ import annotations

from pos.services.repair_customers import find_customers
from tests.integration.repair_helpers import take_in


def test_a_returning_customer_is_found_by_phone_digits_or_name_words(counter, ctx, clock):
    take_in(counter, ctx)  # Ola Nordmann, +47 912 34 567, ola@example.no
    clock.advance(days=3)
    take_in(counter, ctx, email="ola.nordmann@example.no")
    clock.advance(days=1)
    take_in(counter, ctx, customer_name="Kari Berg", phone="45 67 89 01", email="")

    (ola,) = find_customers(counter.uow, phone="912 34")
    assert (ola.name, ola.phone, ola.email, ola.jobs) == (
        "Ola Nordmann", "912 34 567", "ola.nordmann@example.no", 2,
    )  # fmt: skip
    assert ola.last_job == "05.03.2026"
    assert find_customers(counter.uow, name="nordmann ola") == (ola,)  # any order, any case
    assert find_customers(counter.uow, phone="+47 912 34 567") == (ola,)
    assert [c.name for c in find_customers(counter.uow, name="a")] == []  # too little typed
    assert [c.name for c in find_customers(counter.uow, name="ka")] == ["Kari Berg"]
    assert [c.name for c in find_customers(counter.uow, phone="4")] == []
    everyone = find_customers(counter.uow, name="r")
    assert everyone == ()  # one letter is not a search
    both = find_customers(counter.uow, name="kari", phone="912")
    assert both == ()  # the name and the phone typed must both fit


def test_the_newest_customer_comes_first(counter, ctx, clock):
    take_in(counter, ctx, customer_name="Per Hansen", phone="91111111")
    clock.advance(days=1)
    take_in(counter, ctx, customer_name="Pernille Hansen", phone="92222222")
    assert [c.name for c in find_customers(counter.uow, name="hansen")] == [
        "Pernille Hansen", "Per Hansen",
    ]  # fmt: skip
