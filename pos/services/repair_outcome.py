"""Repair outcome data and its export as Open Repair Data Standard (ORDS v0.3) CSV, so the
centre can report its reuse impact: which things were fixed, which were not, and why."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pos.clock import OSLO
from pos.model.ords import BARRIERS, ORDS_FIELDS, InvalidOutcome, Outcome, ords_record
from pos.model.repair import RepairStatus
from pos.services.context import TillContext
from pos.services.repair_common import journal, load_ticket
from pos.services.repair_edit import record_fields
from pos.unit_of_work import UnitOfWorkFactory

FINAL = (
    RepairStatus.COLLECTED, RepairStatus.NOT_REPAIRABLE, RepairStatus.RETURNED_UNREPAIRED,
    RepairStatus.SCRAPPED,
)  # fmt: skip


def record_outcome(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    ticket_code: str,
    outcome: Outcome | str,
    *,
    barrier: int | None = None,
    year_of_manufacture: int | None = None,
) -> None:
    """The technician's verdict; a barrier only belongs to an end-of-life outcome."""
    try:
        verdict = Outcome(outcome)
    except ValueError as error:
        raise InvalidOutcome(str(outcome)) from error
    if barrier is not None and (verdict is not Outcome.END_OF_LIFE or barrier not in BARRIERS):
        raise InvalidOutcome(f"barrier {barrier}")
    stamp = ctx.stamp()
    if year_of_manufacture is not None and not 1900 <= year_of_manufacture <= int(
        stamp.local_date[:4]
    ):
        raise InvalidOutcome(f"year {year_of_manufacture}")
    with uow_factory() as uow:
        row, _ticket = load_ticket(uow, ticket_code)
        record_fields(uow, ctx, row, {
            "outcome": verdict.value, "barrier": barrier,
            "year_of_manufacture": year_of_manufacture,
        }, journaled=False)  # fmt: skip
        journal(uow, ctx, stamp, row["tenant_id"], {
            "kind": "repair_outcome", "ticket": row["id"], "outcome": verdict.value,
            "barrier": barrier, "year_of_manufacture": year_of_manufacture,
        })  # fmt: skip
        uow.commit()


@dataclass(frozen=True)
class OrdsExport:
    path: Path
    records: int


def export_ords(
    uow_factory: UnitOfWorkFactory,
    date_from: str,
    date_to: str,
    out: Path,
    *,
    provider: str = "",
    country: str = "NOR",
) -> OrdsExport:
    """Every job that ended (collected, not repairable, returned, scrapped) in the period, as
    ORDS CSV. No customer data leaves: only the item, the fault (scrubbed) and the outcome."""
    with uow_factory.read() as uow:
        provider = provider or uow.meta.get_meta("centre_name") or "Omigjen"
        candidates = uow.repairs.ended_between(date_from, date_to, [s.value for s in FINAL])
    rows = [r for r in candidates if date_from <= _local_date(r["ended_at"]) <= date_to]
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(ORDS_FIELDS)
        for row in rows:
            writer.writerow(_record(row, provider, country))
    return OrdsExport(out, len(rows))


def _record(row: dict, provider: str, country: str) -> list[object]:
    return ords_record(
        row, provider, country, _local_date(row["ended_at"]), _local_date(row["updated_at"])
    )


def _local_date(utc_iso: str) -> str:
    return (
        datetime.fromisoformat(utc_iso.replace("Z", "+00:00")).astimezone(OSLO).date().isoformat()
    )
