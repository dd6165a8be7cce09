"""Reading one raw frame from a serial scanner for the test scan (no Qt: run it off the GUI
thread). The bytes come back exactly as sent, line end included."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import serial

from pos.errors import DomainError


class SerialProbeFailed(DomainError):
    code = "serial_probe_failed"
    nb = "Skanneren på {value} svarte ikke: {reason}."
    en = "The scanner on {value} did not answer: {reason}."


def read_frame(
    url: str,
    *,
    baudrate: int = 9600,
    wait_s: float = 10.0,
    opener: Callable[..., Any] = serial.serial_for_url,
) -> bytes:
    """Open the port, wait up to ``wait_s`` for one CR/LF-terminated frame, close it."""
    try:
        port = opener(url, baudrate=baudrate, timeout=0.2)
    except (serial.SerialException, OSError, ValueError) as error:
        raise SerialProbeFailed(url, reason=str(error)) from error
    try:
        frame = b""
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            chunk = port.read(port.in_waiting or 1)
            frame += chunk
            if frame.endswith((b"\r", b"\n")):
                if port.in_waiting:  # a CR LF pair: take the LF too
                    frame += port.read(port.in_waiting)
                return frame
    except (serial.SerialException, OSError) as error:
        raise SerialProbeFailed(url, reason=str(error)) from error
    finally:
        port.close()
    raise SerialProbeFailed(
        url, reason=f"nothing within {wait_s:g} s" if not frame else "no line end"
    )
