"""The bank's payment file for a settlement, checked before anything is numbered: the centre's
account (given, or the one stored in the back office) and the payment date are checked when the
order is made; the tenant's account when the file is built inside the settlement's own
transaction, so a file that cannot be made leaves no settlement behind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from pos.bank import normalise_account_number
from pos.clock import Clock
from pos.day_end_errors import CentreAccountMissing, PayDateInPast
from pos.model.settlement import SettlementDoc
from pos.services.centre_company import CentreCompanyMissing, read_company
from pos.services.reports import parse_date
from pos.services.settlement_files import pain001
from pos.unit_of_work import UnitOfWorkFactory


@dataclass(frozen=True)
class PaymentOrder:
    debtor_name: str
    debtor_org_no: str
    debtor_account: str
    execution_date: str
    created: datetime

    def file_for(self, doc: SettlementDoc) -> bytes:
        """The pain.001 paying ``doc`` (raises if the tenant has no valid account while the
        centre owes it money)."""
        return pain001(
            [doc],
            debtor_name=self.debtor_name,
            debtor_org_no=self.debtor_org_no,
            debtor_account=self.debtor_account,
            execution_date=self.execution_date,
            created=self.created,
            message_id=doc.number_text,
        )


def payment_order(
    uow_factory: UnitOfWorkFactory, debtor_account: str | None, pay_date: str | None, clock: Clock
) -> PaymentOrder:
    """The order for a payment file: the centre's company pays, from ``debtor_account`` or its
    stored account, on ``pay_date`` (default: the next day)."""
    now = clock.now()
    with uow_factory.read() as uow:
        centre = read_company(uow)
    account = debtor_account or centre.account
    if not account.strip():
        raise CentreAccountMissing()
    lacking = [part for part in centre.missing() if part != "kontonummer"]
    if lacking:
        raise CentreCompanyMissing(missing=", ".join(lacking))
    day = parse_date(pay_date) if pay_date else (now.date() + timedelta(days=1)).isoformat()
    if date.fromisoformat(day) < now.date():
        raise PayDateInPast(day)
    return PaymentOrder(centre.name, centre.org_no, normalise_account_number(account), day, now)
