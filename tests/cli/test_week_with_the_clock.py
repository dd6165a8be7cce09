"""A week through the real command line with the PC's clock set by libfaketime: demo, sales,
a Z after midnight, a day whose Z was skipped, the clock set back two days and a manager's
confirmed time, the clock right again, and the period's SAF-T files valid against the XSD."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime, timedelta

from lxml import etree

from pos.clock import OSLO
from tests.day_end.test_saft_export import NS, SCHEMA_FILE
from tests.faketime import main_at

STAFF = ["--staff", "9001", "--pin", "9999"]


def utc(day: date, hour: int, minute: int = 0) -> str:
    """Oslo wall time as the UTC moment faketime takes."""
    local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=OSLO)
    return local.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def ok(result):
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def journal_kinds(data) -> list[str]:
    db = sqlite3.connect(data / "omigjen.sqlite3")
    try:
        rows = db.execute("SELECT details FROM journal ORDER BY seq").fetchall()
    finally:
        db.close()
    return [json.loads(r[0]).get("kind", "") for r in rows]


def test_a_week_with_a_z_after_midnight_a_skipped_day_and_the_clock_set_back(tmp_path):
    data = tmp_path / "data"
    today = datetime.now(OSLO).date()
    d0, d1, d2 = (today - timedelta(days=n) for n in (4, 3, 2))
    ok(main_at(utc(d0, 8), data, "demo"))
    ok(main_at(utc(d0, 18), data, "simulate", "--days", "1", "--sales-per-day", "30"))

    after_midnight = ok(main_at(utc(d1, 0, 10), data, "z-report", *STAFF))
    assert f"salgsdag {d0}" in after_midnight and f"salgsdag {d1}" not in after_midnight

    ok(main_at(utc(d1, 18), data, "simulate", "--days", "1", "--sales-per-day", "30"))
    # the next day the till is counted and closed, but nobody took yesterday's Z
    ok(main_at(utc(d2, 18), data, "till-close", "--count", "1000=1", "--note", "Telling", *STAFF))
    missing = ok(main_at(utc(d2, 19), data, "z-report", "--missing", *STAFF)).splitlines()
    assert missing[0].startswith(f"{d1}\tmangler\t")
    assert len(missing) == 1  # the close counted d1: it is not use of d2
    refused = main_at(utc(d2, 19), data, "z-report", "--date", str(d2), *STAFF)
    assert refused.returncode == 2 and f"ta den for {d1} først" in refused.stderr
    future = main_at(
        utc(d2, 19), data, "z-report", "--date", str(today + timedelta(days=30)), *STAFF
    )
    assert future.returncode == 2 and "ikke kommet ennå" in future.stderr
    assert f"salgsdag {d1}" in ok(main_at(utc(d2, 19, 5), data, "z-report", *STAFF))
    nothing = ok(main_at(utc(d2, 19, 10), data, "z-report", *STAFF))
    assert "Ingen Z-rapport" in nothing  # d2's only record, the close, counted d1

    # the PC's clock three days behind: before the last record (two days ago at 19:10) at any
    # time of day, so nothing is recorded until a manager confirms the time
    behind = "-3d"
    refused = main_at(None, data, *["x-report", *STAFF], offset=behind)
    assert refused.returncode == 2 and "før siste registrering" in refused.stderr
    real = datetime.now(OSLO).strftime("%Y-%m-%d %H:%M")
    confirmed = ok(main_at(None, data, "confirm-time", "--now", real, *STAFF, offset=behind))
    assert "bekreftet og journalført" in confirmed
    ok(main_at(None, data, "x-report", *STAFF, offset=behind))
    kinds = journal_kinds(data)
    assert kinds[kinds.index("clock_confirmed") + 1 :] == ["X"] * 6  # one X per tenant
    assert last_record_date(data) == str(today)  # dated by the confirmed time, not the PC's

    # the clock right again: the correction ends, journaled
    ok(main_at(None, data, "x-report", *STAFF))
    assert "clock_offset_ended" in journal_kinds(data)
    assert "OK:" in ok(main_at(None, data, "verify-journal"))

    schema = etree.XMLSchema(etree.parse(str(SCHEMA_FILE)))
    for tenant in ("10", "11", "15"):
        out = tmp_path / f"saft-{tenant}.xml"
        period = ["--from", str(d0), "--to", str(d2), "--out", str(out)]
        ok(main_at(None, data, "export-saft", "--tenant", tenant, *period, *STAFF))
        doc = etree.parse(str(out))
        assert schema.validate(doc), schema.error_log.filter_from_errors()[:3]
        exported = [e.text for e in doc.iterfind(".//s:eventReport/s:reportID", NS)]
        z_ids = [i for i in exported if i.startswith("Z-")]
        assert z_ids == z_reports_of(data, tenant, d0, d2) and z_ids


def last_record_date(data) -> str:
    db = sqlite3.connect(data / "omigjen.sqlite3")
    try:
        return str(db.execute("SELECT local_date FROM journal ORDER BY seq DESC").fetchone()[0])
    finally:
        db.close()


def z_reports_of(data, code: str, first: date, last: date) -> list[str]:
    """The tenant's Z reports by business day, read straight from the database file."""
    db = sqlite3.connect(data / "omigjen.sqlite3")
    try:
        rows = db.execute(
            "SELECT z.z_number FROM z_reports z JOIN tenants t ON t.id = z.tenant_id "
            "WHERE t.code = ? AND z.business_date BETWEEN ? AND ? ORDER BY z.z_number",
            (code, str(first), str(last)),
        ).fetchall()
    finally:
        db.close()
    return [f"Z-{code}-K1-{n}" for (n,) in rows]
