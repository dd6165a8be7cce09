"""Every counter of the site knows the centre's statements: one the server stored for K1's
manager reaches K2 on its next pull, listed and reprinted there (PDF, CSV) as the centre's,
journaled at K2 only as received from the server (never as made at K2's register), and K2's
next settlement of the tenant starts after it."""

# ruff: noqa: F811  (the two-counter fixtures are imported from test_ticket_sync)
from __future__ import annotations

import json

import pytest

from pdf.reports import settlement_pdf
from pos.day_end_errors import SettlementOverlaps
from pos.services import reports, settlement
from pos.services.settlement_files import settlements_csv
from pos.services.verification import verify_store
from tests.day_end.test_pdfs import pdf_text
from tests.sync.conftest import sell
from tests.sync.test_centre_saft import manager_at
from tests.sync.test_centre_settlements import DAY, local_numbers, settler
from tests.sync.test_ticket_sync import counter_b, ctx_b, sync  # noqa: F401  (fixtures)


def journal_of(counter, settlement_id: str) -> list[tuple[int, str, dict]]:  # type: ignore[no-untyped-def]
    with counter.uow.read() as uow:
        rows = uow.store.conn.exec_driver_sql(
            "SELECT event_code, register_id, details FROM journal WHERE ref_id = ?",
            (settlement_id,),
        )
        return [(int(code), reg, json.loads(details)) for code, reg, details in rows]


def test_a_statement_made_for_k1_is_listed_and_reprinted_at_k2_and_journaled_as_received(
    enrolled, counter_b, ctx, shelf, clock, central, tmp_path
):
    a, b = enrolled, counter_b
    sell(a, ctx, shelf, 2)
    boss_a = manager_at(a, "K1", clock)
    reports.z_reports(a.uow, boss_a)
    sync(a, b)
    doc = settlement.make_settlement(a.uow, boss_a, "15", DAY, DAY, centre=settler(a))
    assert local_numbers(b) == []
    sync(b)
    assert local_numbers(b) == [doc.number_text] == ["OPPGJ-15-00001"]
    there = settlement.settlement_docs(b.uow, "15")[0]
    assert there == doc and there.registers == "K1, K2"
    settlement_pdf(there, tmp_path / "reprint.pdf", "Omigjen")
    assert doc.number_text in pdf_text(tmp_path / "reprint.pdf")
    rows = settlements_csv([there]).splitlines()
    assert doc.number_text in rows[1]
    [(code, register, details)] = journal_of(b, doc.settlement_id)
    assert (code, details["kind"], details["by"]) == (13999, "settlement_received", "server")
    assert register != "K2" and details["number"] == doc.number_text
    [(code_a, register_a, _)] = journal_of(a, doc.settlement_id)  # made there: 13018 once
    assert (code_a, register_a) == (13018, "K1")
    sync(a, b)  # pulled again by nobody: each counter holds it once
    assert local_numbers(a) == local_numbers(b) == ["OPPGJ-15-00001"]
    assert len(journal_of(b, doc.settlement_id)) == 1
    boss_b = manager_at(b, "K2", clock)
    with pytest.raises(SettlementOverlaps):  # K2's next period starts after K1's statement
        settlement.make_settlement(b.uow, boss_b, "15", DAY, DAY, centre=settler(b))
    for counter in (a, b):
        report = verify_store(counter.uow, counter.keys.verifiers())
        assert report.ok, report.problems
