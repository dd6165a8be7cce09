"""An independent ESC/POS decoder for the tests (it shares no code with python-escpos or printers/).

It walks the command stream as an Epson-compatible printer would: tracks the code page selected by
ESC t (and reset by ESC @), print modes and sizes, decodes text, and collects hardware barcodes
(GS k, with CODE128 code sets), QR codes (GS ( k), raster images (GS v 0), cuts and drawer kicks.
Anything it does not know is reported, so a stray byte cannot hide.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image

EPSON_CODE_PAGES = {0: "cp437", 2: "cp850", 5: "cp865", 16: "cp1252", 19: "cp858"}
BARCODE_TYPES = {
    0: "UPC-A",
    2: "EAN13",
    3: "EAN8",
    4: "CODE39",
    65: "UPC-A",
    67: "EAN13",
    68: "EAN8",
    69: "CODE39",
    73: "CODE128",
}
ESC, GS, DLE, FS, LF = 0x1B, 0x1D, 0x10, 0x1C, 0x0A
ESC_ONE_ARG = b"!EaM-{dt3JGRV "
ESC_NO_ARG = b"2"
GS_ONE_ARG = b"!bBhwfHa"


@dataclass
class Line:
    text: str = ""
    bold: bool = False
    width: int = 1
    height: int = 1
    align: int = 0


@dataclass
class Page:
    """What lies between two cuts."""

    lines: list[Line] = field(default_factory=list)
    barcodes: list[tuple[str, str]] = field(default_factory=list)
    qr_codes: list[str] = field(default_factory=list)
    images: list[Image.Image] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def line_with(self, fragment: str) -> Line:
        return next(line for line in self.lines if fragment in line.text)


@dataclass
class Decoded:
    pages: list[Page] = field(default_factory=lambda: [Page()])
    cuts: int = 0
    drawer_kicks: list[int] = field(default_factory=list)
    status_requests: list[int] = field(default_factory=list)
    code_pages: list[int] = field(default_factory=list)
    inits: int = 0
    unknown: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.pages)

    @property
    def printed_pages(self) -> list[Page]:
        return [p for p in self.pages if p.lines or p.barcodes or p.qr_codes or p.images]


class Decoder:
    def __init__(self, data: bytes, code_pages: dict[int, str] | None = None) -> None:
        self.data = data
        self.pos = 0
        self.code_pages = code_pages or EPSON_CODE_PAGES
        self.out = Decoded()
        self.line = Line()
        self._reset()
        self.qr_store = ""

    def _reset(self) -> None:
        self.slot, self.bold, self.width, self.height, self.align = 0, False, 1, 1, 0
        self.pending = bytearray()

    # -- helpers -----------------------------------------------------------------------------
    def take(self, count: int = 1) -> bytes:
        chunk = self.data[self.pos : self.pos + count]
        if len(chunk) < count:
            raise ValueError(f"truncated command at byte {self.pos}")
        self.pos += count
        return chunk

    def flush_text(self) -> None:
        if self.pending:
            codec = self.code_pages.get(self.slot)
            if codec is None:
                self.out.unknown.append(f"text in unknown code page slot {self.slot}")
                codec = "latin-1"
            if not self.line.text:
                self.line.bold, self.line.align = self.bold, self.align
                self.line.width, self.line.height = self.width, self.height
            self.line.text += bytes(self.pending).decode(codec)
            self.pending = bytearray()

    def end_line(self) -> None:
        self.flush_text()
        self.page.lines.append(self.line)
        self.line = Line()

    @property
    def page(self) -> Page:
        return self.out.pages[-1]

    # -- the walk ----------------------------------------------------------------------------
    def run(self) -> Decoded:
        while self.pos < len(self.data):
            byte = self.take()[0]
            if byte == LF:
                self.end_line()
            elif byte == ESC:
                self.flush_text()
                self.esc(self.take()[0])
            elif byte == GS:
                self.flush_text()
                self.gs(self.take()[0])
            elif byte == DLE:
                self.flush_text()
                if self.take()[0] != 0x04:
                    self.out.unknown.append("DLE ?")
                self.out.status_requests.append(self.take()[0])
            elif byte < 0x20 or byte == 0x7F:
                self.out.unknown.append(f"control byte {byte:#04x}")
            else:
                self.pending.append(byte)
        self.flush_text()
        if self.line.text:
            self.end_line()
        return self.out

    def esc(self, cmd: int) -> None:
        if cmd == ord("@"):
            self.out.inits += 1
            self._reset()
        elif cmd == ord("p"):
            pin, _on, _off = self.take(3)
            self.out.drawer_kicks.append(2 if pin in (0, 48) else 5)
        elif cmd in ESC_NO_ARG:
            pass
        elif cmd in ESC_ONE_ARG:
            arg = self.take()[0]
            if cmd == ord("t"):
                self.slot = arg
                self.out.code_pages.append(arg)
            elif cmd == ord("!"):
                self.bold = bool(arg & 0x08)
                self.height = 2 if arg & 0x10 else 1
                self.width = 2 if arg & 0x20 else 1
            elif cmd == ord("E"):
                self.bold = bool(arg & 1)
            elif cmd == ord("a"):
                self.align = arg % 48
            elif cmd == ord("d"):
                for _ in range(arg):
                    self.end_line()
        else:
            self.out.unknown.append(f"ESC {chr(cmd)!r}")

    def gs(self, cmd: int) -> None:
        if cmd == ord("V"):
            mode = self.take()[0]
            if mode in (65, 66):
                self.take()
            self.cut()
        elif cmd == ord("k"):
            self.barcode(self.take()[0])
        elif cmd == ord("("):
            self.gs_paren(self.take()[0])
        elif cmd == ord("v"):
            self.raster()
        elif cmd in GS_ONE_ARG:
            arg = self.take()[0]
            if cmd == ord("!"):
                self.width, self.height = (arg >> 4) + 1, (arg & 0x0F) + 1
        else:
            self.out.unknown.append(f"GS {chr(cmd)!r}")

    def cut(self) -> None:
        if self.line.text or self.pending:
            self.end_line()
        self.out.cuts += 1
        self.out.pages.append(Page())

    def barcode(self, kind: int) -> None:
        if kind <= 6:
            end = self.data.index(b"\x00", self.pos)
            raw = self.take(end - self.pos)
            self.take()
        else:
            raw = self.take(self.take()[0])
        name = BARCODE_TYPES.get(kind, f"type {kind}")
        text = decode_code128(raw) if name == "CODE128" else raw.decode("ascii")
        self.page.barcodes.append((name, text))

    def gs_paren(self, which: int) -> None:
        low, high = self.take(2)
        body = self.take(low + 256 * high)
        if which == ord("k") and body[0] == 49:  # QR
            if body[1] == 80:  # store the data
                self.qr_store = body[3:].decode("utf-8")
            elif body[1] == 81:  # print what is stored
                self.page.qr_codes.append(self.qr_store)
        elif which != ord("L"):
            self.out.unknown.append(f"GS ( {chr(which)!r}")

    def raster(self) -> None:
        if self.take() != b"0":
            self.out.unknown.append("GS v ?")
        _mode, xl, xh, yl, yh = self.take(5)
        width_bytes, height = xl + 256 * xh, yl + 256 * yh
        bits = self.take(width_bytes * height)
        image = Image.frombytes("1", (width_bytes * 8, height), bytes(b ^ 0xFF for b in bits))
        self.page.images.append(image)


def decode_code128(raw: bytes) -> str:
    """The data of an ESC/POS CODE128 payload: '{A'/'{B'/'{C' choose the code set."""
    out, code_set, i = [], None, 0
    while i < len(raw):
        if raw[i] == ord("{") and i + 1 < len(raw):
            marker = chr(raw[i + 1])
            if marker in "ABC":
                code_set, i = marker, i + 2
                continue
            if marker == "{":
                out.append("{")
                i += 2
                continue
        if code_set is None:
            raise ValueError("CODE128 data without a code set: the printer would print nothing")
        out.append(f"{raw[i]:02d}" if code_set == "C" else chr(raw[i]))
        i += 1
    return "".join(out)


def decode(data: bytes, code_pages: dict[int, str] | None = None) -> Decoded:
    return Decoder(data, code_pages).run()
