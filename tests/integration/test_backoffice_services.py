"""Back-office services: tenants changed and deactivated (journaled, history kept), registers
and scanner settings, a tenant's items a page at a time, price changes in the SAF-T journal."""

from __future__ import annotations

import json

import pytest
from lxml import etree

from pos.errors import InvalidTenant, ItemNotSellable, PermissionDenied
from pos.model.basket import Basket
from pos.model.catalogue import ItemKind
from pos.model.payment import Tender, TenderKind
from pos.services import checkout, devices, item_entry, setup, tenants
from pos.services.saft_export import export_saft
from pos.vat import VatClass

NS = {"s": "urn:StandardAuditFile-Taxation-CashRegister:NO"}


def last_journal(counter):
    with counter.uow.read() as uow:
        rows = list(uow.queries.journal_rows())
    return rows[-1], json.loads(rows[-1]["details"])


def test_a_manager_changes_a_tenant_and_the_change_is_journaled(counter, boss, ctx, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG")
    changed = tenants.update_tenant(
        counter.uow,
        boss,
        "12",
        name="Småfolk Gjenbruk AS",
        vat_registered=True,
        receipt_header="Velkommen!",
        receipt_footer="Bytte innen 14 dager",
        logo_path=str(logo),
    )
    assert changed.name == "Småfolk Gjenbruk AS" and changed.vat_registered
    details = tenants.tenant_details(counter.uow, "12")
    assert details.tenant.receipt_footer == "Bytte innen 14 dager"
    assert details.logo_path == str(logo)
    row, journaled = last_journal(counter)
    assert row["event_code"] == 13999 and journaled["kind"] == "tenant_change"
    assert journaled["name"] == "Småfolk Gjenbruk AS" and row["tenant_id"] == changed.id
    with pytest.raises(PermissionDenied):
        tenants.update_tenant(
            counter.uow,
            ctx,
            "12",
            name="X",
            vat_registered=False,
            receipt_header="",
            receipt_footer="",
        )
    with pytest.raises(InvalidTenant):
        tenants.update_tenant(
            counter.uow,
            boss,
            "12",
            name=" ",
            vat_registered=False,
            receipt_header="",
            receipt_footer="",
        )


def test_a_deactivated_tenant_keeps_its_history_but_its_items_no_longer_sell(
    counter, boss, ctx, shelf
):
    item = shelf.one_off("11", 1)
    basket = Basket()
    basket.add(item)
    checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CARD, item.price)])
    tenants.set_tenant_active(counter.uow, boss, "11", False)
    listed = {t.code: t for t in tenants.list_tenants(counter.uow)}
    assert not listed["11"].active
    with counter.uow.read() as uow:
        assert uow.queries.count("receipts") >= 1  # nothing of its history went
    other = shelf.one_off("11", 2)
    basket = Basket()
    basket.add(other)
    with pytest.raises(ItemNotSellable):
        checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CARD, other.price)])
    _, journaled = last_journal(counter)
    assert journaled == {"kind": "tenant_change", "code": "11", "change": "active", "active": False}


def test_a_new_tenant_needs_a_free_code_and_a_valid_org_number(counter, boss):
    made = tenants.create_tenant(
        counter.uow,
        boss,
        code="16",
        name="Bok og Bytte",
        org_no="921100779",
        vat_registered=False,
    )
    assert made.code == "16"
    with pytest.raises(tenants.TenantCodeTaken):
        tenants.create_tenant(
            counter.uow, boss, code="16", name="Igjen", org_no="921100779", vat_registered=False
        )


def test_registers_get_names_and_unique_label_blocks(counter, boss):
    setup.add_register(counter.uow, "K2", "Kasse 2", 2, ctx=boss)
    devices.update_register(counter.uow, boss, "K1", "Disken", 7)
    found = {r.id: r for r in devices.registers(counter.uow)}
    assert found["K1"].name == "Disken" and found["K1"].label_block == 7
    with pytest.raises(devices.LabelBlockTaken):
        devices.update_register(counter.uow, boss, "K1", "Disken", 2)
    with pytest.raises(devices.InvalidDeviceSetting):
        devices.update_register(counter.uow, boss, "K1", "Disken", 100)


def test_scanner_settings_are_stored_checked_and_journaled(counter, boss):
    assert devices.scanner_settings(counter.uow, "K1") == devices.ScannerSettings()
    wanted = devices.ScannerSettings(40, 8, "", "socket://127.0.0.1:9", 19200)
    devices.save_scanner_settings(counter.uow, boss, wanted)
    assert devices.scanner_settings(counter.uow, "K1") == wanted
    _, journaled = last_journal(counter)
    assert journaled["scanner"]["serial_url"] == "socket://127.0.0.1:9"
    with pytest.raises(devices.InvalidDeviceSetting):
        devices.save_scanner_settings(counter.uow, boss, devices.ScannerSettings(max_gap_ms=2))


def new(description, price=10000):
    return setup.NewItem("12", description, price, VatClass.NONE, "BARN", ItemKind.ONE_OFF)


def test_a_tenants_items_come_a_page_at_a_time_newest_first(counter, ctx):
    made = item_entry.register_items(counter.uow, ctx, [new(f"Trehest {n}") for n in range(7)])
    page = item_entry.list_items(counter.uow, made[0].tenant_id, "trehest", limit=3)
    assert [i.description for i in page] == ["Trehest 6", "Trehest 5", "Trehest 4"]
    rest = item_entry.list_items(counter.uow, made[0].tenant_id, "trehest", offset=6, limit=3)
    assert [i.description for i in rest] == ["Trehest 0"]
    assert all(i.barcode and i.barcode.startswith("212") for i in made)


def test_a_price_change_flags_the_label_and_is_in_the_saft_journal(counter, boss, tmp_path):
    (item,) = item_entry.register_items(counter.uow, boss, [new("Barnevogn Emmaljunga", 150000)])
    item_entry.change_price(counter.uow, boss, item.id, 120000)
    assert item_entry.flagged_labels(counter.uow, "12") == [item.barcode]
    item_entry.labels_printed(counter.uow, [item.barcode])
    assert item_entry.flagged_labels(counter.uow, "12") == []
    result = export_saft(counter.uow, boss, "12", "2026-03-01", "2026-03-31", tmp_path)
    root = etree.parse(str(result.path))
    events = root.findall(".//s:cashregister[s:registerID='K1']/s:event", NS)
    changes = [e for e in events if e.findtext("s:eventType", namespaces=NS) == "PRICECHG"]
    texts = [e.findtext("s:eventText", namespaces=NS) for e in changes]
    assert any("new 120000" in t and "old 150000" in t and item.barcode in t for t in texts)
    basic = root.find(".//s:basic[s:basicID='PRICECHG']", NS)
    assert basic is not None and basic.findtext("s:predefinedBasicID", namespaces=NS) == "13021"


def test_an_item_is_found_by_any_part_of_its_name(counter, ctx):
    """Norwegian joins words into one: "pumpe" finds "Sykkelpumpe", whatever the case, on the
    back office's list and at the counter's search; a code still finds its item; a word typed
    without its accents still finds it by the word's start."""
    from pos.services import catalogue

    pump, _lock, jug = item_entry.register_items(
        counter.uow, ctx, [new("Sykkelpumpe"), new("Sykkellås"), new("Kaffekanne Ødegård")]
    )
    tenant = pump.tenant_id

    def listed(typed: str) -> list[str]:
        return [i.description for i in item_entry.list_items(counter.uow, tenant, typed)]

    def searched(typed: str) -> list[str]:
        return [i.description for i in catalogue.search_items(counter.uow, typed, tenant_id=tenant)]

    assert listed("pumpe") == searched("PUMPE") == ["Sykkelpumpe"]
    assert {"Sykkellås", "Sykkelpumpe", "Sparkesykkel, blå"} <= set(listed("sykkel"))
    assert listed("lås") == searched("kkel lås") == ["Sykkellås"]
    assert listed(pump.barcode or "") == ["Sykkelpumpe"]
    assert listed("ødegard") == searched("kaffe ødegard") == ["Kaffekanne Ødegård"]
    assert listed("pumpa") == [] and listed("ykk zq") == listed("pumpe y_") == []
    assert listed("kelpu") == listed("PUMPE sy") == ["Sykkelpumpe"]  # a short word anywhere too
