"""What the repair screens do, without Qt: intake saved then put on paper, deposits through the
till with their receipt (and drawer) on the printer, extra tags and reprints. Rules stay in
``pos.services``; paper in ``printers``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pos.model.payment import Tender
from pos.services import repair_documents, repair_edit, repair_money
from pos.services.checkout import SaleResult
from pos.services.repair_intake import IntakeForm, take_in
from printers.printing import Printing
from printers.repair_paper import print_claim_slip, print_job_tags
from ui.till_session import TillSession


class RepairDesk:
    def __init__(
        self, session: TillSession, printing: Printing | None, data_dir: Path | None
    ) -> None:
        self.session = session
        self.uow = session.uow
        self.printing = printing
        self.data_dir = data_dir

    @property
    def can_print(self) -> bool:
        return self.printing is not None

    def take_in(self, form: IntakeForm) -> str:
        """Save the ticket (one transaction); returns its id."""
        return take_in(self.uow, self.session.context(), form, data_dir=self.data_dir)

    def add_note(self, ticket_id: str, text: str) -> str:
        """An append-only note on the job (synced to the other counters)."""
        return repair_edit.add_note(self.uow, self.session.context(), ticket_id, text)

    def update_details(self, ticket_id: str, texts: dict[str, str]) -> tuple[str, ...]:
        """Save the edited fields; returns the names of those that really changed."""
        return repair_edit.update_details(self.uow, self.session.context(), ticket_id, **texts)

    def print_intake(self, ticket_id: str) -> list[str]:
        """Claim slip (receipt printer) and one tag per item and accessory (tag printer)."""
        if self.printing is None:
            return []
        ctx = self.session.context()
        jobs = [
            print_claim_slip(self.printing, repair_documents.claim_slip(self.uow, ctx, ticket_id))
        ]
        tags = repair_documents.job_tags(self.uow, ctx, ticket_id)
        return jobs + print_job_tags(self.printing, tags)

    def print_extra_tag(self, ticket_id: str, label: str) -> list[str]:
        if self.printing is None:
            return []
        tags = repair_documents.job_tags(self.uow, self.session.context(), ticket_id, [label])
        return print_job_tags(self.printing, tags)

    def reprint_slip(self, ticket_id: str) -> list[str]:
        if self.printing is None:
            return []
        doc = repair_documents.claim_slip(self.uow, self.session.context(), ticket_id)
        return [print_claim_slip(self.printing, doc)]

    def pay_deposit(
        self, ticket_id: str, tenders: Sequence[Tender], amount: int | None = None
    ) -> repair_money.DepositResult:
        """Take the deposit at the till; its receipt (and the drawer for cash) go to print."""
        result = repair_money.pay_deposit(
            self.uow, self.session.context(), ticket_id, tenders, amount
        )
        with self.uow.read() as uow:
            row = uow.queries.receipt(result.receipt.receipt_id)
        assert row is not None
        sale = SaleResult(str(row["sale_id"]), (result.receipt,), result.amount, 0, result.change)
        self.session.output.print_sale(sale)
        return result
