"""The CSV import page: broken rows (missing price, bad VAT class, wrong delimiter) are shown
per line and nothing is imported until confirmed; Latin-1 and UTF-8 files read alike; the
manager may import only the good rows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.services import item_entry
from tests.integration.helpers import row_counts
from tests.ui.conftest import log_in, press

BROKEN = (
    "Beskrivelse;Pris;MVA;Varegruppe;Tilstand\n"
    "Genser, ull;149,50;25;KLAER;Som ny\n"
    "Bukse;;25;KLAER;Brukt\n"
    "Jakke;299;30;KLAER;Brukt\n"
    "Skjorte,99,25,KLAER,Brukt\n"
    "Kåpe «Åsne»;1 299;25;KLAER;Pent brukt\n"
)


@pytest.fixture
def page(window):
    log_in(window, "9001", "9999")
    window.wedge.enabled = False
    shown = window.show_page("item_import")
    shown.tenant.setCurrentIndex(shown.tenant.findData("11"))
    return shown


def load(page, path):
    page.path.setFocus()
    page.path.selectAll()
    QTest.keyClicks(page.path, str(path))
    QTest.keyClick(page.path, Qt.Key.Key_Return)


def tenant_items(counter):
    return [
        i.description
        for i in item_entry.list_items(counter.uow, counter_tenant(counter), limit=500)
    ]


def counter_tenant(counter):
    with counter.uow.read() as uow:
        return uow.store.tenant_by_code("11").id


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_broken_rows_are_shown_per_line_and_nothing_partial_is_imported(
    page, counter, tmp_path, encoding
):
    path = tmp_path / "varer.csv"
    path.write_bytes(BROKEN.encode(encoding))
    load(page, path)
    lines = [
        (page.model.data(page.model.index(r, 0)), page.model.is_error(r))
        for r in range(page.model.rowCount())
    ]
    assert lines == [("2", False), ("3", True), ("4", True), ("5", True), ("6", False)]
    errors = [page.model.data(page.model.index(r, 1)) for r in (1, 2, 3)]
    assert "pris mangler" in errors[0] and "mva" in errors[1] and "skilletegn" in errors[2]
    assert page.model.data(page.model.index(4, 1)) == "Kåpe «Åsne»"
    assert "2" in page.summary.text() and "3" in page.summary.text()
    before = row_counts(counter)
    press(page.path, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert row_counts(counter) == before  # refused: the file has errors
    assert page.message.text()
    page.skip_errors.setFocus()
    QTest.keyClick(page.skip_errors, Qt.Key.Key_Space)
    assert page.skip_errors.isChecked()
    press(page.path, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert "2" in page.message.text()
    assert {"Genser, ull", "Kåpe «Åsne»"} <= set(tenant_items(counter))


def test_a_clean_file_imports_on_confirmation_only(page, counter, tmp_path):
    path = tmp_path / "rene.csv"
    path.write_text("Beskrivelse,Pris\nLue,49\nVotter,59\n", encoding="utf-8")
    load(page, path)
    assert page.model.rowCount() == 2 and "Lue" not in tenant_items(counter)
    press(page.path, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert {"Lue", "Votter"} <= set(tenant_items(counter))


def test_a_missing_file_is_a_message_not_a_crash(page, tmp_path):
    load(page, tmp_path / "finnes-ikke.csv")
    assert page.message.text() and page.model.rowCount() == 0


TENANT_WORDS = (
    "Beskrivelse;Pris;Kategori\n"
    "Ullgenser;149;Klær\n"
    "Stekepanne;120;Husholdning\n"
    "Brødboks;80;husholdning\n"
)


def tenant_groups(counter):
    return {
        i.description: i.article_group_id
        for i in item_entry.list_items(counter.uow, counter_tenant(counter), limit=500)
    }


def test_a_category_the_catalogue_lacks_is_mapped_in_the_preview_then_imported(
    page, counter, tmp_path
):
    path = tmp_path / "bua.csv"
    path.write_bytes(TENANT_WORDS.encode("cp1252"))
    load(page, path)
    assert not any(page.model.is_error(r) for r in range(page.model.rowCount()))
    assert page.categories.isVisible() and page.categories.rowCount() == 1
    assert page.categories.item(0, 0).text() == "Husholdning"
    assert page.categories.item(0, 1).text() == "2"
    combo = page.categories.combo("Husholdning")
    assert combo.currentData() == "DIVERSE"
    assert "«Husholdning»" in page.message.text()
    assert "#1b5e20" in page.message.styleSheet()  # said as advice, not as a problem
    combo.setFocus()
    while combo.currentData() != "ELEKTRO":  # the manager steps through the groups
        QTest.keyClick(combo, Qt.Key.Key_Down)
        assert combo.hasFocus()  # checked again each step, the choice stays in front
    groups = [page.model.data(page.model.index(r, 4)) for r in range(page.model.rowCount())]
    assert groups == ["KLAER", "ELEKTRO («Husholdning»)", "ELEKTRO («husholdning»)"]
    assert page.categories.combo("Husholdning").currentData() == "ELEKTRO"
    press(page.path, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    made = tenant_groups(counter)
    assert made["Ullgenser"] == "KLAER" and made["Stekepanne"] == made["Brødboks"] == "ELEKTRO"
