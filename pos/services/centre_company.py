"""The centre's own company: the legal name, organisation number and bank account of the
business that runs the counter. It pays the tenants their settlements (the payer of the bank's
payment file) and issues the settlement statements; it is entered at the first-run set-up or in
the back office, checked (org.no and account check digits) and journaled.

With a central server the company is the centre's, one for every counter of the site: a
counter's first enrolment brings it (the site's first stands), a manager's change at an enrolled
counter goes up as ``centre.company_set``, and every counter takes the company it pulls
(``take_pulled``), journaling the change there too."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from pos.adapters.sync_store import CURSOR_KEY
from pos.bank import normalise_account_number
from pos.clock import Stamp
from pos.errors import DomainError
from pos.identifiers import normalise_org_number
from pos.model.events import EventCode, OtherEvent
from pos.model.settlement import statement_issuer as issuer_text
from pos.model.staff import Permission
from pos.services.auth import SYSTEM_REGISTER
from pos.services.context import TillContext
from pos.services.settings_journal import journal_settings_change
from pos.services.tenant_terms import CENTRE_ACCOUNT_META
from pos.sync_protocol import CENTRE_COMPANY_SET
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory

COMPANY_NAME_META = "centre_company_name"
COMPANY_ORG_META = "centre_org_no"


class CentreCompanyMissing(DomainError):
    code = "centre_company_missing"
    nb = (
        "Senterets firma mangler ({missing}): betalingsfilen betales av senteret. Legg det inn "
        "under F1 → Leietakeroppgjør («Senterets firma»), eller med centre-company --name NAVN "
        "--org-no ORGNR --account KONTONR."
    )
    en = (
        "The centre's company is missing ({missing}): the centre pays the payment file. Enter "
        "it under F1 → Tenant settlements ('The centre's company'), or with centre-company "
        "--name NAME --org-no ORGNO --account ACCOUNT."
    )


class InvalidCompanyName(DomainError):
    code = "invalid_company_name"
    nb = "Skriv firmaets navn (høyst 70 tegn)."
    en = "Enter the company's name (70 characters at most)."


@dataclass(frozen=True)
class CentreCompany:
    name: str = ""
    org_no: str = ""
    """Nine digits, or '' while not entered."""
    account: str = ""
    """Eleven digits, or '' while not entered."""

    def missing(self) -> list[str]:
        """What a payment file still needs (in the manager's words)."""
        said = {"navn": self.name, "org.nr.": self.org_no, "kontonummer": self.account}
        return [label for label, value in said.items() if not value]


def checked(name: str, org_no: str, account: str) -> CentreCompany:
    """The company as typed, each part checked; an empty org.no or account stays empty (it can
    be entered later), a name is needed once anything is given."""
    name = " ".join(name.split())
    if len(name) > 70 or (not name and (org_no.strip() or account.strip())):
        raise InvalidCompanyName()
    org = normalise_org_number(org_no) if org_no.strip() else ""
    digits = normalise_account_number(account) if account.strip() else ""
    return CentreCompany(name, org, digits)


def read_company(uow: UnitOfWork) -> CentreCompany:
    return CentreCompany(
        uow.meta.get_meta(COMPANY_NAME_META) or "",
        uow.meta.get_meta(COMPANY_ORG_META) or "",
        uow.meta.get_meta(CENTRE_ACCOUNT_META) or "",
    )


def centre_company(uow_factory: UnitOfWorkFactory) -> CentreCompany:
    with uow_factory.read() as uow:
        return read_company(uow)


def write_company(uow: UnitOfWork, company: CentreCompany) -> None:
    """Inside the caller's transaction (the set-up's, or ``set_centre_company``'s)."""
    uow.meta.set_meta(COMPANY_NAME_META, company.name)
    uow.meta.set_meta(COMPANY_ORG_META, company.org_no)
    if company.account:
        uow.meta.set_meta(CENTRE_ACCOUNT_META, company.account)


def set_centre_company(
    uow_factory: UnitOfWorkFactory, ctx: TillContext, name: str, org_no: str, account: str
) -> CentreCompany:
    """A manager enters or changes the centre's company, journaled (13999 settings change)."""
    ctx.require(Permission.MANAGE)
    company = checked(name, org_no, account)
    with uow_factory() as uow:
        write_company(uow, company)
        journal_settings_change(uow, ctx, {"centre_company": journaled(company)})
        if uow.sync.device() is not None and company.name:
            uow.outbox.append_outbox(
                CENTRE_COMPANY_SET, None, ctx.stamp(), {"company": shared(read_company(uow))}
            )
        uow.commit()
    return company


def offer_if_server_has_none(uow_factory: UnitOfWorkFactory, now: datetime) -> bool:
    """Queue this counter's company for the server when the centre as last pulled has none (a
    counter enrolled before the company travelled at enrolment); True when queued. Only after
    a first pull, so a counter that has just sent it at enrolment does not send it again. The
    server takes it only while it still has none (``if_none``): a company another counter
    sent meanwhile stands, and comes back with the next pull."""
    with uow_factory() as uow:
        device = uow.sync.device()
        company = shared(read_company(uow))
        if device is None or company is None or uow.sync.meta(CURSOR_KEY) is None:
            return False
        centre = [r["data"] for r in uow.sync.refs("centre") if r["id"] == device["site_id"]]
        if centre and isinstance(centre[0].get("company"), dict):
            return False
        if uow.sync.has_unsent(uow.sync.acked_through(), [CENTRE_COMPANY_SET]):
            return False  # one is on its way already
        uow.outbox.append_outbox(
            CENTRE_COMPANY_SET, None, Stamp.of(now), {"company": company, "if_none": True}
        )
        uow.commit()
    return True


def journaled(company: CentreCompany) -> dict[str, str]:
    return {"name": company.name, "org_no": company.org_no, "bank_account": company.account}


def statement_issuer(uow_factory: UnitOfWorkFactory) -> str:
    """Who issues the settlement statements: the centre's company, with its org.no. when
    entered, else the centre's name."""
    with uow_factory.read() as uow:
        company = read_company(uow)
        centre = uow.meta.get_meta("centre_name") or ""
    return issuer_text(company.name, company.org_no, centre)


def shared(company: CentreCompany) -> dict[str, str] | None:
    """The company as the server keeps it for the centre (None while it has no name)."""
    if not company.name:
        return None
    return {"name": company.name, "org_no": company.org_no, "account": company.account}


def take_pulled(uow: UnitOfWork, pulled: dict[str, object], now: datetime | None = None) -> bool:
    """The centre's company as the server has it becomes this counter's; True when it changed
    anything. A change is journaled here too (13999 settings change, ``by: server``, under the
    register of changes made outside this till), so this counter's journal says when the
    payer of its payment files changed."""
    try:
        company = checked(*(str(pulled.get(k) or "") for k in ("name", "org_no", "account")))
    except DomainError:
        return False  # not one this counter could have entered: keep its own
    if not company.name or shared(read_company(uow)) == shared(company):
        return False
    write_company(uow, company)
    _journal_pulled(uow, company, now or datetime.now(UTC))
    return True


def _journal_pulled(uow: UnitOfWork, company: CentreCompany, now: datetime) -> None:
    """Dated no earlier than the journal's last record (a PC clock behind it)."""
    floor = uow.journal.last_journal_time()
    behind = floor is not None and now < floor
    uow.journal.append_journal(
        register_id=SYSTEM_REGISTER,
        event_code=EventCode.OTHER,
        stamp=Stamp.of(floor if behind and floor else now),
        staff_id=None,
        details={
            "kind": OtherEvent.SETTINGS_CHANGE,
            "centre_company": journaled(company),
            "by": "server",
        },  # fmt: skip
    )
