"""CSV import: Norwegian spreadsheets, broken rows reported per line, nothing partial."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos.item_csv import parse
from pos.model.catalogue import ItemKind
from pos.model.group_match import GroupNames
from pos.services import item_import
from pos.services.catalogue import find_item
from pos.vat import VatClass
from tests.integration.helpers import row_counts

GOOD = (
    "Beskrivelse;Pris;MVA;Varegruppe;Strekkode;Tilstand;Innkjøpspris\n"
    "Genser, ull;149,50;25;KLAER;;Som ny;20\n"
    "Kåpe «Åsne»;1 299;25 %;KLAER;;Pent brukt;\n"
    "Kokebok;99;0;DIVERSE;9788202123451;;\n"
)


def test_a_norwegian_spreadsheet_imports_with_labels_and_journaled_prices(counter, boss):
    result = item_import.preview(counter.uow, "11", GOOD.encode("utf-8"))
    assert result.errors == [] and result.parsed.delimiter == ";"
    before = row_counts(counter)
    made = item_import.confirm(counter.uow, boss, result)
    assert [i.price for i in made] == [14950, 129900, 9900]
    assert made[0].condition == "Som ny" and made[0].purchase_price == 2000
    assert made[2].vat_class is VatClass.ZERO and made[2].barcode == "9788202123451"
    assert made[0].barcode.startswith("211") and find_item(counter.uow, made[0].barcode) == made[0]
    assert row_counts(counter)["journal"] - before["journal"] == 3  # 13021 per price


def test_latin1_files_from_excel_are_read(counter):
    result = item_import.preview(counter.uow, "11", GOOD.encode("cp1252"))
    assert result.parsed.encoding == "windows-1252"
    assert result.rows[1].description == "Kåpe «Åsne»"


@pytest.mark.parametrize(
    "content,line,words",
    [
        ("Beskrivelse;Pris;MVA\nGenser;;25\n", 2, "pris mangler"),
        ("Beskrivelse;Pris;MVA\nGenser;149;30\n", 2, "ukjent mva-sats"),
        ("Beskrivelse;Pris\nGenser;tusen\n", 2, "er ikke et beløp"),
        ("Beskrivelse;Pris;Strekkode\nGenser;10;7038010009458\n", 2, "kontrollsiffer"),
        ("Beskrivelse,Pris,MVA\nGenser,149,50,25\n", 2, "desimalkomma"),
        ("Beskrivelse;Pris;Strekkode\nA;10;7038010009457\n", 2, "allerede i bruk"),
        ("Pris;MVA\n149;25\n", 1, "beskrivelse"),
        ("Beskrivelse;Pris\nGenser;2 000 000\n", 2, "utenfor"),
    ],
)
def test_broken_rows_get_clear_errors_and_nothing_is_imported(counter, content, line, words, boss):
    result = item_import.preview(counter.uow, "11", content.encode())
    assert result.errors, "expected an error"
    assert result.errors[0].line == line and words in result.errors[0].message("nb")
    before = row_counts(counter)
    with pytest.raises((item_import.ImportHasErrors, item_import.NothingToImport)):
        item_import.confirm(counter.uow, boss, result)
    assert row_counts(counter) == before


def test_good_rows_can_be_imported_when_the_manager_skips_the_bad_ones(counter, boss):
    content = "Beskrivelse;Pris\nGenser;149\nBukse;\nJakke;299\n"
    result = item_import.preview(counter.uow, "11", content.encode())
    assert [e.line for e in result.errors] == [3]
    made = item_import.confirm(counter.uow, boss, result, skip_errors=True)
    assert [i.description for i in made] == ["Genser", "Jakke"]


def test_stock_and_open_price_rows(counter, boss):
    content = "Navn;Pris;Antall;Type\nSykkellås;199;12;\nDiverse;;;åpen\n"
    result = item_import.preview(counter.uow, "13", content.encode())
    assert result.errors == []
    stock, open_price = item_import.confirm(counter.uow, boss, result)
    assert stock.kind is ItemKind.STOCK and stock.stock_qty == 12
    assert open_price.kind is ItemKind.OPEN_PRICE and open_price.price is None


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_garbage_never_crashes_the_parser(data):
    groups = GroupNames.of([("DIVERSE", "Andre varer")])
    parsed = parse(data, default_group="DIVERSE", match_group=groups.match)
    assert parsed.rows or parsed.errors or not data.strip()


TENANT_SHEET = (
    "Beskrivelse;Pris;Kategori\n"
    "Ullgenser;149;Klær\n"
    "Bukse;99;klær\n"
    "Stekepanne;120;Husholdning\n"
    "Brødboks;80;husholdning\n"
    "Lampe;200;Elektronikk\n"
    "Sykkelhjelm;150;\n"
)


def test_a_tenants_own_categories_are_read_and_nothing_is_refused_for_them(counter, boss):
    result = item_import.preview(counter.uow, "11", TENANT_SHEET.encode("cp1252"))
    assert result.errors == []
    assert [r.group for r in result.rows] == [
        "KLAER", "KLAER", "DIVERSE", "DIVERSE", "ELEKTRO", "DIVERSE",
    ]  # fmt: skip
    (husholdning,) = result.categories
    assert (husholdning.category, husholdning.rows) == ("Husholdning", 2)
    assert husholdning.group == "DIVERSE" and not husholdning.chosen
    made = item_import.confirm(counter.uow, boss, result)
    assert [i.article_group_id for i in made][:3] == ["KLAER", "KLAER", "DIVERSE"]


def test_an_unknown_category_goes_where_it_is_mapped_by_id_or_name(counter, boss):
    result = item_import.preview(
        counter.uow, "11", TENANT_SHEET.encode(), mapping={"HUSHOLDNING": "elektronikk"}
    )
    (husholdning,) = result.categories
    assert husholdning.group == "ELEKTRO" and husholdning.chosen
    assert [r.group for r in result.rows][2:4] == ["ELEKTRO", "ELEKTRO"]
    assert result.rows[5].group == "DIVERSE"  # no category: the default group


def test_the_default_group_takes_unmapped_categories_and_rows_without_one(counter):
    result = item_import.preview(counter.uow, "11", TENANT_SHEET.encode(), default_group="Barn")
    assert [r.group for r in result.rows] == ["KLAER", "KLAER", "BARN", "BARN", "ELEKTRO", "BARN"]


def test_a_mapping_to_a_group_that_does_not_exist_says_which_groups_do(counter):
    with pytest.raises(item_import.UnknownArticleGroup) as refused:
        item_import.preview(counter.uow, "11", TENANT_SHEET.encode(), mapping={"X": "Biler"})
    assert "«Biler» finnes ikke" in refused.value.message("nb")
    assert "KLAER Brukte klær" in refused.value.message("nb")
