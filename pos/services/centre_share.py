"""What a counter shares with the site's other counters through the central server, and which
register it is among them.

At enrolment the server gives each counter its own register id (K1, K2, ...) and label block,
so receipt numbers (``31-K2-000001``) and in-store labels of two counters never collide: a
counter that has sold keeps its register, a fresh one takes the site's next. A counter's first
enrolment queues the centre's article groups, staff (the PIN's scrypt hash, never the PIN) and
items, so a second counter pulls them; staff added or changed later go up the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pos.clock import Clock, Stamp, SystemClock
from pos.model.events import EventCode, OtherEvent
from pos.model.registers import default_register_name
from pos.services.setup import registered_payload
from pos.services.staff_share import shared_staff
from pos.sync_protocol import ARTICLE_GROUP_REGISTERED, STAFF_REGISTERED
from pos.unit_of_work import UnitOfWorkFactory


def claimed_register(uow_factory: UnitOfWorkFactory) -> tuple[str | None, int | None]:
    """The register this store has used (and its label block), or ``(None, None)`` for a store
    that has given out no receipt number, label or ticket id yet: it takes the register the
    server gives."""
    with uow_factory.read() as uow:
        mine = uow.meta.get_meta("register_id")
        known = {r["id"]: r["label_block"] for r in uow.registers.registers()}
        if mine is None and len(known) == 1:  # a centre set up before the meta was written
            mine = next(iter(known))
        if mine is None or mine not in known or not uow.registers.register_in_use(mine):
            return None, None
    return mine, known[mine]


def centre_name(uow_factory: UnitOfWorkFactory) -> str | None:
    """This counter's centre's name (none for a fresh counter): sent at enrolment, the site's
    first becomes the name every counter set up from the server shows."""
    with uow_factory.read() as uow:
        return uow.meta.get_meta("centre_name") or None


def device_name(uow_factory: UnitOfWorkFactory) -> str:
    """What the server and the web back office call this counter: the name of the register it
    has sold as ("Kasse 1 – disken"), or "" for a fresh counter (the server then names it by
    the register it gives)."""
    register_id, _ = claimed_register(uow_factory)
    if register_id is None:
        return ""
    with uow_factory.read() as uow:
        return uow.registers.register_name(register_id) or register_id


def take_register(
    uow_factory: UnitOfWorkFactory, register_id: str, label_block: int, clock: Clock | None = None
) -> None:
    """Become the register the server gave at enrolment (journaled as a settings change when
    it changes anything: a counter that keeps its register and block records nothing)."""
    with uow_factory() as uow:
        known = {r["id"]: r for r in uow.registers.registers()}
        mine = uow.meta.get_meta("register_id")
        if mine == register_id and known.get(register_id, {}).get("label_block") == label_block:
            return
        stamp = Stamp.of((clock or SystemClock()).now())
        holder = uow.registers.register_with_block(label_block)
        if holder not in (None, register_id):  # a register set up here and never used
            uow.registers.update_register(str(holder), known[str(holder)]["name"], None)
        if register_id not in known:
            uow.registers.add_register(register_id, default_register_name(register_id), label_block)
        elif known[register_id]["label_block"] != label_block:
            uow.registers.update_register(register_id, known[register_id]["name"], label_block)
        uow.meta.set_meta("register_id", register_id)
        uow.journal.append_journal(
            register_id=register_id,
            event_code=EventCode.OTHER,
            stamp=stamp,
            staff_id=None,
            details={
                "kind": OtherEvent.SETTINGS_CHANGE,
                "register": register_id,
                "label_block": label_block,
                "by": "enrolment",
            },  # fmt: skip
        )
        uow.commit()


def queue_centre(uow_factory: UnitOfWorkFactory, clock: Clock | None = None) -> int:
    """Queue the centre's article groups, staff and items for the server (a first enrolment);
    returns how many events were queued. Items whose ``item.registered`` is queued already
    (registered at this counter before it was enrolled) are not queued again: the server
    would take a second registration of the same item as a clash (``item_exists``); their
    later sales, price changes and counts follow their first registration in the outbox."""
    stamp = Stamp.of((clock or SystemClock()).now())
    with uow_factory() as uow:
        groups = [(ARTICLE_GROUP_REGISTERED, None, {"group": {
            "id": g["id"], "name": g["name"], "saft_code": g["saft_code"]}})
            for g in uow.queries.article_groups()]  # fmt: skip
        staff = [(STAFF_REGISTERED, None, {"staff": shared_staff(row)})
                 for row in uow.staff.staff_to_share()]  # fmt: skip
        queued = uow.sync.queued_registrations()  # registered here: sent already, once
        items = [("item.registered", i.tenant_id,  # a one-off sold here is sold for all
                  registered_payload(i, None) | {"status": i.status.value})
                 for i in uow.queries.items() if i.id not in queued]  # fmt: skip
        events: list[tuple[str, str | None, Mapping[str, Any]]] = [*groups, *staff, *items]
        uow.outbox.append_outbox_many(events, stamp)
        uow.commit()
    return len(events)
