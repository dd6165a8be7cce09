"""A restore from a store whose schema page is broken reads nothing of what was recorded after
the backup: it says plainly, before and after, that everything after the backup's time may be
lost and which kinds (not only receipts), journals it with the reason, and the next till close
names the restore beside the variance the lost cash moves leave (on the screen and the PDF)."""

from __future__ import annotations

import json
import sqlite3
import subprocess

import pytest

from tests.cli.test_backup_cli import MANAGER
from tests.cli.test_cli import run
from tests.cli.test_restore_events import moves_after_the_backup
from tests.reliability.damage import damage_schema_page

SAID = {
    "nb": ("Alt kassen registrerte etter", "kontanter inn og ut, skuffeåpninger uten salg, "
           "kopier (KOPI), åpning, vaktbytte og oppgjør av kassen, parkerte kurver",
           "kunne ikke leses og kan være tapt", "Databasen ble gjenopprettet fra en "
           "sikkerhetskopi tatt"),
    "en": ("Everything the register recorded after", "cash in and out, drawer openings without "
           "a sale, copies (KOPI), the till's opening, shift changes and close, parked baskets",
           "could not be read and may be lost", "The store was restored from a backup taken"),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_restore_that_cannot_read_the_replaced_store_says_everything_after_may_be_lost(
    tmp_path, lang
):
    before, kinds, after, at_close = SAID[lang]
    moves_after_the_backup(tmp_path)  # 200 in, 100 out, a copy, a no-sale drawer opening
    (backup,) = (tmp_path / "backups").glob("*.zip")
    damage_schema_page(tmp_path / "omigjen.sqlite3")
    out = run(tmp_path, "--lang", lang, "restore-backup", *MANAGER).stdout
    lines = out.splitlines()
    warned = [i for i, ln in enumerate(lines) if before in ln]
    done = [i for i, ln in enumerate(lines) if after in ln]
    restored = [i for i, ln in enumerate(lines) if ln.startswith(("Gjenopprettet", "Restored"))]
    assert warned and done and warned[0] < restored[0] < done[0], out
    assert kinds in lines[warned[0]] and kinds in lines[done[0]]
    since = lines[warned[0]].split(before)[1].split()[:2]  # the backup's date and time
    assert " ".join(since).rstrip(",") in lines[done[0]]

    with sqlite3.connect(tmp_path / "omigjen.sqlite3") as db:
        (details,) = db.execute(
            "SELECT details FROM journal WHERE event_code = 13999 "
            "AND json_extract(details, '$.kind') = 'restore'"
        ).fetchone()
    lost = json.loads(details)["records_may_be_lost"]
    assert lost["reason"] and "cash_in_out" in lost["kinds"] and "copies" in lost["kinds"]
    assert lost["since"] in lines[done[0]]
    (listing,) = (tmp_path / "salvage").glob("*/receipts.json")
    found = json.loads(listing.read_text())["records_after_backup_may_be_lost"]
    assert found["since"] == lost["since"] and backup.exists()

    closed = run(tmp_path, "--lang", lang, "till-close", "--count", "1000=1,500=1", "--card",
                 "0", "--vipps", "0", *MANAGER).stdout  # fmt: skip
    assert f"{at_close} {lost['since']}" in closed, closed
    run(tmp_path, "z-report", "--pdf", str(tmp_path / "pdf"), *MANAGER)
    (day_end,) = (tmp_path / "pdf").glob("dagsoppgjor-*.pdf")
    text = subprocess.run(["pdftotext", str(day_end), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert "gjenopprettet fra en sikkerhetskopi" in " ".join(text.split())


def test_a_restore_that_reads_the_replaced_store_says_nothing_of_the_kind(tmp_path):
    moves_after_the_backup(tmp_path)
    out = run(tmp_path, "restore-backup", *MANAGER).stdout
    assert "kan gå tapt" not in out and "kan være tapt" not in out
    (listing,) = (tmp_path / "salvage").glob("*/receipts.json")
    assert json.loads(listing.read_text())["records_after_backup_may_be_lost"] is None
    closed = run(tmp_path, "till-close", "--count", "1000=1,500=1", "--card", "0", "--vipps",
                 "0", *MANAGER).stdout  # fmt: skip
    assert "gjenopprettet" not in closed
