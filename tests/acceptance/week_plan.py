"""The acceptance week's cast and plan: the centre, its people, tenants and items, the counts
each day ends with, the ``Week`` the days write what they did into, and the steps more than one
day takes (open the till, pay, an open-price sale, close and take the Z)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from tests.acceptance.counter_ui import Person
from tests.acceptance.week_outputs import utc_text
from tests.acceptance.xsession import ROOT, XSession

KEEP_SHOTS = "OMIGJEN_KEEP_SCREENSHOTS"
SCREEN = (1366, 768)
SHOTS_DIR = ROOT / "docs" / "screenshots" / "acceptance"

CENTRE = "Gjenbrukstorget Åsheim"
CENTRE_COMPANY = ("Gjenbrukstorget Åsheim AS", "974760673", "9710.05.12347")
MANAGER = ("9001", "Åse Ødegård", "4821")
CASHIER = ("1001", "Kari Kasserer", "1234")
TENANTS = (
    ("11", "Bua Brukte Klær AS", "921100221", True, "KL"),
    ("12", "Småfolk Gjenbruk", "921100337", False, "BA"),
    ("13", "Sykkelfikseren Asker AS", "921100442", True, "SY"),
)
REPAIR_SHOPS = {"13"}
"""Ticked "takes in repairs" at the set-up: the repair intake needs nothing more."""
SERIAL = "WTU2019X4471"
DAY_ONE_COUNT = (2, 1, 1, 0, 1, 2, 0, 1, 4)
"""Pieces of 1000, 500, 200, 100, 50, 20, 10, 5 and 1 kr in the drawer (the order every count
asks in): 2 799 kr."""
DAY_TWO_FLOAT = (0, 2, 1, 2, 2, 0, 0, 0, 0)
"""The float counted at the opening, 1000 kr down to 1 kr (the order it is asked in): 1 500."""
DAY_TWO_COUNT = (1, 1, 0, 1, 0, 1, 0, 0, 0)
"""1 620 kr: the float and two cash sales."""
DAY_THREE_COUNT = (1, 1, 0, 0, 0, 0, 0, 0, 0)
OFFLINE = "tcp://127.0.0.1:9"
"""A printer that never answers."""
ITEMS = (  # tenant, description, article group (as typed into its list), price
    ("11", "Ullkåpe grå", "Br", "349"),
    ("11", "Skinnjakke brun", "Br", "600"),
    ("11", "Strikkegenser", "Br", "250"),
    ("12", "Barnevogn Emmaljunga", "Ba", "1200"),
    ("12", "Regndress str 104", "Ba", "149,50"),
    ("12", "Bøker om dyr", "Bø", "45"),
)


@dataclass
class Week:
    x: XSession
    data: Path
    printer: Path
    shots: Path
    work: Path
    days: tuple[date, date, date]
    person: Person | None = None
    app: subprocess.Popen[bytes] | None = None
    labels: dict[str, str] = field(default_factory=dict)
    """Item description → the code on its label."""
    sold: dict[str, list[str]] = field(default_factory=dict)
    """What was done → the receipt numbers the log said."""
    closes: list[str] = field(default_factory=list)
    """The log's line of each day's till close."""
    confirmed: tuple[float, datetime] | None = None
    """When (monotonic clock) a manager confirmed which time, on day 3."""
    register: str = "K1"
    """The register the counter is: K1 set up here, the next one when it joined a centre."""

    @property
    def p(self) -> Person:
        assert self.person is not None
        return self.person

    def start(self, moment: datetime | None, *args: str) -> Person:
        """The app started on the data directory with the PC's clock at ``moment`` (None: the
        PC's clock as it is)."""
        clock = utc_text(moment) if moment is not None else None
        self.app = self.x.start_app(self.data, *args, clock=clock)
        self.person = Person(self.x, self.data, self.shots, self.register)
        return self.person

    def stop(self) -> None:
        """The PC shut down (SIGTERM): the app closes as its window does, exit code 0."""
        app = self.app
        assert app is not None
        app.terminate()
        assert app.wait(30) == 0, self.x.outputs()
        self.app = None


def open_till(p: Person, amount: str) -> None:
    """The float asked for at the first login of a closed till, typed as an amount."""
    p.focus("Åpne kassen")
    p.start_action()
    p.enter(amount)
    p.wait_log(rf"till opened at {p.register} by staff \d+: float ")
    p.closed("Åpne kassen")


def pay(p: Person, *tenders: tuple[str, str], shot: str = "") -> re.Match[str]:
    """F12, each (amount, key) typed, F12: the log's line of the sale."""
    p.press("F12")
    p.focus("Betaling")
    for amount, key in tenders:
        p.type(amount)
        p.press(key)
    if shot:
        p.shot(shot)
    p.start_action()
    p.press("F12")
    sold = p.wait_log(
        rf"sale recorded at {p.register} by staff \d+: (.+?), total (.+?) kr, paid .*"
    )
    p.closed("Betaling")
    return sold


def open_price_sale(p: Person, key: str, price: str, *tenders: tuple[str, str]) -> list[str]:
    """A tenant's open-price quick key, its price typed; paid: the receipt numbers."""
    p.press(key)
    p.focus("^Pris")
    p.enter(price)
    p.closed("^Pris")
    return pay(p, *tenders).group(1).split(", ")


def close_and_z(
    week: Week, p: Person, count: tuple[int, ...], *, card: str, vipps: str, expected: str
) -> None:
    """The manager's day end: the blind count by denomination with the terminals' totals,
    the till closed, then the Z of every tenant with use (printed, and a backup taken)."""
    p.open_page("day_end", "manager")
    p.press("F4")
    p.focus("^Kasseoppgjør")
    for pieces in count:
        p.press("ctrl+a")
        p.type(str(pieces))
        p.press("Tab")
    p.type(card)
    p.press("Tab")
    p.type(vipps)
    p.shot(f"day{len(week.closes) + 1}-90-count")
    p.start_action()
    p.press("Return")  # close the till
    closed = p.wait_log(
        rf"till closed at {p.register} by staff 9001: expected (.+?) kr, counted (.+?) kr"
    )
    assert closed.group(1) == closed.group(2) == expected, closed.group(0)
    p.closed("^Kasseoppgjør")
    week.closes.append(closed.group(0))
    p.press("F3")
    p.focus("^Z-rapport")
    p.start_action()
    p.press("Return")  # yes: it cannot be undone
    p.wait_log(r"backup taken \(z\)")
    p.shot(f"day{len(week.closes)}-91-z")
    p.press("Escape")
