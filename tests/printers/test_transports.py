"""Transports by URL: file, TCP (fake printer on loopback), serial (a real pty), CUPS via an
``lp`` on PATH, USB keyword arguments; DLE EOT status with short timeouts; bad URLs refused."""

from __future__ import annotations

import os
import pty
import socket
import stat
import threading

import pytest

from pos.model.printing import InvalidPrinterSetting
from printers.transports import (
    FileTransport,
    LpTransport,
    PrinterError,
    PrinterStatus,
    SerialTransport,
    TcpTransport,
    UsbTransport,
    parse_status,
    transport_for,
)


def test_each_url_scheme_names_its_transport_with_its_settings():
    usb = transport_for("usb://04b8:0e15?in_ep=0x81&out_ep=0x02")
    assert isinstance(usb, UsbTransport)
    assert usb.usb_kwargs() == {
        "idVendor": 0x04B8,
        "idProduct": 0x0E15,
        "in_ep": 0x81,
        "out_ep": 0x02,
        "timeout": 5000,
    }
    serial = transport_for("serial:///dev/ttyUSB0?baudrate=19200")
    assert isinstance(serial, SerialTransport)
    assert (serial.port, serial.baudrate) == ("/dev/ttyUSB0", 19200)
    tcp = transport_for("tcp://10.0.0.50")
    assert isinstance(tcp, TcpTransport) and (tcp.host, tcp.port, tcp.timeout) == (
        "10.0.0.50",
        9100,
        5.0,
    )
    assert isinstance(transport_for("file:///tmp/x.bin"), FileTransport)
    for url in ("cups://TM_T20", "lp://TM_T20"):
        lp = transport_for(url)
        assert isinstance(lp, LpTransport) and lp.name == "TM_T20"


@pytest.mark.parametrize("url", ["http://printer", "tcp://", "usb://nonsense", "kitchen", ""])
def test_a_url_the_till_cannot_drive_is_a_clear_domain_error(url):
    with pytest.raises(InvalidPrinterSetting) as error:
        transport_for(url)
    assert "tcp://" in error.value.message("nb")


def test_status_bytes_are_read_as_an_epson_printer_sends_them():
    assert parse_status(b"\x12", b"\x12") == PrinterStatus(True, "ok", "closed")
    assert parse_status(b"\x1a", b"\x72") == PrinterStatus(False, "out", "closed")
    assert parse_status(b"\x12", b"\x1e") == PrinterStatus(True, "near_end", "closed")
    assert parse_status(b"", b"") == PrinterStatus(None, None, None)
    assert parse_status(b"A", b"\xff") == PrinterStatus(None, None, None)  # noise is no status


def test_the_drawer_is_bit_2_of_dle_eot_1_read_at_the_level_the_drawer_is_wired_for():
    pin_high, pin_low = b"\x16", b"\x12"
    assert parse_status(pin_high, b"\x12").drawer == "open"
    assert parse_status(pin_low, b"\x12").drawer == "closed"
    assert parse_status(pin_high, b"\x12", "low").drawer == "closed"
    assert parse_status(pin_low, b"\x12", "low").drawer == "open"
    assert parse_status(pin_high, b"\x12", "none").drawer is None
    assert transport_for("tcp://10.0.0.5:9100?drawer=low").drawer_level == "low"
    with pytest.raises(InvalidPrinterSetting, match="drawer"):
        transport_for("tcp://10.0.0.5:9100?drawer=sideways")


def test_a_send_that_never_reached_the_printer_says_so(tmp_path):
    with pytest.raises(PrinterError) as refused:
        transport_for("tcp://127.0.0.1:9").send(b"receipt")
    assert refused.value.reason == "offline" and refused.value.sent is False
    with pytest.raises(PrinterError) as missing:
        transport_for(f"file://{tmp_path}/missing/dir/out.bin").send(b"x")
    assert missing.value.sent is False


def test_a_file_transport_appends_every_job(tmp_path):
    path = tmp_path / "out.bin"
    transport = transport_for(f"file://{path}")
    transport.send(b"one")
    transport.send(b"two")
    assert path.read_bytes() == b"onetwo"
    with pytest.raises(PrinterError, match="offline"):
        transport_for(f"file://{tmp_path}/missing/dir/out.bin").send(b"x")


def test_tcp_sends_the_job_and_reads_the_status(fake_printer):
    transport = transport_for(fake_printer.url)
    assert transport.status() == PrinterStatus(True, "ok", "closed")
    transport.send(b"\x1b@hello\n" * 2000)
    assert fake_printer.all_printed == b"\x1b@hello\n" * 2000
    transport.send(b"\x1bp\x00\x19\xfa")  # the kick: the drawer springs open
    assert transport.status().drawer == "open"
    fake_printer.close_drawer()
    assert transport.status().drawer == "closed"
    fake_printer.paper_out = True
    assert transport.status().problem == "paper_out"
    fake_printer.go_offline()
    assert transport.status().problem == "offline"
    with pytest.raises(PrinterError, match="offline"):
        transport.send(b"x")


def test_a_printer_that_never_answers_status_costs_a_short_timeout_then_is_not_asked():
    listener = socket.create_server(("127.0.0.1", 0))
    held = []
    accepting = threading.Thread(
        target=lambda: [held.append(listener.accept()) for _ in range(3)], daemon=True
    )
    accepting.start()
    try:
        transport = TcpTransport("tcp://silent", "127.0.0.1", listener.getsockname()[1])
        assert [transport.status() for _ in range(3)] == [PrinterStatus()] * 3
        assert len(held) == 2  # the third status call did not even connect
    finally:
        listener.close()
        for conn, _ in held:
            conn.close()


def test_serial_writes_to_the_device_and_reads_its_status():
    master, slave = pty.openpty()
    answers = threading.Thread(target=_answer_status, args=(master,), daemon=True)
    answers.start()
    try:
        transport = transport_for(f"serial://{os.ttyname(slave)}?baudrate=9600")
        assert transport.status() == PrinterStatus(True, "ok", "open")
        answers.join(5)
        transport.send(b"\x1b@Bl\x86b\x91r\n")
        assert os.read(master, 100) == b"\x1b@Bl\x86b\x91r\n"
    finally:
        os.close(master)
        os.close(slave)
    with pytest.raises(PrinterError, match="offline"):
        transport_for("serial:///dev/no-such-tty").send(b"x")


def _answer_status(master: int) -> None:
    """DLE EOT 1 (online, drawer pin 3 high), then DLE EOT 4 (paper present)."""
    for answer in (b"\x16", b"\x12"):
        assert os.read(master, 3) in (b"\x10\x04\x01", b"\x10\x04\x04")
        os.write(master, answer)


def test_cups_sends_raw_through_lp_and_reports_its_complaint(tmp_path, monkeypatch):
    script = tmp_path / "lp"
    script.write_text(
        "#!/bin/sh\n"
        'if [ "$2" = "missing" ]; then echo "lp: The printer or class does not exist." >&2;'
        " exit 1; fi\n"
        f'echo "$@" > {tmp_path}/args; cat > {tmp_path}/job\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}:{os.environ['PATH']}")
    transport_for("cups://TM_T20").send(b"\x1b@data")
    assert (tmp_path / "job").read_bytes() == b"\x1b@data"
    assert (tmp_path / "args").read_text().split() == ["-d", "TM_T20", "-o", "raw"]
    with pytest.raises(PrinterError, match="does not exist"):
        transport_for("lp://missing").send(b"x")


def test_a_usb_printer_that_is_not_there_is_offline_not_a_crash():
    transport = transport_for("usb://dead:beef?timeout=200")
    with pytest.raises(PrinterError, match="offline"):
        transport.send(b"x")
    assert transport.status().online is False
