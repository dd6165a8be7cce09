"""A person at the counter app in a real X session: what they type, scan and press, and how a
test knows the app has done it — from what the app writes (its support log, its windows'
titles, the printer's bytes), never from its widgets.

    person = Person(x, data_dir, shots)
    person.log_in("9001", "4821")
    person.scan("2110100000010", "taken", "sale")
    person.press("F12"); person.focus("Betaling")
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from tests.acceptance.xsession import XSession, wait_until

SCAN_LINE = re.compile(r"scan (.+?) (taken|refused) at ([^\s:]+)")
MAIN_WINDOW = "^Omigjen"
WAIT_S = 30
"""Longest wait for the app to answer (a loaded 2-core machine, a sale being written)."""


def menu_key(label: str, role: str = "cashier") -> str:
    """The menu's key for a page the role may open: the same key in every role's menu."""
    from pos.model.staff import Operator, Role
    from ui.menu_dialog import menu_keys
    from ui.pages import all_pages

    person = Operator("", "1", "", Role(role))
    allowed = {spec.key for spec in all_pages() if spec.allowed(person)}
    assert label in allowed, f"{role} has no {label} in the menu"
    return menu_keys(all_pages())[label]


class Person:
    """Someone at the running app: keys and scans through X, waits on what the app wrote."""

    def __init__(self, x: XSession, data_dir: Path, shots: Path, register: str = "K1") -> None:
        self.x, self.data_dir, self.shots = x, data_dir, shots
        self.register = register
        """The register this counter is (the support log's lines name it)."""
        self.mark = 0
        """Where in the support log the last action started (its lines are after it)."""

    # -- what the app wrote ------------------------------------------------------------------
    def log(self) -> str:
        """The support log, amounts' no-break spaces read as spaces ("1 500,00")."""
        return self.x.log_of(self.data_dir).replace("\xa0", " ")

    def start_action(self) -> None:
        """Lines the next action writes are looked for after this point of the log."""
        self.mark = len(self.log())

    def wait_log(self, pattern: str, timeout_s: float = WAIT_S) -> re.Match[str]:
        """The first line matching ``pattern`` written since ``start_action``."""
        found: list[re.Match[str]] = []

        def logged() -> bool:
            match = re.search(pattern, self.log()[self.mark :])
            found[:] = [match] if match else []
            return bool(found)

        wait_until(logged, timeout_s, f"{pattern!r} in the log", lambda: self.log()[self.mark :])
        return found[0]

    def wait(self, condition: Callable[[], bool], what: str, timeout_s: float = WAIT_S) -> None:
        wait_until(condition, timeout_s, what, self.x.outputs)

    def scan_lines(self) -> list[tuple[str, str, str]]:
        return [m.groups() for m in SCAN_LINE.finditer(self.log())]  # type: ignore[misc]

    # -- windows -----------------------------------------------------------------------------
    def focus(self, title: str = MAIN_WINDOW, timeout_s: float = WAIT_S) -> None:
        """Wait for a window whose title matches and give it the keyboard (no window manager
        does it under Xvfb)."""
        self.x.focus(self.x.wait_for_window(title, timeout_s))

    def closed(self, title: str, timeout_s: float = WAIT_S) -> None:
        """Wait until no window's title matches; the main window gets the keyboard back."""
        self.x.wait_for_no_window(title, timeout_s)
        self.focus()

    def shot(self, name: str) -> Path:
        """The screen as it is now, once something is painted on it (a window just mapped is
        black for a moment)."""
        path = self.shots / f"{name}.png"

        def painted() -> bool:
            with Image.open(self.x.screenshot(path)) as image:
                return image.getextrema() != ((0, 0), (0, 0), (0, 0))

        self.wait(painted, f"something on the screen for {path.name}")
        return path

    # -- hands -------------------------------------------------------------------------------
    def type(self, text: str) -> None:
        self.x.type(text)

    def press(self, *keys: str) -> None:
        self.x.key(*keys)

    def enter(self, text: str) -> None:
        """Type a field's value and press Enter."""
        self.x.type(text)
        self.x.key("Return")

    def scan(
        self, code: str, outcome: str = "taken", place: str = "sale", *, sent: str = "",
        suffix: tuple[str, ...] = ("Return",),
    ) -> None:  # fmt: skip
        """Scan (what the scanner ``sent``: ``code`` with its prefix and AIM id, and its
        ``suffix``), wait for the log to say where the scan went, and check it."""
        from ui.scan_router import loggable

        seen = len(self.scan_lines())
        self.start_action()
        self.x.scan(sent or code, suffix=suffix)
        self.wait(lambda: len(self.scan_lines()) > seen, f"the log line of scan {code}")
        assert self.scan_lines()[seen:] == [(loggable(code), outcome, place)], self.log()[-800:]

    # -- the counter's own paths -------------------------------------------------------------
    def log_in(self, staff_no: str, pin: str) -> None:
        self.start_action()
        self.enter(staff_no)
        self.enter(pin)
        self.wait_log(rf"staff {staff_no} logged in at \w+")

    def log_out(self) -> None:
        self.start_action()
        self.press("ctrl+l")
        self.wait_log(r"staff \w+ logged out")

    def open_page(self, key: str, role: str = "cashier") -> None:
        """F1, the page's key in the menu; the page is in front when the menu has closed."""
        self.press("F1")
        self.focus("^Meny")
        self.x.type(menu_key(key, role).lower())
        self.closed("^Meny")
