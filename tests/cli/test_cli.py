"""The command line, run as a user would: ``python main.py --data-dir DIR COMMAND``."""

import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import PROJECT_ROOT


def run(data_dir, *args, check=True):
    result = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=300,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}: {result.stderr}")
    return result


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    """A data directory with a few simulated days of history (shared by read-only tests)."""
    data_dir = tmp_path_factory.mktemp("history")
    run(data_dir, "demo")
    out = run(data_dir, "simulate", "--days", "2", "--sales-per-day", "60", "--seed", "7").stdout
    assert "sales" in out
    return data_dir


def test_demo_is_seeded_once(tmp_path):
    assert "created" in run(tmp_path, "demo").stdout
    assert "nothing changed" in run(tmp_path, "demo").stdout


def test_tenants_prints_code_orgno_and_name_tab_separated(history):
    lines = run(history, "tenants").stdout.splitlines()
    assert lines[0] == "10\t921100116\tOmigjen Ombruk AS"
    assert len(lines) == 6 and all(len(line.split("\t")) == 3 for line in lines)
    assert "12\t921100337\tSmåfolk Gjenbruk" in lines


def test_simulated_history_verifies(history):
    out = run(history, "verify-journal").stdout
    assert out.startswith("OK:") and "signed receipts verified" in out


def test_simulate_is_repeatable_with_a_seed(tmp_path):
    first = run(tmp_path / "a", "simulate", "--days", "1", "--sales-per-day", "25", "--seed", "3")
    second = run(tmp_path / "b", "simulate", "--days", "1", "--sales-per-day", "25", "--seed", "3")
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
            "differ from what was journaled",
        ),
    ],
)
def test_tampering_makes_verify_journal_fail_naming_the_row(tmp_path, sql, named):
    data_dir = tmp_path / "d"
    run(data_dir, "simulate", "--days", "1", "--sales-per-day", "20", "--seed", "5")
    assert run(data_dir, "verify-journal").returncode == 0
    tamper(data_dir, sql)
    result = run(data_dir, "verify-journal", check=False)
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


def test_a_damaged_store_is_refused_with_the_backup_named_and_restored(tmp_path):
    import os

    run(tmp_path, "demo")
    backup = run(tmp_path, "backup").stdout.strip()
    with open(tmp_path / "omigjen.sqlite3", "r+b") as handle:
        handle.write(os.urandom(64))
    refused = run(tmp_path, "tenants", check=False)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "skadet" in refused.stderr and backup in refused.stderr
    listed = run(tmp_path, "restore-backup", "--list").stdout
    assert backup in listed
    assert "Restored" in run(tmp_path, "restore-backup").stdout
    assert len(run(tmp_path, "tenants").stdout.splitlines()) == 6


def test_commands_log_to_a_rotating_file_readable_by_the_user_only(tmp_path):
    run(tmp_path, "demo")
    log = tmp_path / "logs" / "omigjen.log"
    assert log.is_file() and log.stat().st_mode & 0o777 == 0o600
    run(tmp_path, "tenants")
    assert "1234" not in log.read_text() and "9999" not in log.read_text()


def test_simulate_twice_on_the_same_directory_adds_history(tmp_path):
    run(tmp_path, "simulate", "--days", "1", "--sales-per-day", "10", "--seed", "1")
    second = run(tmp_path, "simulate", "--days", "1", "--sales-per-day", "10", "--seed", "2")
    assert "sales" in second.stdout
    assert run(tmp_path, "verify-journal").returncode == 0
