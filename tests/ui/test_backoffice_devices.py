"""The register and printers page and the scanner page: settings saved (journaled) and used,
a test print queued, and a test scan that shows each byte and the symbology."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.model.printing import JobKind, PrinterRole
from pos.services import devices, print_queue
from printers.printing import Printing
from tests.ui.conftest import log_in, press, scan
from ui.app import wedge_config
from ui.tasks import ImmediatePool, TaskRunner


def fill(field, text):
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, text)


@pytest.fixture
def manager_window(window, counter, tmp_path):
    window.page_context.printing = Printing(counter.uow, "K1")
    window.page_context.extras["io_tasks"] = TaskRunner(ImmediatePool())
    log_in(window, "9001", "9999")
    return window


def test_register_and_printers_are_saved_and_a_test_page_queued(manager_window, counter, tmp_path):
    manager_window.wedge.enabled = False
    page = manager_window.show_page("devices")
    fill(page.register_name, "Disken ved inngangen")
    page.label_block.setFocus()
    page.label_block.selectAll()
    QTest.keyClicks(page.label_block, "5")
    press(page.register_name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    (register,) = devices.registers(counter.uow)
    assert register.name == "Disken ved inngangen" and register.label_block == 5
    fill(page.urls[PrinterRole.RECEIPT], f"file://{tmp_path / 'receipt.bin'}")
    fill(page.urls[PrinterRole.TAG], "tcp://10.0.0.60:9100")
    page.widths[PrinterRole.TAG].setCurrentIndex(1)
    press(page.register_name, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    saved = print_queue.printer_settings(counter.uow, "K1")
    assert saved[PrinterRole.TAG].columns == 32 and saved[PrinterRole.TAG].url.startswith("tcp")
    press(page.register_name, Qt.Key.Key_F6)
    assert [j.kind for j in print_queue.jobs(counter.uow, "K1")] == [JobKind.TEST]
    fill(page.urls[PrinterRole.RECEIPT], "http://nope")
    press(page.register_name, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert "http://nope" in page.message.text()


def test_scanner_settings_are_saved_for_the_next_start(manager_window, counter):
    manager_window.wedge.enabled = False
    page = manager_window.show_page("scanner")
    assert page.max_gap.value() == 50
    page.max_gap.setFocus()
    page.max_gap.selectAll()
    QTest.keyClicks(page.max_gap, "35")
    fill(page.serial_url, "socket://127.0.0.1:9999")
    press(page.serial_url, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = devices.scanner_settings(counter.uow, "K1")
    assert saved.max_gap_ms == 35 and saved.serial_url == "socket://127.0.0.1:9999"
    assert wedge_config(saved).max_gap_s == pytest.approx(0.035)


def test_a_wedge_test_scan_shows_each_byte_and_the_symbology(manager_window):
    page = manager_window.show_page("scanner")
    press(page.result, Qt.Key.Key_F5)
    scan(page.result, "]E02110000000011")
    shown = page.result.toPlainText()
    assert "Code: 2110000000011" in shown or "Kode: 2110000000011" in shown
    assert "EAN-13" in shown and "]E0" in shown and "WRONG" not in shown and "FEIL" not in shown
    assert " 5D " in shown and " 0D " in shown  # ']' first, CR (Enter) last
    assert shown.count(" ms") == 17


def test_a_serial_test_scan_reads_the_raw_frame(manager_window):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)

    def scanner():
        conn, _ = server.accept()
        time.sleep(0.3)  # the person scans after the port is open (opening clears its input)
        conn.sendall(b"96385074\r\n")
        conn.settimeout(5)
        conn.recv(1)  # like a real scanner, stay connected until the till lets go
        conn.close()

    threading.Thread(target=scanner, daemon=True).start()
    manager_window.wedge.enabled = False
    page = manager_window.show_page("scanner")
    fill(page.serial_url, f"socket://127.0.0.1:{server.getsockname()[1]}")
    press(page.serial_url, Qt.Key.Key_F8)
    shown = page.result.toPlainText()
    assert shown, page.message.text()
    server.close()
    assert "EAN-8" in shown and "0A" in shown and "LF" in shown
