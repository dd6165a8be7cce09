"""The claim slip and job tags as documents, printable and reprintable at any time.

Every print is journaled as 13018 ("other reports or receipts") with what was printed; a
claim slip printed again says which print it is, so two slips are never mistaken for two jobs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from pos.clock import Stamp
from pos.identifiers import format_org_number
from pos.model.contact import parse_phone
from pos.model.events import EventCode
from pos.model.repair_docs import (
    CLAIM_SLIP_HEADING,
    CLAIM_SLIP_MARKING,
    DEFAULT_TERMS,
    ClaimSlipDoc,
    JobTagDoc,
)
from pos.services.context import TillContext
from pos.services.repair_common import load_ticket
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory


def claim_slip(uow_factory: UnitOfWorkFactory, ctx: TillContext, ticket_id: str) -> ClaimSlipDoc:
    """The customer's claim slip ("Reparasjonsbevis – IKKE KVITTERING FOR KJØP")."""
    with uow_factory() as uow:
        row, _ = load_ticket(uow, ticket_id)
        tenant = uow.tenants.tenant(row["tenant_id"])
        assert tenant is not None
        stamp = Stamp.of(_parse_utc(row["created_at"]))
        print_number = uow.numbers.next_number(f"repair_slip:{row['id']}")
        received_by = uow.repair_queries.staff_name(row["created_by"])
        doc = ClaimSlipDoc(
            ticket_id=row["id"],
            heading=CLAIM_SLIP_HEADING,
            marking=CLAIM_SLIP_MARKING,
            tenant_name=tenant.name,
            org_line=format_org_number(tenant.org_no, vat_registered=tenant.vat_registered),
            header_text=tenant.receipt_header,
            date=stamp.local_date,
            time=stamp.local_time,
            received_by=received_by or "",
            customer_name=row["customer_name"],
            customer_phone=parse_phone(row["customer_phone"]).display
            if row["customer_phone"]
            else "",
            customer_email=row["customer_email"],
            item=_item(row),
            serial=row["item_serial"],
            fault=row["fault"],
            condition=row["condition"],
            accessories=accessories_of(row),
            photos=len(uow.repairs.photos(row["id"])),
            estimate=row["estimate"],
            approval_limit=row["approval_limit"],
            deposit=row["deposit_requested"],
            promised_date=row["promised_date"] or "",
            terms=uow.meta.get_meta(f"repair_terms:{tenant.id}") or DEFAULT_TERMS,
            terms_accepted=bool(row["terms_accepted"]),
            print_number=print_number,
        )
        _journal_print(uow, ctx, row, "repair_claim_slip", {"print_number": print_number})
        uow.commit()
    return doc


def job_tags(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    ticket_id: str,
    labels: Sequence[str] | None = None,
) -> list[JobTagDoc]:
    """Tags numbered 1/N…: '' is the item itself; by default the item and each accessory left.

    One call per keypress: ``labels=["Lader"]`` prints one extra tag for a charger.
    """
    with uow_factory() as uow:
        row, _ = load_ticket(uow, ticket_id)
        tenant = uow.tenants.tenant(row["tenant_id"])
        assert tenant is not None
        chosen = list(labels) if labels is not None else ["", *accessories_of(row)]
        received = Stamp.of(_parse_utc(row["created_at"])).local_date
        tags = [
            JobTagDoc(
                ticket_id=row["id"],
                tenant_code=tenant.code,
                tenant_name=tenant.name,
                customer_name=row["customer_name"],
                item=_item(row),
                label=label.strip(),
                received_date=received,
                index=n,
                count=len(chosen),
            )
            for n, label in enumerate(chosen, start=1)
        ]
        _journal_print(uow, ctx, row, "repair_job_tags", {"tags": [t.label for t in tags]})
        uow.commit()
    return tags


def _item(row: dict) -> str:
    return " – ".join(x for x in (row["item_category"], row["item_brand_model"]) if x)


def _parse_utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def accessories_of(row: dict) -> tuple[str, ...]:
    return tuple(json.loads(row["accessories"]))


def _journal_print(uow: UnitOfWork, ctx: TillContext, row: dict, kind: str, extra: dict) -> None:
    uow.journal.append_journal(
        register_id=ctx.register_id,
        event_code=EventCode.OTHER_REPORT,
        stamp=ctx.stamp(),
        staff_id=ctx.operator.staff_id,
        tenant_id=row["tenant_id"],
        ref_id=row["id"],
        details={"kind": kind, "ticket": row["id"], **extra},
    )
