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
    jobs_refused: int = 0
    """Jobs the printer provably never took (offline): their receipts' next print is original."""
    originals_again: int = 0
    """Original jobs queued by a retry after such a refusal."""
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
    journaled = Tally(  # the row that records the receipt; print events carry no digest
        r
        for (r,) in _sql(uow, "SELECT ref_id FROM journal WHERE instr(details, '\"digest\"') > 0")
        if r in receipts
    )
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
    facts.jobs_refused = _sql(uow, "SELECT count(*) FROM print_jobs WHERE unsent")[0][0]
    facts.originals_again = _sql(
        uow, "SELECT count(*) FROM print_jobs WHERE kind = 'receipts' AND retry_of IS NOT NULL"
    )[0][0]
    if by_status.get("printing"):
        problems.append(f"{by_status['printing']} print jobs left 'printing' after restart")
    problems += [
        f"receipt {receipt_id} is in no print job"
        for receipt_id in uow.printing.receipts_without_job(register_id, "")
    ]
    twice = _sql(  # an original goes out again only after a job that provably sent nothing
        uow,
        "SELECT e.value, count(*) FROM print_jobs j, json_each(j.receipt_ids) e "
        "WHERE j.kind = 'receipts' AND j.attempts > 0 AND NOT j.unsent "
        "GROUP BY e.value HAVING count(*) > 1",
    )
    problems += [f"receipt {r} is in {n} original jobs that may be on paper" for r, n in twice]
    printed = _sql(
        uow,
        "SELECT e.value, count(*) FROM print_jobs j, json_each(j.receipt_ids) e "
        "WHERE j.kind = 'receipts' AND j.status = 'printed' GROUP BY e.value",
    )
    events = Tally(r for (r,) in _sql(uow, "SELECT ref_id FROM journal WHERE event_code = 13012"))
    problems += [
        f"receipt {r} printed {n} times but journaled 13012 {events[r]} times"
        for r, n in printed
        if receipts_kind(uow, r) == "sale" and events[r] != n
    ]
    return problems


def receipts_kind(uow: Any, receipt_id: str) -> str:
    found = _sql(uow, "SELECT kind FROM receipts WHERE id = ?", receipt_id)
    return str(found[0][0]) if found else ""


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


CUT = b"\x1dV"
BARCODE_NUMBER = re.compile(rb"\{B(\d\d-[A-Z0-9]{1,8}-[RT]?\d{6})")


def complete_originals(paper: bytes) -> Tally[bytes]:
    """Receipts printed whole (down to the barcode of their number at the foot) without the
    KOPI marking, per number, read from the paper itself."""
    found: Tally[bytes] = Tally()
    for piece in paper.split(CUT):
        if b"KOPI" not in piece:
            found.update(BARCODE_NUMBER.findall(piece))
    return found


def check_paper(paper: bytes, counter: Counter) -> list[str]:
    """No receipt is on paper as a whole original twice, and no receipt number is on paper more
    often than the jobs that were sent (once each) hold it, whatever the queue's rows say."""
    twice = [
        f"receipt {n.decode()} is on paper as a whole original {c} times"
        for n, c in complete_originals(paper).items()
        if c > 1
    ]
    on_paper = Tally(NUMBER.findall(paper))
    sent: Tally[bytes] = Tally()
    with counter.uow.read() as uow:
        for (payload,) in _sql(uow, "SELECT payload FROM print_jobs WHERE attempts > 0"):
            sent.update(NUMBER.findall(bytes(payload)))
    return twice + [
        f"receipt {n.decode()} is on paper {c} times but was sent {sent[n]} times"
        for n, c in on_paper.items()
        if c > sent[n]
    ]
