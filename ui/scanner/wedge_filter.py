"""The keyboard-wedge scanner as an application-wide event filter: a scan is recognised wherever
focus is, and its keys never reach the focused widget (so never an amount field).

What a real scanner sends through X11 or Windows, and how each is taken:
- Shift (capitals), AltGr (']' on a Norwegian layout), Caps/Num Lock: modifier keys with no
  text. They pass untouched and neither end a burst nor restart its clock.
- Text keys: held while a burst may be forming. Their ShortcutOverride is accepted so a
  one-key shortcut (the menu's digits) never fires from inside a scan.
- Any other key (F2, Ctrl+1, Esc ...) and a mouse press: the held keys are typing after all
  and reach their widget first, before the key's shortcut or the click acts on that field's
  text (an amount typed fast and then the card key).
- Enter/Tab after a burst: the scan; its ShortcutOverride is accepted too, so a button with
  the Return shortcut (the repair board's "Open ticket") cannot act on a stale selection.
  Enter or Ctrl+Enter after typing: the held keys reach their field before its shortcut
  (register an item) reads it — a price typed briskly keeps its last digit.
  A second line end right after (CR LF) is eaten with it.
- A dead key, or a character an input method composed (``QInputMethodEvent``): the
  scanner's layout is not the PC's. A burst with one is reported as ``garbled``, not typed.

Gaps are measured between the keys' own timestamps (from the X server or Windows) where they
have one, so a GUI thread busy for a moment (a sale being written) can neither stretch a scan's
gaps into typing nor squeeze typing handled after it into a scan; the gap timer always waits
one more turn of the event loop for keys already queued behind it, and for keys with a time of
their own a little longer (``IN_FLIGHT_S``), before it calls what it holds typing. Synthetic
events (QTest) have no timestamp and are timed by the injectable clock.

A scan's first keys can still come a gap too late on a busy PC (the X server or the scanner's
input thread held up for a moment): they reach the focused field as typing and the rest of the
burst is a scan of its own. While ``scanned`` is emitted, ``typed_before`` names the keys that
a too-long gap alone released as typing just before the burst (``JOIN_S``), and where they
went, so the place that takes scans can try them joined with the scan before refusing it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from ui.scanner.burst import BurstDetector, Scan, WedgeConfig

_TERMINATORS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab})
_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Hyper_L,
        Qt.Key.Key_Hyper_R,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_ScrollLock,
        Qt.Key.Key_Mode_switch,
    }
)
_DEAD_KEYS = range(Qt.Key.Key_Dead_Grave.value, Qt.Key.Key_Dead_Longsolidusoverlay.value + 1)
RESYNC_S = 1.0
"""Keys handled this much later than the quickest ever are taken as a new time base (the X
server restarted, or its 32-bit millisecond clock wrapped), not as a 1 s stall."""
IN_FLIGHT_S = 0.15
"""How much longer the gap timer waits for keys that carry their own time before it calls the
held keys typing: on a busy PC the next key of a scan may still be on its way from the X server
when our clock says the gap is over. Its own time decides once it arrives; only the last keys a
person typed before pausing reach their field this much later."""
JOIN_S = 0.5
"""A burst this soon after keys a gap released as typing may have lost its start to them: no
one types a few keys and fires a scanner within half a second."""
_CONTROL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier
_META = Qt.KeyboardModifier.MetaModifier


@dataclass(frozen=True)
class HeldKey:
    target: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    composed: bool = False
    """An input method's commit string (replayed as a QInputMethodEvent), not a key."""


@dataclass(frozen=True)
class TypedBefore:
    """Keys released as typing by a gap alone, just before a scan's burst: perhaps its start."""

    target: QWidget
    text: str


def is_command(modifiers: Qt.KeyboardModifier) -> bool:
    """Ctrl, Alt or Meta make a key a command (a shortcut), not text. Ctrl and Alt together
    with text are AltGr as Windows reports it ('@' on a Norwegian keyboard)."""
    if modifiers & _META:
        return True
    ctrl, alt = bool(modifiers & _CONTROL), bool(modifiers & _ALT)
    return ctrl != alt


def is_text(event: QKeyEvent) -> bool:
    text = event.text()
    return bool(text) and text.isprintable() and not is_command(event.modifiers())


class WedgeScannerFilter(QObject):
    """Install on the QApplication. Holds text keys for at most ``max_gap_s`` to see whether a
    burst is forming; replays them to their widget when it is only typing."""

    scanned = Signal(str, str)
    """A scan was recognised: (code, AIM symbology id or '')."""
    garbled = Signal(str)
    """A burst ended like a scan but came through a keyboard layout that differs from the
    scanner's: (what arrived). Nothing of it reached a field."""

    def __init__(
        self,
        config: WedgeConfig | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._detector: BurstDetector[HeldKey] = BurstDetector(config or WedgeConfig())
        self._clock = clock
        self._replaying = False
        self._offset: float | None = None
        """Our clock minus the events' own time, at the quickest delivery seen."""
        self._deferred = False
        self._stamped = False
        """The keys held carry their own time (a real keyboard, not a synthetic event)."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_gap)
        self.enabled = True
        self.typed_before: TypedBefore | None = None
        """Only while ``scanned`` is emitted: what a gap alone released as typing just before
        the scan's burst began (perhaps its first keys), else None."""
        self._gap_released: tuple[list[HeldKey], float] | None = None
        """The keys the last gap released as typing, and when the last of them was pressed."""
        self._burst_start: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if self._replaying or not self.enabled or not isinstance(watched, QWidget):
            return False
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            return self._shortcut_override(event)
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key_press(watched, event)
        if kind == QEvent.Type.InputMethod and isinstance(event, QInputMethodEvent):
            return self._composed(watched, event)
        if kind == QEvent.Type.MouseButtonPress and self._detector.pending:
            self._release_typing()
        return False

    def _event_time(self, event: QKeyEvent) -> float:
        """When the key was pressed, on our clock: its own timestamp where it has one.

        Its timestamp plus the smallest delay a key has taken to reach us. When a key comes
        quicker than any before (the app is catching up after a busy moment), that delay
        shrinks and the times of the keys held so far move with it: keys typed 80 ms apart
        but handled one after the other after a stall stay 80 ms apart, never a scan."""
        now = self._clock()
        stamp = event.timestamp()
        self._stamped = bool(stamp)
        if not stamp:
            return now
        pressed = stamp / 1000
        offset = now - pressed
        if self._offset is None or offset - self._offset > RESYNC_S:
            self._offset = offset  # the first key, or a new time base (the X server restarted)
        elif offset < self._offset:
            self._rebase(offset - self._offset)
            self._offset = offset
        return pressed + self._offset

    def _rebase(self, shift: float) -> None:
        self._detector.rebase(shift)
        if self._burst_start is not None:
            self._burst_start += shift
        if self._gap_released is not None:
            keys, last = self._gap_released
            self._gap_released = keys, last + shift

    def _last_pressed(self) -> float | None:
        deadline = self._detector.deadline()
        return None if deadline is None else deadline - self._detector.config.max_gap_s

    def _shortcut_override(self, event: QKeyEvent) -> bool:
        """Claim the key for the focused widget, so it comes as a KeyPress and no shortcut
        fires: every text key, and a line end that ends a scan."""
        key, now = event.key(), self._event_time(event)
        if key in _TERMINATORS or self._is_line_feed(event):
            claim = self._detector.ends_as_scan(now) or self._detector.is_suffix_tail(now)
            if not claim:  # typing then Enter or Ctrl+Enter: its shortcut reads the whole field
                self._release_typing()
        else:
            claim = is_text(event)
            if not claim and key not in _MODIFIER_KEYS and key not in _DEAD_KEYS:
                self._release_typing()  # before the shortcut reads the field
        if claim:
            event.accept()
        return claim

    def _key_press(self, watched: QWidget, event: QKeyEvent) -> bool:
        key, now = event.key(), self._event_time(event)
        if key in _TERMINATORS and not is_command(event.modifiers()):
            return self._line_end(now)
        if self._is_line_feed(event) and self._detector.is_suffix_tail(now):
            return True
        if key in _MODIFIER_KEYS:
            return False
        if key in _DEAD_KEYS:
            return self._hold(HeldKey(watched, key, event.modifiers(), ""), now, garbled=True)
        if not is_text(event):
            self._release_typing()
            return False
        return self._hold(HeldKey(watched, key, event.modifiers(), event.text()), now)

    def _composed(self, watched: QWidget, event: QInputMethodEvent) -> bool:
        """A dead key and the next key came as one composed character ('Ë' from ']E')."""
        if event.preeditString() or not event.commitString():
            self._release_typing()  # a real input method at work: typing
            return False
        held = HeldKey(watched, 0, Qt.KeyboardModifier.NoModifier, event.commitString(), True)
        return self._hold(held, self._clock(), garbled=True)

    def _hold(self, held: HeldKey, now: float, *, garbled: bool = False) -> bool:
        starting, last = not self._detector.pending, self._last_pressed()
        released = self._detector.key(held.text, now, held, garbled=garbled)
        if released and last is not None:  # a gap alone: this key starts a burst of its own
            self._gap_released = released, last
        if starting or released:
            self._burst_start = now
        self._replay(released)
        self._deferred = False
        self._timer.start(self._gap_ms())
        return True

    def _gap_ms(self) -> int:
        wait = self._detector.config.max_gap_s + (IN_FLIGHT_S if self._stamped else 0.0)
        return max(1, round(wait * 1000) + 1)

    def _line_end(self, now: float) -> bool:
        if self._detector.is_suffix_tail(now):
            return True
        scan, released = self._detector.end(now)
        if scan is None:
            self._gap_released = None
            self._replay(released)
            return False
        self._timer.stop()
        self.typed_before = self._split_start()
        self._gap_released = None
        try:
            self._emit(scan)
        finally:
            self.typed_before = None
        self._detector.scan_handled(self._clock())
        return True

    def _split_start(self) -> TypedBefore | None:
        """The keys a gap alone released as typing just before this burst, if all went as
        text to one widget still there."""
        if self._gap_released is None or self._burst_start is None:
            return None
        keys, last = self._gap_released
        targets = {id(held.target) for held in keys}
        plain = all(held.text and not held.composed for held in keys)
        if len(targets) != 1 or not plain or not isValid(keys[0].target):
            return None
        if not 0 <= self._burst_start - last <= JOIN_S:
            return None
        return TypedBefore(keys[0].target, "".join(held.text for held in keys))

    def _emit(self, scan: Scan) -> None:
        if scan.garbled:
            self.garbled.emit(scan.symbology + scan.code)
        else:
            self.scanned.emit(scan.code, scan.symbology)

    @staticmethod
    def _is_line_feed(event: QKeyEvent) -> bool:
        """LF as a keyboard sends it: Ctrl+J."""
        return event.key() == Qt.Key.Key_J and bool(event.modifiers() & _CONTROL)

    def _on_gap(self) -> None:
        if not self._deferred:  # keys may be queued behind this timer (the GUI was busy)
            self._deferred = True
            self._timer.start(1)
            return
        in_flight = IN_FLIGHT_S if self._stamped else 0.0
        last = self._last_pressed()
        released = self._detector.expire(self._clock() - in_flight)
        if released and last is not None:
            self._gap_released = released, last
        if not released and self._detector.pending:  # the timer fired a little early
            self._timer.start(1)
        self._replay(released)

    def _release_typing(self) -> None:
        """The held keys are typing for certain (a key or click that is no scanner's)."""
        self._gap_released = None
        self._replay(self._detector.release())

    def _replay(self, keys: list[HeldKey]) -> None:
        self._replaying = True
        try:
            for held in keys:
                if not isValid(held.target):  # its dialog closed meanwhile
                    continue
                if held.composed:
                    composed = QInputMethodEvent("", [])
                    composed.setCommitString(held.text)
                    QCoreApplication.sendEvent(held.target, composed)
                    continue
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QCoreApplication.sendEvent(
                        held.target, QKeyEvent(kind, held.key, held.modifiers, held.text)
                    )
        finally:
            self._replaying = False

    def flush(self) -> None:
        """Hand any held keys to their widgets now (e.g. before a test reads a field)."""
        self._timer.stop()
        self._release_typing()


__all__ = ["Scan", "TypedBefore", "WedgeConfig", "WedgeScannerFilter"]
