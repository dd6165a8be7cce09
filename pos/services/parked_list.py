"""The parked baskets of a register as the cashier chooses one: who parked it, when, which
tenants it holds and its first item, so the right customer's basket is found at a glance."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pos.clock import OSLO
from pos.model.basket_codec import lines_from_json
from pos.money import Ore, format_nok
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory


@dataclass(frozen=True)
class ParkedBasket:
    id: str
    parked_by: str
    parked_at: str
    """Local time: ``14:05`` today, ``06.12 14:05`` another day."""
    tenants: str
    """``11 Bua Brukte Klær AS, 15 Kafé Kvisten SA`` (a repair job counts its workshop)."""
    first_item: str
    lines: int
    total: Ore
    training: bool
    label: str

    @property
    def total_text(self) -> str:
        return f"{format_nok(self.total)} kr"

    @property
    def summary(self) -> str:
        """One line: who parked it, its first item and its tenants."""
        more = f" (+{self.lines - 1})" if self.lines > 1 else ""
        return f"{self.parked_by}: {self.first_item}{more} · {self.tenants}"


def parked_baskets(
    uow_factory: UnitOfWorkFactory, register_id: str, today: datetime
) -> list[ParkedBasket]:
    """Oldest first. ``today``: the counter's time now, to tell today's from earlier ones."""
    with uow_factory.read() as uow:
        return parked_in(uow, register_id, today)


def parked_in(
    uow: UnitOfWork, register_id: str, today: datetime | None = None
) -> list[ParkedBasket]:
    """``parked_baskets`` inside a unit of work the caller holds (no ``today``: every time
    with its date)."""
    rows = uow.baskets.parked(register_id)
    tenants = {t.id: f"{t.code} {t.name}" for t in uow.tenants.tenants()}
    jobs = {
        ticket: uow.repairs.ticket_row(ticket)
        for row in rows
        for ticket in json.loads(row["pickups"] or "[]")
    }
    day = today.astimezone(OSLO).date() if today is not None else None
    return [_parked(row, tenants, jobs, day) for row in rows]


def _parked(
    row: Mapping[Any, Any],
    tenants: dict[str, str],
    jobs: dict[str, dict | None],
    today: date | None,
) -> ParkedBasket:
    lines = lines_from_json(row["payload"])
    tickets = json.loads(row["pickups"] or "[]")
    owners = [line.tenant_id for line in lines]
    owners += [job["tenant_id"] for t in tickets if (job := jobs.get(t)) is not None]
    first = lines[0].description if lines else (f"rep. {tickets[0]}" if tickets else "–")
    stamp = str(row["parked_at"]).replace("Z", "+00:00")
    parked_at = datetime.fromisoformat(stamp).astimezone(OSLO)
    when = f"{parked_at:%H:%M}" if parked_at.date() == today else f"{parked_at:%d.%m %H:%M}"
    return ParkedBasket(
        id=str(row["id"]),
        parked_by=str(row["staff_name"]),
        parked_at=when,
        tenants=", ".join(tenants.get(tid, tid) for tid in dict.fromkeys(owners)),
        first_item=first,
        lines=len(lines) + len(tickets),
        total=int(row["total"]),
        training=bool(row["training"]),
        label=str(row["label"] or ""),
    )
