"""A counter that joins a centre from the central server instead of being set up here.

An empty counter enrolled with a site gets its register id and label block at enrolment and
the centre's tenants, staff, article groups and items with its first pull. Once a manager of
the centre has arrived it is a working counter: it takes the centre's name (the one the
centre's first counter brought to the site, else the site's name on the server) as its own
(journaled 13999, as the set-up of a new centre is), so the first-run set-up is over and staff
log in with their own PINs. Until then it is still waiting (``CentreNotOnServer``): the
centre's first counter has not sent its staff yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.clock import Clock, Stamp, SystemClock
from pos.errors import DomainError
from pos.model.events import EventCode, OtherEvent
from pos.model.printing import PrinterSetting, check_setting
from pos.services import day_log
from pos.services.first_run import CENTRE_META, REGISTER_META
from pos.services.sync_state import SITE_NAME_META
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory


class CentreNotOnServer(DomainError):
    code = "centre_not_on_server"
    nb = (
        "Kassen er registrert hos serveren (kasse {value}), men serveren har ingen leder for "
        "senteret ennå. Synkroniser senterets første kasse, og hent senteret igjen."
    )
    en = (
        "The counter is enrolled with the server (register {value}), but the server has no "
        "manager of the centre yet. Sync the centre's first counter, then fetch the centre "
        "again."
    )


@dataclass(frozen=True)
class JoinedCentre:
    """What a counter set up from the server has: shown when it is done."""

    centre_name: str
    register_id: str
    label_block: int | None
    tenants: int
    staff: int
    managers: int
    article_groups: int
    items: int


def name_centre(uow_factory: UnitOfWorkFactory, clock: Clock | None = None) -> bool:
    """After a pull: a counter with no centre of its own, enrolled with a site, takes the
    centre's name once a manager of the centre is here. True when it did."""
    with uow_factory() as uow:
        site_name = _centre_name(uow) or uow.meta.get_meta(SITE_NAME_META)
        if uow.meta.get_meta(CENTRE_META) is not None or not site_name or not _managers(uow):
            return False
        register_id = uow.meta.get_meta(REGISTER_META) or ""
        uow.meta.set_meta(CENTRE_META, site_name)
        uow.journal.append_journal(
            register_id=register_id,
            event_code=EventCode.OTHER,
            stamp=Stamp.of((clock or SystemClock()).now()),
            staff_id=None,
            details={
                "kind": OtherEvent.SETTINGS_CHANGE,
                "joined": {"centre": site_name, "register": register_id},
            },  # fmt: skip
        )
        uow.commit()
        staff, items = len(uow.staff.staff_list()), uow.items.catalogue_size()[1]
    day_log.centre_joined(site_name, register_id, staff, items)
    return True


def joined_centre(uow_factory: UnitOfWorkFactory, clock: Clock | None = None) -> JoinedCentre:
    """The centre this counter took from the server (named now if it has just arrived);
    ``CentreNotOnServer`` while no manager of it has arrived."""
    name_centre(uow_factory, clock)
    with uow_factory.read() as uow:
        register_id = uow.meta.get_meta(REGISTER_META) or ""
        centre = uow.meta.get_meta(CENTRE_META)
        if centre is None or not _managers(uow):
            raise CentreNotOnServer(register_id or "?")
        blocks = {r["id"]: r["label_block"] for r in uow.registers.registers()}
        staff = [s for s in uow.staff.staff_list() if s["active"]]
        return JoinedCentre(
            centre,
            register_id,
            blocks.get(register_id),
            len([t for t in uow.tenants.tenants() if t.active]),
            len(staff),
            _managers(uow),
            *uow.items.catalogue_size(),
        )


def save_printer(
    uow_factory: UnitOfWorkFactory, setting: PrinterSetting, clock: Clock | None = None
) -> None:
    """The receipt printer of a counter set up from the server (no one is logged in yet: the
    change is journaled without a staff member, as the enrolment's register is)."""
    setting = check_setting(setting)
    with uow_factory() as uow:
        stamp = Stamp.of((clock or SystemClock()).now())
        uow.printing.save_setting(setting, stamp.utc_iso)
        uow.journal.append_journal(
            register_id=setting.register_id,
            event_code=EventCode.OTHER,
            stamp=stamp,
            staff_id=None,
            details={"kind": OtherEvent.SETTINGS_CHANGE, "printer": {
                "register": setting.register_id, "role": setting.role.value,
                "url": setting.url, "profile": setting.profile, "columns": setting.columns}},
        )  # fmt: skip
        uow.commit()


def waiting_register(uow_factory: UnitOfWorkFactory) -> str | None:
    """The register of a counter enrolled with a site whose centre has not arrived yet (its
    set-up goes on by fetching again, with no new code); None for one not enrolled."""
    with uow_factory.read() as uow:
        if uow.sync.device() is None:
            return None
        return uow.meta.get_meta(REGISTER_META) or ""


def _centre_name(uow: UnitOfWork) -> str:
    """The name the site's first counter with a centre brought (pulled as entity
    ``centre``)."""
    named = [str(r["data"].get("name") or "") for r in uow.sync.refs("centre")]
    return next((name for name in named if name), "")


def _managers(uow: UnitOfWork) -> int:
    return sum(1 for s in uow.staff.staff_list() if s["active"] and s["role"] == "manager")
