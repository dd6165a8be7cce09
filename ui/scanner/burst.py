"""Telling a keyboard-wedge scanner from a person typing, by key timing alone (no Qt here).

A scanner "types" its code in a burst (gaps of ~1-16 ms) and ends it with Enter or Tab; a person
types much slower. Keys are held back while a burst may be forming; a gap longer than the
threshold, a non-text key or a too-short burst releases them as ordinary typing.

Only keys that make text count. Shift and AltGr (which a scanner presses for capitals and, on a
Norwegian layout, for ']' of an AIM id) never reach the detector: they neither end a burst nor
restart its clock. A dead key or a composed character in a burst means the scanner's keyboard
layout differs from the PC's, so what arrived is not what was printed: the burst is *garbled*.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

P = TypeVar("P")

AIM_PREFIX = "]"
"""AIM symbology identifiers are ']' + a letter + a digit, e.g. ']E0' for EAN-13."""


@dataclass(frozen=True)
class WedgeConfig:
    max_gap_s: float = 0.05
    """Longest pause between two keys of one scan (Odoo uses 50 ms; scanners ~8-16 ms)."""
    min_length: int = 6
    """Shortest code (after prefix and AIM id) taken as a scan; shorter bursts are typing."""
    prefix: str = ""
    """Optional prefix the scanner is programmed to send; stripped when present."""


@dataclass(frozen=True)
class Scan:
    code: str
    symbology: str = ""
    """The AIM symbology id the scanner sent (']E0', ']C0', ...), or '' if none."""
    garbled: bool = False
    """A dead key or a composed character came in the burst: the scanner's keyboard layout
    does not match the PC's, and ``code`` is not what the label says."""


def strip_framing(raw: str, prefix: str = "") -> Scan:
    """Remove a configured prefix and an AIM symbology id from what the scanner sent."""
    text = raw.strip()
    if prefix and text.startswith(prefix):
        text = text[len(prefix) :]
    symbology = ""
    if text.startswith(AIM_PREFIX) and len(text) >= 3 and text[1].isalpha():
        symbology, text = text[:3], text[3:]
    return Scan(text.strip(), symbology)


@dataclass
class BurstDetector(Generic[P]):
    """Buffers text keys with a payload each (for the Qt glue: the event to replay)."""

    config: WedgeConfig = field(default_factory=WedgeConfig)
    _pending: list[tuple[str, P]] = field(default_factory=list)
    _last: float | None = None
    _garbled: bool = False
    _scan_ended: float | None = None

    @property
    def pending(self) -> bool:
        return bool(self._pending)

    def deadline(self) -> float | None:
        """When the held keys become typing if no further key arrives."""
        return None if self._last is None else self._last + self.config.max_gap_s

    def key(self, text: str, now: float, payload: P, *, garbled: bool = False) -> list[P]:
        """Hold a key of the burst; returns what an overlong gap before it released as typing.

        ``garbled``: a dead key (``text`` empty) or a character an input method composed."""
        released = self.release() if self._too_late(now) else []
        self._pending.append((text, payload))
        self._last = now
        self._garbled = self._garbled or garbled
        self._scan_ended = None
        return released

    def rebase(self, shift: float) -> None:
        """The clock the key times are given in moved by ``shift`` seconds: the times held so
        far are moved with it, so a gap is always measured between two times of one clock."""
        if self._last is not None:
            self._last += shift
        if self._scan_ended is not None:
            self._scan_ended += shift

    def ends_as_scan(self, now: float) -> bool:
        """Whether Enter or Tab now would end a scan (and not reach the focused widget)."""
        return self._scan_in_pending() is not None and not self._too_late(now)

    def end(self, now: float) -> tuple[Scan | None, list[P]]:
        """Enter or Tab: a scan if the held keys form one, else the keys released as typing."""
        scan = None if self._too_late(now) else self._scan_in_pending()
        if scan is None:
            return None, self.release()
        self._pending.clear()
        self._last = None
        self._garbled = False
        self._scan_ended = now
        return scan, []

    def scan_handled(self, now: float) -> None:
        """The scan's handling ended at ``now``: a line end of its suffix still queued while it
        was handled counts from here, not from the scan's own Enter."""
        if self._scan_ended is not None:
            self._scan_ended = max(self._scan_ended, now)

    def is_suffix_tail(self, now: float) -> bool:
        """A second line end right after a scan (a scanner set to send CR LF, or Enter + Tab)
        belongs to that scan: it must not press a button in the window that got it."""
        return (
            not self._pending
            and self._scan_ended is not None
            and now - self._scan_ended <= self.config.max_gap_s
        )

    def expire(self, now: float) -> list[P]:
        """Release the held keys if the gap since the last one is over (timer callback)."""
        return self.release() if self._too_late(now) else []

    def release(self) -> list[P]:
        released = [payload for _, payload in self._pending]
        self._pending.clear()
        self._last = None
        self._garbled = False
        return released

    def _scan_in_pending(self) -> Scan | None:
        if not self._pending:
            return None
        scan = strip_framing("".join(text for text, _ in self._pending), self.config.prefix)
        if self._garbled:  # a layout mix-up: refused as a scan, never typed into a field
            long_enough = len(self._pending) >= self.config.min_length  # dead keys count
            return Scan(scan.code, scan.symbology, garbled=True) if long_enough else None
        return scan if len(scan.code) >= self.config.min_length else None

    def _too_late(self, now: float) -> bool:
        return self._last is not None and now - self._last > self.config.max_gap_s
