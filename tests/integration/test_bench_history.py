"""The history ``bench scale`` makes fast (``bench/_scale``) is what the till makes: the journal
chain, every signature chain and every receipt's digest verify, a sale at the real till carries
on from it, the outbox keeps only what the retention window allows, and a tenant's SAF-T file
of it validates against Skatteetaten's XSD."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from lxml import etree

from bench._scale.buffered import unsynchronised
from bench._scale.history import History
from pos.clock import OSLO, SteppingClock
from pos.counter import open_counter
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import auth, checkout, reports
from pos.services.catalogue import find_item
from pos.services.context import TillContext
from pos.services.saft_export import export_saft
from pos.services.verification import verify_store
from tests.day_end.test_saft_export import SCHEMA_FILE

FIRST = date(2026, 1, 5)
DAYS = 4


def test_fast_history_verifies_continues_at_the_till_and_exports_valid_saft(tmp_path):
    data = tmp_path / "data"
    with open_counter(data) as counter:
        unsynchronised(counter.engine)
        history = History(counter, FIRST, seed=3)
        history.set_up()
        stats = history.run(DAYS, 60)
        left_open = reports.open_days(history.plain, history.boss)
        history.close()
    assert not left_open  # every tenant with use on a day has that day's Z
    assert stats.sales > 200 and stats.receipts > stats.sales and stats.z_reports >= 15 * DAYS
    assert stats.returns + stats.copies + stats.repair_steps > 0 and not stats.refused
    evening = datetime.combine(FIRST + timedelta(days=DAYS), datetime.min.time(), OSLO)
    clock = SteppingClock(evening.replace(hour=10))
    with open_counter(data, clock) as counter:  # the real till, its high-water mark in step
        signer = counter.signer()
        cashier = auth.authenticate(counter.uow, "1001", "1234")
        basket = Basket()
        basket.add(find_item(counter.uow, "KAFFE-MED"))
        basket.add(find_item(counter.uow, "DIV-25"), 1, 4990)
        sale = checkout.complete_sale(
            counter.uow, TillContext("K1", cashier, signer, clock), basket,
            [Tender(TenderKind.CARD, basket.total, "T1")],
        )  # fmt: skip
        report = verify_store(counter.uow, counter.keys.verifiers())
        assert report.ok, report.problems
        assert report.receipts == _receipts(counter) >= stats.receipts + len(sale.receipts)
        manager = auth.authenticate(counter.uow, "9001", "9999")
        clock.current = evening.replace(hour=21)
        out = tmp_path / "saft"
        out.mkdir()
        first, last = FIRST.isoformat(), (FIRST + timedelta(days=DAYS)).isoformat()
        made = export_saft(
            counter.uow, TillContext("K1", manager, signer, clock), "13", first, last, out
        )
    schema = etree.XMLSchema(etree.parse(str(SCHEMA_FILE)))
    assert made.transactions > 0
    assert schema.validate(etree.parse(str(made.path))), schema.error_log


def _receipts(counter) -> int:
    with counter.uow.read() as uow:
        return uow.queries.count("receipts")
