"""The server's pieces of a centre's settlement that need no database: which terms a counter
could have set (others are held), and statements read back whatever fields a counter sent."""

from __future__ import annotations

import pytest

from server.settlements import doc_of
from server.tenant_terms import payload_problem

GOOD = {"commission_bp": 2000, "monthly_rent": 150_000, "bank_account": "12345678903",
        "group_rates": {"KLAER": 3000}}  # fmt: skip


def test_terms_a_counter_sets_pass():
    assert payload_problem({"terms": GOOD}) is None
    assert payload_problem({"terms": {**GOOD, "bank_account": "", "group_rates": {}}}) is None


@pytest.mark.parametrize(
    "bad",
    [
        {"commission_bp": 10_001},
        {"commission_bp": -1},
        {"commission_bp": True},
        {"commission_bp": 20.5},
        {"monthly_rent": "1500"},
        {"bank_account": "1234.56.78903"},
        {"bank_account": None},
        {"group_rates": {"KLAER": 20_000}},
        {"group_rates": {"ikke en gruppe!": 100}},
        {"group_rates": []},
    ],
)
def test_terms_no_counter_could_set_are_malformed(bad):
    problem = payload_problem({"terms": {**GOOD, **bad}})
    assert problem is not None and problem[0] == "malformed"


def test_no_terms_at_all_is_malformed():
    assert payload_problem({}) == ("malformed", "terms must be an object")


def test_a_statement_from_an_older_counter_reads_back_with_what_it_lacks_empty():
    older = {"settlement_id": "s", "number": "3", "number_text": "OPPGJ-11-00003",
             "lines": [{"kind": "rent", "description": "Husleie", "amount": -100}]}  # fmt: skip
    doc = doc_of(older)
    assert (doc.number, doc.registers, doc.centre_wide) == (3, "", False)
    assert doc.net_payable == -100 and doc.lines[0].base == 0
    assert doc_of({**older, "registers": "K1, K2", "centre_wide": True}).centre_wide is True
    assert doc_of({**older, "centre_wide": "yes"}).centre_wide is False


def test_a_statement_that_is_not_one_is_not_read_as_one():
    from server.settlements import _readable

    assert _readable({"lines": "nonsense"}) is None
    assert _readable({"lines": [{"amount": "x"}]}) is None
    assert _readable({"number": "tre"}) is None
