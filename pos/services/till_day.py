"""The till's day at one register: closed until someone opens it with a stated float; open
through the day's sales, cash in and out and shift changes; closed by the blind count at day end
(then the Z reports), after which the next login opens a new session with a new float.

The rules, enforced here and in the services named:

- Nothing is sold, returned or moved in or out of the drawer without an open session
  (``checkout``, ``returns``, ``till.move_cash`` raise TillNotOpen). The counter reads
  ``till_status`` at login and asks for the float then, and ``require_open`` refuses the first
  line of a basket, so a closed till is never first noticed at payment.
- Opening needs OPEN_TILL (a manager, or anyone with a manager's approval). The float must be
  stated: an amount (0 is allowed, a day without cash) or a count by denomination; the count is
  journaled with it (``till.open_till``: 13999 till_open and 13005, the drawer opens).
- Cash in and out need CASH_IN_OUT (cashiers and managers; a technician with a manager's
  approval) and a reason (``till.move_cash``); cash out is journaled as a withdrawal (13019).
- A shift change (vaktbytte) is the outgoing person's blind count: it closes their session as a
  close does (variance kept, a note when off) and opens the next session with the counted cash
  as its float, in one transaction. No Z is taken, and the day's opening float (X/Z k) stays
  the one the day was opened with. Needs SHIFT_CHANGE (cashiers and managers).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pos.adapters.report_queries import ReportQueries
from pos.clock import OSLO
from pos.errors import DomainError, TillNotOpen, TrainingRestriction
from pos.model.events import OtherEvent
from pos.model.staff import Operator, Permission
from pos.model.till_close import BlindCount, TillCloseDoc
from pos.money import Ore
from pos.services import day_log, till, till_close
from pos.services.context import TillContext
from pos.unit_of_work import UnitOfWorkFactory


class FloatRequired(DomainError):
    code = "float_required"
    nb = (
        "Skriv vekselkassen: beløpet i skuffen, eller tell den per valør "
        "(0 kr er lov for en dag uten kontanter)."
    )
    en = (
        "Enter the float: the amount in the drawer, or count it by denomination "
        "(0 kr is allowed for a day without cash)."
    )


@dataclass(frozen=True)
class TillStatus:
    """What the counter says about its till at login and on the till page."""

    register_id: str
    is_open: bool
    since: str
    """Local 'YYYY-MM-DD HH:MM': when the open session began, or when the last one closed;
    '' if the register has never been opened."""
    opened_by: str
    """Name of who opened the open session (or handed it over); '' when closed."""
    float_amount: Ore
    """The open session's float; when closed, the last session's (a hint for the next)."""
    cash_in: Ore = 0
    cash_out: Ore = 0
    """Negative: what was taken out during the open session."""
    last_counted: Ore | None = None
    """When closed: the cash counted in the drawer at that close (None if it was never
    counted); it differs from ``float_amount`` by the day's cash and any cash in or out."""
    held_by: str = ""
    """Name of who holds the open till now: its opener, or after a shift change the first
    person who logged in at the register since ('' while nobody has)."""
    handed_over: bool = False
    """The open session began at a shift change (``opened_by`` handed the drawer over)."""
    day_opened_by: str = ""
    day_opened_at: str = ""
    """After a shift change: who opened the day with its float, and when (local time)."""


def _local(utc_iso: str | None) -> str:
    if not utc_iso:
        return ""
    moment = datetime.fromisoformat(str(utc_iso).replace("Z", "+00:00"))
    return moment.astimezone(OSLO).strftime("%Y-%m-%d %H:%M")


def till_status(uow_factory: UnitOfWorkFactory, register_id: str) -> TillStatus:
    with uow_factory.read() as uow:
        session = uow.till.last_session(register_id)
        if session is None:
            return TillStatus(register_id, False, "", "", 0)
        float_amount = int(session["float_amount"])
        if session["closed_at"] is not None:
            close = uow.reports.last_till_close(register_id)
            counted = None
            if close is not None and close["till_session_id"] == session["id"]:
                counted = int(close["counted_cash"])
            closed_at = _local(session["closed_at"])
            return TillStatus(register_id, False, closed_at, "", float_amount, last_counted=counted)
        moved = uow.reports.session_movements(str(session["id"]))
        names = uow.reports.staff_names()
        holding = _holding(uow.reports, register_id, str(session["id"]))

    def name(staff_id: str | None) -> str:
        return names.get(str(staff_id), ("", ""))[1] if staff_id else ""

    opener = name(session["opened_by"])
    day_opened = holding.day_opened or {}
    return TillStatus(
        register_id,
        True,
        _local(session["opened_at"]),
        opener,
        float_amount,
        moved.get("in", 0),
        moved.get("out", 0),
        held_by=name(holding.holder) if holding.handed_over else opener,
        handed_over=holding.handed_over,
        day_opened_by=name(day_opened.get("staff_id")),
        day_opened_at=_local(day_opened.get("created_at")),
    )


@dataclass(frozen=True)
class _Holding:
    handed_over: bool
    holder: str | None = None
    day_opened: dict[str, Any] | None = None


def _holding(rq: ReportQueries, register_id: str, session_id: str) -> _Holding:
    """Whether the session was handed over at a shift change; if so who took it (the first
    login since: the outgoing person logs out at the hand-over) and how the day was opened."""
    start = rq.session_start(session_id)
    if start is None or start["kind"] != OtherEvent.SHIFT_CHANGE:
        return _Holding(False)
    seq = int(start["seq"])
    return _Holding(
        True, rq.first_login_after(register_id, seq), rq.till_opened_before(register_id, seq)
    )


def require_open(uow_factory: UnitOfWorkFactory, register_id: str) -> None:
    """Raise TillNotOpen unless the register has an open session."""
    with uow_factory.read() as uow:
        if uow.till.open_session(register_id) is None:
            raise TillNotOpen()


def opening_float(amount: Ore | None, count: BlindCount | None) -> Ore:
    """The float stated at opening: the count's total when counted, else the amount typed."""
    if count is not None and count.total > 0:
        return count.total
    if amount is None:
        raise FloatRequired()
    return amount


def open_with_float(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    amount: Ore | None,
    count: BlindCount | None = None,
    approver: Operator | None = None,
) -> str:
    """Open the till with the stated float (see ``opening_float``); returns the session id."""
    float_amount = opening_float(amount, count)
    counted = count if count is not None and count.total > 0 else None
    return till.open_till(uow_factory, ctx, float_amount, approver, count=counted)


def hand_over(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    count: BlindCount,
    *,
    note: str = "",
    approver: Operator | None = None,
) -> TillCloseDoc:
    """A shift change: close this session with the blind count and open the next one with the
    counted cash as its float, in one transaction; no Z. Returns the close document."""
    approved_by = ctx.require(Permission.SHIFT_CHANGE, approver)
    if ctx.training:  # the drawer is real money even in training
        raise TrainingRestriction("vaktbytte")
    with uow_factory() as uow:
        doc = till_close.record_close(
            uow, ctx, count, note=note, approved_by=approved_by, shift_change=True
        )
        details: dict[str, object] = {
            "kind": OtherEvent.SHIFT_CHANGE,
            "float": doc.counted_cash,
            "after_close": doc.close_id,
        }
        till.start_session(uow, ctx, ctx.stamp(), doc.counted_cash, details)
        uow.commit()
    day_log.till_closed(ctx, doc, shift_change=True)
    return doc
