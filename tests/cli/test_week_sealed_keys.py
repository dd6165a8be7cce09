"""Two days through the real command line with sealed signing keys, the PC's clock set by
libfaketime: the counter is made and sells on day 1, its Z is taken (the printout carries the
journal anchor), the program stops; on day 2 it starts again, opens the same sealed key, sells
on the same signature chain and takes the day's Z. No file in the data directory, its backups
included, ever holds the private key. Then an insider edits one journal row with the ``sqlite3``
tool, as an attacker would; ``verify-journal`` names the row and the receipt, and with the
day-2 printout's anchor also names the rewrite when the attacker re-hashed the chain."""

from __future__ import annotations

import io
import re
import sqlite3
import subprocess
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from pos.adapters.key_vault import SECRET_DIR_ENV
from pos.clock import OSLO
from tests.cli.test_tamper_evidence import rehash
from tests.cli.test_week_with_the_clock import ok, utc
from tests.faketime import main_at

STAFF = ["--staff", "9001", "--pin", "9999"]
ANCHOR = re.compile(r"Journalanker: ([0-9A-F-]+)")


def file_contents(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by name, a ZIP's members (a backup bundle) as files too."""
    found: dict[str, bytes] = {}
    for path in (p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        found[str(path)] = data
        if zipfile.is_zipfile(io.BytesIO(data)):
            with zipfile.ZipFile(io.BytesIO(data)) as bundle:
                for name in bundle.namelist():
                    found[f"{path}!{name}"] = bundle.read(name)
    return found


def sqlite3_tool(db: Path, sql: str) -> str:
    """The ``sqlite3`` command-line tool on the store, as someone at the PC would use it."""
    done = subprocess.run(["sqlite3", str(db), sql], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture
def secret_dir(tmp_path, monkeypatch) -> Path:
    """The folder the secret lives in on this PC (the CLI runs inherit it)."""
    folder = tmp_path / "config" / "key-secrets"
    monkeypatch.setenv(SECRET_DIR_ENV, str(folder))
    return folder


def test_sealed_keys_through_two_days_and_a_journal_row_edited_with_sqlite3(tmp_path, secret_dir):
    data = tmp_path / "data"
    today = datetime.now(OSLO).date()
    day1, day2 = today - timedelta(days=3), today - timedelta(days=2)

    ok(main_at(utc(day1, 8), data, "demo"))
    ok(main_at(utc(day1, 18), data, "simulate", "--days", "1", "--sales-per-day", "20"))
    ok(main_at(utc(day1, 19), data, "z-report", *STAFF))
    keys = data / "keys"
    sealed_day1 = {p.name: p.read_bytes() for p in keys.iterdir()}
    assert set(sealed_day1) == {"rsa-v1.sealed", "rsa-v1.pub.pem", "vault.json"}
    (secret,) = secret_dir.iterdir()
    assert secret.stat().st_mode & 0o777 == 0o600

    # day 2: the program starts again, opens the same sealed key and signs on the same chain
    ok(main_at(utc(day2, 18), data, "simulate", "--days", "1", "--sales-per-day", "20"))
    day2_z = ok(main_at(utc(day2, 19), data, "z-report", *STAFF))
    assert f"salgsdag {day2}" in day2_z
    anchor = ANCHOR.search(day2_z).group(1)
    assert {p.name: p.read_bytes() for p in keys.iterdir()} == sealed_day1  # no new key
    db = data / "omigjen.sqlite3"
    assert sqlite3_tool(db, "SELECT DISTINCT key_version FROM receipts") == "1"
    assert sqlite3_tool(db, f"SELECT count(*) > 0 FROM receipts WHERE local_date = '{day2}'") == "1"
    verified = ok(main_at(utc(day2, 19, 5), data, "verify-journal", "--anchor", anchor))
    assert "OK:" in verified and f"Journalen har ankeret {anchor}" in verified
    for name, content in file_contents(data).items():  # the store, keys, backups, logs
        assert b"PRIVATE KEY" not in content, name

    # an insider lowers a day-1 sale in the journal with the sqlite3 tool
    seq, number = sqlite3_tool(
        db,
        "SELECT j.seq, r.number_text FROM journal j JOIN receipts r ON r.id = j.ref_id "
        f"WHERE r.local_date = '{day1}' AND r.kind = 'sale' AND j.details LIKE '%\"digest\"%' "
        "ORDER BY j.seq LIMIT 1",
    ).split("|")
    triggers = sqlite3_tool(db, "SELECT name FROM sqlite_master WHERE type = 'trigger'")
    drops = "".join(f"DROP TRIGGER {name};" for name in triggers.split())
    sqlite3_tool(db, f"{drops} UPDATE journal SET amount = 1000 WHERE seq = {seq};")
    edited = main_at(utc(day2, 19, 10), data, "verify-journal")
    assert edited.returncode == 1 and "Traceback" not in edited.stderr
    assert edited.stderr.startswith(f"FEIL: journalrad {seq}: innholdet stemmer ikke med hashen")
    assert f"kvittering {number}: leietaker eller beløp avviker fra journalrad {seq}" in (
        edited.stderr
    )

    # the attacker re-hashes the chain from that row on: the printed anchor names the rewrite
    conn = sqlite3.connect(db)
    rehash(conn, int(seq))
    conn.commit()
    conn.close()
    rehashed = main_at(utc(day2, 19, 15), data, "--lang", "en", "verify-journal", "--anchor",
                       anchor)  # fmt: skip
    assert rehashed.returncode == 1
    assert f"receipt {number}: tenant or amount differ from journal row {seq}" in rehashed.stderr
    head = anchor.split("-")[0]
    assert f"journal row {head} is not the row anchored as {anchor} (the printout)" in (
        rehashed.stderr
    )
