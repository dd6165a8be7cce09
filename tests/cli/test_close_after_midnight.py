"""A till closed just after midnight counted the day before: its blind count and terminal check
belong to that business day, as the Z taken after midnight does (the day still open), so each
day's day-end holds its own close and the next day's holds only its own."""

from __future__ import annotations

import subprocess
from datetime import datetime, timedelta
from pathlib import Path

from pos.clock import OSLO
from tests.cli.test_clock_ran_ahead import sell_at
from tests.cli.test_week_with_the_clock import utc
from tests.faketime import main_at

STAFF = ["--staff", "9001", "--pin", "9999"]


def ok(result) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


def test_a_close_after_midnight_is_on_the_day_end_of_the_day_it_counted(tmp_path):
    data, pdfs = tmp_path / "data", tmp_path / "pdf"
    today = datetime.now(OSLO).date()
    day, next_day = today - timedelta(days=3), today - timedelta(days=2)
    ok(main_at(utc(day, 8), data, "demo"))  # the till is open from the morning
    sell_at(data, utc(day, 20), 2)
    ok(main_at(utc(next_day, 0, 10), data, "till-close", "--count", "500=3", "--card", "100",
               *STAFF))  # fmt: skip
    z = ok(main_at(utc(next_day, 0, 11), data, "z-report", "--pdf", str(pdfs), *STAFF))
    assert f"salgsdag {day}" in z
    first = pdf_text(pdfs / f"dagsoppgjor-K1-{day}.pdf")
    assert "Kasseoppgjør kl. 00:10" in first, first
    assert "Bankkort" in first

    ok(main_at(utc(next_day, 9), data, "till-open", "--float", "1500", *STAFF))
    sell_at(data, utc(next_day, 10), 1)
    ok(main_at(utc(next_day, 15, 10), data, "till-close", "--count", "500=3", "--card", "100",
               *STAFF))  # fmt: skip
    ok(main_at(utc(next_day, 15, 20), data, "z-report", "--pdf", str(pdfs), *STAFF))
    second = pdf_text(pdfs / f"dagsoppgjor-K1-{next_day}.pdf")
    assert "Kasseoppgjør kl. 15:10" in second and "00:10" not in second, second


def test_a_close_after_midnight_does_not_make_the_new_day_one_with_use(tmp_path):
    data = tmp_path / "data"
    today = datetime.now(OSLO).date()
    day, next_day = today - timedelta(days=3), today - timedelta(days=2)
    ok(main_at(utc(day, 8), data, "demo"))
    sell_at(data, utc(day, 20), 1)
    ok(main_at(utc(next_day, 0, 10), data, "till-close", "--count", "500=1", "--card", "0",
               "--vipps", "0", *STAFF))  # fmt: skip
    z = ok(main_at(utc(next_day, 0, 11), data, "z-report", *STAFF))
    assert f"salgsdag {day}" in z and "mangler Z-rapport" not in z, z
    left = ok(main_at(utc(next_day, 0, 12), data, "z-report", "--missing", *STAFF))
    assert str(next_day) not in left and "Ingen dager uten Z-rapport" in left, left
    # the calendar day after: the closed day (no use) is not listed as missing its Z
    later = ok(main_at(utc(today, 9), data, "z-report", "--missing", *STAFF))
    assert "Ingen dager uten Z-rapport" in later, later
