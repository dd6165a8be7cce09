"""Item registration: Enter registers a one-off item and queues its price tag; batch mode makes
an A4 label sheet PDF; a cashier may register, a bad price registers nothing."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.model.printing import JobKind
from pos.services import catalogue, print_queue
from pos.vat import VatClass
from printers.printing import Printing
from tests.integration.helpers import row_counts
from tests.ui.conftest import log_in, press


@pytest.fixture
def page(window, counter, tmp_path):
    window.page_context.printing = Printing(
        counter.uow, "K1", override_url=f"file://{tmp_path / 'tags.bin'}"
    )
    window.page_context.data_dir = counter.data_dir
    log_in(window)  # a cashier: registering items is for every staff member
    window.wedge.enabled = False
    return window.show_page("item_entry")


def fill(field, text):
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, text)


def test_enter_registers_the_item_and_queues_its_price_tag(page, counter):
    page.tenant.setCurrentIndex(page.tenant.findData("11"))
    fill(page.description, "Ullkåpe, grå")
    page.group.setCurrentIndex(page.group.findData("KLAER"))
    page.condition.setCurrentIndex(1)
    fill(page.purchase, "150")
    fill(page.price, "349,50")
    QTest.keyClick(page.price, Qt.Key.Key_Return)
    assert "211" in page.message.text(), page.message.text()
    code = page.message.text().split()[0]
    item = catalogue.find_item(counter.uow, code)
    assert item.description == "Ullkåpe, grå" and item.price == 34950
    assert item.purchase_price == 15000 and item.condition == "Pent brukt"
    assert item.vat_class is VatClass.HIGH and item.article_group_id == "KLAER"
    jobs = print_queue.jobs(counter.uow, "K1")
    assert [j.kind for j in jobs][-1] is JobKind.PRICE_TAGS
    assert page.description.text() == "" and page.description.hasFocus()


def test_a_new_tenant_brings_its_own_article_group_not_the_last_ones(page):
    page.tenant.setCurrentIndex(page.tenant.findData("11"))
    assert page.group.currentData() == "KLAER"  # its quick key's group
    page.group.setCurrentIndex(page.group.findData("DIVERSE"))  # kept for the next item
    page.tenant.setCurrentIndex(page.tenant.findData("12"))
    assert page.group.currentData() == "BARN"
    page.tenant.setCurrentIndex(page.tenant.findData("13"))  # a repair tenant: labour only
    assert page.group.currentData() == "DIVERSE"


def test_a_bad_price_registers_nothing(page, counter):
    before = row_counts(counter)
    fill(page.description, "Lampe")
    fill(page.price, "mange")
    QTest.keyClick(page.price, Qt.Key.Key_Return)
    assert "mange" in page.message.text()
    assert row_counts(counter) == before


def test_a_batch_becomes_an_a4_label_sheet(page, counter):
    page.tenant.setCurrentIndex(page.tenant.findData("12"))
    assert page.vat.count() == 1  # not VAT-registered: no VAT
    press(page.description, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert page.batch.isChecked()
    for n in range(3):
        fill(page.description, f"Barnesko str {30 + n}")
        fill(page.price, "99")
        QTest.keyClick(page.price, Qt.Key.Key_Return)
    assert "3" in page.message.text()
    assert print_queue.jobs(counter.uow, "K1") == []  # no tags in batch mode
    press(page.description, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    pdfs = list((counter.data_dir / "labels").glob("*.pdf"))
    assert len(pdfs) == 1 and pdfs[0].read_bytes().startswith(b"%PDF")
    assert str(pdfs[0]) in page.message.text() and page.open_button.isEnabled()
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdfs[0]), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Barnesko str 32" in text and "Småfolk" in text
