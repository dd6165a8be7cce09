"""A small writer over python-escpos's command builders (a ``Dummy`` printer) that every document
uses: the code page forced after each init, text made printable, hardware CODE128 with its code
set, QR, images, cut or tear line, drawer kick. The result is bytes for any transport.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pos.identifiers import is_valid_gtin
from printers.layout import Layout
from printers.text import encodes, printable, rule, two_columns, wrap

if TYPE_CHECKING:
    from PIL import Image

BARCODE_MODULE_DOTS = 2
"""Software barcodes are drawn with whole dots per module: crisp bars that scanners read."""


class EscposBuilder:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.columns = layout.columns
        from escpos.printer import Dummy  # loaded with the first document, not at start

        self._p: Any = Dummy(profile=layout.profile)
        self.init()

    # -- set-up ------------------------------------------------------------------------------
    def init(self) -> None:
        """ESC @ resets the printer's code page, so the Nordic page is chosen again every time.

        python-escpos 3.1 does not know ESC @ resets it: forcing it anew sends ``ESC t n``.
        """
        self._p.hw("INIT")
        self._p.magic.encoding = None
        self._p.charcode(self.layout.code_page)

    def output(self) -> bytes:
        return bytes(self._p.output)

    # -- text --------------------------------------------------------------------------------
    def _printable(self, text: str) -> str:
        return printable(text, self.layout.codec, self.layout.other_codecs)

    def _write(self, text: str) -> None:
        text = self._printable(text)
        main = self.layout.codec
        if all(encodes(char, main) for char in set(text)):
            self._p.text(text)
            return
        run: list[str] = []
        for char in text:
            if encodes(char, main):
                run.append(char)
                continue
            if run:
                self._p.text("".join(run))
                run = []
            self._other_page(char)
        if run:
            self._p.text("".join(run))

    def _other_page(self, char: str) -> None:
        """One character the Nordic page lacks, from the first page of the profile that has it
        (``ESC t`` there and back)."""
        page = next(
            p for p, c in zip(self.layout.other_pages, self.layout.other_codecs, strict=True)
            if encodes(char, c)
        )  # fmt: skip
        self._p.charcode(page)
        self._p.text(char)
        self._p.charcode(self.layout.code_page)

    def line(self, text: str = "", *, align: str = "left", bold: bool = False) -> None:
        if align != "left" or bold:
            self._p.set(align=align, bold=bold)
        self._write(text + "\n")
        if align != "left" or bold:
            self._p.set(align="left", bold=False)

    def lines(self, texts: list[str]) -> None:
        if texts:
            self._write("\n".join(texts) + "\n")

    def paragraph(self, text: str, *, align: str = "left") -> None:
        if align != "left":
            self._p.set(align=align)
        self.lines(wrap(self._printable(text), self.columns))
        if align != "left":
            self._p.set(align="left")

    def columns_line(self, left: str, right: str, *, bold: bool = False) -> None:
        left, right = self._printable(left), self._printable(right)
        if bold:
            self._p.set(bold=True)
        self.lines(two_columns(left, right, self.columns))
        if bold:
            self._p.set(bold=False)

    def big(self, text: str, *, align: str = "center") -> None:
        """Double width and height: twice the amount text, as §2-8 markings require (≥ 50 %)."""
        self._p.set(align=align, bold=True, double_width=True, double_height=True)
        self.lines(wrap(self._printable(text), self.columns // 2))
        self._p.set(align="left", bold=False, normal_textsize=True)

    def rule(self, char: str = "-") -> None:
        self._write(rule(self.columns, char) + "\n")

    def feed(self, count: int = 1) -> None:
        self._write("\n" * count)

    # -- codes and images --------------------------------------------------------------------
    def barcode128(self, data: str, *, height: int = 60) -> None:
        """CODE128 of ``data`` (printable ASCII), hardware when the profile can, else an image."""
        data = "".join(c for c in printable(data, "ascii") if " " <= c <= "~")
        if not data:
            return
        if self.layout.supports("barcodeB"):
            # Code set B prefix: without it the printer prints nothing and says nothing.
            self._p._hw_barcode(
                "{B" + data, "CODE128", height=height, width=2, function_type="B", align_ct=True
            )
        else:
            from barcode import Code128  # python-barcode, a python-escpos dependency

            self.image(_modules_image(Code128(data).build()[0], height), center=True)
            self.line(data, align="center")
        self._p.set(align="left")

    def item_barcode(self, code: str, *, height: int = 60) -> None:
        """An item's code: EAN-13 as EAN-13 (what every scanner reads), anything else CODE128."""
        if not (len(code) == 13 and is_valid_gtin(code)):
            self.barcode128(code, height=height)
        elif self.layout.supports("barcodeA"):
            self._p._hw_barcode(code, "EAN13", height=height, width=3, align_ct=True)
            self._p.set(align="left")
        else:
            from barcode import EAN13

            self.image(_modules_image(EAN13(code[:12]).build()[0], height), center=True)
            self.line(code, align="center")

    def qr(self, content: str, *, size: int = 5) -> None:
        if not content:
            return
        native = self.layout.supports("qrCode")
        self._p.set(align="center")
        self._p.qr(content, size=size, native=native, center=not native)
        self._p.set(align="left")

    def image(self, image: Image.Image, *, center: bool = True) -> None:
        """A 1-bit raster image (GS v 0), scaled down to the paper if wider."""
        width = self.layout.width_dots
        if image.width > width:
            image = image.resize((width, max(1, image.height * width // image.width)))
        self._p.image(image, center=center and self.layout.width_dots > 0)

    # -- paper handling and drawer -----------------------------------------------------------
    def cut(self) -> None:
        """Feed and cut; a printer without a cutter gets a tear line instead."""
        if self.layout.supports("paperPartCut") or self.layout.supports("paperFullCut"):
            self._p.cut(mode="PART")
        else:
            self.feed(2)
            self.rule("=")
            self.feed(3)

    def kick_drawer(self, pin: int = 2) -> None:
        """ESC p: the drawer wired to this printer opens (pin 2, the usual one)."""
        self._p.cashdraw(pin)


def _modules_image(modules: str, height: int) -> Image.Image:
    """Bars ('1') and spaces ('0') drawn with whole printer dots, with quiet zones."""
    from PIL import Image

    quiet = 10
    image = Image.new("1", ((len(modules) + 2 * quiet) * BARCODE_MODULE_DOTS, height), 1)
    pixels = image.load()
    assert pixels is not None
    for index, bit in enumerate(modules):
        if bit == "1":
            x0 = (index + quiet) * BARCODE_MODULE_DOTS
            for x in range(x0, x0 + BARCODE_MODULE_DOTS):
                for y in range(height):
                    pixels[x, y] = 0
    return image
