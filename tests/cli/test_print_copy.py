"""``print-copy NUMBER --staff NO``: the look-up's rule from the command line, on the printed
bytes — a receipt that never printed comes out as its original, a printed one as its one KOPI,
a second copy is refused with a message, and an offline printer leaves a failed job."""

from __future__ import annotations

import main
from pos.counter import open_counter
from tests.printers.escpos_decoder import decode


def cli(data, *args):
    return main.main(["--data-dir", str(data), *args])


def first_receipt(data) -> str:
    with open_counter(data) as counter, counter.uow.read() as uow:
        row = uow.store.conn.exec_driver_sql(
            "SELECT number_text FROM receipts WHERE kind = 'sale' ORDER BY rowid LIMIT 1"
        ).scalar_one()
    return str(row)


def headings(data: bytes) -> list[list[str]]:
    return [
        [ln.text for ln in page.lines[:3] if ln.width == 2] for page in decode(data).printed_pages
    ]


def test_print_copy_prints_the_original_of_an_unprinted_receipt_then_its_one_copy(tmp_path, capsys):
    data, paper = tmp_path / "data", tmp_path / "paper.bin"
    assert cli(data, "simulate", "--days", "1", "--sales-per-day", "3") == 0  # no printer
    number = first_receipt(data)
    printer = ["--printer", f"file://{paper}"]
    staff = ["--staff", "1001", "--pin", "1234"]
    capsys.readouterr()

    assert cli(data, *printer, "print-copy", number.lower(), *staff) == 0
    assert f"Originalen av {number}: skrevet ut." in capsys.readouterr().out
    assert headings(paper.read_bytes())[-1] == ["Salgskvittering"]

    assert cli(data, *printer, "print-copy", number, *staff) == 0
    assert f"Kopien (KOPI) av {number}: skrevet ut." in capsys.readouterr().out
    assert headings(paper.read_bytes())[-1] == ["Salgskvittering", "KOPI"]

    before = paper.read_bytes()
    assert cli(data, *printer, "--lang", "en", "print-copy", number, *staff) == 2
    assert "only one copy" in capsys.readouterr().err
    assert paper.read_bytes() == before


def test_print_copy_on_an_offline_printer_says_so_and_keeps_a_failed_job(tmp_path, capsys):
    data = tmp_path / "data"
    assert cli(data, "simulate", "--days", "1", "--sales-per-day", "2") == 0
    number = first_receipt(data)
    capsys.readouterr()
    code = cli(
        data, "--printer", "tcp://127.0.0.1:9", "print-copy", number, "--staff", "1001",
        "--pin", "1234",
    )  # fmt: skip
    assert code == 1
    assert "skrev den ikke ut" in capsys.readouterr().err
    with open_counter(data) as counter, counter.uow.read() as uow:
        failed = uow.printing.jobs(counter.register_id(), [])[0]
    assert failed.unsent and failed.status.value == "failed"
