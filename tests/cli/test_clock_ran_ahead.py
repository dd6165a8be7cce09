"""The PC's clock ran a day ahead: sales and a Z were signed with those future times, then the
clock was set right. Through the real command line under libfaketime: the till refuses, a
manager declares the records stamped ahead (journaled), the till sells at the real time, the
real day and the day taken ahead each get their own Z, verify-journal says the declared step
back and passes, and the period's SAF-T files are valid against the XSD."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

from lxml import etree

from pos.clock import OSLO, SteppingClock
from pos.counter import open_counter
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import auth, checkout
from pos.services.catalogue import find_item
from pos.services.context import TillContext
from pos.services.legal_time import CounterClock
from tests.cli.test_week_with_the_clock import utc, z_reports_of
from tests.day_end.test_saft_export import NS, SCHEMA_FILE
from tests.faketime import main_at

STAFF = ["--staff", "9001", "--pin", "9999"]


def ok(result) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def sell_at(data_dir: Path, moment: str, n: int = 1) -> None:
    """Sales at the counter (the sale screen's service) with the PC's clock at ``moment``
    (UTC), stamped by the counter's clock as the till stamps them."""
    pc = SteppingClock(datetime.fromisoformat(moment).replace(tzinfo=UTC))
    with open_counter(data_dir, pc) as counter:
        clock = CounterClock(counter.uow, "K1", pc)
        ctx = TillContext("K1", auth.authenticate(counter.uow, "1001", "1234"), counter.signer(),
                          clock)  # fmt: skip
        for _ in range(n):
            basket = Basket()
            basket.add(find_item(counter.uow, "KAFFE-MED"))
            basket.add(find_item(counter.uow, "BUA-DIV"), 1, 10000)
            checkout.complete_sale(
                counter.uow, ctx, basket, [Tender(TenderKind.CARD, basket.total)]
            )
            pc.advance(minutes=1)


def read(data: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with closing(sqlite3.connect(data / "omigjen.sqlite3")) as db:
        return db.execute(sql, params).fetchall()


def signed(data: Path) -> list[tuple]:
    return read(
        data,
        "SELECT id, number_text, sig_nr, signature, local_date, local_time, total FROM receipts",
    )


def test_records_stamped_a_day_ahead_are_declared_and_the_days_go_on(tmp_path):
    data = tmp_path / "data"
    today = datetime.now(OSLO).date()
    d0, real = today - timedelta(days=4), today - timedelta(days=3)
    ahead = real + timedelta(days=1)
    ok(main_at(utc(d0, 8), data, "demo"))
    sell_at(data, utc(d0, 10), 2)
    assert f"salgsdag {d0}" in ok(main_at(utc(d0, 20), data, "z-report", *STAFF))

    # the PC's clock runs a day ahead: sales, a Z for a day that is really tomorrow, a sale
    sell_at(data, utc(ahead, 10), 3)
    assert f"salgsdag {ahead}" in ok(main_at(utc(ahead, 11), data, "z-report", *STAFF))
    sell_at(data, utc(ahead, 11, 30))
    before = signed(data)

    # the clock is set right: nothing is recorded, a plain confirmation cannot help
    refused = main_at(utc(real, 12), data, "x-report", *STAFF)
    assert refused.returncode == 2 and "gikk for fort" in refused.stderr
    english = main_at(utc(real, 12), data, "--lang", "en", "x-report", *STAFF)
    assert "was fast when the last records were made" in english.stderr
    plain = main_at(utc(real, 12), data, "confirm-time", "--now", f"{real} 12:00", *STAFF)
    assert plain.returncode == 2 and "stemplet for langt fram" in plain.stderr
    declared = ok(main_at(utc(real, 12), data, "confirm-time", "--records-ahead",
                          "--now", f"{real} 12:00", *STAFF))  # fmt: skip
    assert "Erklært og journalført" in declared and "23 t 30 min for langt fram" in declared
    assert f"Z-11-K1-2 ble tatt for salgsdag {ahead} på forskudd" in declared
    row = json.loads(read(data, "SELECT details FROM journal ORDER BY seq DESC LIMIT 1")[0][0])
    assert (
        row["kind"] == "clock_ahead_declared"
        and 0 <= row["ahead_seconds"] - (23 * 3600 + 30 * 60) < 60
    )
    assert row["declared_time"] < row["last_record"] and row["offset_seconds"] == 0
    again = main_at(utc(real, 12, 5), data, "confirm-time", "--records-ahead",
                    "--now", f"{real} 12:05", *STAFF)  # fmt: skip
    assert again.returncode == 2 and "ikke etter tiden" in again.stderr
    again = main_at(utc(real, 12, 5), data, "--lang", "en", "confirm-time", "--records-ahead",
                    "--now", f"{real} 12:05", *STAFF)  # fmt: skip
    assert again.returncode == 2 and "nothing was stamped ahead" in again.stderr

    # the real day: sales at the real time and that day's own Z
    sell_at(data, utc(real, 13), 2)
    missing = ok(main_at(utc(real, 19), data, "z-report", "--missing", *STAFF))
    assert missing.startswith(f"{real}\t") and str(ahead) not in missing
    assert f"salgsdag {real}" in ok(main_at(utc(real, 20), data, "z-report", *STAFF))
    # the next day is the day taken ahead: it gets its own Z when it really comes
    sell_at(data, utc(ahead, 10), 1)
    assert f"salgsdag {ahead}" in ok(main_at(utc(ahead, 20), data, "z-report", *STAFF))
    assert set(before) <= set(signed(data))  # nothing signed before was altered

    days = read(data, "SELECT business_date FROM z_reports z JOIN tenants t ON t.id = z.tenant_id "
                "WHERE t.code = '11' ORDER BY z_number")  # fmt: skip
    assert [d for (d,) in days] == [str(d0), str(ahead), str(real), str(ahead)]
    for code in ("11", "15"):  # every row in exactly one Z: the ranges follow each other
        ranges = read(data, "SELECT from_seq, through_seq FROM z_reports z JOIN tenants t ON "
                      "t.id = z.tenant_id WHERE t.code = ? ORDER BY z_number", (code,))  # fmt: skip
        assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:], strict=False)), ranges
    assert (
        receipts_in_z(data, "11")
        == read(
            data,
            "SELECT COUNT(*) FROM receipts r JOIN tenants "
            "t ON t.id = r.tenant_id WHERE t.code = '11'",
        )[0][0]
    )

    verified = ok(main_at(utc(ahead, 20, 5), data, "verify-journal"))
    assert verified.startswith("OK:")
    assert "tiden går tilbake" in verified and "erklært av leder 9001" in verified
    english = ok(main_at(utc(ahead, 20, 5), data, "--lang", "en", "verify-journal"))
    assert "the time steps back" in english

    schema = etree.XMLSchema(etree.parse(str(SCHEMA_FILE)))
    for code, first, last in (("11", d0, ahead), ("15", d0, ahead), ("11", real, real)):
        out = tmp_path / f"saft-{code}-{first}.xml"
        period = ["--from", str(first), "--to", str(last), "--out", str(out)]
        ok(main_at(utc(ahead, 20, 10), data, "export-saft", "--tenant", code, *period, *STAFF))
        doc = etree.parse(str(out))
        assert schema.validate(doc), schema.error_log.filter_from_errors()[:3]
        exported = [e.text for e in doc.iterfind(".//s:eventReport/s:reportID", NS)]
        z_ids = [i for i in exported if i.startswith("Z-")]
        assert z_ids == z_reports_of(data, code, first, last) and z_ids


def receipts_in_z(data: Path, code: str) -> int:
    """The sale receipts the tenant's Z reports count, summed over them."""
    total = 0
    rows = read(data, "SELECT content FROM z_reports z JOIN tenants t ON t.id = z.tenant_id "
                "WHERE t.code = ?", (code,))  # fmt: skip
    for (content,) in rows:
        total += int(json.loads(content)["sales"]["num"])
    return total
