"""What must hold after every kill and restart: no sale lost or counted twice, the journal and
signature chains verify, the print queue is consistent, the server holds each event once."""

from __future__ import annotations

import re
from collections import Counter as Tally
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pos.counter import Counter
from pos.services import sync_state
from pos.services.verification import verify_store

RECEIPT_EVENTS = "('sale.completed', 'return.completed')"
NUMBER = re.compile(rb"\d\d-[A-Z0-9]{1,8}-[RT]?\d{6}")


@dataclass
class LocalFacts:
    sales: int = 0
    unlogged: int = 0
    """Sales committed by a child killed before it could log them (at most one per kill)."""
    receipts: int = 0
    events: set[tuple[str, int]] = field(default_factory=set)
    acked_through: int = 0
    jobs_printed: int = 0
    jobs_interrupted: int = 0
    problems: list[str] = field(default_factory=list)


def _sql(uow: Any, sql: str, *params: Any) -> list[Any]:
    return list(uow.store.conn.exec_driver_sql(sql, params).fetchall())


def check_local(counter: Counter, logged: Sequence[str]) -> LocalFacts:
    facts = LocalFacts()
    problems = facts.problems
    twice = [sale for sale, n in Tally(logged).items() if n > 1]
    problems += [f"sale {sale} logged twice" for sale in twice]
    with counter.uow.read() as uow:
        stored = {row[0] for row in _sql(uow, "SELECT id FROM sales")}
        facts.sales, facts.unlogged = len(stored), len(stored - set(logged))
        problems += [f"sale {sale} was logged but is not in the store" for sale in
                     sorted(set(logged) - stored)]  # fmt: skip
        facts.receipts = _sql(uow, "SELECT count(*) FROM receipts")[0][0]
        problems += _outbox_problems(uow, facts)
        problems += _queue_problems(uow, counter.register_id(), facts)
    facts.acked_through = sync_state.acked_through(counter.uow)
    report = verify_store(counter.uow, counter.keys.verifiers())
    problems += [f"verify_store: {p}" for p in report.problems]
    return facts


def _outbox_problems(uow: Any, facts: LocalFacts) -> list[str]:
    rows = _sql(uow, "SELECT event_id, device_seq FROM outbox ORDER BY device_seq")
    facts.events = {(e, int(s)) for e, s in rows}
    problems = []
    if [s for _, s in rows] != list(range(1, len(rows) + 1)):
        problems.append("outbox device_seq is not gap-free from 1")
    receipts = dict(_sql(uow, "SELECT id, number_text FROM receipts"))
    events = Tally(
        r for (r,) in _sql(uow, "SELECT json_extract(payload, '$.receipt.id') FROM outbox "
                                f"WHERE type IN {RECEIPT_EVENTS}")
    )  # fmt: skip
    journaled = Tally(r for (r,) in _sql(uow, "SELECT ref_id FROM journal") if r in receipts)
    for receipt_id, number in receipts.items():
        if events[receipt_id] != 1:
            problems.append(f"receipt {number} has {events[receipt_id]} outbox events (not 1)")
        if journaled[receipt_id] != 1:
            problems.append(f"receipt {number} has {journaled[receipt_id]} journal rows (not 1)")
    problems += [f"outbox event for unknown receipt {r}" for r in set(events) - set(receipts)]
    return problems


def _queue_problems(uow: Any, register_id: str, facts: LocalFacts) -> list[str]:
    problems = []
    by_status = dict(_sql(uow, "SELECT status, count(*) FROM print_jobs GROUP BY status"))
    facts.jobs_printed = by_status.get("printed", 0)
    facts.jobs_interrupted = _sql(
        uow, "SELECT count(*) FROM print_jobs WHERE error LIKE 'interrupted%'"
    )[0][0]
    if by_status.get("printing"):
        problems.append(f"{by_status['printing']} print jobs left 'printing' after restart")
    problems += [
        f"receipt {receipt_id} is in no print job"
        for receipt_id in uow.printing.receipts_without_job(register_id, "")
    ]
    twice = _sql(
        uow,
        "SELECT e.value, count(*) FROM print_jobs j, json_each(j.receipt_ids) e "
        "WHERE j.kind = 'receipts' GROUP BY e.value HAVING count(*) > 1",
    )
    problems += [f"receipt {r} is in {n} original print jobs" for r, n in twice]
    return problems


def check_server(
    local: LocalFacts, total: int, distinct: int, server: set[tuple[str, int]]
) -> list[str]:
    problems = []
    if total != distinct:
        problems.append(f"server: {total} event rows but {distinct} distinct event ids")
    foreign = server - local.events
    if foreign:
        problems.append(f"server: {len(foreign)} events that are not in the local outbox")
    unacked = {e for e in local.events if e[1] <= local.acked_through} - server
    if unacked:
        problems.append(f"server: {len(unacked)} events acknowledged but not stored")
    return problems


def check_paper(paper: bytes, counter: Counter) -> list[str]:
    """No receipt number is on paper more often than the jobs that were sent (once each) hold
    it: an original printed twice would show up here, whatever the queue's rows say."""
    on_paper = Tally(NUMBER.findall(paper))
    sent: Tally[bytes] = Tally()
    with counter.uow.read() as uow:
        for (payload,) in _sql(uow, "SELECT payload FROM print_jobs WHERE attempts > 0"):
            sent.update(NUMBER.findall(bytes(payload)))
    return [
        f"receipt {n.decode()} is on paper {c} times but was sent {sent[n]} times"
        for n, c in on_paper.items()
        if c > sent[n]
    ]
