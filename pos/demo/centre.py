"""The demo centre: tenants of a Norwegian reuse centre, staff, labelled items and an open till.

Seeding goes through the same services the back office uses, so the demo is journaled too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pos.clock import Clock, SystemClock
from pos.identifiers import make_in_store_ean13
from pos.model.catalogue import ArticleGroup, ItemKind
from pos.model.staff import Operator, Role
from pos.services import setup, till
from pos.services.context import TillContext
from pos.signing import Signer
from pos.unit_of_work import UnitOfWorkFactory
from pos.vat import VatClass

DEMO_FILE = Path(__file__).resolve().parents[2] / "resources" / "demo_centre.json"


def load_demo_data(path: Path = DEMO_FILE) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def is_seeded(uow_factory: UnitOfWorkFactory) -> bool:
    with uow_factory.read() as uow:
        return uow.store.get_meta("centre_name") is not None


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
        uow.store.set_meta("centre_name", data["centre"])
        uow.store.set_meta("register_id", register["id"])
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
