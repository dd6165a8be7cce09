"""Where a scan goes, and making every refusal heard, seen and logged.

In order: the dialog in front, if it takes scans; a focused field that takes codes (a serial
number, a search box); a dialog that takes none refuses it; the page in front, if it takes
scans, else the page refuses it (a scan never throws someone out of a form); the sale screen.
A place takes a scan through ``handle_scan`` (see ``ui.scanner.targets``) and acts on its own
intent for the code; the router only delivers, and then sounds, shows and logs a refusal.

A wedge scan whose first keys a busy PC delayed into typing (``TypedBefore``) is tried joined
with them before it is refused: taken so, those keys leave the field they were typed into.
"""

from __future__ import annotations

import logging
import re
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLineEdit, QStackedWidget, QWidget
from shiboken6 import isValid

from ui.refusal_banner import RefusalBanner
from ui.scanner.routing import CodeKind, route_code
from ui.scanner.sound import RefusalSound
from ui.scanner.targets import Refusal, fill_code_field, focused_code_field
from ui.scanner.wedge_filter import TypedBefore

log = logging.getLogger(__name__)


class LoginScreen(Protocol):
    def refused(self, text: str) -> None: ...


class CounterWindow(Protocol):
    """What the router needs of the counter window (``ui.main_window.MainWindow``)."""

    @property
    def logged_in(self) -> bool: ...

    @property
    def login(self) -> LoginScreen: ...

    @property
    def stack(self) -> QStackedWidget: ...

    @property
    def sale(self) -> QWidget: ...


def loggable(code: str) -> str:
    """A code as the support log may show it: our own kinds in full; anything else only by
    its length and kind of characters (an unknown 8-digit number may be a phone number)."""
    routed = route_code(code)
    if routed.kind is CodeKind.INVALID:
        shape = "digits" if code.isdigit() else "characters"
        return f"<unreadable: {len(code)} {shape}>"
    return f"{routed.kind.value} {routed.code}"


def loggable_text(text: str, code: str) -> str:
    """A message about ``code`` as the support log may show it: a code the counter cannot read
    only by its length (wherever the message quotes it, as typed or as normalised, in any
    case); one of our own kinds as the person was told."""
    routed = route_code(code)
    if not code or routed.kind is not CodeKind.INVALID:
        return text
    quoted = {form for form in (code, code.strip(), routed.code) if form}
    pattern = "|".join(re.escape(form) for form in sorted(quoted, key=len, reverse=True))
    return re.sub(pattern, lambda _match: loggable(code), text, flags=re.IGNORECASE)


def place_name(widget: QObject) -> str:
    return widget.objectName() or type(widget).__name__


class ScanRouter(QObject):
    refused = Signal(str)
    """A scan was refused: (why, as the person was told)."""

    def __init__(self, window: CounterWindow, banner: RefusalBanner, sound: RefusalSound) -> None:
        super().__init__(banner)
        self.window = window
        self.banner = banner
        self.sound = sound

    def route(
        self, code: str, _symbology: str = "", typed_before: TypedBefore | None = None
    ) -> None:
        if typed_before is not None:
            code = self._whole_in_code_field(code, typed_before)
        place, refusal = self._deliver(code)
        if refusal is not None and typed_before is not None:
            joined = self._joined(code, typed_before)
            if joined is not None:
                log.info("scan %s joined with the keys typed just before it (alone: refused "
                         "by %s)", loggable(code), place)  # fmt: skip
                code, place, refusal = joined
        if refusal is None:
            log.info("scan %s taken at %s", loggable(code), place)
            return
        said = loggable_text(refusal.text, code)
        log.warning("scan %s refused at %s: %s", loggable(code), place, said)
        self.refuse(f"{code} – {refusal.text}")

    def _whole_in_code_field(self, code: str, before: TypedBefore) -> str:
        """A scan that will fill the focused code field, whose first keys went into that very
        field as typing: the whole code (the scan replaces what the field held anyway)."""
        field = focused_code_field()
        modal = QApplication.activeModalWidget()
        modal_takes = modal is not None and callable(getattr(modal, "handle_scan", None))
        if (
            not self.window.logged_in
            or field is None
            or field is not before.target
            or modal_takes
            or not field.text().endswith(before.text)
        ):
            return code
        whole = before.text + code
        log.info("scan %s joined with the keys typed just before it into its field",
                 loggable(whole))  # fmt: skip
        return whole

    def _joined(self, code: str, before: TypedBefore) -> tuple[str, str, None] | None:
        """The scan with its first keys back, if they went into a line edit still on the
        screen (its text ends with them) and the whole code is taken: the field loses them.
        Else nothing changes."""
        field = before.target
        if not self.window.logged_in or not isinstance(field, QLineEdit) or not isValid(field):
            return None
        if not field.isVisible():  # a screen that has given way since: not the scan's place
            return None
        text = field.text()
        if not text.endswith(before.text) or field.cursorPosition() != len(text):
            return None
        field.setText(text[: -len(before.text)])
        whole = before.text + code
        place, refusal = self._deliver(whole)
        if refusal is not None:
            field.setText(text)  # typed after all: left as it was
            return None
        return whole, place, None

    def garbled(self, arrived: str) -> None:
        """A burst that came through a keyboard layout other than the scanner's."""
        log.warning("scan garbled (scanner and PC keyboard layouts differ): %s", loggable(arrived))
        self.refuse(
            self.tr(
                "The scanner's keyboard layout does not match this PC's (it sent «%1»). "
                "Set the scanner to the PC's layout (see the user guide)."
            ).replace("%1", arrived)
        )

    def refuse(self, text: str, *, scan: bool = True) -> None:
        if self.window.logged_in:  # the login screen says it itself; the banner is the basket's
            self.banner.add(text, scan=scan)
        self.sound.play()
        self.refused.emit(text)

    def action_refused(self, text: str, code: str = "") -> None:
        """Something done at the sale screen (not a scan) was refused: heard and shown as a
        refused scan is. ``code``: the code typed by hand that was refused, if it was one."""
        if code:
            log.warning("typed %s refused at sale: %s", loggable(code),
                        loggable_text(text, code))  # fmt: skip
            text = f"{code} – {text}"
        else:
            log.warning("refused at sale: %s", text)
        self.refuse(text, scan=False)

    def _deliver(self, code: str) -> tuple[str, Refusal | None]:
        window = self.window
        if not window.logged_in:
            text = self.tr("Log in before scanning.")
            window.login.refused(text)
            return "login", Refusal(text)
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not window:
            taken = self._handled_by(modal, code)
            if taken is not None:
                return taken
        field = focused_code_field()
        if field is not None and field.window() is (modal or window):
            fill_code_field(field, code)
            return f"field {place_name(field)} of {place_name(field.window())}", None
        if modal is not None and modal is not window:
            return place_name(modal), Refusal(self.tr("Finish the open window before scanning."))
        page = window.stack.currentWidget()
        if page is not None and page is not window.sale:
            taken = self._handled_by(page, code)
            if taken is not None:
                return taken
            text = self.tr("This screen takes no scans. Go back to the sale screen (Esc).")
            return place_name(page), Refusal(text)
        return self._handled_by(window.sale, code) or (place_name(window.sale), None)

    @staticmethod
    def _handled_by(place: QWidget, code: str) -> tuple[str, Refusal | None] | None:
        handler = getattr(place, "handle_scan", None)
        if not callable(handler):
            return None
        outcome = handler(code)
        return place_name(place), outcome if isinstance(outcome, Refusal) else None
