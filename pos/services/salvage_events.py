"""Bringing back what the replaced store recorded after the backup besides sales: cash put in
or taken out (13019, 13999 ``cash_in``), drawer openings (13005, with or without a sale),
receipt copies (13014, a training copy's 13017), baskets parked and resumed (13010/13011, with
the parked basket itself: a draft, waiting again as it was), and the journal-only events the
X/Z counts (voids 13028, price look-ups 13022, line deletes 13999 ``line_delete``). Without
them the X/Z and the till page lose the cash moved, and a receipt whose one copy was printed
could be copied again. The till's opening, shift change and close after the backup come back
too (the session, the close with its count and tenants' lines), so the till stands as the
replaced store had it.

They come back after the salvaged sales, in the replaced store's journal order, journaled again
at the time of the restore as the sales are: with their original journal position, hash, date
and time under ``salvaged``, under their own code so the next Z counts them, or as 13999
``salvaged_event`` when a Z of the replaced store counted them already (a copy keeps 13014,
and the X/Z does not count it again). A cash movement comes
back with its row (and its till session when the backup lacks it), a copy with its copy record
and its number series raised; their queued events go to the server again with their own ids.
One that cannot come back (its row cannot be read, a copy whose receipt did not come back) is
named with why in the restore's message and in ``salvage/<time>/receipts.json``.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from pos.adapters.salvage_reader import ReplacedStore
from pos.adapters.salvage_store import RowsDoNotFit
from pos.clock import Stamp
from pos.model.events import EventCode, OtherEvent
from pos.money import format_nok
from pos.services.salvage_result import Reason, Said, SalvageResult
from pos.unit_of_work import UnitOfWork


@dataclass
class EventCandidate:
    """One journal row of the replaced store after the backup that is not a sale's."""

    what: str
    """``cash``, ``drawer`` or ``copy``."""
    row: dict[str, Any]
    details: dict[str, Any]
    movement: tuple[dict[str, Any], dict[str, Any]] | None = None
    """A cash movement's row and its till session (None: they cannot be read)."""
    copy: dict[str, Any] | None = None
    parked: dict[str, Any] | None = None
    """A parked basket's row (None: it cannot be read)."""
    till: dict[str, Any] | None = None
    """A till event's rows (``ReplacedStore.till_rows``; None: they cannot be read)."""
    outbox: dict[str, Any] | None = None
    counted_in_z: int | None = None

    def label(self) -> Said:
        """What it was, for the manager: kind, amount or receipt, and when."""
        row, details = self.row, self.details
        when = {"date": row["local_date"], "time": row["local_time"][:5], "seq": row["seq"]}
        if self.what == "cash":
            amount = int(row["amount"] or 0)
            code = "cash_in" if amount > 0 else "cash_out"
            reason = str(details.get("reason", ""))
            return Said(code, {"amount": format_nok(abs(amount)), "reason": reason, **when})
        if self.what == "copy":
            return Said("copy", {"number": details.get("number", ""), **when})
        if self.what == "parked":
            code = "park" if row["event_code"] == EventCode.PARK else "resume"
            return Said(code, {"amount": format_nok(abs(int(row["amount"] or 0))), **when})
        if self.what in ("counted", "till"):
            code = _COUNTED.get(EventCode(row["event_code"])) or str(details.get("kind"))
            return Said(code, {"amount": format_nok(abs(int(row["amount"] or 0))), **when})
        no_sale = details.get("reason") == "no_sale"
        return Said("drawer_no_sale" if no_sale else "drawer", when)


_COUNTED = {EventCode.VOID: "void", EventCode.PRICE_LOOKUP: "price_lookup"}
"""Journal-only events the X/Z counts (voids, price look-ups; line deletes below)."""
_TILL_KINDS = {OtherEvent.TILL_OPEN, OtherEvent.SHIFT_CHANGE, "till_close"}
"""The till's own opening, shift change and close: brought back with their rows."""


def _what(row: dict[str, Any], details: dict[str, Any]) -> str | None:
    code = row["event_code"]
    kind = details.get("kind")
    if "salvaged" in details:
        return None  # brought back by an earlier restore: its own rows came with it
    if code == EventCode.CASH_WITHDRAWAL or (
        code == EventCode.OTHER and kind == OtherEvent.CASH_IN
    ):
        return "cash"
    if code == EventCode.DRAWER_OPEN:
        return "drawer"
    if code in (EventCode.PARK, EventCode.RESUME):
        return "parked"
    if code in _COUNTED or (code == EventCode.OTHER and kind == OtherEvent.LINE_DELETE):
        return "counted"
    if code == EventCode.OTHER and kind in _TILL_KINDS:
        return "till"
    if code == EventCode.COPY_RECEIPT or (
        code == EventCode.TRAINING_RECEIPT and "copy_number" in details
    ):
        return "copy"
    return None


def collect_events(
    replaced: ReplacedStore, after_seq: int, device_seq: int
) -> list[EventCandidate]:
    """The replaced store's cash movements, drawer openings and copies after the backup's
    journal head, in journal order, with the rows and queued events they need."""
    moved = replaced.outbox_by(device_seq, "cash.moved", "movement_id")
    copied = replaced.outbox_by(device_seq, "receipt.copied", "receipt_id")
    opened = replaced.outbox_by(device_seq, "till.opened", "session_id")
    closed = replaced.outbox_by(device_seq, "till.closed", "close_id")
    found = []
    for row in replaced.journal_tail(after_seq):
        try:
            details = json.loads(row["details"])
        except (ValueError, TypeError):
            continue
        what = _what(row, details) if isinstance(details, dict) else None
        if what is None:
            continue
        candidate = EventCandidate(what, row, details)
        ref = row["ref_id"] or ""
        if what == "cash":
            candidate.movement = replaced.cash_movement(ref)
            candidate.outbox = moved.get(ref)
        elif what == "copy":
            candidate.copy = replaced.receipt_copy(ref)
            candidate.outbox = copied.get(ref)
        elif what == "parked":
            candidate.parked = replaced.parked_basket(ref)
        elif what == "till":
            kind = str(details.get("kind"))
            candidate.till = replaced.till_rows(kind, ref)
            candidate.outbox = (closed if kind == "till_close" else opened).get(ref)
        candidate.counted_in_z = replaced.z_counting_row(row["register_id"], row["seq"])
        found.append(candidate)
    return found


def put_back_events(
    uow: UnitOfWork, candidates: list[EventCandidate], stamp: Stamp, result: SalvageResult
) -> None:
    """Bring back each event that can be (module docstring); the caller commits."""
    for candidate in candidates:
        why = _put_back_rows(uow, candidate)
        if why is not None:
            result.events_left.append((candidate.label(), why))
            continue
        _journal_again(uow, candidate, stamp)
        if candidate.outbox is not None:
            uow.outbox.requeue_outbox(candidate.outbox)
        result.events_salvaged.append(candidate.label())


def _put_back_rows(uow: UnitOfWork, candidate: EventCandidate) -> Reason | None:
    """The rows the event wrote, put back; why not, when they cannot be."""
    row, details = candidate.row, candidate.details
    if candidate.what == "till":
        return _put_back_till(uow, candidate)
    if candidate.what == "parked":
        if candidate.parked is None:
            return Reason("event_unreadable")
        if row["event_code"] == EventCode.PARK:
            uow.salvaged.put_back_parked(candidate.parked)
        else:
            uow.salvaged.put_back_resumed(candidate.parked)
    if candidate.what == "cash":
        if candidate.movement is None:
            return Reason("event_unreadable")
        try:
            with uow.salvaged.all_or_nothing():
                uow.salvaged.put_back_cash_movement(*candidate.movement)
        except RowsDoNotFit:
            return Reason("event_no_fit")
    elif candidate.what == "copy":
        number = str(details.get("number", ""))
        if uow.queries.receipt_by_number(number) is None:
            return Reason("copy_receipt_left", {"number": number})
        copy = candidate.copy or _copy_from_journal(row, details, candidate.outbox)
        try:
            with uow.salvaged.all_or_nothing():
                uow.salvaged.put_back_copy(copy)
        except RowsDoNotFit:
            return Reason("event_no_fit")
        series = "copy:training" if details.get("training") else "copy"
        uow.numbers.raise_counter(
            f"{series}:{row['tenant_id']}:{row['register_id']}", int(copy["number"])
        )
    return None


def _put_back_till(uow: UnitOfWork, candidate: EventCandidate) -> Reason | None:
    """The session an opening or shift change started, or a close with its count, as the
    replaced store had it; one that does not fit (the restored till still open where the
    replaced store opened another) is named with why."""
    if candidate.till is None:
        return Reason("event_unreadable")
    try:
        with uow.salvaged.all_or_nothing():
            if "close" in candidate.till:
                uow.salvaged.put_back_till_close(candidate.till)
            else:
                uow.salvaged.put_back_till_open(candidate.till["session"])
    except RowsDoNotFit:
        return Reason("till_record")
    return None


def _copy_from_journal(
    row: dict[str, Any], details: dict[str, Any], event: dict[str, Any] | None
) -> dict[str, Any]:
    """A copy record whose row cannot be read, made again from its journal row (and the id
    its queued event carries): the copy was printed, so the receipt's one copy is used."""
    copy_id = None
    if event is not None:
        try:
            copy_id = json.loads(event["payload"]).get("copy_id")
        except (ValueError, TypeError, AttributeError):
            copy_id = None
    return {
        "id": copy_id or str(uuid.uuid4()),
        "receipt_id": row["ref_id"],
        "number": int(details.get("copy_number") or 0),
        "staff_id": row["staff_id"],
        "created_at": row["created_at"],
    }


def _journal_again(uow: UnitOfWork, candidate: EventCandidate, stamp: Stamp) -> None:
    row = candidate.row
    details = dict(candidate.details)
    details["salvaged"] = {
        "journal_seq": row["seq"],
        "journal_hash": row["hash"],
        "date": row["local_date"],
        "time": row["local_time"],
        "counted_in_z": candidate.counted_in_z,
    }
    code = EventCode(row["event_code"])
    if candidate.counted_in_z is not None and candidate.what != "copy":
        # on a Z already: journaled, not counted again (a copy keeps its code, which its copy
        # record is verified against; the X/Z passes over a salvaged copy a Z counted)
        details["event_code"] = int(code)
        details["kind"] = OtherEvent.SALVAGED_EVENT
        code = EventCode.OTHER
    uow.journal.append_journal(
        register_id=row["register_id"],
        event_code=code,
        stamp=stamp,
        staff_id=row["staff_id"],
        tenant_id=row["tenant_id"],
        amount=row["amount"],
        ref_id=row["ref_id"],
        details=details,
    )
