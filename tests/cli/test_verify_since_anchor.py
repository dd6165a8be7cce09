"""``verify-journal --since-anchor``: the day's check in seconds however long the history. It
takes up the journal at an anchor (the printout's, the server's, else the last Z report's row),
checks everything journaled after it in full, and the anchor itself against the store; what is
before it only a whole check reads. The whole check shows how far it has come."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from pos.counter import open_counter
from pos.services import verify_receipts
from pos.services.verification import verify_store
from tests.cli.test_cli import run
from tests.cli.test_tamper_evidence import tamper

ANCHOR = re.compile(r"Journalanker: ([0-9A-F-]+)")


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> tuple[Path, str]:
    """Two days closed by their Z (simulate takes the first; the second's anchor printed), then
    a third day of sales."""
    data_dir = tmp_path_factory.mktemp("since") / "data"
    run(data_dir, "simulate", "--days", "2", "--sales-per-day", "20", "--seed", "3", "--start",
        "2026-01-05")  # fmt: skip
    z = run(data_dir, "z-report", "--date", "2026-01-06", "--staff", "9001", "--pin", "9999",
            at="2026-01-06 18:00:00")  # fmt: skip
    anchor = ANCHOR.search(z.stdout).group(1)  # type: ignore[union-attr]
    run(data_dir, "simulate", "--days", "1", "--sales-per-day", "20", "--seed", "4")
    return data_dir, anchor


@pytest.fixture
def store(history, tmp_path) -> Path:
    return Path(shutil.copytree(history[0], tmp_path / "data"))


def receipt_of_day(data_dir: Path, day: str) -> str:
    import sqlite3

    db = sqlite3.connect(data_dir / "omigjen.sqlite3")
    try:
        return db.execute(
            "SELECT id FROM receipts WHERE local_date = ? AND kind = 'sale' LIMIT 1", (day,)
        ).fetchone()[0]
    finally:
        db.close()


def test_from_the_printed_anchor_only_the_days_after_it_are_read(store, history):
    whole = run(store, "verify-journal")
    since = run(store, "verify-journal", "--since-anchor", "--anchor", history[1], check=False)
    assert whole.returncode == since.returncode == 0, since.stderr
    assert f"Fra ankeret {history[1]} (utskriften)." in since.stdout
    counted = [int(re.search(r"OK: (\d+) journalrader", r.stdout).group(1)) for r in (whole, since)]
    assert 0 < counted[1] < counted[0] / 2


def test_a_changed_receipt_after_the_anchor_is_named(store, history):
    receipt = receipt_of_day(store, run_day(store))
    tamper(store, f"UPDATE sale_lines SET amount = amount + 100 WHERE receipt_id = '{receipt}'")
    since = run(store, "verify-journal", "--since-anchor", "--anchor", history[1], check=False)
    assert since.returncode == 1 and "avviker fra det som ble journalført" in since.stderr


def test_a_journal_rewritten_and_rehashed_before_the_anchor_is_caught(store, history):
    tamper(store, "UPDATE journal SET amount = amount + 1 WHERE seq = 40", rehash_from=40)
    since = run(store, "verify-journal", "--since-anchor", "--anchor", history[1], "--lang", "en",
                check=False)  # fmt: skip
    assert since.returncode == 1 and "was rewritten" in since.stderr


def test_a_change_before_the_anchor_waits_for_the_whole_check(store, history):
    receipt = receipt_of_day(store, "2026-01-05")
    tamper(store, f"UPDATE sale_lines SET amount = amount + 100 WHERE receipt_id = '{receipt}'")
    assert run(store, "verify-journal", "--since-anchor", "--anchor", history[1]).returncode == 0
    assert run(store, "verify-journal", check=False).returncode == 1


def test_without_a_printout_or_server_it_starts_at_the_last_z_report(store):
    since = run(store, "verify-journal", "--since-anchor")
    assert since.returncode == 0 and "(siste Z-rapport i databasen)." in since.stdout


def test_the_whole_check_tells_how_far_it_has_come(store, monkeypatch):
    monkeypatch.setattr(verify_receipts, "EVERY", 10)
    told: list[tuple[str, int, int]] = []
    with open_counter(store) as counter:
        report = verify_store(
            counter.uow, counter.keys.verifiers(), progress=lambda *t: told.append(t)
        )
    assert report.ok
    receipts = [t for t in told if t[0] == "receipts"]
    assert receipts and receipts[-1][2] == report.receipts
    assert [t[1] for t in receipts] == sorted(t[1] for t in receipts)


def run_day(data_dir: Path) -> str:
    import sqlite3

    db = sqlite3.connect(data_dir / "omigjen.sqlite3")
    try:
        return str(db.execute("SELECT MAX(local_date) FROM receipts").fetchone()[0])
    finally:
        db.close()
