"""Settlements are whole or nothing, from the command line: a payment file that cannot be made
(no centre account, a tenant without an account, a date passed) or a folder that does not exist
leaves no number, no journal row and no file behind; a second settlement of a period is refused
and ``settlement-correction`` makes the new numbered settlement that takes the first back."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from lxml import etree

import main
from pos.clock import OSLO

STAFF = ["--staff", "9001", "--pin", "9999"]
MARCH = ["--from", "2026-03-01", "--to", "2026-03-31"]
PAIN = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}


def run(data_dir: Path, *args: str) -> int:
    return main.main(["--data-dir", str(data_dir), *args])


@pytest.fixture
def data_dir(tmp_path) -> Path:
    data = tmp_path / "data"
    assert run(data, "simulate", "--days", "2", "--sales-per-day", "20", "--start",
               "2026-03-02") == 0  # fmt: skip
    assert run(data, "z-report", "--date", "2026-03-03", *STAFF) == 0  # simulate leaves it open
    assert run(data, "tenant-terms", "--tenant", "12", "--commission", "10", "--rent", "500",
               "--account", "1234.56.78903", *STAFF) == 0  # fmt: skip
    return data


def settled(data_dir: Path) -> tuple[int, int]:
    """(settlements stored, settlement journal rows): what a failed run must not leave."""
    db = sqlite3.connect(data_dir / "omigjen.sqlite3")
    try:
        stored = db.execute("SELECT count(*) FROM settlements").fetchone()[0]
        journaled = db.execute(
            'SELECT count(*) FROM journal WHERE details LIKE \'%"report":"settlement"%\''
        ).fetchone()[0]
    finally:
        db.close()
    return stored, journaled


def files(tmp_path: Path, stem: str = "s") -> list[str]:
    return ["--pdf", str(tmp_path / f"{stem}.pdf"), "--csv", str(tmp_path / f"{stem}.csv"),
            "--pain001", str(tmp_path / f"{stem}.xml")]  # fmt: skip


def test_without_the_centres_account_nothing_is_numbered_or_written(data_dir, tmp_path, capsys):
    assert run(data_dir, "settlement", "--tenant", "12", *MARCH, *files(tmp_path), *STAFF) == 2
    assert "--debtor-account" in capsys.readouterr().err
    assert settled(data_dir) == (0, 0)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]  # no file, no leftover
    account = ["--debtor-account", "9710.05.12347", "--pay-date", "2099-01-02"]
    assert run(data_dir, "settlement", "--tenant", "12", *MARCH, *files(tmp_path), *account,
               *STAFF) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "OPPGJ-12-00001" in out  # the first number, not the second
    assert settled(data_dir) == (1, 1)
    assert {p.name for p in tmp_path.iterdir()} == {"data", "s.pdf", "s.csv", "s.xml"}
    statement = (tmp_path / "s.csv").read_text(encoding="utf-8")
    assert "10,00 %" in statement and "10.00 %" not in statement  # bokmål decimal comma
    counts = re.findall(r"\((\d+) (kvittering\w*)\)", statement)
    assert counts and all((n == "1") == (word == "kvittering") for n, word in counts), counts
    xml = etree.parse(str(tmp_path / "s.xml"))
    assert xml.findtext(".//p:DbtrAcct/p:Id/p:Othr/p:Id", namespaces=PAIN) == "97100512347"


@pytest.mark.parametrize(
    "extra,says",
    [
        (["--debtor-account", "1234.56.78900"], "gyldig norsk kontonummer"),
        (["--debtor-account", "9710.05.12347", "--pay-date", "2020-01-01"], "passert"),
    ],
)
def test_a_bad_account_or_date_is_refused_before_a_number(data_dir, tmp_path, capsys, extra, says):
    assert run(data_dir, "settlement", "--tenant", "12", *MARCH, *files(tmp_path), *extra,
               *STAFF) == 2  # fmt: skip
    assert says in capsys.readouterr().err
    assert settled(data_dir) == (0, 0) and sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_a_tenant_owed_money_without_an_account_leaves_nothing(data_dir, tmp_path, capsys):
    assert run(data_dir, "tenant-terms", "--tenant", "11", "--commission", "10", *STAFF) == 0
    assert run(data_dir, "settlement", "--tenant", "11", *MARCH, *files(tmp_path),
               "--debtor-account", "9710.05.12347", *STAFF) == 2  # fmt: skip
    said = capsys.readouterr().err
    assert "har ikke noe kontonummer registrert" in said and "tenant-terms --tenant" in said
    assert "«" not in said and "gyldig norsk kontonummer" not in said  # not quoted as a number
    assert settled(data_dir) == (0, 0) and sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_a_folder_that_does_not_exist_is_found_before_a_number(data_dir, tmp_path, capsys):
    missing = ["--pdf", str(tmp_path / "nowhere" / "s.pdf")]
    assert run(data_dir, "settlement", "--tenant", "12", *MARCH, *missing, *STAFF) == 2
    assert "Kan ikke skrive" in capsys.readouterr().err and settled(data_dir) == (0, 0)


def test_a_correction_takes_the_settlement_back_and_settles_the_period_again(
    data_dir, tmp_path, capsys
):
    account = ["--debtor-account", "9710.05.12347", "--pay-date", "2099-01-02"]
    assert run(data_dir, "settlement", "--tenant", "12", *MARCH, *STAFF) == 0
    first = capsys.readouterr().out
    assert run(data_dir, "settlement", "--tenant", "12", *MARCH, *STAFF) == 2
    assert "settlement-correction" in capsys.readouterr().err  # says how
    # the commission was agreed at 15 %, not 10 %: correct it
    assert run(data_dir, "tenant-terms", "--tenant", "12", "--commission", "15", "--rent", "500",
               "--account", "1234.56.78903", *STAFF) == 0  # fmt: skip
    capsys.readouterr()
    assert run(data_dir, "settlement-correction", "--tenant", "12", "--number", "OPPGJ-12-00001",
               "--reason", "Avtalt provisjon er 15 %", "--adjust", "-50", *files(tmp_path, "k"),
               *account, *STAFF) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "OPPGJ-12-00002" in out and "korrigerer OPPGJ-12-00001" in out
    assert "Tilbakeført fra OPPGJ-12-00001" in out and "Avtalt provisjon er 15 %" in out
    net = lambda text, label: text.split(label)[1].split()[0]  # noqa: E731
    assert net(first, "Netto til leietaker") != net(out, "Differanse til leietaker")
    assert (tmp_path / "k.pdf").exists() and not (tmp_path / "k.xml").exists()  # owes: no pay
    total = (tmp_path / "k.csv").read_text(encoding="utf-8-sig").splitlines()[-1].split(";")
    assert total[9] == "Differanse til leietaker"  # as the screen and the PDF say it
    assert run(data_dir, "settlement-correction", "--tenant", "12", "--number", "1",
               "--reason", "igjen", *STAFF) == 2  # fmt: skip
    assert "OPPGJ-12-00002" in capsys.readouterr().err  # correct the latest instead
    assert run(data_dir, "settlement-correction", "--tenant", "12", "--number", "2",
               "--reason", "Gebyr frafalt", "--adjust", "50", *STAFF) == 0  # fmt: skip
    assert "OPPGJ-12-00003" in capsys.readouterr().out
    assert run(data_dir, "verify-journal") == 0


def test_a_period_with_a_day_not_closed_by_a_z_is_refused(tmp_path, capsys):
    """A day with use and no Z, today before its Z, or days to come: nothing is numbered."""
    data = tmp_path / "data"
    assert run(data, "simulate", "--days", "2", "--sales-per-day", "5", "--start",
               "2026-03-02") == 0  # fmt: skip
    today = datetime.now(OSLO).date()
    for period, first_open in (
        (MARCH, "2026-03-03"),  # simulate left its last day open
        (["--from", str(today), "--to", str(today)], str(today)),
        (["--from", str(today + timedelta(days=2)), "--to", str(today + timedelta(days=9))],
         str(today + timedelta(days=2))),
    ):  # fmt: skip
        capsys.readouterr()
        assert run(data, "settlement", "--tenant", "12", *period, *STAFF) == 2
        err = capsys.readouterr().err
        assert f"{first_open} er ikke avsluttet med Z" in err and "Traceback" not in err
    assert settled(data) == (0, 0)


def test_the_centres_company_pays_the_tenants_and_issues_the_statement(data_dir, tmp_path, capsys):
    company = ["centre-company", "--name", "Omigjen Asker AS", "--org-no", "923 456 783"]
    assert run(data_dir, *company, "--account", "9710.05.12348", *STAFF) == 2  # check digit
    assert "kontonummer" in capsys.readouterr().err
    assert run(data_dir, *company[:-1], "923456784", *STAFF) == 2
    assert "923456784" in capsys.readouterr().err
    assert run(data_dir, *company, "--account", "9710.05.12347", *STAFF) == 0
    assert "Omigjen Asker AS, org.nr. 923456783, konto 9710.05.12347" in capsys.readouterr().out
    pay = ["--pay-date", "2099-01-02"]  # from the stored account: no --debtor-account
    assert run(data_dir, "settlement", "--tenant", "12", *MARCH, *files(tmp_path), *pay,
               *STAFF) == 0  # fmt: skip
    xml = etree.parse(str(tmp_path / "s.xml"))
    assert xml.findtext(".//p:InitgPty/p:Nm", namespaces=PAIN) == "Omigjen Asker AS"
    assert xml.findtext(".//p:Dbtr/p:Nm", namespaces=PAIN) == "Omigjen Asker AS"
    assert "923456783" in etree.tostring(xml.find(".//p:Dbtr", namespaces=PAIN)).decode()
    assert xml.findtext(".//p:DbtrAcct/p:Id/p:Othr/p:Id", namespaces=PAIN) == "97100512347"
    pdf = subprocess.run(["pdftotext", "-layout", str(tmp_path / "s.pdf"), "-"],
                         capture_output=True, check=True).stdout.decode()  # fmt: skip
    lines = [line.strip() for line in pdf.splitlines() if line.strip()]
    assert "Fra Omigjen Asker AS, org.nr. 923456783" in lines
    (footer,) = {line for line in lines if "· Oppgjør OPPGJ-12-00001 ·" in line}
    assert footer.startswith("Omigjen Asker AS, org.nr. 923456783 · ")  # no empty first field
    with sqlite3.connect(data_dir / "omigjen.sqlite3") as db:
        rows = db.execute("SELECT details FROM journal WHERE details LIKE '%centre_company%'")
        journaled = [json.loads(d)["centre_company"] for (d,) in rows.fetchall()]
    assert journaled[-1] == {"name": "Omigjen Asker AS", "org_no": "923456783",
                             "bank_account": "97100512347"}  # fmt: skip


def test_a_statement_without_the_tenants_account_is_issued_and_only_the_payment_file_waits(
    data_dir, tmp_path, capsys
):
    """As the guide says: the statement is a document of what happened and is issued (numbered)
    without the tenant's account; a payment file cannot be made without one, so asking for it
    is refused before anything is numbered."""
    assert run(data_dir, "tenant-terms", "--tenant", "11", "--commission", "10", *STAFF) == 0
    statement = files(tmp_path)[:4]  # PDF and CSV, no payment file
    assert run(data_dir, "settlement", "--tenant", "11", *MARCH, *statement, *STAFF) == 0
    assert "OPPGJ-11-00001" in capsys.readouterr().out and settled(data_dir)[0] == 1
    assert (tmp_path / "s.pdf").exists() and not (tmp_path / "s.xml").exists()
    # the payment file is what waits for the account (the refusal before a number:
    # test_a_tenant_owed_money_without_an_account_leaves_nothing)
