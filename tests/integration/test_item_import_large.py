"""A 50 000-row spreadsheet with a few broken rows: exactly those rows are named, nothing is
imported until the file is clean or the manager chooses to skip them, then all good rows at once."""

from __future__ import annotations

import pytest

from bench.back_office import spreadsheet
from pos.services import item_import
from tests.integration.helpers import row_counts

ROWS = 50_000


def test_a_50000_row_file_with_broken_rows_names_them_and_imports_nothing_partial(counter, boss):
    lines = spreadsheet(ROWS).decode("cp1252").split("\r\n")
    lines[101] = "Genser nr. 100;;25;KLAER;Pent brukt"  # missing price
    lines[20_001] = "Genser nr. 20000;149;30;KLAER;Pent brukt"  # bad VAT class
    lines[49_999] = "Genser nr. 49998,149,25,KLAER,Pent brukt"  # wrong delimiter
    data = "\r\n".join(lines).encode("cp1252")
    result = item_import.preview(counter.uow, "11", data)
    assert [e.line for e in result.errors] == [102, 20_002, 50_000]
    assert "pris mangler" in result.errors[0].message("nb")
    assert "mva" in result.errors[1].message("nb")
    assert "skilletegn" in result.errors[2].message("nb")
    assert len(result.rows) == ROWS - 3
    before = row_counts(counter)
    with pytest.raises(item_import.ImportHasErrors):
        item_import.confirm(counter.uow, boss, result)
    assert row_counts(counter) == before
    made = item_import.confirm(counter.uow, boss, result, skip_errors=True)
    assert len(made) == ROWS - 3
    assert row_counts(counter)["items"] - before["items"] == ROWS - 3
