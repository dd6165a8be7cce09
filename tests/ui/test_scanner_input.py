"""Scanner parsing without Qt (hypothesis), and serial scanners over socket:// and a socat pty."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ui.scanner.burst import BurstDetector, WedgeConfig, strip_framing
from ui.scanner.routing import CodeKind, route_code
from ui.scanner.serial_reader import SerialScanner, decode_frame

CONFIG = WedgeConfig(max_gap_s=0.05, min_length=6)
codes = st.text(alphabet="0123456789ABCDEFGHJKLMNPRSTUVWXYZ", min_size=6, max_size=24)


@given(code=codes, gaps=st.lists(st.floats(0, 0.049), min_size=24, max_size=24))
def test_a_fast_burst_ending_in_enter_is_a_scan(code, gaps):
    detector: BurstDetector[str] = BurstDetector(CONFIG)
    now = 0.0
    for char, gap in zip(code, gaps, strict=False):
        now += gap
        assert detector.key(char, now, char) == []
    scan, released = detector.end(now + 0.01)
    assert scan is not None and scan.code == code and released == []


@given(code=codes, slow=st.integers(1, 23), gap=st.floats(0.051, 5))
def test_a_pause_longer_than_the_threshold_releases_the_keys_as_typing(code, slow, gap):
    detector: BurstDetector[str] = BurstDetector(CONFIG)
    now, released = 0.0, []
    for index, char in enumerate(code):
        now += gap if index == slow % len(code) else 0.01
        released += detector.key(char, now, char)
    scan, rest = detector.end(now + 0.01)
    assert scan is None or scan.code == code[slow % len(code) :]
    if scan is None:
        assert "".join(released + rest) == code  # every key reaches the field, in order


def test_aim_ids_and_a_prefix_are_stripped():
    assert strip_framing("]E07038010001659").code == "7038010001659"
    assert strip_framing("]E07038010001659").symbology == "]E0"
    assert strip_framing("#]C0R0042", "#").code == "R0042"


def test_codes_are_routed_by_their_form():
    assert route_code("11-K1-000001").kind is CodeKind.RECEIPT
    assert route_code("11-k1-r000001").kind is CodeKind.RECEIPT
    assert route_code("TG11000001").kind is CodeKind.CREDIT_NOTE
    assert route_code("7038010001659").kind is CodeKind.ITEM
    assert route_code("7038010001658").kind is CodeKind.INVALID


def test_garbage_bytes_are_ignored_with_a_warning(caplog):
    assert decode_frame(b"\xff\xfe\x01abc") is None
    assert "ignored" in caplog.text
    assert decode_frame(b"]E07038010001659\r") == "7038010001659"


def _opened(scanner: SerialScanner) -> threading.Event:
    """Set each time the reader has (re)opened its port: pyserial drops input that arrives
    while a port is being opened, as a real scanner would not send at that instant."""
    opened = threading.Event()
    scanner.state_changed.connect(lambda ok, _text: opened.set() if ok else opened.clear())
    return opened


def _wait_for(qtbot, scanner: SerialScanner, send) -> str:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(scanner.scanned, timeout=5000) as got:
        send()
    return str(got.args[0])


def test_a_serial_scanner_on_socket_url_delivers_codes_and_reconnects(qtbot):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(2)
    port = server.getsockname()[1]
    scanner = SerialScanner(f"socket://127.0.0.1:{port}", retry_s=0.1)
    opened = _opened(scanner)
    try:
        scanner.start()
        first, _ = server.accept()
        qtbot.waitUntil(opened.is_set, timeout=5000)
        assert _wait_for(qtbot, scanner, lambda: first.sendall(b"\x00\xffzz\r2000123004509\r")) == (
            "2000123004509"
        )
        opened.clear()
        first.close()  # unplugged: the reader opens the port again
        second, _ = server.accept()
        qtbot.waitUntil(opened.is_set, timeout=5000)
        assert _wait_for(qtbot, scanner, lambda: second.sendall(b"7038010001659\r\n")) == (
            "7038010001659"
        )
        second.close()
    finally:
        scanner.stop()
        server.close()


@pytest.mark.skipif(shutil.which("socat") is None, reason="needs socat (apt-get install socat)")
def test_a_serial_scanner_on_a_real_pty_pair(qtbot, tmp_path: Path):
    app_end, scanner_end = tmp_path / "ttyAPP", tmp_path / "ttySCAN"
    socat = subprocess.Popen(
        ["socat", f"pty,raw,echo=0,link={app_end}", f"pty,raw,echo=0,link={scanner_end}"]
    )
    try:
        deadline = time.monotonic() + 5
        while not (app_end.exists() and scanner_end.exists()) and time.monotonic() < deadline:
            time.sleep(0.02)
        scanner = SerialScanner(str(app_end), retry_s=0.1)
        opened = _opened(scanner)
        scanner.start()
        try:
            qtbot.waitUntil(opened.is_set, timeout=5000)

            def send() -> None:
                with open(scanner_end, "wb", buffering=0) as tty:
                    tty.write(b"7038010001659\r\n")

            assert _wait_for(qtbot, scanner, send) == "7038010001659"
        finally:
            scanner.stop()
    finally:
        socat.terminate()
        socat.wait(5)
