"""The command line, run as a user would: ``python main.py --data-dir DIR COMMAND``."""

import re
import sqlite3

import pytest

from tests.faketime import main_at

DAY_ONE_MORNING = "2026-03-02 07:00:00"  # UTC: 08:00 in Oslo
DAY_TWO_EVENING = "2026-03-03 18:00:00"  # UTC: 19:00 in Oslo


def run(data_dir, *args, check=True, at=None):
    """The real command line; ``at`` (UTC) sets the PC's clock with libfaketime."""
    result = main_at(at, data_dir, *args)
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}: {result.stderr}")
    return result


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    """A data directory with two simulated days of history (shared by read-only tests)."""
    data_dir = tmp_path_factory.mktemp("history")
    run(data_dir, "demo", at=DAY_ONE_MORNING)
    out = run(data_dir, "simulate", "--days", "2", "--sales-per-day", "60", "--seed", "7",
              at=DAY_TWO_EVENING).stdout  # fmt: skip
    assert "dagene 2026-03-02 til 2026-03-03:" in out and "siste dag er fortsatt åpen" in out
    return data_dir


def test_demo_is_seeded_once(tmp_path):
    assert "Demosenteret er laget" in run(tmp_path, "demo").stdout
    assert "ingenting er endret" in run(tmp_path, "demo").stdout
    assert "nothing changed" in run(tmp_path, "--lang", "en", "demo").stdout


def test_tenants_prints_code_orgno_and_name_tab_separated(history):
    lines = run(history, "tenants").stdout.splitlines()
    assert lines[0] == "10\t921100116\tOmigjen Ombruk AS"
    assert len(lines) == 6 and all(len(line.split("\t")) == 3 for line in lines)
    assert "12\t921100337\tSmåfolk Gjenbruk" in lines


def test_simulated_history_verifies(history):
    out = run(history, "verify-journal").stdout
    assert out.startswith("OK:") and "signerte kvitteringer kontrollert" in out


def test_simulate_is_repeatable_with_a_seed(tmp_path):
    args = ["simulate", "--days", "1", "--sales-per-day", "25", "--seed", "3"]
    first = run(tmp_path / "a", *args, at=DAY_TWO_EVENING)
    second = run(tmp_path / "b", *args, at=DAY_TWO_EVENING)
    assert first.stdout.splitlines()[0] == second.stdout.splitlines()[0]


def test_public_key_is_pem(history):
    out = run(history, "export-public-key").stdout
    assert out.startswith("-----BEGIN PUBLIC KEY-----") and out.rstrip().endswith("KEY-----")


def tamper(data_dir, sql):
    db = sqlite3.connect(data_dir / "omigjen.sqlite3")
    triggers = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='trigger'")]
    for name in triggers:
        db.execute(f"DROP TRIGGER {name}")
    db.execute(sql)
    db.commit()
    db.close()


@pytest.mark.parametrize(
    "sql,named",
    [
        ("UPDATE receipts SET total = total + 100 WHERE rowid = 5", "signature does not verify"),
        (
            "UPDATE sale_lines SET amount = amount - 100, unit_price = unit_price - 100 "
            "WHERE rowid = 7",
            "differ from what was journaled",
        ),
        ("UPDATE journal SET amount = 1 WHERE seq = 40", "journal row 40"),
        ("DELETE FROM journal WHERE seq = 41", "journal row 41 is missing"),
        (
            "UPDATE receipt_payments SET amount = amount + 1 WHERE rowid = 3",
            "payments do not add up to the total",
        ),
    ],
)
def test_tampering_makes_verify_journal_fail_naming_the_row(tmp_path, sql, named):
    data_dir = tmp_path / "d"
    run(data_dir, "simulate", "--days", "1", "--sales-per-day", "20", "--seed", "5",
        at=DAY_TWO_EVENING)  # fmt: skip
    assert run(data_dir, "verify-journal").returncode == 0
    tamper(data_dir, sql)
    result = run(data_dir, "--lang", "en", "verify-journal", check=False)
    assert result.returncode == 1
    assert "FAILED" in result.stderr and named in result.stderr


def test_a_second_instance_gets_a_clear_message(tmp_path):
    from pos.counter import open_counter

    with open_counter(tmp_path):
        result = run(tmp_path, "tenants", check=False)
    assert result.returncode == 2
    assert "kjører allerede" in result.stderr and "Traceback" not in result.stderr
    english = run(tmp_path, "--lang", "en", "tenants", check=False)
    assert english.returncode == 0  # the lock was released


def test_bad_arguments_do_not_trace(tmp_path):
    result = run(tmp_path, "simulate", "--days", "0", check=False)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_a_damaged_store_is_refused_with_the_way_to_restore_and_restored(tmp_path):
    """The refusal points to the newest backup that passes the full check (which the restore
    chooses), never to a named file that may hold the same damage; --list names the backups."""
    import os

    run(tmp_path, "demo")
    backup = run(tmp_path, "backup").stdout.strip()
    with open(tmp_path / "omigjen.sqlite3", "r+b") as handle:
        handle.write(os.urandom(64))
    refused = run(tmp_path, "tenants", check=False)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "skadet" in refused.stderr and "restore-backup --staff" in refused.stderr
    assert "består full kontroll" in refused.stderr and ".zip" not in refused.stderr
    listed = run(tmp_path, "restore-backup", "--list").stdout
    assert backup in listed
    assert (
        "Gjenopprettet"
        in run(tmp_path, "restore-backup", "--staff", "9001", "--pin", "9999").stdout
    )
    assert len(run(tmp_path, "tenants").stdout.splitlines()) == 6


def test_commands_log_to_a_rotating_file_readable_by_the_user_only(tmp_path):
    run(tmp_path, "demo")
    log = tmp_path / "logs" / "omigjen.log"
    assert log.is_file() and log.stat().st_mode & 0o777 == 0o600
    run(tmp_path, "tenants")
    assert "1234" not in log.read_text() and "9999" not in log.read_text()


def test_log_lines_are_stamped_in_norwegian_time_whatever_the_pcs_zone(tmp_path):
    import logging
    from datetime import datetime

    from cli.main import OsloTimeFormatter

    line = logging.LogRecord("pos", logging.INFO, __file__, 1, "sale", None, None)
    line.msecs = 42
    line.created = datetime.fromisoformat("2026-07-01T10:00:05+00:00").timestamp()
    assert OsloTimeFormatter("%(asctime)s").format(line) == "2026-07-01 12:00:05,042"  # summer
    line.created = datetime.fromisoformat("2026-12-01T10:00:05+00:00").timestamp()
    assert OsloTimeFormatter("%(asctime)s").format(line) == "2026-12-01 11:00:05,042"


def test_the_log_rotates_at_a_megabyte_and_keeps_five_old_files(tmp_path):
    """A counter logs for years: the support log never grows past 6 MB on its disk."""
    import logging

    from cli.main import configure_logging

    path = configure_logging(tmp_path)
    root = logging.getLogger()
    (handler,) = [h for h in root.handlers if getattr(h, "baseFilename", "") == str(path)]
    try:
        for n in range(7_500):  # ~7.5 MB of lines
            logging.getLogger("pos.services.money").info("sale %05d %s", n, "x" * 990)
    finally:
        root.removeHandler(handler)
        handler.close()
    kept = sorted(p.name for p in path.parent.iterdir())
    assert kept == [f"omigjen.log{suffix}" for suffix in ("", ".1", ".2", ".3", ".4", ".5")]
    assert all((path.parent / name).stat().st_size <= 1_000_000 for name in kept)
    assert "sale 07499" in path.read_text()  # the newest line is in the live file


def test_simulate_continues_the_history_and_never_backdates_into_closed_days(tmp_path):
    first = run(tmp_path, "simulate", "--days", "1", "--sales-per-day", "10", "--seed", "1",
                at="2026-03-02 18:00:00").stdout  # fmt: skip
    assert "dagene 2026-03-02 til 2026-03-02: 0 Z-rapporter tatt" in first
    second = run(tmp_path, "simulate", "--days", "2", "--sales-per-day", "10", "--seed", "2",
                 at="2026-03-04 18:00:00").stdout  # fmt: skip
    assert "dagene 2026-03-03 til 2026-03-04:" in second  # day 1's Z first, then on from day 2
    missing = run(tmp_path, "z-report", "--missing", "--staff", "9001", "--pin", "9999",
                  at="2026-03-04 19:00:00").stdout  # fmt: skip
    assert missing.splitlines()[0].startswith("2026-03-04\ti dag, åpen\t")
    again = run(tmp_path, "simulate", "--start", "2026-03-02", check=False,
                at="2026-03-06 18:00:00")  # fmt: skip
    assert again.returncode == 2 and "kan ikke starte 2026-03-02" in again.stderr
    assert "Traceback" not in again.stderr
    assert run(tmp_path, "verify-journal").returncode == 0


def test_simulate_refuses_a_real_centre(tmp_path):
    from pos.counter import open_counter
    from pos.services import setup

    with open_counter(tmp_path) as counter:
        setup.add_tenant(
            counter.uow, code="10", name="Ekte Ombruk AS", org_no="921100116", vat_registered=True
        )
        with counter.uow() as uow:
            uow.store.set_meta("centre_name", "Ekte senter")
            uow.commit()
    refused = run(tmp_path, "simulate", "--days", "1", check=False, at=DAY_TWO_EVENING)
    assert refused.returncode == 2 and "ikke et demolager" in refused.stderr
    with open_counter(tmp_path) as counter, counter.uow.read() as uow:
        assert uow.store.rows("SELECT COUNT(*) AS n FROM receipts")[0]["n"] == 0


def test_till_close_and_the_day_end_pdf_name_every_payment_means_in_norwegian(tmp_path):
    """The close prints each tenant's expected and variance, the drawer's count, and the terminal
    check; the day-end PDF of the Z carries the typed terminal total; no tender code shows."""
    import re
    import subprocess

    data = tmp_path / "data"
    run(data, "demo", at=DAY_ONE_MORNING)
    run(data, "simulate", "--days", "2", "--sales-per-day", "20", "--seed", "3", at=DAY_TWO_EVENING)
    staff = ["--staff", "9001", "--pin", "9999"]
    count = ["--count", "1000=3", "--card", "1234,50", "--note", "Vaktskifte"]
    closed = run(data, "till-close", *count, *staff, at="2026-03-03 18:30:00").stdout
    assert re.search(r"Kontanter\s+forventet\s+talt\s+differanse", closed)
    assert re.search(r"Bua Brukte Klær AS\s+[\d\s]+,\d\d\s+–\s+0,00", closed)
    # one drawer is counted: the count is the drawer's, never a tenant's (nor negative)
    assert re.search(r"Skuffen i alt\s+[\d\s]+,\d\d\s+3\u00a0000,00\s", closed)
    assert "Bankkort: registrert" in closed and "oppgitt 1\u00a0234,50" in closed
    z = run(data, "z-report", "--pdf", str(tmp_path / "pdf"), *staff, at="2026-03-03 18:40:00")
    (day_end,) = (tmp_path / "pdf").glob("dagsoppgjor-*.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(day_end), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "Bankkort, kasseoppgjør kl. 19:30" in text and "oppgitt 1 234,50" in text
    for printed in (closed, z.stdout, text):
        assert re.findall(r"\b(card|cash|credit_note|deposit|vipps)\b", printed) == []


def test_backup_file_names_carry_the_norwegian_time_whatever_the_pcs_time_zone(tmp_path):
    data = tmp_path / "data"
    run(data, "demo", at=DAY_ONE_MORNING)
    made = run(data, "backup", at="2026-03-02 23:30:00").stdout.strip()  # the PC runs in UTC
    assert re.search(r"omigjen-20260303-0030\d\d-j\d+-manual\.zip$", made), made  # Oslo: 00:30
