"""The day-end commands through ``main.main``: X and Z reports with PDFs, the refused second Z,
the SAF-T export, tenant terms and a settlement with its files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import main

STAFF = ["--staff", "9001", "--pin", "9999"]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "data"
    args = ["--data-dir", str(path), "simulate", "--days", "1", "--sales-per-day", "15"]
    assert main.main([*args, "--start", "2026-03-02"]) == 0
    return path


def run(data_dir: Path, *args: str) -> int:
    return main.main(["--data-dir", str(data_dir), *args])


def test_x_then_z_then_a_refused_second_z(data_dir, tmp_path, capsys):
    assert run(data_dir, "x-report", "--tenant", "11", *STAFF) == 0
    assert "X-rapport  Bua Brukte Klær AS" in capsys.readouterr().out
    pdfs = tmp_path / "pdf"
    assert run(data_dir, "z-report", "--date", "2026-03-02", "--pdf", str(pdfs), *STAFF) == 0
    out = capsys.readouterr().out
    assert "Z-rapport nr. 1" in out and "grand total netto" in out
    assert (pdfs / "dagsoppgjor-K1-2026-03-02.pdf").exists()
    assert (pdfs / "Z-11-K1-1.pdf").exists()
    assert run(data_dir, "z-report", "--date", "2026-03-02", *STAFF) == 2
    assert "allerede tatt" in capsys.readouterr().err


def test_export_saft_writes_the_standard_file_name(data_dir, tmp_path, capsys):
    args = ["--tenant", "921100221", "--from", "2026-03-01", "--to", "2026-03-31"]
    assert run(data_dir, "export-saft", *args, "--out", str(tmp_path), *STAFF) == 0
    (made,) = tmp_path.glob("SAF-T Cash Register_921100221_*.xml")
    said = capsys.readouterr().out
    assert made.stat().st_size > 1000 and "transaksjoner" in said
    assert "Filen gjelder bare denne kassen (K1)" in said and "omigjen-server admin saft" in said


def test_terms_and_settlement_with_pdf_csv_and_payment_file(data_dir, tmp_path, capsys):
    terms = ["--tenant", "12", "--commission", "10", "--rent", "0", "--account", "1234.56.78903"]
    assert run(data_dir, "tenant-terms", *terms, "--staff", "1001", "--pin", "1234") == 2
    assert "bare en leder" in capsys.readouterr().err
    assert run(data_dir, "tenant-terms", *terms, *STAFF) == 0
    files = [
        "--pdf", str(tmp_path / "s.pdf"),
        "--csv", str(tmp_path / "s.csv"),
        "--pain001", str(tmp_path / "p.xml"),
        "--debtor-account", "9710.05.12347",
        "--pay-date", "2099-04-02",  # a date to come: one passed is refused
    ]  # fmt: skip
    period = ["--tenant", "12", "--from", "2026-03-01", "--to", "2026-03-31"]
    assert run(data_dir, "settlement", *period, *files, *STAFF) == 0
    out = capsys.readouterr().out
    assert "OPPGJ-12-00001" in out and "Netto til leietaker" in out
    assert (tmp_path / "s.pdf").exists() and (tmp_path / "p.xml").exists()
    assert (tmp_path / "s.csv").read_text(encoding="utf-8").startswith("\ufeffOppgjør")
    assert run(data_dir, "settlement", *period, *STAFF) == 2
    assert "korreksjon" in capsys.readouterr().err


def test_bad_input_gets_a_message_not_a_traceback(data_dir, capsys):
    assert run(data_dir, "z-report", "--date", "2. mars", *STAFF) == 2
    assert "gyldig dato" in capsys.readouterr().err
    assert run(data_dir, "x-report", "--staff", "9001", "--pin", "0000") == 2
    assert "PIN" in capsys.readouterr().err


def test_till_close_from_the_command_line(data_dir, capsys):
    assert run(data_dir, "till-close", "--count", "1000=1,50=x", *STAFF) == 2
    assert "Opptellingen" in capsys.readouterr().err
    args = ["--count", "1000=1,500=1,1=3", "--card", "0"]
    assert run(data_dir, "till-close", *args, *STAFF) == 0  # off, no note: saved first, blind
    out = capsys.readouterr().out
    assert "Kassen er lukket" in out and "till-note --note" in out
    assert run(data_dir, "till-note", "--note", " ", *STAFF) == 2
    assert "merknad" in capsys.readouterr().err
    assert run(data_dir, "till-note", "--note", "Telt feil i vaktskiftet", *STAFF) == 0
    assert "Merknaden er lagret" in capsys.readouterr().out
    with sqlite3.connect(data_dir / "omigjen.sqlite3") as db:
        (note,) = db.execute(
            "SELECT json_extract(details, '$.note') FROM journal WHERE details LIKE "
            "'%till_close_note%'"
        ).fetchone()
    assert note == "Telt feil i vaktskiftet"
    assert run(data_dir, "till-close", *args, *STAFF) == 2  # no open till any more


def test_import_items_needs_a_manager_and_says_so(data_dir, tmp_path, capsys):
    sheet = tmp_path / "varer.csv"
    sheet.write_text("Beskrivelse;Pris;MVA\nGenser;149;25\nKåpe;1 299;25\n", encoding="utf-8")
    cashier = ["--staff", "1001", "--pin", "1234"]
    assert run(data_dir, "import-items", "--tenant", "11", str(sheet), *cashier) == 2
    assert "bare en leder" in capsys.readouterr().err
    assert run(data_dir, "import-items", "--tenant", "11", str(sheet), "--staff", "9001",
               "--pin", "0000") == 2  # fmt: skip
    assert "PIN" in capsys.readouterr().err
    assert run(data_dir, "import-items", "--tenant", "11", str(sheet), *STAFF) == 0
    assert "importerte 2 varer" in capsys.readouterr().out


def test_rotate_signing_key_by_a_manager_is_journaled_and_verifies(data_dir, capsys):
    assert run(data_dir, "--lang", "en", "rotate-signing-key", "--staff", "2001",
               "--pin", "2345") == 2  # fmt: skip
    assert "only a manager" in capsys.readouterr().err
    assert run(data_dir, "rotate-signing-key", *STAFF) == 0
    out = capsys.readouterr().out
    assert "version 2 (was 1)" in out and "SHA-256" in out
    assert run(data_dir, "export-public-key", "--key-version", "2") == 0
    assert "BEGIN PUBLIC KEY" in capsys.readouterr().out
    assert run(data_dir, "verify-journal") == 0


def test_a_taken_z_is_printed_again_as_a_journaled_copy_that_needs_no_z(
    data_dir, tmp_path, capsys
):
    import sqlite3
    import subprocess

    run(data_dir, "z-report", "--date", "2026-03-02", *STAFF)  # taken here or by an earlier test
    capsys.readouterr()
    assert run(data_dir, "z-report", "--date", "2026-03-02", *STAFF) == 2
    assert "z-report --date 2026-03-02 --copy" in capsys.readouterr().err  # how to see it again
    assert run(data_dir, "z-report", "--taken", *STAFF) == 0
    assert capsys.readouterr().out.startswith("2026-03-02\tOmigjen Ombruk AS nr. 1")
    pdfs = tmp_path / "copies"
    copy = ["z-report", "--date", "2026-03-02", "--copy", "--tenant", "15", "--pdf", str(pdfs)]
    assert run(data_dir, *copy, *STAFF) == 0
    out = capsys.readouterr().out
    assert "Z-rapport – KOPI nr. 1  Kafé Kvisten SA" in out
    text = subprocess.run(["pdftotext", str(pdfs / "Z-15-K1-1-KOPI.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert "Z-rapport – KOPI" in text and "Kafé Kvisten SA" in text
    with sqlite3.connect(data_dir / "omigjen.sqlite3") as db:
        journaled = db.execute(
            "SELECT event_code, ref_id FROM journal WHERE details LIKE '%z_report_copy%'"
        ).fetchall()
    assert journaled == [(13018, "Z-15-K1-1")]
    assert run(data_dir, "z-report", "--missing", *STAFF) == 0  # a copy is no use of the till
    assert "Kafé" not in capsys.readouterr().out
    assert run(data_dir, "z-report", "--date", "2026-03-01", "--copy", *STAFF) == 2
    assert "Ingen Z-rapport er tatt på kasse K1 for 2026-03-01" in capsys.readouterr().err
