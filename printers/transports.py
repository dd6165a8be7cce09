"""Where the bytes go, chosen by URL: ``usb://VID:PID``, ``serial:///dev/ttyUSB0?baudrate=9600``,
``tcp://host:9100``, ``file:///path``, ``cups://NAME`` / ``lp://NAME`` (``lp -o raw``).

Every transport has one ``send(data)`` and a best-effort ``status()`` (DLE EOT with a short
timeout where the line can be read), and gives up after seconds, not python-escpos's 60 s. A
failed send says whether any byte may have reached the printer (``PrinterError.sent``): only a
printer that refused the connection, or a line that never opened, has provably printed nothing.

The drawer's sensor comes with the printer status (``DLE EOT 1`` bit 2, the kick-out connector's
pin 3, answered in real time even while printing). Which level means "open" depends on the
drawer: ``?drawer=high`` (the default), ``?drawer=low``, or ``?drawer=none`` for a drawer
without a sensor. ``GS r 2`` reports the same pin but is answered only after the print buffer,
so it is not used. USB, serial and TCP printers can answer; ``file://`` and ``cups://`` cannot.
"""

from __future__ import annotations

import socket
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
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
    """Sending failed; ``reason`` is 'offline', 'paper_out', 'timeout' or 'error'. ``sent`` is
    False only when the printer provably took none of the job."""

    def __init__(self, reason: str, detail: str, *, sent: bool = True) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.sent = sent


DRAWER_LEVELS = ("high", "low", "none")
"""What ``?drawer=`` may say: the level of pin 3 that means open, or no sensor."""


@dataclass(frozen=True)
class PrinterStatus:
    online: bool | None = None
    paper: str | None = None
    """'ok', 'near_end' or 'out'; None when the printer cannot tell (or would not answer)."""
    drawer: str | None = None
    """'open' or 'closed'; None when the printer cannot tell."""

    @property
    def problem(self) -> str | None:
        if self.paper == "out":
            return "paper_out"
        if self.online is False:
            return "offline"
        return None


UNKNOWN = PrinterStatus()


def parse_status(printer: bytes, paper: bytes, drawer_level: str = "high") -> PrinterStatus:
    """DLE EOT 1 and DLE EOT 4 answers (Epson): a byte with bit 4 set and bit 7 clear each.
    In the first, bit 3 is "offline" and bit 2 the drawer connector's pin 3 (1 = high)."""
    online = drawer = None
    if len(printer) == 1 and printer[0] & 0x93 == 0x12:
        online = not printer[0] & 0x08
        if drawer_level in ("high", "low"):
            high = bool(printer[0] & 0x04)
            drawer = "open" if high == (drawer_level == "high") else "closed"
    state = None
    if len(paper) == 1 and paper[0] & 0x93 == 0x12:
        state = "out" if paper[0] & 0x60 else "near_end" if paper[0] & 0x0C else "ok"
    return PrinterStatus(online, state, drawer)


class _OneAtATime:
    """A printer line serves one conversation at a time: a status question never cuts into a
    job being sent. A question that cannot wait gets no answer (UNKNOWN) instead."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    @contextmanager
    def line(self, wait: float | None = None) -> Iterator[bool]:
        got = self._lock.acquire(timeout=-1 if wait is None else wait)
        try:
            yield got
        finally:
            if got:
                self._lock.release()


class Transport(Protocol):
    url: str

    def send(self, data: bytes) -> None: ...

    def status(self, wait: float | None = None) -> PrinterStatus: ...


class TcpTransport(_OneAtATime):
    def __init__(
        self, url: str, host: str, port: int, timeout: float = SEND_TIMEOUT, drawer: str = "high"
    ) -> None:
        super().__init__()
        self.url, self.host, self.port, self.timeout = url, host, port, timeout
        self.drawer_level = drawer
        self._silences = 0

    def _connect(self, timeout: float) -> socket.socket:
        try:
            return socket.create_connection((self.host, self.port), timeout=timeout)
        except TimeoutError as error:
            raise PrinterError(
                "timeout", f"no answer from {self.host}:{self.port}", sent=False
            ) from error
        except OSError as error:
            raise PrinterError(
                "offline", f"{self.host}:{self.port}: {error}", sent=False
            ) from error

    def send(self, data: bytes) -> None:
        with self.line():
            self._send(data)

    def _send(self, data: bytes) -> None:
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

    def status(self, wait: float | None = None) -> PrinterStatus:
        """``wait``: how long to wait for a job in progress to end (None: as long as it takes)."""
        if self._silences >= self.silent_after:
            return UNKNOWN
        with self.line(wait) as free:
            if not free:
                return UNKNOWN
            try:
                with self._connect(STATUS_TIMEOUT) as sock:
                    printer = _ask(sock, STATUS_PRINTER)
                    if not printer:
                        self._silences = self._silences + 1
                        return UNKNOWN
                    self._silences = 0
                    return parse_status(printer, _ask(sock, STATUS_PAPER), self.drawer_level)
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
            out = open(self.path, "ab")  # noqa: SIM115 - a failed open means nothing was sent
        except OSError as error:
            raise PrinterError("offline", f"{self.path}: {error.strerror}", sent=False) from error
        try:
            with out:
                out.write(data)
        except OSError as error:
            raise PrinterError("offline", f"{self.path}: {error.strerror}") from error

    def status(self, wait: float | None = None) -> PrinterStatus:
        return UNKNOWN


class SerialTransport(_OneAtATime):
    def __init__(
        self,
        url: str,
        port: str,
        baudrate: int,
        timeout: float = SEND_TIMEOUT,
        drawer: str = "high",
    ) -> None:
        super().__init__()
        self.url, self.port, self.baudrate, self.timeout = url, port, baudrate, timeout
        self.drawer_level = drawer

    def _open(self, timeout: float) -> Any:
        import serial

        try:
            return serial.Serial(
                port=self.port, baudrate=self.baudrate, timeout=timeout, write_timeout=self.timeout
            )
        except (serial.SerialException, OSError) as error:
            raise PrinterError("offline", f"{self.port}: {error}", sent=False) from error

    def send(self, data: bytes) -> None:
        import serial

        with self.line(), self._open(self.timeout) as line:
            try:
                line.write(data)
                line.flush()
            except serial.SerialTimeoutException as error:
                raise PrinterError("timeout", f"{self.port} stopped taking data") from error
            except (serial.SerialException, OSError) as error:
                raise PrinterError("offline", f"{self.port}: {error}") from error

    def status(self, wait: float | None = None) -> PrinterStatus:
        with self.line(wait) as free:
            if not free:
                return UNKNOWN
            try:
                with self._open(STATUS_TIMEOUT) as line:
                    answers = []
                    for request in (STATUS_PRINTER, STATUS_PAPER):
                        line.write(request)
                        answers.append(line.read(1))
                    return parse_status(answers[0], answers[1], self.drawer_level)
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
            raise PrinterError("offline", f"lp: {error}", sent=False) from error
        if done.returncode != 0:  # CUPS refused the job: it never reached the printer
            message = done.stderr.decode("utf-8", "replace").strip()
            raise PrinterError("offline", f"lp -d {self.name}: {message}", sent=False)

    def status(self, wait: float | None = None) -> PrinterStatus:
        return UNKNOWN  # CUPS queues the job; the printer's own state is not ours to read


class UsbTransport(_OneAtATime):
    """python-escpos ``Usb`` with keyword arguments only (its positional order is a trap); its
    ``query_status`` asks DLE EOT and reads the answer from the printer's IN endpoint."""

    def __init__(
        self,
        url: str,
        vendor: int,
        product: int,
        *,
        in_ep: int = 0x82,
        out_ep: int = 0x01,
        timeout_ms: int = int(SEND_TIMEOUT * 1000),
        drawer: str = "high",
    ) -> None:
        super().__init__()
        self.url, self.vendor, self.product = url, vendor, product
        self.in_ep, self.out_ep, self.timeout_ms = in_ep, out_ep, timeout_ms
        self.drawer_level = drawer

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
                "offline", f"USB {self.vendor:04x}:{self.product:04x}: {error}", sent=False
            ) from error

    def send(self, data: bytes) -> None:
        with self.line():
            printer = self._open()
            try:
                for start in range(0, len(data), CHUNK):
                    printer._raw(data[start : start + CHUNK])
            except Exception as error:
                raise PrinterError("timeout", f"USB write failed: {error}") from error
            finally:
                printer.close()

    def status(self, wait: float | None = None) -> PrinterStatus:
        with self.line(wait) as free:
            if not free:
                return UNKNOWN
            try:
                printer = self._open()
            except PrinterError:
                return PrinterStatus(online=False)
            try:
                return parse_status(
                    printer.query_status(STATUS_PRINTER)[:1],
                    printer.query_status(STATUS_PAPER)[:1],
                    self.drawer_level,
                )
            except Exception:
                return UNKNOWN
            finally:
                printer.close()


def transport_for(url: str, timeout: float = SEND_TIMEOUT) -> Transport:
    """The transport a printer URL names; InvalidPrinterSetting for anything else."""
    parts = urlsplit(url.strip())
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    drawer = query.get("drawer", "high").lower()
    try:
        if drawer not in DRAWER_LEVELS:
            raise ValueError(drawer)
        if parts.scheme == "tcp" and parts.hostname:
            return TcpTransport(url, parts.hostname, parts.port or 9100, timeout, drawer)
        if parts.scheme == "file" and parts.path:
            return FileTransport(url, Path(unquote(parts.path)))
        if parts.scheme == "serial" and parts.path:
            return SerialTransport(
                url, unquote(parts.path), int(query.get("baudrate", 9600)), timeout, drawer
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
                drawer=drawer,
            )
    except ValueError:
        pass
    raise InvalidPrinterSetting(
        url,
        reason_nb="bruk usb://VID:PID, serial:///dev/…, tcp://vert:9100, file:///sti eller "
        "cups://NAVN (skuffsensor: ?drawer=high, low eller none)",
        reason_en="use usb://VID:PID, serial:///dev/…, tcp://host:9100, file:///path or "
        "cups://NAME (drawer sensor: ?drawer=high, low or none)",
    )
