"""The journal anchor on the day-end page: printed at the foot of every X and Z slip and PDF and
shown on screen, as the journal's head after the reports; typed back into ``verify-journal``
it verifies."""

from __future__ import annotations

import re
import subprocess

import pytest
from PySide6.QtWidgets import QMessageBox

import main
from printers.printing import Printing
from tests.printers.escpos_decoder import decode
from tests.ui.conftest import log_in
from tests.ui.test_day_end_page import sold  # noqa: F401 - the fixture
from ui.pages import PageContext


@pytest.fixture
def page(window, counter, tmp_path, sold):  # noqa: F811
    log_in(window, "9001", "9999")
    printing = Printing(counter.uow, "K1", override_url=f"file://{tmp_path / 'out.bin'}")
    window.page_context = PageContext(window.session, window.tasks, printing, tmp_path)
    return window.show_page("day_end")


def printed(counter) -> str:
    with counter.uow.read() as uow:
        jobs = uow.printing.jobs("K1", (), 20)
        return decode(b"".join(uow.printing.payload(j.id) for j in jobs)).text


def test_x_and_z_print_the_journal_head_as_their_anchor(page, counter, monkeypatch, capsys):
    from pos.services.anchors import current_anchor

    page.x_report()
    x_anchor = current_anchor(counter.uow).text
    assert f"Journalanker {x_anchor}" in " ".join(printed(counter).split())
    assert page.text.toPlainText().rstrip().endswith(x_anchor)  # on screen too
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.z_reports()
    z_anchor = current_anchor(counter.uow).text
    assert z_anchor != x_anchor
    slips = " ".join(printed(counter).split())
    assert slips.count(f"Journalanker {z_anchor}") == len(page.last_reports)
    pdf = subprocess.run(["pdftotext", "-layout", str(page.last_pdfs[0]), "-"],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert re.search(rf"Journalanker\s+{re.escape(z_anchor)}", pdf)
    counter.close()
    assert main.main(["--data-dir", str(counter.data_dir), "verify-journal",
                      "--anchor", z_anchor]) == 0  # fmt: skip
    assert f"Journalen har ankeret {z_anchor} (utskriften)" in capsys.readouterr().out
