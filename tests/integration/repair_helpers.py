"""Helpers for repair tests: a filled-in intake form, a photo file, and a job taken to 'ready'."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from pos.counter import Counter
from pos.model.payment import Tender, TenderKind
from pos.model.repair import RepairStatus
from pos.services import repair_edit, repair_intake, repair_money, repair_status, repair_work
from pos.services.context import TillContext

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


def photo(directory: Path, name: str = "front.png") -> Path:
    path = directory / name
    path.write_bytes(PNG)
    return path


def bike_form(**changes: object) -> repair_intake.IntakeForm:
    form = repair_intake.IntakeForm(
        tenant_code="13",
        customer_name="Ola Nordmann",
        phone="+47 912 34 567",
        email="ola@example.no",
        contact_consent=True,
        category="Sykkel",
        brand_model="DBS Intruder 28",
        serial="WTU123456",
        fault="Girer ikke, bremsene tar dårlig",
        condition="Riper på rammen, rust på kjedet",
        accessories=("Lykt", "Veske"),
        estimate=60000,
        approval_limit=80000,
        deposit=20000,
        promised_date=date(2026, 3, 9),
        technician_no="2001",
        terms_accepted=True,
    )
    return replace(form, **changes)  # type: ignore[arg-type]


def take_in(counter: Counter, ctx: TillContext, **changes: object) -> str:
    return repair_intake.take_in(counter.uow, ctx, bike_form(**changes), data_dir=counter.data_dir)


def ready_job(counter: Counter, ctx: TillContext, *, deposit: bool = True) -> str:
    """A bike job with 450 kr labour and a brake pad set (149 kr), ready for pickup."""
    ticket = take_in(counter, ctx)
    if deposit:
        repair_money.pay_deposit(counter.uow, ctx, ticket, [Tender(TenderKind.CASH, 20000)])
    repair_status.change_status(counter.uow, ctx, ticket, RepairStatus.DIAGNOSING)
    repair_work.add_labour(counter.uow, ctx, ticket, "Justere gir og bremser", amount=45000)
    repair_work.add_part(counter.uow, ctx, ticket, "SYK-BREMS")
    repair_status.change_status(counter.uow, ctx, ticket, RepairStatus.IN_REPAIR)
    repair_status.change_status(counter.uow, ctx, ticket, RepairStatus.READY_FOR_PICKUP)
    return ticket


def make_every_repair_fact(counter: Counter, ctx: TillContext, directory: Path) -> str:
    """A job with a photo, a note, a removed line, an approval, a deposit and a status history."""
    ticket = take_in(counter, ctx, photos=(photo(directory),))
    repair_edit.add_note(counter.uow, ctx, ticket, "Kunden vil ha gamle deler tilbake")
    repair_money.pay_deposit(counter.uow, ctx, ticket, [Tender(TenderKind.CASH, 20000)])
    line = repair_work.add_labour(counter.uow, ctx, ticket, "Feilsøking", minutes=30)
    repair_work.remove_line(counter.uow, ctx, ticket, line.line_id, "Gratis")
    repair_work.record_approval(
        counter.uow, ctx, ticket, 90000, repair_work.ApprovalMethod.PHONE, "Ringte kl. 12"
    )
    repair_status.change_status(counter.uow, ctx, ticket, RepairStatus.DIAGNOSING)
    return ticket
