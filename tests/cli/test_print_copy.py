"""``print-copy NUMBER --staff NO`` run as a user runs it (``python main.py``, the PC's clock set
with libfaketime): the look-up's rule on the printed bytes and in the journal. A receipt that
never printed comes out as its original (13012 then, never before), a printed one as its one
KOPI (13014 once); a second copy is refused. An offline printer (``tcp://127.0.0.1:9``) bends
none of it: the original stays owed (13030), and a copy that did not print is sent again as the
same copy, never a second one."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.cli.test_cli import run
from tests.printers.escpos_decoder import decode

EVENING = "2026-03-03 18:00:00"  # UTC: 19:00 in Oslo, the simulated day's history before it
CASHIER = ["--staff", "1001", "--pin", "1234"]
OFFLINE = ["--printer", "tcp://127.0.0.1:9"]


def later(minutes: int) -> str:
    return f"2026-03-03 18:{minutes:02d}:00"


def first_receipt(data: Path) -> tuple[str, str]:
    with sqlite3.connect(data / "omigjen.sqlite3") as db:
        row = db.execute(
            "SELECT number_text, id FROM receipts WHERE kind = 'sale' ORDER BY rowid LIMIT 1"
        ).fetchone()
    return str(row[0]), str(row[1])


def journaled(data: Path, receipt_id: str) -> list[int]:
    """The journal's event codes about this receipt, in order (its sale row aside)."""
    with sqlite3.connect(data / "omigjen.sqlite3") as db:
        rows = db.execute(
            "SELECT event_code, details FROM journal WHERE ref_id = ? ORDER BY seq", (receipt_id,)
        ).fetchall()
    return [code for code, details in rows if json.loads(details).get("kind") != "sale_receipt"]


def headings(data: bytes) -> list[list[str]]:
    return [
        [ln.text for ln in page.lines[:3] if ln.width == 2] for page in decode(data).printed_pages
    ]


def simulated_day(tmp_path: Path) -> tuple[Path, str, str]:
    data = tmp_path / "data"
    run(data, "simulate", "--days", "1", "--sales-per-day", "3", at=EVENING)  # no printer
    number, receipt_id = first_receipt(data)
    return data, number, receipt_id


def test_print_copy_prints_the_original_of_an_unprinted_receipt_then_its_one_copy(tmp_path):
    data, number, receipt_id = simulated_day(tmp_path)
    paper = tmp_path / "paper.bin"
    printer = ["--printer", f"file://{paper}"]
    assert 13012 not in journaled(data, receipt_id)  # never printed: not said to be

    original = run(data, *printer, "print-copy", number.lower(), *CASHIER, at=later(5))
    assert f"Originalen av {number}: skrevet ut." in original.stdout
    assert headings(paper.read_bytes())[-1] == ["Salgskvittering"]
    assert journaled(data, receipt_id) == [13012]

    copy = run(data, *printer, "print-copy", number, *CASHIER, at=later(6))
    assert f"Kopien (KOPI) av {number}: skrevet ut." in copy.stdout
    assert headings(paper.read_bytes())[-1] == ["Salgskvittering", "KOPI"]
    assert journaled(data, receipt_id).count(13014) == 1

    before = paper.read_bytes()
    refused = run(data, *printer, "--lang", "en", "print-copy", number, *CASHIER, check=False,
                  at=later(7))  # fmt: skip
    assert refused.returncode == 2 and "only one copy" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert paper.read_bytes() == before
    assert journaled(data, receipt_id).count(13014) == 1


def test_an_offline_printer_leaves_the_original_owed_and_a_failed_copy_is_sent_again_once(
    tmp_path,
):
    data, number, receipt_id = simulated_day(tmp_path)
    paper = tmp_path / "paper.bin"
    online = ["--printer", f"file://{paper}"]

    offline = run(data, *OFFLINE, "print-copy", number, *CASHIER, check=False, at=later(5))
    assert offline.returncode == 1 and "skrev den ikke ut" in offline.stderr
    assert "print-copy igjen" in offline.stderr
    assert journaled(data, receipt_id) == [13030]  # owed, and not said to be printed

    first = run(data, *online, "print-copy", number, *CASHIER, at=later(6))
    assert f"Originalen av {number}: skrevet ut." in first.stdout  # still the original
    assert headings(paper.read_bytes()) == [["Salgskvittering"]]
    assert journaled(data, receipt_id) == [13030, 13012]

    copy = run(data, *OFFLINE, "print-copy", number, *CASHIER, check=False, at=later(7))
    assert copy.returncode == 1 and "Kopien (KOPI)" in copy.stderr
    again = run(data, *online, "print-copy", number, *CASHIER, at=later(8))
    assert f"Kopien (KOPI) av {number}: skrevet ut." in again.stdout  # the same copy
    assert headings(paper.read_bytes()) == [["Salgskvittering"], ["Salgskvittering", "KOPI"]]
    assert journaled(data, receipt_id) == [13030, 13012, 13014]  # one copy, made once

    refused = run(data, *online, "print-copy", number, *CASHIER, check=False, at=later(9))
    assert refused.returncode == 2 and "bare én kopi" in refused.stderr
    with sqlite3.connect(data / "omigjen.sqlite3") as db:
        failed = db.execute("SELECT count(*) FROM print_jobs WHERE status = 'failed'").fetchone()
    assert failed == (0,)  # nothing left for the status bar: both failures were printed again
