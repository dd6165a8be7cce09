"""The support log follows the counter's day around the sales: the till closed and opened, cash
put in and taken out, X and Z reports, items registered, a backup; each once, at INFO, naming
staff by number and never a PIN."""

from __future__ import annotations

import logging

from pos.model.catalogue import ItemKind
from pos.model.till_close import BlindCount
from pos.services import backups, item_entry, reports, till, till_close, till_day
from pos.services.setup import NewItem
from pos.vat import VatClass

PIN = "9999"
DEMO_ORG_NUMBERS = ("921100116", "921100221", "921100337", "921100442", "921100558", "921100663")


def test_the_days_steps_are_in_the_support_log(counter, boss, ctx, manager, caplog):
    caplog.set_level(logging.DEBUG)
    till_close.close_till(counter.uow, boss, BlindCount({100000: 1, 50000: 1}), note="telt")
    reports.z_reports(counter.uow, boss)
    till_day.open_with_float(counter.uow, ctx, None, BlindCount({50000: 3}), approver=manager)
    till.move_cash(counter.uow, boss, 20000, "Veksel fra banken")
    till.move_cash(counter.uow, boss, -5000, "Blomster")
    reports.x_reports(counter.uow, boss)
    coat = NewItem("11", "Ullkåpe", 34900, VatClass.HIGH, "KLAER", ItemKind.ONE_OFF)
    (made,) = item_entry.register_items(counter.uow, ctx, [coat])
    taken = backups.take(counter.data_dir, "manual")

    said = [
        r.getMessage().replace("\xa0", " ") for r in caplog.records if r.name == "pos.services.day"
    ]
    day = "business day 2026-03-02, at K1 by staff 9001: net 0,00 kr"
    assert said == [
        "till closed at K1 by staff 9001: expected 1 500,00 kr, counted 1 500,00 kr, "
        "variance 0,00 kr",
        f"Z report nr 1 for org.no 921100116, {day}",  # the drawer's owner: its float
        "till opened at K1 by staff 1001: float 1 500,00 kr (counted by denomination)",
        "cash put in at K1 by staff 9001: 200,00 kr",
        "cash taken out at K1 by staff 9001: 50,00 kr",
        *[f"X report for org.no {org_no}, {day}" for org_no in DEMO_ORG_NUMBERS],
        f"1 item(s) registered at K1 by staff 1001: {made.barcode}",
        f"backup taken (manual): {taken.path.name}",
    ]
    assert all(PIN not in r.getMessage() for r in caplog.records)


def test_a_price_change_is_in_the_support_log(counter, boss, ctx, caplog):
    caplog.set_level(logging.INFO, logger="pos.services.day")
    coat = NewItem("11", "Ullkåpe", 34900, VatClass.HIGH, "KLAER", ItemKind.ONE_OFF)
    (made,) = item_entry.register_items(counter.uow, ctx, [coat])
    caplog.clear()
    item_entry.change_price(counter.uow, boss, made.id, 3490)
    (said,) = [r.getMessage().replace("\xa0", " ") for r in caplog.records]
    assert said == (
        f"price of item {made.barcode} changed at K1 by staff 9001: 349,00 kr -> 34,90 kr"
    )
