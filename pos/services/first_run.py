"""Setting up a new centre on an empty counter: the centre's name, this register, the first
manager and their PIN, the tenants (each its own seller, org.no checked), the article groups and
the receipt printer. Each part is checked on its own as it is typed (``check_*``); the whole
set-up is then written in ONE transaction (``set_up_centre``), journaled as made by the new
manager, so a counter is either not set up at all or set up whole.

Every tenant gets an open-price quick item ("Diverse – <name>") in its article group, so the
counter can sell for every tenant at once (and sell another counter's in-store labels); items
with labels are registered later in the back office. Every tenant that takes in repairs also gets
its open-price labour item in group REP (``repair_labour``; REP is added if it was unticked), so
the counter takes in repairs and charges them at pickup from the start.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from pos.clock import Clock, Stamp, SystemClock
from pos.errors import DomainError, InvalidPin
from pos.model.catalogue import SAFT_ARTICLE_GROUPS, ArticleGroup, Item, ItemKind
from pos.model.events import EventCode, OtherEvent
from pos.model.printing import PrinterSetting, check_setting
from pos.model.staff import Operator, Role
from pos.model.tenant import Tenant
from pos.services import centre_company, day_log, recovery, repair_labour
from pos.services.auth import hash_pin
from pos.services.context import TillContext
from pos.services.repair_labour import REPAIR_GROUP
from pos.services.repair_work import LABOUR_GROUP
from pos.services.staff import InvalidStaffNumber
from pos.signing import Signer
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory
from pos.vat import VatClass

CENTRE_META = "centre_name"
REGISTER_META = "register_id"

DEFAULT_ARTICLE_GROUPS: tuple[ArticleGroup, ...] = (
    ArticleGroup("KLAER", "Brukte klær", "04003"),
    ArticleGroup("BARN", "Barneutstyr", "04003"),
    ArticleGroup("MOBLER", "Møbler og interiør", "04003"),
    ArticleGroup("SYKKEL", "Sykler og deler", "04003"),
    ArticleGroup("ELEKTRO", "Elektronikk", "04003"),
    ArticleGroup("REP", "Reparasjon", "04999"),
    ArticleGroup("MAT", "Mat", "04006"),
    ArticleGroup("KAFFE", "Kaffe og te", "04012"),
    ArticleGroup("BRUS", "Mineralvann", "04011"),
    ArticleGroup("DIVERSE", "Andre varer", "04014"),
)
"""Offered at set-up for a reuse centre: second-hand goods, repairs and a café."""

SAFT_GROUP_NAMES: dict[str, str] = {
    "04003": "Varesalg",
    "04006": "Mat",
    "04011": "Mineralvann (brus)",
    "04012": "Annen drikke (te, kaffe etc)",
    "04014": "Andre varer",
    "04999": "Øvrige (f.eks. reparasjon)",
}
"""The SAF-T article group codes (PredefinedBasicID-04) a reuse centre uses, in bokmål."""

_REGISTER_ID = re.compile(r"[A-Z0-9]{1,6}")
_GROUP_ID = re.compile(r"[A-Z0-9_-]{1,20}")


class CentreAlreadySetUp(DomainError):
    code = "centre_already_set_up"
    nb = "Denne kassen er allerede satt opp (senteret «{value}»)."
    en = "This counter is already set up (the centre '{value}')."


class InvalidCentre(DomainError):
    code = "invalid_centre"
    nb = "{reason_nb}"
    en = "{reason_en}"


class PinsDiffer(DomainError):
    code = "pins_differ"
    nb = "De to PIN-kodene er ikke like. Skriv PIN-en på nytt."
    en = "The two PINs differ. Type the PIN again."


class DuplicateTenant(DomainError):
    code = "duplicate_tenant"
    nb = "{value} er allerede lagt inn for en annen leietaker."
    en = "{value} is already entered for another tenant."


class TenantRequired(DomainError):
    code = "tenant_required"
    nb = "Legg inn minst én leietaker (den som selger, med organisasjonsnummer)."
    en = "Add at least one tenant (a seller, with its organisation number)."


class ArticleGroupRequired(DomainError):
    code = "article_group_required"
    nb = "Velg minst én varegruppe."
    en = "Choose at least one article group."


@dataclass(frozen=True)
class CentreDetails:
    centre_name: str
    register_id: str = "K1"
    register_name: str = "Kasse 1"
    label_block: int | None = 1
    """Prefix (1–99) of the in-store label numbers this register gives out (docs/labels.md)."""
    company_name: str = ""
    """The centre's own company (``pos.services.centre_company``): it pays the tenants' settle-
    ments. May be left for the back office."""
    company_org_no: str = ""
    company_account: str = ""


@dataclass(frozen=True)
class FirstManager:
    staff_no: str
    name: str
    pin: str
    pin_again: str


@dataclass(frozen=True)
class NewTenant:
    code: str
    name: str
    org_no: str
    vat_registered: bool
    article_group_id: str = "DIVERSE"
    """The group of the tenant's open-price quick item."""
    takes_repairs: bool = False
    """It takes in repairs: it gets an open-price labour item in group REP
    (``repair_labour``)."""


@dataclass(frozen=True)
class CentreSetup:
    centre: CentreDetails
    manager: FirstManager
    tenants: tuple[NewTenant, ...]
    article_groups: tuple[ArticleGroup, ...]
    printer: PrinterSetting | None = None
    """The receipt printer; None: receipts wait in the queue until one is set."""


@dataclass(frozen=True)
class SetUpCentre:
    register_id: str
    manager_staff_id: str
    manager_staff_no: str
    manager_name: str
    tenants: tuple[Tenant, ...]
    repair_tenant_ids: frozenset[str] = frozenset()
    """The tenants that take in repairs (each has its labour item)."""


def issue_recovery_code(
    uow_factory: UnitOfWorkFactory, done: SetUpCentre, signer: Signer, clock: Clock | None = None
) -> str:
    """The manager recovery code, made by the new manager right after the set-up and shown once
    at its end (to be written down or printed): the way back in if the only manager is locked
    out (``recovery``). Only its hash is kept."""
    boss = Operator(done.manager_staff_id, done.manager_staff_no, done.manager_name, Role.MANAGER)
    ctx = TillContext(done.register_id, boss, signer, clock or SystemClock())
    return recovery.new_recovery_code(uow_factory, ctx)


def needs_set_up(uow_factory: UnitOfWorkFactory) -> bool:
    """True for a counter with no centre and nobody who could log in."""
    with uow_factory.read() as uow:
        return uow.meta.get_meta(CENTRE_META) is None and not uow.staff.staff_list()


def _bad(reason_nb: str, reason_en: str) -> InvalidCentre:
    return InvalidCentre(reason_nb=reason_nb, reason_en=reason_en)


def check_centre(details: CentreDetails) -> CentreDetails:
    """Name required; the register id 1–6 capital letters or digits (it is printed in receipt
    numbers and scanned back); a name for the register; the label block 1–99."""
    name, register_id = details.centre_name.strip(), details.register_id.strip().upper()
    if not name or len(name) > 80:
        raise _bad("Skriv senterets navn (høyst 80 tegn).", "Enter the centre's name (80 at most).")
    if not _REGISTER_ID.fullmatch(register_id):
        raise _bad(
            "Kassens id er 1–6 store bokstaver eller sifre, f.eks. K1.",
            "The register id is 1-6 capital letters or digits, e.g. K1.",
        )
    if not details.register_name.strip():
        raise _bad("Gi kassen et navn, f.eks. «Kasse 1».", "Name the register, e.g. 'Till 1'.")
    if details.label_block is not None and not 1 <= details.label_block <= 99:
        raise _bad("Etikettserien er 1–99.", "The label block is 1-99.")
    company = centre_company.checked(
        details.company_name, details.company_org_no, details.company_account
    )
    return replace(
        details, centre_name=name, register_id=register_id,
        register_name=details.register_name.strip(), company_name=company.name,
        company_org_no=company.org_no, company_account=company.account,
    )  # fmt: skip


def check_manager(manager: FirstManager) -> FirstManager:
    number, name = manager.staff_no.strip(), manager.name.strip()
    if not (number.isascii() and number.isdigit() and 1 <= len(number) <= 8) or not name:
        raise InvalidStaffNumber(number)
    if not (manager.pin.isascii() and manager.pin.isdigit() and 4 <= len(manager.pin) <= 8):
        raise InvalidPin()
    if manager.pin != manager.pin_again:
        raise PinsDiffer()
    return replace(manager, staff_no=number, name=name)


def check_tenant(new: NewTenant, others: Sequence[NewTenant] = ()) -> NewTenant:
    """A valid tenant (two-digit code, name, org.no with its check digit) whose code and org.no
    no other tenant of the centre has."""
    tenant = Tenant.validated(
        id="-", code=new.code.strip(), name=new.name, org_no=new.org_no, vat_registered=True
    )
    for other in others:
        if other.code.strip() == tenant.code:
            raise DuplicateTenant(f"Kode {tenant.code}")
        if other.org_no.replace(" ", "") == tenant.org_no:
            raise DuplicateTenant(f"Org.nr. {tenant.org_no}")
    return replace(new, code=tenant.code, name=tenant.name, org_no=tenant.org_no)


def check_article_group(group_id: str, name: str, saft_code: str) -> ArticleGroup:
    normalised = group_id.strip().upper()
    if not _GROUP_ID.fullmatch(normalised):
        raise _bad(
            "Varegruppens kode er 1–20 store bokstaver eller sifre, f.eks. BOKER.",
            "An article group's code is 1-20 capital letters or digits, e.g. BOOKS.",
        )
    if saft_code not in SAFT_ARTICLE_GROUPS:
        raise _bad("Velg en SAF-T-kode for varegruppen.", "Choose a SAF-T code for the group.")
    return ArticleGroup(normalised, name.strip(), saft_code)


def check_article_groups(groups: Sequence[ArticleGroup]) -> tuple[ArticleGroup, ...]:
    if not groups:
        raise ArticleGroupRequired()
    seen: set[str] = set()
    for group in groups:
        if group.id in seen:
            raise _bad(f"Varegruppen {group.id} står to ganger.", f"Group {group.id} is twice.")
        seen.add(group.id)
    return tuple(groups)


def check_printer(setting: PrinterSetting | None) -> PrinterSetting | None:
    return None if setting is None else check_setting(setting)


def check_set_up(setup: CentreSetup) -> CentreSetup:
    """The whole set-up checked again, as the transaction will write it."""
    groups = check_article_groups(setup.article_groups)
    if not setup.tenants:
        raise TenantRequired()
    if any(t.takes_repairs for t in setup.tenants) and LABOUR_GROUP not in {g.id for g in groups}:
        groups = (*groups, REPAIR_GROUP)  # what the tenants' labour items belong to
    tenants: list[NewTenant] = []
    for new in setup.tenants:
        tenant = check_tenant(new, tenants)
        if tenant.article_group_id not in {g.id for g in groups}:
            tenant = replace(tenant, article_group_id=groups[-1].id)
        tenants.append(tenant)
    centre = check_centre(setup.centre)
    printer = check_printer(setup.printer)
    if printer is not None:
        printer = replace(printer, register_id=centre.register_id)
    return CentreSetup(centre, check_manager(setup.manager), tuple(tenants), groups, printer)


def set_up_centre(
    uow_factory: UnitOfWorkFactory, setup: CentreSetup, clock: Clock | None = None
) -> SetUpCentre:
    """Write the whole centre in one transaction, journaled (13999) as the new manager's."""
    setup = check_set_up(setup)
    pin_hash = hash_pin(setup.manager.pin)
    stamp = Stamp.of((clock or SystemClock()).now())
    with uow_factory() as uow:
        existing = uow.meta.get_meta(CENTRE_META)
        if existing is not None or uow.staff.staff_list():
            raise CentreAlreadySetUp(existing or "")
        done = _write(uow, setup, pin_hash, stamp)
        uow.commit()
    day_log.centre_set_up(
        setup.centre.centre_name, done.register_id, setup.manager.staff_no, len(done.tenants)
    )
    return done


Journal = Callable[..., None]


def _write(uow: UnitOfWork, setup: CentreSetup, pin_hash: str, stamp: Stamp) -> SetUpCentre:
    centre, boss = setup.centre, setup.manager
    manager_id = str(uuid.uuid4())
    uow.registers.add_register(centre.register_id, centre.register_name, centre.label_block)
    for group in setup.article_groups:
        uow.items.add_article_group(group)
    uow.staff.add_staff(manager_id, boss.staff_no, boss.name, Role.MANAGER, pin_hash)

    def journal(kind: str, details: dict[str, object], tenant_id: str | None = None) -> None:
        uow.journal.append_journal(
            register_id=centre.register_id,
            event_code=EventCode.OTHER,
            stamp=stamp,
            staff_id=manager_id,
            tenant_id=tenant_id,
            details={"kind": kind, **details},
        )

    journal(OtherEvent.SETTINGS_CHANGE, {"set_up": {
        "centre": centre.centre_name, "register": centre.register_id,
        "register_name": centre.register_name, "label_block": centre.label_block,
        "article_groups": [g.id for g in setup.article_groups]}})  # fmt: skip
    journal(OtherEvent.STAFF_CHANGE, {"staff_no": boss.staff_no, "role": Role.MANAGER.value})
    tenants = _add_tenants(uow, setup.tenants, stamp, journal)
    if setup.printer is not None:
        uow.printing.save_setting(setup.printer, stamp.utc_iso)
        journal(OtherEvent.SETTINGS_CHANGE, {"printer": {
            "register": centre.register_id, "role": setup.printer.role.value,
            "url": setup.printer.url, "profile": setup.printer.profile,
            "columns": setup.printer.columns}})  # fmt: skip
    if centre.company_name:
        company = centre_company.CentreCompany(
            centre.company_name, centre.company_org_no, centre.company_account
        )
        centre_company.write_company(uow, company)
        journal(OtherEvent.SETTINGS_CHANGE, {"centre_company": centre_company.journaled(company)})
    uow.meta.set_meta(CENTRE_META, centre.centre_name)
    uow.meta.set_meta(REGISTER_META, centre.register_id)
    repairs = frozenset(t.id for new, t in zip(setup.tenants, tenants, strict=True)
                        if new.takes_repairs)  # fmt: skip
    return SetUpCentre(centre.register_id, manager_id, boss.staff_no, boss.name, tenants, repairs)


def _add_tenants(
    uow: UnitOfWork, new_tenants: Sequence[NewTenant], stamp: Stamp, journal: Journal
) -> tuple[Tenant, ...]:
    made: list[Tenant] = []
    quick: list[Item] = []
    for new in new_tenants:
        if uow.tenants.tenant_by_code(new.code) is not None:
            raise DuplicateTenant(f"Kode {new.code}")
        tenant = Tenant.validated(
            id=str(uuid.uuid4()), code=new.code, name=new.name, org_no=new.org_no,
            vat_registered=new.vat_registered,
        )  # fmt: skip
        uow.tenants.add_tenant(tenant, stamp)
        journal(OtherEvent.TENANT_CHANGE, {"name": tenant.name, "org_no": tenant.org_no,
                "code": tenant.code, "change": "create"}, tenant.id)  # fmt: skip
        quick.append(Item(
            id=str(uuid.uuid4()), tenant_id=tenant.id, kind=ItemKind.OPEN_PRICE,
            description=f"Diverse – {tenant.name}", price=None, vat_class=VatClass.HIGH,
            article_group_id=new.article_group_id,
        ))  # fmt: skip
        made.append(tenant)
    uow.items.add_items(quick, stamp)
    for new, tenant in zip(new_tenants, made, strict=True):
        if new.takes_repairs:
            labour = repair_labour.new_labour_item(uow, tenant, stamp)
            journal(OtherEvent.SETTINGS_CHANGE, repair_labour.journaled(tenant, labour, "start"),
                    tenant.id)  # fmt: skip
    return tuple(made)
