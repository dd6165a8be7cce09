"""``--printer URL``: every document the CLI prints goes to that transport, through the queue."""

from __future__ import annotations

import main
from tests.printers.escpos_decoder import decode


def test_simulate_prints_every_sales_receipts_to_the_given_file(tmp_path, capsys):
    out = tmp_path / "printer.bin"
    code = main.main(
        [
            "--data-dir",
            str(tmp_path / "data"),
            "--printer",
            f"file://{out}",
            "simulate",
            "--days",
            "1",
            "--sales-per-day",
            "12",
            "--start",
            "2026-03-02",
        ]
    )
    assert code == 0
    said = capsys.readouterr().out
    receipts = int(said.split("salg (")[1].split(" leietakerkvittering")[0])
    decoded = decode(out.read_bytes())
    assert decoded.unknown == []
    pages = decoded.printed_pages
    numbers = [p.barcodes[-1][1] for p in pages if p.barcodes]
    assert len(numbers) == receipts and len(set(numbers)) == receipts
    assert all(p.lines[0].text in ("Salgskvittering", "Treningskvittering") for p in pages)
    assert decoded.drawer_kicks  # cash sales opened the drawer through this printer
    assert "0 mislyktes" in said


def test_a_printer_url_the_till_cannot_drive_is_refused_with_a_clear_message(tmp_path, capsys):
    code = main.main(["--data-dir", str(tmp_path), "--printer", "http://printer", "tenants"])
    assert code == 2
    assert "usb://VID:PID" in capsys.readouterr().err


def test_the_run_s_options_may_follow_the_command_and_one_before_it_stands(tmp_path, capsys):
    data = str(tmp_path / "data")
    assert main.main(["--data-dir", data, "demo"]) == 0
    out = tmp_path / "printer.bin"
    capsys.readouterr()
    after = ["--data-dir", data, "--printer", f"file://{out}", "--lang", "en"]
    code = main.main(["print-copy", "15-K1-000001", "--staff", "1001", "--pin", "1234", *after])
    refused = capsys.readouterr()
    assert code == 2 and "15-K1-000001" in refused.err  # no such receipt yet, said in English
    assert "Kvittering" not in refused.err
    assert main.main(["--data-dir", data, "--lang", "en", "tenants", "--printer", "usb://1:2"]) == 0
    assert main.main(["--data-dir", data, "tenants", "--printer", "http://printer"]) == 2
    assert "usb://VID:PID" in capsys.readouterr().err
