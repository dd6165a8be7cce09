"""The PC's clock ran ahead while the till was opened and closed, then a manager declared the
records stamped ahead. The till's open or closed state follows the order of the records, never
their clock time: the till opens at the real time, names who opened it, and says it is open."""

from __future__ import annotations

from datetime import datetime, timedelta

from pos.clock import OSLO
from tests.cli.test_week_with_the_clock import utc
from tests.faketime import main_at

STAFF = ["--staff", "9001", "--pin", "9999"]


def ok(result) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def test_the_till_opened_after_a_records_ahead_declaration_is_open(tmp_path):
    data = tmp_path / "data"
    today = datetime.now(OSLO).date()
    d0, real = today - timedelta(days=4), today - timedelta(days=3)
    ahead = real + timedelta(days=2)
    ok(main_at(utc(d0, 8), data, "demo"))  # the till is open from the demo's morning
    ok(main_at(utc(ahead, 10), data, "till-close", "--count", "500=3", *STAFF))
    ok(main_at(utc(ahead, 10, 2), data, "till-open", "--float", "1500", *STAFF))
    ok(main_at(utc(ahead, 10, 4), data, "till-close", "--count", "500=3", *STAFF))
    ok(main_at(utc(real, 10, 30), data, "confirm-time", "--records-ahead",
               "--now", f"{real} 10:30", *STAFF))  # fmt: skip

    opened = ok(main_at(utc(real, 10, 31), data, "till-open", "--float", "1500", *STAFF))
    assert f"åpnet {real} 10:31 av Mona Leder med vekselkasse" in opened, opened
    status = main_at(utc(real, 10, 32), data, "till-status")
    assert status.returncode == 0, status.stdout + status.stderr
    assert f"er åpen siden {real} 10:31" in status.stdout and "Mona Leder" in status.stdout
    again = main_at(utc(real, 10, 33), data, "till-open", "--float", "1500", *STAFF)
    assert again.returncode == 2 and "allerede åpen" in again.stderr

    ok(main_at(utc(real, 18), data, "till-close", "--count", "500=3", *STAFF))
    closed = main_at(utc(real, 18, 1), data, "till-status")
    assert closed.returncode == 1 and f"stengt (siden {real} 18:00)" in closed.stdout
