"""An X report names the business day it covers: the day the next Z closes. A till simulated on
earlier days and left open shows that day, not the PC's date, on the command line, in its PDF
and in the day-end PDF made with it; the time the X was taken stays the PC's."""

from __future__ import annotations

import subprocess

from tests.faketime import main_at

NOW = "2026-03-10 11:00:00"  # UTC: 12:00 in Oslo, a week after the simulated days
MANAGER = ("--staff", "9001", "--pin", "9999")


def pdf_text(path) -> str:  # type: ignore[no-untyped-def]
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          check=True, text=True)  # fmt: skip
    return done.stdout


def test_an_x_on_a_day_left_open_names_that_day(tmp_path):
    data, pdfs = tmp_path / "data", tmp_path / "pdf"
    made = main_at(NOW, data, "simulate", "--start", "2026-03-02", "--days", "2",
                   "--sales-per-day", "8")  # fmt: skip
    assert made.returncode == 0 and "ingen Z ennå for 2026-03-03" in made.stdout, made.stdout
    said = main_at(NOW, data, "x-report", *MANAGER, "--pdf", str(pdfs))
    assert said.returncode == 0, said.stderr
    headers = [line for line in said.stdout.splitlines() if line.startswith("X-rapport")]
    assert headers and all(line.endswith("salgsdag 2026-03-03") for line in headers), headers
    x_pdf = next(pdfs.glob("X-*.pdf"))
    text = pdf_text(x_pdf)
    assert "2026-03-03" in text.split("Salgsdag", 1)[1].splitlines()[0]
    assert "2026-03-10 12:00" in text  # taken now, by the PC's clock
    z = main_at(NOW, data, "z-report", *MANAGER)
    assert "salgsdag 2026-03-03" in z.stdout  # the day the X named is the one the Z closes
    after = main_at(NOW, data, "x-report", *MANAGER)
    assert "salgsdag 2026-03-10" in after.stdout  # nothing left open: today
