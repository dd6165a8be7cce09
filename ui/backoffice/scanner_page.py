"""Scanner settings and the test scan (manager): keyboard-wedge timing and prefix, the serial
port (used from the next start) and the refused-scan sound's volume (at once, with a test
sound). "Test scan" shows what the scanner sent, byte by byte (with the pause before each key
for a wedge), and which symbology it was."""

from __future__ import annotations

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from pos.services import devices
from ui.backoffice.page_parts import heading, message_line, say, sized
from ui.common import error_text, touch_button
from ui.pages import PageContext, PageWidget
from ui.scanner.key_recorder import KeyRecorder
from ui.scanner.serial_probe import read_frame
from ui.scanner.sound import RefusalSound
from ui.scanner.symbology import ScanAnalysis, analyse
from ui.scanner.targets import Refusal
from ui.tasks import TaskRunner

BAUD_RATES = (9600, 19200, 38400, 57600, 115200, 4800, 2400, 1200)


class ScannerPage(PageWidget):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.session = ctx.session
        io = ctx.extras.get("io_tasks")
        self.io_tasks = io if isinstance(io, TaskRunner) else TaskRunner(QThreadPool(), self)
        """Serial reads wait for a person: never on the database thread."""
        self.recorder = KeyRecorder(parent=self)
        self.testing = False
        self.max_gap = QSpinBox(self)
        self.max_gap.setRange(5, 500)
        self.max_gap.setSuffix(" ms")
        self.min_length = QSpinBox(self)
        self.min_length.setRange(1, 64)
        self.prefix = QLineEdit(self)
        self.serial_url = QLineEdit(self)
        self.serial_url.setPlaceholderText("/dev/ttyACM0, COM3, socket://host:port")
        self.baud = QComboBox(self)
        for rate in BAUD_RATES:
            self.baud.addItem(str(rate), rate)
        self.volume = QSpinBox(self)
        self.volume.setObjectName("refusalVolume")
        self.volume.setRange(0, 100)
        self.volume.setSingleStep(10)
        self.volume.setSuffix(" %")
        sound = ctx.extras.get("refusal_sound")
        self.sound = sound if isinstance(sound, RefusalSound) else RefusalSound(parent=self)
        sized(self.max_gap, self.min_length, self.prefix, self.serial_url, self.baud, self.volume)
        form = QFormLayout()
        form.addRow(self.tr("Longest pause between keys"), self.max_gap)
        form.addRow(self.tr("Shortest code"), self.min_length)
        form.addRow(self.tr("Prefix the scanner sends"), self.prefix)
        form.addRow(self.tr("Serial scanner port"), self.serial_url)
        form.addRow(self.tr("Baud rate"), self.baud)
        form.addRow(self.tr("Volume of the refused-scan sound"), self.volume)
        buttons = QHBoxLayout()
        for text, key, slot in (
            (self.tr("Save"), "Ctrl+S", self.save),
            (self.tr("Test scan"), "F5", self.start_test),
            (self.tr("Test serial scanner"), "F8", self.test_serial),
            (self.tr("Test sound"), "F9", self.test_sound),
        ):
            button = touch_button(text, self, key)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.result = QPlainTextEdit(self)
        self.result.setReadOnly(True)
        self.result.setStyleSheet("font-family: monospace; font-size: 14px;")
        self.message = message_line(self)
        layout = QVBoxLayout(self)
        layout.addLayout(heading(self, self.tr("Scanner")))
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.result, 1)

    def on_shown(self) -> None:
        saved = devices.scanner_settings(self.session.uow, self.session.register_id)
        self.max_gap.setValue(saved.max_gap_ms)
        self.min_length.setValue(saved.min_length)
        self.prefix.setText(saved.prefix)
        self.serial_url.setText(saved.serial_url)
        self.baud.setCurrentIndex(max(0, self.baud.findData(saved.baudrate)))
        self.volume.setValue(saved.refusal_volume)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self.recorder.stop()
        self.testing = False
        super().hideEvent(event)

    def settings(self) -> devices.ScannerSettings:
        return devices.ScannerSettings(
            self.max_gap.value(),
            self.min_length.value(),
            self.prefix.text(),
            self.serial_url.text().strip(),
            int(self.baud.currentData()),
            self.volume.value(),
        )

    def save(self) -> None:
        try:
            devices.save_scanner_settings(self.session.uow, self.session.context(), self.settings())
        except Exception as error:  # noqa: BLE001 - shown to the manager
            say(self.message, error_text(error), problem=True)
            return
        self.sound.set_volume(self.volume.value())
        say(
            self.message,
            self.tr("Scanner settings saved: the volume now, the rest from the next start."),
        )

    def test_sound(self) -> None:
        """The refused-scan sound at the volume shown (not saved yet)."""
        self.sound.play(self.volume.value())

    def start_test(self) -> None:
        """Listen: the next scan that reaches this page is shown byte by byte."""
        self.testing = True
        self.recorder.start()
        self.result.clear()
        say(self.message, self.tr("Scan a code now…"))

    def handle_scan(self, code: str) -> Refusal | None:
        if not self.testing:
            text = self.tr("Press Test scan (F5) first.")
            say(self.message, text, problem=True)
            return Refusal(text)
        raw, gaps = self.recorder.take()
        self.recorder.stop()
        self.testing = False
        self.show_analysis(
            analyse(raw or code.encode("latin-1", "replace"), gaps, self.prefix.text())
        )
        return None

    def test_serial(self) -> None:
        url = self.serial_url.text().strip()
        if not url:
            say(self.message, self.tr("Write the serial port first."), problem=True)
            return
        baud = int(self.baud.currentData())
        say(self.message, self.tr("Scan a code on the serial scanner now (10 s)…"))
        self.io_tasks.run(
            lambda: read_frame(url, baudrate=baud),
            lambda frame: self.show_analysis(analyse(frame, None, self.prefix.text())),
            lambda error: say(self.message, error_text(error), problem=True),
        )

    def show_analysis(self, found: ScanAnalysis) -> None:
        lines = [
            self.tr("Code: %1").replace("%1", found.code),
            self.tr("Symbology: %1 (%2)")
            .replace("%1", found.symbology)
            .replace("%2", found.reason),
        ]
        if found.aim:
            lines.append(self.tr("AIM id: %1").replace("%1", found.aim))
        if found.check_digit_ok is not None:
            lines.append(
                self.tr("Check digit: right")
                if found.check_digit_ok
                else self.tr("Check digit: WRONG")
            )
        lines.append("")
        lines.append(self.tr("byte  hex  character      pause"))
        for number, sent in enumerate(found.sent, start=1):
            pause = "" if sent.gap_ms is None else f"{sent.gap_ms:6.1f} ms"
            lines.append(f"{number:>4}  {sent.hex}   {sent.shown:<14} {pause}")
        self.result.setPlainText("\n".join(lines))
        slow = [
            s.gap_ms for s in found.sent if s.gap_ms is not None and s.gap_ms > self.max_gap.value()
        ]
        if slow:
            say(
                self.message,
                self.tr("Some pauses are longer than the setting: raise it."),
                problem=True,
            )
        else:
            say(self.message, self.tr("Scan read: %1.").replace("%1", found.symbology))
