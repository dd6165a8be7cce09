"""Repair counter: the ticket board over 50 000 tickets (first page, filters, search) and the
app time of one intake (ticket saved, claim slip and job tags made as documents)."""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path

from bench import Figure, median
from pos.counter import Counter, open_counter
from pos.demo.centre import seed_demo
from pos.model.repair import RepairStatus
from pos.model.ticket_id import make_ticket_id
from pos.services import auth, repair_board, repair_documents
from pos.services.context import TillContext
from pos.services.repair_intake import IntakeForm, take_in

TICKETS = 50_000
NAMES = ["Ola", "Kari", "Per", "Ingrid", "Åse", "Nils", "Liv", "Jon"]
SURNAMES = ["Hansen", "Olsen", "Berg", "Haugen", "Larsen", "Ødegård", "Dahl"]


def _fill(counter: Counter, tenants: dict[str, str], staff_id: str) -> None:
    """Bulk rows straight into the table (the board is what is measured, not intake)."""
    rng = random.Random(5)
    statuses = [s.value for s in RepairStatus]
    start = datetime(2024, 1, 1, tzinfo=UTC)
    rows = []
    for n in range(1, TICKETS + 1):
        created = start + timedelta(minutes=20 * n)
        name = f"{rng.choice(NAMES)} {rng.choice(SURNAMES)} {n}"
        rows.append(
            {
                "id": make_ticket_id(7, n),
                "tenant_id": tenants[rng.choice(["13", "14"])],
                "register_id": "K7",
                "status": rng.choice(statuses),
                "technician_id": staff_id if n % 3 else None,
                "customer_name": name,
                "customer_search": name.casefold(),
                "customer_phone": f"+479{n:07d}",
                "customer_email": "",
                "contact_consent": True,
                "item_category": "Sykkel",
                "item_brand_model": "DBS",
                "item_serial": "",
                "fault": "Punktert",
                "condition": "",
                "accessories": "[]",
                "estimate": 50000,
                "approval_limit": 50000,
                "deposit_requested": 0,
                "promised_date": (created + timedelta(days=5)).date().isoformat(),
                "terms_accepted": True,
                "created_by": staff_id,
                "created_at": created.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
                "updated_at": created.isoformat(),
            }
        )
    with counter.uow() as uow:
        uow.store.insert("repair_tickets", rows)
        uow.commit()


def _timed(fn: Callable[[], object], repeat: int = 7) -> float:
    samples = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        samples.append(1000 * (time.perf_counter() - began))
    return median(samples)


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp, open_counter(Path(tmp)) as counter:
        seed_demo(counter.uow, counter.signer())
        with counter.uow.read() as uow:
            tenants = {t.code: t.id for t in uow.store.tenants()}
        tech = auth.authenticate(counter.uow, "2001", "2345")
        _fill(counter, tenants, tech.staff_id)
        factory = counter.uow
        Q = repair_board.BoardQuery
        first = _timed(lambda: repair_board.board(factory, Q()), repeat=1)
        warm = _timed(lambda: repair_board.board(factory, Q()))
        filters = {
            "status ready": Q(statuses=(RepairStatus.READY_FOR_PICKUP,)),
            "tenant 14": Q(tenant_code="14"),
            "technician 2001": Q(technician_no="2001"),
            "overdue": Q(overdue_on=date(2025, 6, 1)),
            "search name 'ødegård'": Q(search="ødegård"),
            "search name, no match (full scan)": Q(search="zzqx"),
            "search phone": Q(search="900 12 345"),
            "search ticket id": Q(search=make_ticket_id(7, 31337)),
            "page 100": None,
        }
        figures = [
            Figure(
                f"board first page, {TICKETS} tickets (cold)",
                first,
                "ms",
                "<= 300 ms",
                first <= 300,
            ),
            Figure("board first page (warm)", warm, "ms", "<= 300 ms", warm <= 300),
        ]
        for name, query in filters.items():
            if query is None:
                value = _timed(lambda: repair_board.board(factory, Q(), page=100))
            else:
                value = _timed(partial(repair_board.board, factory, query))
            figures.append(Figure(f"  filter: {name}", value, "ms", "<= 50 ms", value <= 50))
        ctx = TillContext("K1", tech, counter.signer())
        form = IntakeForm(
            tenant_code="13",
            customer_name="Ola Nordmann",
            phone="91234567",
            contact_consent=True,
            category="Sykkel",
            brand_model="DBS",
            fault="Punktert",
            accessories=("Lykt",),
            estimate=40000,
            terms_accepted=True,
        )
        intake = _timed(lambda: _intake(counter, ctx, form))
    figures.append(
        Figure("intake + claim slip + tags (app time)", intake, "ms", "<= 200 ms", intake <= 200)
    )
    return figures


def _intake(counter: Counter, ctx: TillContext, form: IntakeForm) -> None:
    ticket = take_in(counter.uow, ctx, form, data_dir=counter.data_dir)
    repair_documents.claim_slip(counter.uow, ctx, ticket)
    repair_documents.job_tags(counter.uow, ctx, ticket)
