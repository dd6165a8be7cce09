"""Bringing signed sales back from a replaced store into the restored one, so a restore loses no
legal record that can still be read: which sales come back and why others do not (``put_back``).
What the replaced store holds is read by ``salvage_candidates``, a sale is written into the
restored store by ``salvage_insert``, what is left behind is exported by ``salvage_export``.

A sale comes back whole or not at all: its receipts must each be the next link of their
signature chain in the restored store (same previous signature), and every row it wrote must be
readable and fit (its till session, the items, a redeemed credit note); the staff, items and
article groups it points to that were registered after the backup come back with it. The print
jobs that carried its receipts come back too, so an original already on paper is not printed
again. It is journaled again at the time of the restore with its original journal position,
date and time in the details: as the sale's own transaction records a receipt (13999
``sale_receipt``, 13013, 13017: counted
in the next Z) when no Z of the replaced store counted it, else as 13999 ``salvaged_receipt``
(already counted on that Z); its print events stay in the replaced store's exported journal.
Its outbox events are queued again with their original ids, so the server stores each once (an
event lost with the damage is made again from the receipt's rows).

What cannot come back is never silently left behind: it is listed with why, every row a
readable sale wrote is exported in full beside the replaced store's journal tail to
``<data dir>/salvage/<time>/`` (``salvage_export``; the replaced file itself is kept beside the
store), and its receipts' queued events go to the server again, so the centre's record holds
every receipt that was signed.
"""

from __future__ import annotations

from collections.abc import Iterable

from pos.clock import Stamp
from pos.services.salvage_candidates import Candidate
from pos.services.salvage_export import left_sale_record
from pos.services.salvage_insert import insert_sale
from pos.services.salvage_result import Reason, SalvageResult
from pos.unit_of_work import UnitOfWork

_SALE_KINDS = {"sale", "return"}


def put_back(
    uow: UnitOfWork,
    candidates: Iterable[Candidate],
    register_id: str,
    staff_id: str,
    stamp: Stamp,
) -> SalvageResult:
    """Bring back what can be brought back (module docstring); the caller commits."""
    result = SalvageResult()
    left_in_chain: dict[tuple[str, str], str] = {}
    for candidate in candidates:
        reasons = _why_not(uow, candidate, left_in_chain)
        if not reasons and not insert_sale(uow, candidate, register_id, staff_id, stamp):
            reasons = {n: Reason("no_fit") for n in candidate.numbers}
        if not reasons:
            result.salvaged += candidate.numbers
            continue
        first = next(iter(reasons))
        whys = {
            n: reasons.get(n) or Reason("same_sale", {"other": first}) for n in candidate.numbers
        }
        for number, why in whys.items():
            result.left.append((number, why))
            if number in candidate.chain_of:
                left_in_chain[candidate.chain_of[number]] = number
        _keep_left(uow, candidate, whys, result)
    return result


def _keep_left(
    uow: UnitOfWork, candidate: Candidate, whys: dict[str, Reason], result: SalvageResult
) -> None:
    """A signed sale that cannot come back is never silently dropped: every row it wrote is
    kept for the export, and its receipts' events are queued for the server again (same ids:
    the server stores each once and holds them in the tenant's record)."""
    rows = candidate.rows
    if rows is None:
        return  # unreadable: only the journal tail says what can be read of it
    result.left_sales.append(left_sale_record(rows, whys))
    for receipt in rows.receipts:
        event = rows.outbox.get(receipt["id"])
        if event is not None:
            uow.outbox.requeue_outbox(event)
            result.queued_left.append(receipt["number_text"])


def _why_not(
    uow: UnitOfWork, candidate: Candidate, left_in_chain: dict[tuple[str, str], str]
) -> dict[str, Reason]:
    """Per receipt number, why it cannot come back (empty: the sale can)."""
    rows = candidate.rows
    if rows is None:
        return {n: Reason("unreadable") for n in candidate.numbers}
    if rows.sale["kind"] not in _SALE_KINDS:
        return {n: Reason("repair", {"kind": rows.sale["kind"]}) for n in candidate.numbers}
    reasons = {}
    for receipt in rows.receipts:
        chain = (receipt["tenant_id"], receipt["register_id"])
        nr, signature = uow.signatures.chain_head(*chain)
        number = receipt["number_text"]
        if receipt["sig_nr"] != nr + 1:
            before = left_in_chain.get(chain)
            reasons[number] = (
                Reason("after_left", {"before": before})
                if before is not None
                else Reason("chain_gap", {"sig_nr": receipt["sig_nr"], "head": nr})
            )
        elif candidate.previous.get(receipt["id"]) != signature:
            reasons[number] = Reason("chain_mismatch")
    return reasons
