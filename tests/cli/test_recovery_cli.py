"""Getting back in from the command line, as a manager would: a recovery code made (and
printed), the only manager locked out by wrong PINs, ``recover-manager`` with the code gives a
new PIN. And who may take an X report: a manager, not a cashier or a technician."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

import main
from pos.clock import OSLO
from tests.printers.escpos_decoder import decode


def run(data_dir: Path, *args: str) -> int:
    return main.main(["--data-dir", str(data_dir), *args])


@pytest.fixture
def data_dir(tmp_path) -> Path:
    assert run(tmp_path / "data", "demo") == 0
    return tmp_path / "data"


def test_a_code_made_and_printed_gets_the_locked_out_manager_back_in(data_dir, tmp_path, capsys):
    out = tmp_path / "printer.bin"
    assert run(data_dir, "--printer", f"file://{out}", "recovery-code", "--print",
               "--staff", "9001", "--pin", "9999") == 0  # fmt: skip
    code = re.search(r"([2-9A-Z]{4}(?:-[2-9A-Z]{4}){4})", capsys.readouterr().out).group(1)
    slip = decode(out.read_bytes()).text
    assert code in slip
    oslo = datetime.now(OSLO)  # what a person in Norway reads, also on a PC kept in UTC
    made = re.search(r"Laget\s+(\d{4}-\d\d-\d\d \d\d:\d\d)", slip).group(1)
    assert made in {f"{oslo - timedelta(minutes=m):%Y-%m-%d %H:%M}" for m in (0, 1)}, made
    for _ in range(5):
        run(data_dir, "x-report", "--staff", "9001", "--pin", "0000")
    assert "sperret" in capsys.readouterr().err  # locked: wrong PINs
    assert run(data_dir, "x-report", "--staff", "9001", "--pin", "9999") == 2  # even the right one
    capsys.readouterr()
    assert run(data_dir, "recover-manager", "--code", "WRONG-CODE", "--staff", "9001",
               "--new-pin", "24680") == 2  # fmt: skip
    assert "Feil gjenopprettingskode" in capsys.readouterr().err
    assert run(data_dir, "recover-manager", "--code", code.lower(), "--staff", "9001",
               "--new-pin", "24680") == 0  # fmt: skip
    said = capsys.readouterr().out
    new_code = re.search(r"([2-9A-Z]{4}(?:-[2-9A-Z]{4}){4})", said).group(1)
    assert new_code != code and "låst opp" in said
    assert run(data_dir, "x-report", "--staff", "9001", "--pin", "24680") == 0
    assert run(data_dir, "recover-manager", "--code", code, "--staff", "9001",
               "--new-pin", "13579") == 2  # fmt: skip  (used up)


def test_a_cashier_cannot_make_a_code(data_dir, capsys):
    assert run(data_dir, "recovery-code", "--staff", "1001", "--pin", "1234") == 2
    assert "leder" in capsys.readouterr().err


@pytest.mark.parametrize("staff,pin", [("1001", "1234"), ("2001", "2345")])
def test_an_x_report_is_refused_to_a_cashier_and_a_technician(data_dir, capsys, staff, pin):
    assert run(data_dir, "x-report", "--staff", staff, "--pin", pin) == 2
    assert "leder" in capsys.readouterr().err


def test_a_manager_takes_the_x_report(data_dir, capsys):
    assert run(data_dir, "x-report", "--staff", "9001", "--pin", "9999") == 0
    assert "X-rapport" in capsys.readouterr().out
