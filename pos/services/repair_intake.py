"""Taking in a repair: the ticket with customer, item, fault, condition, accessories, photos,
estimate, approval limit, deposit asked, promised date, technician and accepted terms.

Saved in ONE transaction with its history row, a 13999 "repair_intake" journal row carrying the
whole intake, and a ``repair.ticket_created`` outbox event: intake data is never lost. Photos are
copied into ``<data dir>/photos/<ticket>/`` first and removed again if the save fails.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pos.errors import DomainError, UnknownTenant
from pos.model.basket import check_amount
from pos.model.contact import parse_email, parse_phone
from pos.model.events import OtherEvent
from pos.model.repair import RepairStatus
from pos.model.ticket_id import make_ticket_id
from pos.money import Ore
from pos.services import desk_log, ticket_clock
from pos.services.context import TillContext
from pos.services.labels import NoLabelBlock
from pos.services.repair_common import (
    journal,
    missing,
    technician_id,
)
from pos.services.repair_edit import check_travels
from pos.services.repair_work import labour_item
from pos.sync_protocol import TICKET_FIELDS
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory

PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".heic", ".gif", ".bmp"})
PHOTO_MAX_BYTES = 25 * 1024 * 1024


class PhotoProblem(DomainError):
    code = "photo_problem"
    nb = "Bildet «{value}» kan ikke legges ved: {reason_nb}."
    en = "The photo '{value}' cannot be attached: {reason_en}."


@dataclass(frozen=True)
class IntakeForm:
    """What the technician fills in at the counter (amounts in øre; phone/e-mail as typed)."""

    tenant_code: str
    customer_name: str
    phone: str = ""
    email: str = ""
    contact_consent: bool = False
    category: str = ""
    brand_model: str = ""
    serial: str = ""
    fault: str = ""
    condition: str = ""
    accessories: tuple[str, ...] = ()
    photos: tuple[Path, ...] = ()
    estimate: Ore = 0
    approval_limit: Ore | None = None
    """Up to what the customer accepts without being asked again; default the estimate."""
    deposit: Ore = 0
    promised_date: date | None = None
    technician_no: str = ""
    terms_accepted: bool = False


def _validated(form: IntakeForm) -> dict:
    """The ticket's descriptive columns, or a DomainError naming the first problem."""
    if not form.customer_name.strip():
        raise missing("kundens navn", "the customer's name")
    if not (form.category.strip() or form.brand_model.strip()):
        raise missing("hva slags gjenstand det er", "what kind of item it is")
    if not form.fault.strip():
        raise missing("feilbeskrivelse", "the fault as described")
    if not form.terms_accepted:
        raise missing("kundens aksept av vilkårene", "the customer's acceptance of the terms")
    for amount in (form.estimate, form.deposit, form.approval_limit or 0):
        check_amount(amount)
    accessories = [a.strip() for a in form.accessories if a.strip()]
    values = {
        "customer_name": form.customer_name.strip(),
        "customer_search": form.customer_name.strip().casefold(),
        "customer_phone": parse_phone(form.phone).e164 if form.phone.strip() else "",
        "customer_email": parse_email(form.email) if form.email.strip() else "",
        "contact_consent": bool(form.contact_consent),
        "item_category": form.category.strip(),
        "item_brand_model": form.brand_model.strip(),
        "item_serial": form.serial.strip(),
        "fault": form.fault.strip(),
        "condition": form.condition.strip(),
        "accessories": json.dumps(accessories),
        "estimate": form.estimate,
        "approval_limit": form.estimate if form.approval_limit is None else form.approval_limit,
        "deposit_requested": form.deposit,
        "promised_date": form.promised_date.isoformat() if form.promised_date else None,
        "terms_accepted": True,
    }
    check_travels(values | {"accessories": accessories})
    return values


def _check_photos(photos: Sequence[Path]) -> None:
    for photo in photos:
        path = Path(photo)
        if path.suffix.lower() not in PHOTO_SUFFIXES:
            raise PhotoProblem(
                str(photo), reason_nb="ikke en bildefil", reason_en="not an image file"
            )
        if not path.is_file():
            raise PhotoProblem(str(photo), reason_nb="finnes ikke", reason_en="does not exist")
        if path.stat().st_size > PHOTO_MAX_BYTES:
            raise PhotoProblem(str(photo), reason_nb="større enn 25 MB", reason_en="over 25 MB")


def next_ticket_id(uow: UnitOfWork, register_id: str) -> str:
    """Allocate the register's next ticket id inside the caller's transaction, past any id a
    job here already has (restored from an older backup, the register numbers again, and the
    jobs it took in since come back with pull)."""
    block = uow.registers.label_block(register_id)
    if block is None:
        raise NoLabelBlock(register_id)
    while True:
        ticket_id = make_ticket_id(block, uow.numbers.next_number(f"repair_ticket:{register_id}"))
        if uow.repairs.ticket_row(ticket_id) is None:
            return ticket_id


def take_in(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    form: IntakeForm,
    *,
    data_dir: Path | None,
) -> str:
    """Save a new ticket (status 'received'); returns its id. Photos need the data directory."""
    columns = _validated(form)
    _check_photos(form.photos)
    if form.photos and data_dir is None:
        raise PhotoProblem(
            str(form.photos[0]), reason_nb="ingen datamappe", reason_en="no data directory"
        )
    photo_dir: Path | None = None
    try:
        with uow_factory() as uow:
            tenant = uow.tenants.tenant_by_code(form.tenant_code.strip())
            if tenant is None or not tenant.active:
                raise UnknownTenant(form.tenant_code)
            labour_item(uow, tenant.id)  # refuses a tenant that does not take repairs
            technician = technician_id(uow, form.technician_no)
            stamp = ctx.stamp()
            hlc = ticket_clock.next_stamp(uow, ctx.clock.now())
            ticket_id = next_ticket_id(uow, ctx.register_id)
            row = {
                "id": ticket_id,
                "tenant_id": tenant.id,
                "register_id": ctx.register_id,
                "status": RepairStatus.RECEIVED.value,
                "technician_id": technician,
                **columns,
                "created_by": ctx.operator.staff_id,
                "created_at": stamp.utc_iso,
                "updated_at": stamp.utc_iso,
            }
            uow.repairs.insert_ticket(row)
            uow.repairs.set_field_clock(ticket_id, {name: hlc for name in TICKET_FIELDS})
            photos: list[dict] = []
            if data_dir is not None and form.photos:
                photo_dir = data_dir / "photos" / ticket_id
                photos = _copy_photos(
                    uow, ticket_id, form.photos, photo_dir, data_dir, stamp.utc_iso
                )
            history_id = str(uuid.uuid4())
            uow.repairs.add_status_change(
                history_id, ticket_id, None, RepairStatus.RECEIVED.value, ctx.operator.staff_id,
                stamp,
            )  # fmt: skip
            snapshot = {
                **row,
                "ticket": ticket_id,
                "accessories": json.loads(row["accessories"]),
                "photos": photos,
            }
            journal(
                uow,
                ctx,
                stamp,
                tenant.id,
                {"kind": OtherEvent.REPAIR_INTAKE, **snapshot},
            )
            uow.outbox.append_outbox(
                "repair.ticket_created",
                tenant.id,
                stamp,
                {**snapshot, "hlc": hlc, "history_id": history_id},
            )
            uow.commit()
    except BaseException:
        if photo_dir is not None:
            shutil.rmtree(photo_dir, ignore_errors=True)
        raise
    desk_log.repair_taken_in(ctx, ticket_id, form.tenant_code.strip())
    return ticket_id


def _copy_photos(
    uow: UnitOfWork,
    ticket_id: str,
    photos: Sequence[Path],
    photo_dir: Path,
    data_dir: Path,
    created_at: str,
) -> list[dict]:
    recorded = []
    for n, source in enumerate(photos, start=1):
        photo_dir.mkdir(parents=True, exist_ok=True)
        target = photo_dir / f"{n:02d}{Path(source).suffix.lower()}"
        shutil.copyfile(source, target)
        digest = hashlib.sha256(target.read_bytes()).hexdigest()
        relative = target.relative_to(data_dir).as_posix()
        uow.repairs.add_photo(ticket_id, relative, digest, created_at)
        recorded.append({"path": relative, "sha256": digest})
    return recorded
