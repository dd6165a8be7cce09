"""The support log's lines for the counter's day around the sales: the centre set up (or joined
from the server), the till opened, cash put in or taken out, the till closed or handed over, X
and Z reports, items registered, the time confirmed and backups taken. A support person
follows a day with them ("was the till opened before the sale?", "which Z is missing?"); they
name staff by number, never a PIN or a customer. Lines for sales and refusals: ``support_log``."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from pos.clock import OSLO
from pos.errors import DomainError
from pos.model.payment import TenderKind
from pos.model.reports import DrawerReport
from pos.model.till_close import TillCloseDoc
from pos.money import Ore, format_nok
from pos.services.context import TillContext

log = logging.getLogger("pos.services.day")
LISTED_CODES = 5
"""Item codes named in one line; a larger import says how many more."""


def centre_set_up(centre_name: str, register_id: str, staff_no: str, tenants: int) -> None:
    log.info(
        "centre %r set up at %s by staff %s with %d tenant(s)",
        centre_name, register_id, staff_no, tenants,
    )  # fmt: skip


def centre_joined(centre_name: str, register_id: str, staff: int, items: int) -> None:
    """A counter set up from the central server: its centre and staff have arrived."""
    log.info(
        "centre %r joined from the server as register %s: %d staff, %d item(s)",
        centre_name, register_id, staff, items,
    )  # fmt: skip


def till_opened(ctx: TillContext, float_amount: Ore, *, counted: bool) -> None:
    log.info(
        "till opened at %s by staff %s: float %s kr%s",
        ctx.register_id, ctx.operator.staff_no, format_nok(float_amount),
        " (counted by denomination)" if counted else "",
    )  # fmt: skip


def cash_moved(ctx: TillContext, amount: Ore) -> None:
    log.info(
        "cash %s at %s by staff %s: %s kr",
        "put in" if amount > 0 else "taken out", ctx.register_id, ctx.operator.staff_no,
        format_nok(abs(amount)),
    )  # fmt: skip


def till_closed(ctx: TillContext, doc: TillCloseDoc, *, shift_change: bool) -> None:
    """The count against the drawer; a card terminal or Vipps total typed that differs from
    what the till took is said at WARNING, one line each."""
    log.info(
        "till %s at %s by staff %s: expected %s kr, counted %s kr, variance %s kr",
        "handed over" if shift_change else "closed", ctx.register_id, ctx.operator.staff_no,
        format_nok(doc.expected_cash), format_nok(doc.counted_cash), format_nok(doc.variance),
    )  # fmt: skip
    for batch in doc.batches:
        if batch.entered is not None and batch.difference:
            log.warning(
                "%s total at the till close at %s: entered %s kr, recorded %s kr since the "
                "last close, difference %s kr",
                TenderKind(batch.kind).label_en, ctx.register_id, format_nok(batch.entered),
                format_nok(batch.recorded), format_nok(batch.difference),
            )  # fmt: skip


def price_changed(ctx: TillContext, code: str, old: Ore | None, new: Ore) -> None:
    log.info(
        "price of item %s changed at %s by staff %s: %s -> %s kr",
        code, ctx.register_id, ctx.operator.staff_no,
        "open price" if old is None else f"{format_nok(old)} kr", format_nok(new),
    )  # fmt: skip


def reports_taken(ctx: TillContext, kind: str, reports: Sequence[DrawerReport]) -> None:
    """One line per tenant's X or Z report (``kind``), or one saying none had use."""
    if not reports:
        log.info("%s report at %s by staff %s: no tenant had use", kind, ctx.register_id,
                 ctx.operator.staff_no)  # fmt: skip
    for report in reports:
        number = f" nr {report.z_number}" if report.z_number is not None else ""
        log.info(
            "%s report%s for org.no %s, business day %s, at %s by staff %s: net %s kr",
            kind, number, report.org_no, report.business_date, ctx.register_id,
            ctx.operator.staff_no, format_nok(report.total_cash_sales),
        )  # fmt: skip


def items_registered(ctx: TillContext, codes: Sequence[str]) -> None:
    if not codes:
        return
    named = ", ".join(codes[:LISTED_CODES])
    more = f" and {len(codes) - LISTED_CODES} more" if len(codes) > LISTED_CODES else ""
    log.info(
        "%d item(s) registered at %s by staff %s: %s%s",
        len(codes), ctx.register_id, ctx.operator.staff_no, named, more,
    )  # fmt: skip


def time_confirmed(staff_no: str, pc_time: datetime, real_time: datetime) -> None:
    log.info(
        "time confirmed by staff %s: the PC said %s, the right time is %s (Norwegian time)",
        staff_no, f"{pc_time.astimezone(OSLO):%Y-%m-%d %H:%M}",
        f"{real_time.astimezone(OSLO):%Y-%m-%d %H:%M}",
    )  # fmt: skip


def records_ahead_declared(staff_no: str, last_record: datetime, real_time: datetime) -> None:
    log.warning(
        "records stamped ahead, declared by staff %s: the last record says %s, the right time "
        "is %s (Norwegian time)",
        staff_no, f"{last_record.astimezone(OSLO):%Y-%m-%d %H:%M}",
        f"{real_time.astimezone(OSLO):%Y-%m-%d %H:%M}",
    )  # fmt: skip


def clock_problem(problem: DomainError) -> None:
    """Nothing can be recorded until a manager confirms the time (said once while it lasts;
    the message names the PC's time and the last record's)."""
    log.warning("the till records nothing: %s", problem.message("en"))


def backup_taken(path: Path, reason: str) -> None:
    log.info("backup taken (%s): %s", reason, path.name)
