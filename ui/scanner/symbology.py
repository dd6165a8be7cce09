"""What a scanner sent, for the "test scan" of the back office: every byte, and which symbology
the code is (from its AIM identifier, else from its length and check digit). No Qt here."""

from __future__ import annotations

from dataclasses import dataclass

from pos.identifiers import is_valid_gtin
from ui.scanner.burst import strip_framing

AIM_NAMES = {
    "]E0": "EAN-13 / UPC-A",
    "]E4": "EAN-8",
    "]C0": "CODE128",
    "]C1": "GS1-128",
    "]A0": "CODE39",
    "]I0": "ITF",
    "]Q1": "QR",
    "]d1": "DataMatrix",
    "]d2": "GS1 DataMatrix",
}
CONTROL_NAMES = {0x0D: "CR (Enter)", 0x0A: "LF", 0x09: "TAB", 0x02: "STX", 0x03: "ETX"}


@dataclass(frozen=True)
class SentByte:
    value: int
    gap_ms: float | None = None
    """Pause since the previous key (keyboard wedge only)."""

    @property
    def hex(self) -> str:
        return f"{self.value:02X}"

    @property
    def shown(self) -> str:
        if self.value in CONTROL_NAMES:
            return CONTROL_NAMES[self.value]
        return chr(self.value) if 0x20 <= self.value < 0x7F else "·"


@dataclass(frozen=True)
class ScanAnalysis:
    sent: tuple[SentByte, ...]
    code: str
    """The code as the till uses it (prefix, AIM id and line end removed)."""
    aim: str
    symbology: str
    reason: str
    """How the symbology was found: 'AIM id', 'length and check digit', or a guess."""
    check_digit_ok: bool | None
    """For EAN/UPC codes: whether the GS1 check digit holds; None for other symbologies."""


def analyse(sent: bytes, gaps_ms: list[float] | None = None, prefix: str = "") -> ScanAnalysis:
    """Describe one scan from its raw bytes (and, for a wedge, the pause before each key)."""
    gaps: list[float | None] = list(gaps_ms) if gaps_ms else [None] * len(sent)
    bytes_sent = tuple(SentByte(b, gaps[i] if i < len(gaps) else None) for i, b in enumerate(sent))
    text = sent.decode("latin-1").strip("\r\n\t\x00")
    scan = strip_framing(text, prefix)
    code = scan.code
    gtin = code.isdigit() and len(code) in (8, 12, 13)
    check = is_valid_gtin(code.zfill(13) if len(code) == 12 else code) if gtin else None
    if scan.symbology:
        name = AIM_NAMES.get(scan.symbology, f"AIM {scan.symbology}")
        return ScanAnalysis(bytes_sent, code, scan.symbology, name, "AIM id", check)
    if gtin and check:
        name = {13: "EAN-13", 12: "UPC-A", 8: "EAN-8"}[len(code)]
        if len(code) == 13 and code.startswith("2"):
            name += " (in-store, prefix 2)"
        return ScanAnalysis(bytes_sent, code, "", name, "length and check digit", True)
    if gtin:
        return ScanAnalysis(bytes_sent, code, "", "EAN/UPC?", "wrong check digit", False)
    return ScanAnalysis(bytes_sent, code, "", "CODE128 or CODE39", "guess: no AIM id", None)
