"""Scanner streams fuzzed (hypothesis): scans, typing, split and short bursts, garbage keys and
random serial bytes cut anyhow. Never a crash; a scan never lands in a field as typing, typing
never becomes a scan; garbage is ignored; how the port's reads split the bytes never matters."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import serial
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from ui.scanner.burst import BurstDetector, Scan, WedgeConfig
from ui.scanner.serial_reader import MAX_CODE_BYTES, FrameSplitter, SerialScanner, decode_frame
from ui.scanner.wedge_filter import WedgeScannerFilter

CONFIG = WedgeConfig(max_gap_s=0.05, min_length=6)
SCANNER_CHARS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ-"
fast = st.floats(0.001, 0.049)
slow = st.floats(0.051, 3.0)
codes = st.text(alphabet=SCANNER_CHARS, min_size=6, max_size=24)
typed_text = st.text(alphabet="0123456789,.abcæøå -", min_size=1, max_size=8)


@dataclass
class Stream:
    """Keys with their times, and what must come out: scans, and typing in order."""

    keys: list[tuple[float, str]] = field(default_factory=list)  # '\n' is Enter
    scans: list[str] = field(default_factory=list)
    typed: str = ""
    enters_typed: int = 0
    """Enters that end no scan: they reach the window (its Return shortcut)."""
    now: float = 0.0

    def press(self, gap: float, text: str) -> None:
        self.now += gap
        self.keys.append((self.now, text))


@st.composite
def streams(draw) -> Stream:  # type: ignore[no-untyped-def]
    out = Stream()
    for _ in range(draw(st.integers(1, 8))):
        out.now += draw(slow)  # a pause between the customer's actions
        kind = draw(st.sampled_from(["scan", "aim_scan", "crlf_scan", "typing", "split", "short"]))
        if kind in ("scan", "aim_scan", "crlf_scan"):
            code = draw(codes)
            sent = ("]E0" if kind == "aim_scan" else "") + code
            for char in sent:
                out.press(draw(fast), char)
            out.press(draw(fast), "\n")
            if kind == "crlf_scan":  # a scanner set to end with CR LF: both ends are the scan's
                out.press(draw(fast), "\n")
            out.scans.append(code)
        elif kind == "typing":
            text = draw(typed_text)
            for char in text:
                out.press(draw(slow), char)
            out.typed += text
        elif kind == "short":  # a burst too short to be a code: typing, and Enter reaches the field
            text = draw(st.text(alphabet=SCANNER_CHARS, min_size=1, max_size=5))
            for char in text:
                out.press(draw(fast), char)
            out.press(draw(fast), "\n")
            out.typed += text
            out.enters_typed += 1
        else:  # a scanner that stalls mid-code: the head is typing, the tail a scan if long enough
            code = draw(codes)
            cut = draw(st.integers(1, len(code) - 1))
            for index, char in enumerate(code):
                out.press(draw(slow) if index == cut else draw(fast), char)
            out.press(draw(fast), "\n")
            head, tail = code[:cut], code[cut:]
            if len(tail) >= CONFIG.min_length:
                out.typed, out.scans = out.typed + head, [*out.scans, tail]
            else:
                out.typed += code
                out.enters_typed += 1
    return out


def run_detector(stream: Stream) -> tuple[list[Scan], str]:
    """Drive the detector as the Qt filter does, its timer firing 1 ms after each deadline."""
    detector: BurstDetector[str] = BurstDetector(CONFIG)
    typed: list[str] = []
    scans: list[Scan] = []
    for now, text in stream.keys:
        deadline = detector.deadline()
        if deadline is not None and deadline + 0.001 < now:
            typed += detector.expire(deadline + 0.001)
        if text == "\n":
            scan, released = detector.end(now)
            typed += released
            if scan is not None:
                scans.append(scan)
        else:
            typed += detector.key(text, now, text)
    typed += detector.expire(stream.now + 1)
    return scans, "".join(typed)


@settings(max_examples=300)
@given(streams())
def test_the_burst_detector_tells_every_scan_from_typing(stream):
    scans, typed = run_detector(stream)
    assert [s.code for s in scans] == stream.scans
    assert typed == stream.typed


@given(st.lists(st.tuples(st.floats(0, 0.2), st.text(min_size=1, max_size=1)), max_size=60))
def test_any_key_timing_keeps_every_key_exactly_once(keys):
    """Whatever arrives and whenever: each key is either in exactly one scan or typed, in order."""
    detector: BurstDetector[int] = BurstDetector(CONFIG)
    now, out, scanned = 0.0, [], 0
    for index, (gap, text) in enumerate(keys):
        now += gap
        if text in "\r\n\t":
            scan, released = detector.end(now)
            out += released
            scanned += scan is not None
        else:
            out += detector.key(text, now, index)
    out += detector.release()
    assert out == sorted(out) and len(out) == len(set(out))
    assert scanned or len(out) == sum(1 for _, t in keys if t not in "\r\n\t")


# -- the Qt filter on a real field, keys as a scanner really sends them --------------------------
class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


GARBAGE_KEYS = [(Qt.Key.Key_Escape, "\x1b"), (Qt.Key.Key_F5, ""), (Qt.Key.Key_unknown, "\x01")]
SHIFT, ALTGR_X11 = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.GroupSwitchModifier
ALTGR_WINDOWS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
Held = tuple[tuple[Qt.Key, Qt.KeyboardModifier], ...]
LAYOUTS: dict[str, dict[str, Held]] = {
    # how each keyboard layout types a character: the modifier keys held for it
    "us": {},
    "nb-x11": {"]": ((Qt.Key.Key_AltGr, ALTGR_X11),)},
    "nb-windows": {"]": ((Qt.Key.Key_Control, Qt.KeyboardModifier.ControlModifier),
                         (Qt.Key.Key_Alt, ALTGR_WINDOWS))},
}  # fmt: skip


def modifier_keys(layout: str, char: str) -> Held:
    """The modifier presses before ``char`` (and released after it): Shift for capitals, AltGr
    (X11: its own key; Windows: Ctrl+Alt) for ']' on a Norwegian layout."""
    held = LAYOUTS[layout].get(char, ())
    return ((Qt.Key.Key_Shift, SHIFT), *held) if char.isupper() else held


def type_char(widget: QLineEdit, layout: str, char: str) -> None:
    """One character as X11 or Windows delivers it: modifier key presses, the key (with its
    ShortcutOverride first, as from the keyboard), the releases."""
    modifiers = Qt.KeyboardModifier.NoModifier
    pressed = modifier_keys(layout, char)
    for key, modifier in pressed:
        modifiers |= modifier
        QTest.keyPress(widget, key, modifiers)
    if char == "\n":
        QTest.keyClick(widget, Qt.Key.Key_Return, modifiers)
    else:  # the key and its text given apart: QTest's one-character form takes ASCII only
        key = Qt.Key(ord(char.upper())) if char.isascii() else Qt.Key.Key_unknown
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, key, char, modifiers)
    for key, modifier in reversed(pressed):
        modifiers &= ~modifier
        QTest.keyRelease(widget, key, modifiers)


@settings(
    max_examples=60,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    deadline=None,  # each example shows a window: on a loaded machine that alone takes 0.5 s
)
@given(
    stream=streams(),
    garbage=st.lists(st.sampled_from(GARBAGE_KEYS), max_size=4),
    layout=st.sampled_from(sorted(LAYOUTS)),
)
def test_the_wedge_filter_keeps_scans_out_of_the_amount_field(qapp, stream, garbage, layout):
    """Shift and AltGr around the keys never split a scan; a digit of a scan never fires a
    one-key shortcut; a scan's Enter never fires the Return shortcut, a typed Enter does."""
    window, amount = QWidget(), QLineEdit()
    QVBoxLayout(window).addWidget(amount)
    fired = {"digit": 0, "return": 0}
    for key, name in (("1", "digit"), ("Return", "return")):
        QShortcut(QKeySequence(key), window).activated.connect(
            lambda n=name: fired.__setitem__(n, fired[n] + 1)
        )
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    amount.setFocus()
    clock = FakeClock()
    wedge = WedgeScannerFilter(CONFIG, clock=clock)
    got: list[str] = []
    wedge.scanned.connect(lambda code, _aim: got.append(code))
    QApplication.instance().installEventFilter(wedge)  # type: ignore[union-attr]
    try:
        for index, (now, text) in enumerate(stream.keys):
            clock.now = now
            type_char(amount, layout, text)
            if index in range(len(garbage)) and text == "\n":  # between actions, not in a burst
                clock.now += 0.1
                _send(amount, *garbage[index])
        clock.now = stream.now + 1
        wedge.flush()
    finally:
        QApplication.instance().removeEventFilter(wedge)  # type: ignore[union-attr]
        window.close()
    assert got == stream.scans
    assert amount.text() == stream.typed
    assert fired == {"digit": 0, "return": stream.enters_typed}


def _filter_on(field: QLineEdit) -> tuple[WedgeScannerFilter, FakeClock, list[str], list[str]]:
    clock = FakeClock()
    wedge = WedgeScannerFilter(CONFIG, clock=clock, parent=field)
    scans: list[str] = []
    garbled: list[str] = []
    wedge.scanned.connect(lambda code, _aim: scans.append(code))
    wedge.garbled.connect(garbled.append)
    QApplication.instance().installEventFilter(wedge)  # type: ignore[union-attr]
    return wedge, clock, scans, garbled


def _composed(widget: QLineEdit, text: str) -> None:
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)


def test_a_dead_key_in_a_burst_refuses_the_scan_and_types_nothing(qapp):
    """A US-layout scanner on a Norwegian PC: its ']' of ']E0' is a dead key there, and the
    input method composes the next key ('Ë'); the rest is digits. Not a code, not typing."""
    field = QLineEdit()
    wedge, clock, scans, garbled = _filter_on(field)
    try:
        for step, send in enumerate(
            [
                lambda: _send(field, Qt.Key.Key_Dead_Diaeresis, ""),  # no input method
                *[lambda c=c: _send(field, Qt.Key(ord(c)), c) for c in "7038010001659"],
                lambda: _send(field, Qt.Key.Key_Return, "\r"),
                lambda: _composed(field, "Ë"),  # with the compose input method
                *[lambda c=c: _send(field, Qt.Key(ord(c)), c) for c in "7038010001659"],
                lambda: _send(field, Qt.Key.Key_Return, "\r"),
            ]
        ):
            clock.now = step * 0.005
            send()
        wedge.flush()
    finally:
        QApplication.instance().removeEventFilter(wedge)  # type: ignore[union-attr]
    assert scans == [] and garbled == ["7038010001659", "Ë7038010001659"]
    assert field.text() == ""


def test_a_composed_character_typed_by_hand_reaches_the_field(qapp):
    field = QLineEdit()
    wedge, clock, scans, garbled = _filter_on(field)
    try:
        for step, send in enumerate(
            [lambda: _send(field, Qt.Key.Key_C, "C"), lambda: _send(field, Qt.Key.Key_A, "a"),
             lambda: _send(field, Qt.Key.Key_F, "f"), lambda: _composed(field, "é"),
             lambda: _send(field, Qt.Key.Key_Return, "\r")]
        ):  # fmt: skip
            clock.now = step * 0.2
            send()
        wedge.flush()
    finally:
        QApplication.instance().removeEventFilter(wedge)  # type: ignore[union-attr]
    assert (scans, garbled, field.text()) == ([], [], "Café")


def test_a_scanner_ending_with_cr_lf_as_ctrl_j_presses_nothing_after_the_scan(qapp):
    field = QLineEdit()
    wedge, clock, scans, garbled = _filter_on(field)
    typed_after: list[str] = []
    field.returnPressed.connect(lambda: typed_after.append("enter"))
    try:
        for step, char in enumerate("R232223W"):
            clock.now = step * 0.004
            _send(field, Qt.Key(ord(char)), char)
        clock.now += 0.004
        _send(field, Qt.Key.Key_Return, "\r")
        clock.now += 0.004
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(
                field, QKeyEvent(kind, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier, "\n")
            )
        clock.now += 1
        _send(field, Qt.Key.Key_Return, "\r")  # a person's Enter later reaches the field
    finally:
        QApplication.instance().removeEventFilter(wedge)  # type: ignore[union-attr]
    assert (scans, garbled, field.text(), typed_after) == (["R232223W"], [], "", ["enter"])


@given(code=codes, stall_at=st.integers(1, 5), stall=st.floats(0.06, 0.9))
def test_a_busy_gui_thread_does_not_split_a_scan_whose_keys_carry_timestamps(
    qapp, code, stall_at, stall
):
    """Real key events carry the X server's (or Windows') time: a scan's keys pressed 6 ms
    apart stay one scan however late the GUI thread gets to them."""
    field = QLineEdit()
    wedge, clock, scans, _garbled = _filter_on(field)
    try:
        for index, char in enumerate([*code, "\r"]):
            clock.now += stall if index == stall_at else 0.001  # handled late, pressed on time
            key = Qt.Key.Key_Return if char == "\r" else Qt.Key(ord(char))
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
                event.setTimestamp(5_000_000 + 6 * index)
                QCoreApplication.sendEvent(field, event)
    finally:
        QApplication.instance().removeEventFilter(wedge)  # type: ignore[union-attr]
    assert scans == [code] and field.text() == ""


def _send(widget: QLineEdit, key: Qt.Key, text: str) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(
            widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
        )


# -- serial bytes ----------------------------------------------------------------------------
noise = st.binary(max_size=90) | st.text(alphabet=SCANNER_CHARS, min_size=60, max_size=90).map(
    str.encode
)  # printable noise longer than a code: its tail must not join the next code
serial_codes = st.text(alphabet=SCANNER_CHARS, min_size=1, max_size=20).map(str.encode)
eol = st.sampled_from([b"\r", b"\n", b"\r\n"])


@st.composite
def serial_streams(draw) -> bytes:  # type: ignore[no-untyped-def]
    parts = draw(
        st.lists(st.one_of(noise, st.tuples(serial_codes, eol).map(b"".join)), max_size=10)
    )
    return b"".join(parts)


@st.composite
def cuts(draw, data: bytes) -> list[bytes]:  # type: ignore[no-untyped-def]
    points = sorted(draw(st.sets(st.integers(1, max(1, len(data) - 1)), max_size=12)))
    bounds = [0, *[p for p in points if p < len(data)], len(data)]
    return [data[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def expected_codes(data: bytes) -> list[str]:
    """Frames between ends of line (the last, unterminated, one is not a code yet)."""
    frames = data.replace(b"\r", b"\n").split(b"\n")[:-1]
    return [c for f in frames if len(f) <= MAX_CODE_BYTES and (c := decode_frame(f))]


@settings(max_examples=300)
@given(st.data())
def test_however_the_reads_split_the_bytes_the_same_codes_come_out(data):
    stream = data.draw(serial_streams())
    splitter = FrameSplitter()
    frames = [f for chunk in data.draw(cuts(stream)) for f in splitter.feed(chunk)]
    assert [c for f in frames if (c := decode_frame(f))] == expected_codes(stream)


def test_noise_longer_than_a_code_never_glues_onto_the_next_code():
    stream = b"A" * 70 + b"7038010001659\r" + b"2000123004509\r"
    one_by_one = FrameSplitter()
    frames = [f for i in range(len(stream)) for f in one_by_one.feed(stream[i : i + 1])]
    assert [decode_frame(f) for f in frames] == ["2000123004509"]


class ScriptedPort:
    """What pyserial would hand the reader: the chunks, then silence (a read timeout)."""

    def __init__(self, chunks: list[bytes]) -> None:
        self.chunks = list(chunks)
        self.drained = threading.Event()
        self.in_waiting = 0

    def read(self, _size: int) -> bytes:
        if self.chunks:
            return self.chunks.pop(0)
        self.drained.set()
        return b""

    def cancel_read(self) -> None:
        pass

    def close(self) -> None:
        pass


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_the_serial_reader_thread_delivers_only_the_codes(qtbot, data):
    stream = data.draw(serial_streams())
    port = ScriptedPort(data.draw(cuts(stream)))
    opened: list[ScriptedPort] = []

    def opener(_url: str, **_settings: object) -> ScriptedPort:
        if opened:
            raise serial.SerialException("already read")
        opened.append(port)
        return port

    scanner = SerialScanner("scripted://", retry_s=0.01, opener=opener)
    got: list[str] = []
    scanner.scanned.connect(got.append)
    scanner.start()
    try:
        assert port.drained.wait(5)
    finally:
        scanner.stop()
    want = expected_codes(stream)
    qtbot.waitUntil(lambda: len(got) >= len(want), timeout=2000)
    QCoreApplication.processEvents()  # anything still queued from the reader thread
    assert got == want
