"""A centre's settlement survives a lost answer: the counter keeps the confirm it sends (the
draft's id is the key) before it goes out; the same settlement asked again gets the statement
the server stored, which the counter then keeps, journals and files exactly once."""

# ruff: noqa: F811  (the two-counter fixtures are imported from test_ticket_sync)
from __future__ import annotations

from typing import Any

import pytest

from pos.day_end_errors import SettlementAnswerLost, SettlementAwaitingAnswer
from pos.services import reports, settlement, sync_state
from pos.services.verification import verify_store
from sync import http as sync_http
from sync.http import ServerApi
from sync.settlements import ServerSettler
from tests.sync.conftest import cycle, sell
from tests.sync.fault_proxy import FaultProxy
from tests.sync.test_centre_saft import manager_at
from tests.sync.test_centre_settlements import DAY, local_numbers, settler


@pytest.fixture
def proxy(server_url, monkeypatch):
    monkeypatch.setattr(sync_http, "READ_TIMEOUT_S", 2.0)
    with FaultProxy(server_url, prefix="/v1/settlements") as opened:
        yield opened


def settler_through(counter, proxy: FaultProxy) -> ServerSettler:  # type: ignore[no-untyped-def]
    token = sync_state.enrolment(counter.uow).token
    return ServerSettler(ServerApi(proxy.url, token), lambda t: t, lambda: cycle(counter).run())


def journaled(counter, settlement_id: str) -> int:  # type: ignore[no-untyped-def]
    with counter.uow.read() as uow:
        rows = uow.store.conn.exec_driver_sql(
            "SELECT count(*) FROM journal WHERE ref_id = ?", (settlement_id,)
        )
        return int(rows.scalar_one())


def settled_day(counter, ctx, shelf, clock):  # type: ignore[no-untyped-def]
    sell(counter, ctx, shelf, 2)
    boss = manager_at(counter, "K1", clock)
    reports.z_reports(counter.uow, boss)
    return boss


def test_a_lost_answer_then_the_same_settlement_again_keeps_the_stored_one_once(
    enrolled, ctx, shelf, clock, central, proxy
):
    boss = settled_day(enrolled, ctx, shelf, clock)
    proxy.inject(["pass", "lost_answer"])  # the dry run answers; the confirm's answer is lost
    made: list[str] = []
    with pytest.raises(SettlementAnswerLost) as lost:
        settlement.make_settlement(enrolled.uow, boss, "15", DAY, DAY,
                                   centre=settler_through(enrolled, proxy),
                                   stage=lambda d, f: made.append(d.number_text))  # fmt: skip
    assert "samme oppgjøret på nytt" in lost.value.message("nb")
    assert [fault for _, fault in proxy.seen] == ["pass", "lost_answer"]
    stored = central.scalar("SELECT id FROM site_settlements")
    assert stored and not local_numbers(enrolled)  # the server has it; the counter kept nothing
    made.clear()
    doc = settlement.make_settlement(enrolled.uow, boss, "15", DAY, DAY,
                                     centre=settler_through(enrolled, proxy),
                                     stage=lambda d, f: made.append(d.number_text))  # fmt: skip
    assert doc.settlement_id == stored and made == [doc.number_text] == ["OPPGJ-15-00001"]
    assert central.scalar("SELECT count(*) FROM site_settlements") == 1
    assert local_numbers(enrolled) == made and journaled(enrolled, stored) == 1
    assert [fault for _, fault in proxy.seen] == ["pass", "lost_answer", "pass", "pass"]
    assert verify_store(enrolled.uow, enrolled.keys.verifiers()).ok


def test_a_counter_stopped_between_send_and_answer_gets_the_stored_statement_next_time(
    enrolled, ctx, shelf, clock, central
):
    boss = settled_day(enrolled, ctx, shelf, clock)
    real = settler(enrolled)

    class StoppedAfterSending:
        def settle(self, request: dict[str, Any]) -> dict[str, Any]:
            answer = real.settle(request)
            if "expect" in request:
                raise KeyboardInterrupt  # the process ends before it reads the answer
            return answer

    with pytest.raises(KeyboardInterrupt):
        settlement.make_settlement(enrolled.uow, boss, "15", DAY, DAY,
                                   centre=StoppedAfterSending())  # fmt: skip
    stored = central.scalar("SELECT id FROM site_settlements")
    assert stored and not local_numbers(enrolled)
    with pytest.raises(SettlementAwaitingAnswer) as waiting:  # another period waits its turn
        settlement.make_settlement(enrolled.uow, boss, "15", "2026-03-01", DAY,
                                   centre=settler(enrolled))  # fmt: skip
    assert DAY in waiting.value.message("nb")
    doc = settlement.make_settlement(enrolled.uow, boss, "15", DAY, DAY, centre=settler(enrolled))
    assert doc.settlement_id == stored and local_numbers(enrolled) == ["OPPGJ-15-00001"]
    assert journaled(enrolled, stored) == 1
    assert central.scalar("SELECT count(*) FROM site_settlements") == 1
    assert verify_store(enrolled.uow, enrolled.keys.verifiers()).ok


def test_a_confirm_sent_again_with_other_content_under_a_stored_id_is_refused(
    enrolled, ctx, shelf, clock, central
):
    from pos.day_end_errors import CentreSettlementChanged

    boss = settled_day(enrolled, ctx, shelf, clock)
    doc = settlement.make_settlement(enrolled.uow, boss, "15", DAY, DAY, centre=settler(enrolled))
    api = settler(enrolled)
    forged = {**settlement_content(doc), "number_text": "OPPGJ-15-00009"}
    asked = {"tenant_id": doc.tenant_id, "staff_id": boss.operator.staff_id,
             "period_from": DAY, "period_to": DAY, "expect": forged}  # fmt: skip
    with pytest.raises(CentreSettlementChanged):
        api.settle(asked)
    assert central.scalar("SELECT count(*) FROM site_settlements") == 1


def settlement_content(doc) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    from dataclasses import asdict

    return asdict(doc)
