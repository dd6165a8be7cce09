"""The support log's lines for money and refusals: what a support person needs to follow a
day at the counter (sales, returns, deposits, and why something was refused), in English, and
never who the customer is or a secret. The file and its rotation: ``cli.main``."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from typing import ParamSpec, TypeVar

from pos.errors import DomainError, PermissionDenied
from pos.model.payment import Tender
from pos.model.sale import RecordedReceipt
from pos.money import Ore, format_nok
from pos.services.context import TillContext

log = logging.getLogger("pos.services.money")
P = ParamSpec("P")
R = TypeVar("R")


def log_recorded(
    what: str,
    ctx: TillContext,
    receipts: Sequence[RecordedReceipt],
    tenders: Sequence[Tender],
    change: Ore = 0,
) -> None:
    """One line per sale, return or deposit, once it is committed: where, by which staff
    number, the receipt numbers, the total and how it was paid."""
    total = sum(r.total for r in receipts)
    paid = ", ".join(
        f"{t.kind.value} {format_nok(t.amount)}"
        + (f" ({t.credit_note_number})" if t.credit_note_number else "")
        for t in tenders
    )
    log.info(
        "%s recorded at %s by staff %s%s: %s, total %s kr, paid %s%s",
        what, ctx.register_id, ctx.operator.staff_no, " in training" if ctx.training else "",
        ", ".join(r.number for r in receipts), format_nok(total), paid or "nothing",
        f", change {format_nok(change)} kr" if change else "",
    )  # fmt: skip


def basket_parked(ctx: TillContext, parked_id: str, lines: int, total: Ore, why: str = "") -> None:
    """A basket put aside (F6, at log-out, or found interrupted after a restart): which one
    (the start of its id, as the line that fetches it says), its size and total; never its
    label, which may name the customer."""
    log.info(
        "basket %s parked at %s by staff %s%s%s: %d line(s), total %s kr",
        parked_id[:8], ctx.register_id, ctx.operator.staff_no, f" {why}" if why else "",
        " in training" if ctx.training else "", lines, format_nok(total),
    )  # fmt: skip


def basket_resumed(ctx: TillContext, parked_id: str, lines: int, total: Ore, problems: int) -> None:
    log.info(
        "basket %s fetched at %s by staff %s: %d line(s), total %s kr%s",
        parked_id[:8], ctx.register_id, ctx.operator.staff_no, lines, format_nok(total),
        f", {problems} repair job(s) could not be put back" if problems else "",
    )  # fmt: skip


def refusals_logged(what: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Log a refusal of ``what`` (a sale, a return) with its reason, and let it go on to the
    person. Asking for a manager's approval is not a refusal yet."""

    def wrap(action: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(action)
        def logged(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return action(*args, **kwargs)
            except PermissionDenied:
                raise
            except DomainError as error:
                log.warning("%s refused: %s", what, error.message("en"))
                raise

        return logged

    return wrap
