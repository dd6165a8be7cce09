"""``import-items`` as a manager runs it (``python main.py``): a tenant's sheet in its own
category words imports whole; an unknown category goes to the default group, or where
``--map`` says, or to ``--default-group``; a mapping to no group is a clear message."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.faketime import main_at

STAFF = ["--staff", "9001", "--pin", "9999"]
SHEET = (
    "Beskrivelse;Pris;Kategori\n"
    "Ullgenser;149;Klær\n"
    "Stekepanne;120;Husholdning\n"
    "Brødboks;80;husholdning\n"
    "Lampe;200;elektronikk\n"
)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    made = main_at(None, tmp_path / "data", "demo")
    assert made.returncode == 0, made.stderr
    return tmp_path / "data"


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "bua.csv"
    path.write_bytes(SHEET.encode("cp1252"))  # as Excel saves it
    return path


def groups_of(data_dir: Path) -> dict[str, str]:
    db = sqlite3.connect(data_dir / "omigjen.sqlite3")
    names = ("Ullgenser", "Stekepanne", "Brødboks", "Lampe")
    rows = db.execute(
        "SELECT description, article_group_id FROM items WHERE description IN (?,?,?,?)", names
    ).fetchall()
    db.close()
    return dict(rows)


def test_the_sheet_imports_and_an_unknown_category_goes_to_the_default_group(data_dir, sheet):
    done = main_at(None, data_dir, "import-items", "--tenant", "11", str(sheet), *STAFF)
    assert done.returncode == 0, done.stderr
    assert "4 rader klare, 0 med feil" in done.stdout
    assert (
        "kategorien «Husholdning» er ingen varegruppe: 2 rader til DIVERSE Andre varer "
        '(standard; --map "Husholdning=GRUPPE" for å velge)'
    ) in done.stdout
    assert "importerte 4 varer" in done.stdout
    assert groups_of(data_dir) == {
        "Ullgenser": "KLAER", "Stekepanne": "DIVERSE", "Brødboks": "DIVERSE", "Lampe": "ELEKTRO",
    }  # fmt: skip


def test_map_and_default_group_choose_where_unknown_categories_go(data_dir, sheet):
    args = ["import-items", "--tenant", "11", str(sheet), *STAFF]
    checked = main_at(None, data_dir, *args, "--dry-run", "--map", "husholdning=Elektronikk")
    assert checked.returncode == 0, checked.stderr
    assert "2 rader til ELEKTRO Elektronikk (--map)" in checked.stdout
    english = main_at(None, data_dir, "--lang", "en", *args, "--dry-run")
    assert "4 rows ready, 0 with errors" in english.stdout
    assert "category 'Husholdning' names no article group: 2 rows to DIVERSE" in english.stdout
    assert groups_of(data_dir) == {}  # a dry run writes nothing
    done = main_at(None, data_dir, *args, "--default-group", "BARN")
    assert done.returncode == 0, done.stderr
    assert groups_of(data_dir)["Stekepanne"] == "BARN"


def test_a_mapping_to_no_group_or_without_equals_is_refused_with_a_message(data_dir, sheet):
    args = ["import-items", "--tenant", "11", str(sheet), *STAFF]
    unknown = main_at(None, data_dir, *args, "--map", "Husholdning=Kjøkken")
    assert unknown.returncode == 2
    said = "Varegruppen «Kjøkken» finnes ikke. Varegruppene er: BARN Barneutstyr, BRUS Mineralvann,"
    assert said in unknown.stderr
    assert "Traceback" not in unknown.stderr
    malformed = main_at(None, data_dir, "--lang", "en", *args, "--map", "Husholdning")
    assert malformed.returncode == 2 and "is not CATEGORY=GROUP" in malformed.stderr
    wrong_default = main_at(None, data_dir, "--lang", "en", *args, "--default-group", "Biler")
    assert wrong_default.returncode == 2
    assert "There is no article group 'Biler'" in wrong_default.stderr
    assert groups_of(data_dir) == {}
