"""Where the bytes go, chosen by URL: ``usb://VID:PID``, ``serial:///dev/ttyUSB0?baudrate=9600``,
``tcp://host:9100``, ``file:///path``, ``cups://NAME`` / ``lp://NAME`` (``lp -o raw``).

Every transport has one ``send(data)`` and a best-effort ``status()`` (DLE EOT with a short
timeout where the line can be read), and gives up after seconds, not python-escpos's 60 s.
"""

from __future__ import annotations

import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qs, unquote, urlsplit

from pos.model.printing import InvalidPrinterSetting

SEND_TIMEOUT = 5.0
STATUS_TIMEOUT = 1.0
CHUNK = 4096
STATUS_PRINTER, STATUS_PAPER = b"\x10\x04\x01", b"\x10\x04\x04"


class PrinterError(Exception):
    """Sending failed; ``reason`` is 'offline', 'paper_out', 'timeout' or 'error'."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason


@dataclass(frozen=True)
class PrinterStatus:
    online: bool | None = None
    paper: str | None = None
    """'ok', 'near_end' or 'out'; None when the printer cannot tell (or would not answer)."""

    @property
    def problem(self) -> str | None:
        if self.paper == "out":
            return "paper_out"
        if self.online is False:
            return "offline"
        return None


UNKNOWN = PrinterStatus()


def parse_status(printer: bytes, paper: bytes) -> PrinterStatus:
    """DLE EOT 1 and DLE EOT 4 answers (Epson): a byte with bit 4 set and bit 7 clear each."""
    online = None
    if len(printer) == 1 and printer[0] & 0x93 == 0x12:
        online = not printer[0] & 0x08
    state = None
    if len(paper) == 1 and paper[0] & 0x93 == 0x12:
        state = "out" if paper[0] & 0x60 else "near_end" if paper[0] & 0x0C else "ok"
    return PrinterStatus(online, state)


class Transport(Protocol):
    url: str

    def send(self, data: bytes) -> None: ...

    def status(self) -> PrinterStatus: ...


class TcpTransport:
    def __init__(self, url: str, host: str, port: int, timeout: float = SEND_TIMEOUT) -> None:
        self.url, self.host, self.port, self.timeout = url, host, port, timeout
        self._silences = 0

    def _connect(self, timeout: float) -> socket.socket:
        try:
            return socket.create_connection((self.host, self.port), timeout=timeout)
        except TimeoutError as error:
            raise PrinterError("timeout", f"no answer from {self.host}:{self.port}") from error
        except OSError as error:
            raise PrinterError("offline", f"{self.host}:{self.port}: {error}") from error

    def send(self, data: bytes) -> None:
        where = f"{self.host}:{self.port}"
        with self._connect(self.timeout) as sock:
            try:
                for start in range(0, len(data), CHUNK):
                    sock.sendall(data[start : start + CHUNK])
                sock.shutdown(socket.SHUT_WR)
            except TimeoutError as error:
                raise PrinterError("timeout", f"{where} stopped taking data") from error
            except OSError as error:
                raise PrinterError("offline", f"{where}: {error}") from error
            try:  # a printer that vanished mid-job resets the line instead of closing it
                sock.recv(16)
            except TimeoutError:
                pass  # it keeps the line open: it has taken the data
            except OSError as error:
                raise PrinterError("offline", f"{where} dropped the job: {error}") from error

    silent_after = 2
    """Many cheap printers never answer DLE EOT: after this many silences, stop asking."""

    def status(self) -> PrinterStatus:
        if self._silences >= self.silent_after:
            return UNKNOWN
        try:
            with self._connect(STATUS_TIMEOUT) as sock:
                printer = _ask(sock, STATUS_PRINTER)
                if not printer:
                    self._silences = self._silences + 1
                    return UNKNOWN
                self._silences = 0
                return parse_status(printer, _ask(sock, STATUS_PAPER))
        except PrinterError as error:
            return PrinterStatus(online=False) if error.reason == "offline" else UNKNOWN


def _ask(sock: socket.socket, request: bytes) -> bytes:
    try:
        sock.sendall(request)
        return sock.recv(1)
    except OSError:  # includes the timeout of a printer that never answers DLE EOT
        return b""


class FileTransport:
    """A device file (``/dev/usb/lp0``) or a plain file that collects every job (tests, demos)."""

    def __init__(self, url: str, path: Path) -> None:
        self.url, self.path = url, path

    def send(self, data: bytes) -> None:
        try:
            with open(self.path, "ab") as out:
                out.write(data)
        except OSError as error:
            raise PrinterError("offline", f"{self.path}: {error.strerror}") from error

    def status(self) -> PrinterStatus:
        return UNKNOWN


class SerialTransport:
    def __init__(self, url: str, port: str, baudrate: int, timeout: float = SEND_TIMEOUT) -> None:
        self.url, self.port, self.baudrate, self.timeout = url, port, baudrate, timeout

    def _open(self, timeout: float) -> Any:
        import serial

        try:
            return serial.Serial(
                port=self.port, baudrate=self.baudrate, timeout=timeout, write_timeout=self.timeout
            )
        except (serial.SerialException, OSError) as error:
            raise PrinterError("offline", f"{self.port}: {error}") from error

    def send(self, data: bytes) -> None:
        import serial

        with self._open(self.timeout) as line:
            try:
                line.write(data)
                line.flush()
            except serial.SerialTimeoutException as error:
                raise PrinterError("timeout", f"{self.port} stopped taking data") from error
            except (serial.SerialException, OSError) as error:
                raise PrinterError("offline", f"{self.port}: {error}") from error

    def status(self) -> PrinterStatus:
        try:
            with self._open(STATUS_TIMEOUT) as line:
                answers = []
                for request in (STATUS_PRINTER, STATUS_PAPER):
                    line.write(request)
                    answers.append(line.read(1))
                return parse_status(*answers)
        except (PrinterError, OSError):
            return UNKNOWN


class LpTransport:
    """CUPS by queue name, raw (``lp -d NAME -o raw``): the bytes reach the printer untouched."""

    def __init__(self, url: str, name: str, timeout: float = SEND_TIMEOUT) -> None:
        self.url, self.name, self.timeout = url, name, timeout

    def send(self, data: bytes) -> None:
        try:
            done = subprocess.run(
                ["lp", "-d", self.name, "-o", "raw"],
                input=data,
                capture_output=True,
                timeout=self.timeout,
            )
        except subprocess.TimeoutExpired as error:
            raise PrinterError("timeout", f"lp -d {self.name} did not finish") from error
        except OSError as error:
            raise PrinterError("offline", f"lp: {error}") from error
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip()
            raise PrinterError("offline", f"lp -d {self.name}: {message}")

    def status(self) -> PrinterStatus:
        return UNKNOWN  # CUPS queues the job; the printer's own state is not ours to read


class UsbTransport:
    """python-escpos ``Usb`` with keyword arguments only (its positional order is a trap)."""

    def __init__(
        self,
        url: str,
        vendor: int,
        product: int,
        *,
        in_ep: int = 0x82,
        out_ep: int = 0x01,
        timeout_ms: int = int(SEND_TIMEOUT * 1000),
    ) -> None:
        self.url, self.vendor, self.product = url, vendor, product
        self.in_ep, self.out_ep, self.timeout_ms = in_ep, out_ep, timeout_ms

    def usb_kwargs(self) -> dict[str, int]:
        return {
            "idVendor": self.vendor,
            "idProduct": self.product,
            "in_ep": self.in_ep,
            "out_ep": self.out_ep,
            "timeout": self.timeout_ms,
        }

    def _open(self) -> Any:
        try:
            from escpos.printer import Usb

            if not Usb.is_usable():  # checked first: a Usb made without pyusb fails in __del__
                raise RuntimeError("pyusb is not installed (pip install python-escpos[usb])")
            printer = Usb(**self.usb_kwargs())
            printer.open()
            return printer
        except Exception as error:  # pyusb missing, device absent, permission denied...
            raise PrinterError(
                "offline", f"USB {self.vendor:04x}:{self.product:04x}: {error}"
            ) from error

    def send(self, data: bytes) -> None:
        printer = self._open()
        try:
            for start in range(0, len(data), CHUNK):
                printer._raw(data[start : start + CHUNK])
        except Exception as error:
            raise PrinterError("timeout", f"USB write failed: {error}") from error
        finally:
            printer.close()

    def status(self) -> PrinterStatus:
        try:
            printer = self._open()
        except PrinterError:
            return PrinterStatus(online=False)
        try:
            return parse_status(
                printer.query_status(STATUS_PRINTER)[:1], printer.query_status(STATUS_PAPER)[:1]
            )
        except Exception:
            return UNKNOWN
        finally:
            printer.close()


def transport_for(url: str, timeout: float = SEND_TIMEOUT) -> Transport:
    """The transport a printer URL names; InvalidPrinterSetting for anything else."""
    parts = urlsplit(url.strip())
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    try:
        if parts.scheme == "tcp" and parts.hostname:
            return TcpTransport(url, parts.hostname, parts.port or 9100, timeout)
        if parts.scheme == "file" and parts.path:
            return FileTransport(url, Path(unquote(parts.path)))
        if parts.scheme == "serial" and parts.path:
            return SerialTransport(
                url, unquote(parts.path), int(query.get("baudrate", 9600)), timeout
            )
        if parts.scheme in ("cups", "lp") and parts.netloc:
            return LpTransport(url, unquote(parts.netloc), timeout)
        if parts.scheme == "usb" and parts.netloc:
            vendor, product = parts.netloc.split(":")
            return UsbTransport(
                url,
                int(vendor, 16),
                int(product, 16),
                in_ep=int(query.get("in_ep", "0x82"), 0),
                out_ep=int(query.get("out_ep", "0x01"), 0),
                timeout_ms=int(query.get("timeout", int(timeout * 1000))),
            )
    except ValueError:
        pass
    raise InvalidPrinterSetting(
        url,
        reason_nb="bruk usb://VID:PID, serial:///dev/…, tcp://vert:9100, file:///sti eller cups://NAVN",
        reason_en="use usb://VID:PID, serial:///dev/…, tcp://host:9100, file:///path or cups://NAME",
    )
