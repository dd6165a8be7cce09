"""Serial barcode scanners (RS-232 / USB-CDC) through pyserial, read in a worker thread.

The port is a pyserial URL: ``/dev/ttyACM0``, ``COM3``, ``socket://host:port``, ``loop://``.
An unplugged scanner is reopened every ``retry_s``; bytes that are not a code are logged and
dropped. The worker never touches widgets: codes reach the GUI thread through a queued signal.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import serial
from PySide6.QtCore import QObject, Signal

from ui.scanner.burst import strip_framing

log = logging.getLogger(__name__)
MAX_CODE_BYTES = 64


def decode_frame(frame: bytes, prefix: str = "") -> str | None:
    """One CR/LF-terminated frame as a code, or None (logged) if it is not printable ASCII."""
    body = frame.strip(b"\r\n\x00 ")
    if not body:
        return None
    if len(body) > MAX_CODE_BYTES or any(b < 0x20 or b > 0x7E for b in body):
        log.warning("serial scanner: ignored %d bytes that are not a code: %r", len(body), body)
        return None
    return strip_framing(body.decode("ascii"), prefix).code or None


class FrameSplitter:
    """Cuts a byte stream into CR/LF-terminated frames, however the port's reads split it.

    A frame longer than ``MAX_CODE_BYTES`` is garbage and dropped whole: once the unterminated
    rest grows past the limit, everything up to the next end of line goes, so a tail of noise
    never joins the code that follows it.
    """

    def __init__(self) -> None:
        self._buffer = b""
        self._discarding = False

    def feed(self, chunk: bytes) -> list[bytes]:
        frames = []
        self._buffer += chunk
        while True:
            ends = [i for i in (self._buffer.find(b"\r"), self._buffer.find(b"\n")) if i >= 0]
            if not ends:
                break
            frame, self._buffer = self._buffer[: min(ends)], self._buffer[min(ends) + 1 :]
            if self._discarding or len(frame) > MAX_CODE_BYTES:
                self._discarding = False
                log.warning("serial scanner: dropped a frame of more than %d bytes", MAX_CODE_BYTES)
                continue
            frames.append(frame)
        if len(self._buffer) > MAX_CODE_BYTES:
            if not self._discarding:
                log.warning(
                    "serial scanner: dropping %d bytes with no end of line", len(self._buffer)
                )
            self._buffer, self._discarding = b"", True
        return frames


class SerialScanner(QObject):
    """Reads codes from a serial port in a daemon thread until ``stop()``."""

    scanned = Signal(str)
    """A code was read (already stripped of CR/LF, prefix and AIM id)."""
    state_changed = Signal(bool, str)
    """The port was opened (True) or lost (False); the text says which port or why."""

    def __init__(
        self,
        url: str,
        *,
        baudrate: int = 9600,
        retry_s: float = 2.0,
        prefix: str = "",
        opener: Callable[..., Any] = serial.serial_for_url,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.url = url
        self._baudrate = baudrate
        self._retry_s = retry_s
        self._prefix = prefix
        self._opener = opener
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._port: Any = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name=f"scanner {self.url}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        port = self._port
        if port is not None:
            try:
                port.cancel_read()
            except Exception:  # noqa: BLE001 - not every port type can cancel; closing will do
                pass
        if self._thread is not None:
            self._thread.join(timeout=3)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._port = self._opener(self.url, baudrate=self._baudrate, timeout=0.5)
            except (serial.SerialException, OSError, ValueError) as error:
                self.state_changed.emit(False, str(error))
                self._stop.wait(self._retry_s)
                continue
            self.state_changed.emit(True, self.url)
            try:
                self._read_until_lost()
            except (serial.SerialException, OSError) as error:
                log.warning("serial scanner %s lost: %s", self.url, error)
                self.state_changed.emit(False, str(error))
            except Exception as error:  # noqa: BLE001 - the reader thread must never die silently
                log.exception("serial scanner %s failed; reopening", self.url)
                self.state_changed.emit(False, str(error))
            finally:
                self._close()
            self._stop.wait(self._retry_s)

    def _read_until_lost(self) -> None:
        frames = FrameSplitter()
        while not self._stop.is_set():
            chunk = self._port.read(self._port.in_waiting or 1)
            if not chunk:
                continue
            for frame in frames.feed(chunk):
                code = decode_frame(frame, self._prefix)
                if code:
                    self.scanned.emit(code)

    def _close(self) -> None:
        port, self._port = self._port, None
        if port is not None:
            try:
                port.close()
            except Exception:  # noqa: BLE001 - the device may be gone already
                pass
