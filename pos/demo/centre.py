"""The demo centre: tenants of a Norwegian reuse centre, staff, labelled items and an open till.

Seeding goes through the same services the back office uses, so the demo is journaled too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pos.clock import Clock, SystemClock
from pos.errors import DomainError
from pos.identifiers import make_in_store_ean13
from pos.model.catalogue import ArticleGroup, ItemKind
from pos.model.staff import Operator, Role
from pos.services import setup, till
from pos.services.centre_company import CentreCompany, write_company
from pos.services.context import TillContext
from pos.signing import Signer
from pos.unit_of_work import UnitOfWorkFactory
from pos.vat import VatClass

DEMO_FILE = Path(__file__).resolve().parents[2] / "resources" / "demo_centre.json"
DEMO_META = "demo_store"
"""Set by ``seed_demo``: this store holds the made-up demo centre, not a real one."""


class NotADemoStore(DomainError):
    code = "not_a_demo_store"
    nb = (
        "«{value}» er ikke et demolager. simulate lager oppdiktet salgshistorikk og kjører bare "
        "på en datamappe laget med «demo» (eller en tom datamappe), aldri på et ekte senter."
    )
    en = (
        "'{value}' is not a demo store. simulate makes up sales history and only runs on a data "
        "directory made by 'demo' (or an empty one), never on a real centre."
    )


def load_demo_data(path: Path = DEMO_FILE) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def is_seeded(uow_factory: UnitOfWorkFactory) -> bool:
    with uow_factory.read() as uow:
        return uow.meta.get_meta("centre_name") is not None


def require_demo_store(uow_factory: UnitOfWorkFactory) -> None:
    """Refuse a real centre: only a store ``seed_demo`` made may get made-up history. A store
    seeded before the mark existed is known by its tenants: all of them the demo's."""
    with uow_factory.read() as uow:
        if uow.meta.get_meta(DEMO_META) == "1":
            return
        centre = uow.meta.get_meta("centre_name") or ""
        orgs = {t.org_no for t in uow.tenants.tenants()}
    demo = load_demo_data()
    if not (centre == demo["centre"] and orgs and orgs <= {t["org_no"] for t in demo["tenants"]}):
        raise NotADemoStore(centre)


def demo_staff(uow_factory: UnitOfWorkFactory, role: Role) -> Operator:
    """The first active person with ``role`` in a demo store (no PIN: the simulation acts as
    them, which only a demo store allows)."""
    require_demo_store(uow_factory)
    with uow_factory.read() as uow:
        rows = [r for r in uow.staff.staff_list() if r["role"] == role.value and r["active"]]
    if not rows:
        raise NotADemoStore(role.value)
    row = min(rows, key=lambda r: r["staff_no"])
    return Operator(row["id"], row["staff_no"], row["name"], role)


def seed_demo(
    uow_factory: UnitOfWorkFactory,
    signer: Signer,
    data: dict[str, Any] | None = None,
    clock: Clock | None = None,
    *,
    open_till: bool = True,
) -> bool:
    """Create the demo centre unless this store already holds a centre; True if it did."""
    if is_seeded(uow_factory):
        return False
    data = data or load_demo_data()
    clock = clock or SystemClock()
    register = data["register"]
    setup.add_register(uow_factory, register["id"], register["name"], register.get("label_block"))
    setup.add_article_groups(uow_factory, [ArticleGroup(**g) for g in data["article_groups"]])
    for tenant in data["tenants"]:
        setup.add_tenant(uow_factory, clock=clock, **tenant)
    boss: TillContext | None = None  # set-up is open until the first manager exists
    for person in sorted(data["staff"], key=lambda p: p["role"] == Role.MANAGER.value):
        staff_id = setup.add_staff(
            uow_factory,
            person["staff_no"],
            person["name"],
            Role(person["role"]),
            person["pin"],
            clock,
            ctx=boss,
        )
        if person["role"] == Role.MANAGER.value and boss is None:
            operator = Operator(staff_id, person["staff_no"], person["name"], Role.MANAGER)
            boss = TillContext(register["id"], operator, signer, clock)
    setup.add_items(uow_factory, list(_demo_items(data)), clock)
    with uow_factory() as uow:
        uow.meta.set_meta("centre_name", data["centre"])
        runs = min(data["tenants"], key=lambda t: t["code"])  # the demo's drawer owner
        write_company(uow, CentreCompany(runs["name"], runs["org_no"]))
        uow.meta.set_meta("register_id", register["id"])
        uow.meta.set_meta(DEMO_META, "1")
        uow.commit()
    if open_till and boss is not None:
        till.open_till(uow_factory, boss, int(data["float"]))
    return True


def _demo_items(data: dict[str, Any]) -> Any:
    for item in data["stock_items"]:
        yield setup.NewItem(
            item["tenant"],
            item["description"],
            item["price"],
            VatClass.from_key(item["vat"]),
            item["group"],
            ItemKind.STOCK,
            item["barcode"],
            item["qty"],
        )
    for item in data["open_price_items"]:
        yield setup.NewItem(
            item["tenant"],
            item["description"],
            None,
            VatClass.from_key(item["vat"]),
            item["group"],
            ItemKind.OPEN_PRICE,
            item["barcode"],
        )
    numbers: dict[str, int] = {}
    for item in data["one_off_items"]:
        numbers[item["tenant"]] = numbers.get(item["tenant"], 0) + 1
        yield setup.NewItem(
            item["tenant"],
            item["description"],
            item["price"],
            VatClass.from_key(item["vat"]),
            item["group"],
            ItemKind.ONE_OFF,
            make_in_store_ean13(item["tenant"], numbers[item["tenant"]]),
        )
