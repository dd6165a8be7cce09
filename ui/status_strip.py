"""The strip always on top: who is logged in, register, tenants in the basket, training mode,
printer state, how many events are not yet synced, and a clock over two minutes from the
central server's. The printer state is a button: failed
print jobs are shown there and retried from there (click, or Ctrl+Shift+P). When the strip
starts or stops saying the counter is offline or its clock is off, the support log says so
too: what the staff were shown, and when."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pos.model.clock_skew import skew_span, skewed
from ui.receipt_output import PrinterState
from ui.two_ends_layout import TwoEndsLayout

log = logging.getLogger(__name__)

PRINT_JOBS_KEY = "Ctrl+Shift+P"
"""Not Ctrl+P: the back-office pages print with that (two window shortcuts on one key fire
neither)."""


class StatusStrip(QWidget):
    print_jobs_requested = Signal()
    """The printer state was clicked: show the failed print jobs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusStrip")
        self.user = QLabel(self)
        self.register = QLabel(self)
        self.tenants = QLabel(self)
        self.training = QLabel(self)
        self.printer = QPushButton(self)
        self.printer.setObjectName("printerState")
        self.printer.setFlat(True)
        self.printer.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.printer.setCursor(Qt.CursorShape.PointingHandCursor)
        self.printer.clicked.connect(self.print_jobs_requested.emit)
        self.unsynced = QLabel(self)
        self.clock = QLabel(self)
        self.clock.setObjectName("clockSkew")
        self.clock.setWordWrap(True)
        self.clock.hide()  # a line of its own under the strip: the strip is full at 1024 px
        self._logged_online: bool | None = None
        self._logged_clock = ""
        who = QHBoxLayout()
        who.setContentsMargins(0, 0, 0, 0)
        for label in (self.user, self.register, self.tenants, self.training):
            who.addWidget(label)
        who.addStretch(1)
        devices = QHBoxLayout()
        devices.setContentsMargins(0, 0, 0, 0)
        devices.addWidget(self.printer)
        devices.addWidget(self.unsynced)
        row = TwoEndsLayout()  # printer and sync on a line of their own when both do not fit
        row.setContentsMargins(8, 4, 8, 4)
        row.addItem(who)
        row.addItem(devices)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(row)
        layout.addWidget(self.clock)
        self.setStyleSheet("QLabel { padding: 2px 10px; font-size: 14px; }")

    def show_state(
        self,
        *,
        user: str | None,
        register: str,
        tenant_count: int,
        training: bool,
        printer: PrinterState,
        unsynced: int,
        online: bool | None = None,
        sync_problems: int = 0,
        clock_offset_ms: int | None = None,
    ) -> None:
        """``online`` is None when the counter is not enrolled with a central server;
        ``clock_offset_ms`` is the server's time minus this counter's, as last measured."""
        self.user.setText(user or self.tr("Not logged in"))
        self.register.setText(register)
        self.show_tenant_count(tenant_count)
        self.training.setText(self.tr("TRAINING") if training else "")
        self.training.setStyleSheet(
            "background: #ff6f00; color: white; font-weight: bold;" if training else ""
        )
        self.show_printer(printer)
        text = self.tr("%1 not yet synced").replace("%1", str(unsynced))
        if online is not None:
            text = (self.tr("online") if online else self.tr("offline")) + " · " + text
        else:  # kept here until a manager enrols the counter (F1 → sync with the centre)
            text = self.tr("%1 waiting (no server)").replace("%1", str(unsynced))
        if sync_problems:
            text += " · " + self.tr("%1 sync problems").replace("%1", str(sync_problems))
        self.unsynced.setText(text)
        self.unsynced.setStyleSheet("color: #b71c1c;" if sync_problems or online is False else "")
        self._log_online(online, unsynced)
        self.show_clock(clock_offset_ms)

    def _log_online(self, online: bool | None, unsynced: int) -> None:
        """Going offline, and back online after it, in the support log (once each)."""
        if online is None or online == self._logged_online:
            return
        if not online:
            log.warning("status strip: offline, %d not yet synced", unsynced)
        elif self._logged_online is False:
            log.info("status strip: online again, %d not yet synced", unsynced)
        self._logged_online = online

    def show_clock(self, offset_ms: int | None) -> None:
        """Over two minutes from the server: how far, and which way (before the next sale)."""
        self._log_clock(offset_ms)
        if not skewed(offset_ms):
            self.clock.hide()
            return
        assert offset_ms is not None
        text = (
            self.tr("Clock %1 behind the server")
            if offset_ms > 0
            else self.tr("Clock %1 ahead of the server")
        )
        self.clock.setText(
            text.replace("%1", self.span(abs(offset_ms)))
            + " – "
            + self.tr("set the PC's date and time right (receipts and the journal carry it)")
        )
        self.clock.setStyleSheet(
            "background: #b71c1c; color: white; font-weight: bold; padding: 2px 10px;"
        )
        self.clock.show()

    def _log_clock(self, offset_ms: int | None) -> None:
        """The clock warning in the support log when it appears, changes or goes."""
        said = ""
        if skewed(offset_ms):
            assert offset_ms is not None
            way = "behind" if offset_ms > 0 else "ahead of"
            said = f"{round(abs(offset_ms) / 60_000)} min {way}"
        if said == self._logged_clock:
            return
        if said:
            log.warning("status strip: this PC's clock is %s the central server's", said)
        else:
            log.info("status strip: the clock is within two minutes of the server's again")
        self._logged_clock = said

    def span(self, ms: int) -> str:
        n, unit = skew_span(ms)  # the command line's rule too
        if unit == "minutes":
            return self.tr("%1 min").replace("%1", str(n))
        if unit == "hours":
            return self.tr("%1 h").replace("%1", str(n))
        return self.tr("%n days", "", n)

    def show_printer(self, printer: PrinterState) -> None:
        text = self.tr("Printer: %1").replace("%1", self._printer_text(printer))
        if printer.failed:
            text += f" · {PRINT_JOBS_KEY}"
        self.printer.setText(text)
        tip = self.tr("Failed print jobs: show and retry (%1)").replace("%1", PRINT_JOBS_KEY)
        if printer.untried:
            tip = self.tr("Nothing has been printed yet and the printer has not answered.")
            tip += "\n" + self.tr("Failed print jobs: show and retry (%1)").replace(
                "%1", PRINT_JOBS_KEY
            )
        self.printer.setToolTip(tip)
        colour = (
            "" if printer.ready else "color: #5f6368;" if printer.untried else "color: #b71c1c;"
        )
        weight = "font-weight: bold; text-decoration: underline;" if printer.failed else ""
        self.printer.setStyleSheet(
            f"QPushButton {{ {colour} {weight} border: none; padding: 2px 10px; font-size: 14px; }}"
        )

    def _printer_text(self, printer: PrinterState) -> str:
        if printer.waiting:
            count = len(printer.waiting)
            if count == 1:
                return self.tr("receipt %1 not printed").replace("%1", printer.waiting[0])
            return self.tr("%1 receipts not printed").replace("%1", str(count))
        if printer.failed == 1:
            return self.tr("1 failed print job")
        if printer.failed:
            return self.tr("%1 failed print jobs").replace("%1", str(printer.failed))
        if printer.text == "no printer":
            return self.tr("No printer")
        if printer.text == "ready":
            return self.tr("ready")
        if printer.untried:
            return self.tr("unknown")
        if printer.text == "offline":
            return self.tr("not answering")
        return printer.text

    def show_tenant_count(self, tenant_count: int) -> None:
        self.tenants.setText(self.tr("Tenants in basket: %1").replace("%1", str(tenant_count)))
