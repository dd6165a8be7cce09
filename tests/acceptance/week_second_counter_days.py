"""The second counter's (K2's) business days after its first, with the central server of the
Running block in docs/sync.md. The server and the counter run on the same day's clock
(libfaketime for both: the server is restarted with the block's own ``serve`` line).

Day 2: the manager's login asks for the float; a mixed basket of one of the first counter's
labels and one of K2's, by card and cash; the repair job the first counter took in (with its
deposit) finished on K2's board and picked up at K2's till, the deposit deducted; the blind
count, close and Z.
Day 3: the server is stopped: the sale is queued and the status strip says the counter is
offline; the operator starts the server again; the manager syncs from the sync page (F5) and
K2 catches up; K2's clock runs three minutes ahead of the server's, which the status strip
says before the next sale; close and Z."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tests.acceptance.week_day_one import pickup_at_the_till, repair_on_the_board
from tests.acceptance.week_outputs import local, utc_text
from tests.acceptance.week_plan import (
    MANAGER,
    Week,
    close_and_z,
    open_price_sale,
    open_till,
    pay,
)
from tests.acceptance.xsession import clock_env
from tests.sync.test_running_doc import Shell

AHEAD = timedelta(minutes=3)
"""K2's clock on day 3: over the two minutes the counter warns at, under the five the server
flags at."""
K2_DAY_TWO_COUNT = (1, 1, 0, 0, 1, 2, 0, 1, 0)
"""1 595 kr: the float and the mixed basket's 95 kr in cash."""
K2_DAY_THREE_COUNT = (1, 1, 0, 0, 1, 1, 0, 1, 0)
"""1 575 kr: the float and the offline sale's 75 kr."""


@dataclass
class Server:
    """The Running block's server, stopped and started again by its own ``serve`` line, with
    the PC's clock of a given day (libfaketime, as the counters')."""

    shell: Shell
    serve: str
    started: tuple[float, datetime] | None = None
    """When (monotonic clock) it started at which faked moment; None: at the real time."""

    def stop(self) -> None:
        for process in self.shell.background:
            process.terminate()
            process.wait(15)
        self.shell.background.clear()

    def start(self, moment: datetime) -> None:
        real = self.shell.env
        self.shell.env = real | clock_env(utc_text(moment))
        self.started = (time.monotonic(), moment)  # its clock starts with the process
        try:
            self.shell.run(self.serve)
        finally:
            self.shell.env = real

    def now(self) -> datetime:
        assert self.started is not None
        since, moment = self.started
        return moment + timedelta(seconds=time.monotonic() - since)


@dataclass
class Clock:
    """A counter's PC clock, started at a moment and running on."""

    since: float
    moment: datetime

    def now(self) -> datetime:
        return self.moment + timedelta(seconds=time.monotonic() - self.since)


def k2_day_two(week: Week, first: Week, server: Server, day: date, ticket: str) -> None:
    server.stop()
    server.start(local(day, 8, 30))
    p = week.start(server.now())
    p.focus()
    p.log_in(MANAGER[0], MANAGER[2])
    open_till(p, "1500")  # the login asks for the float
    p.scan(week.labels["Bøker om dyr"])  # K2's own label
    p.scan(first.labels["Strikkegenser"])  # the first counter's label
    sold = pay(p, ("200", "F2"), ("", "Return"))
    assert "total 295,00 kr, paid card 200,00, cash 95,00" in sold.group(0), sold.group(0)
    week.sold["day 2 mixed"] = sold.group(1).split(", ")
    repair_on_the_board(p, ticket)  # taken in at the first counter
    pickup_at_the_till(week, p, ticket, "day 2 pickup")  # its deposit there deducted here
    close_and_z(week, p, K2_DAY_TWO_COUNT, card="350", vipps="0", expected="1 595,00")
    week.stop()


def k2_day_three(week: Week, first: Week, server: Server, day: date) -> Clock:
    """Returns K2's clock (ahead of the server's)."""
    server.stop()
    clock = Clock(time.monotonic(), local(day, 8, 45))
    p = week.start(clock.moment)
    p.focus()
    started = len(p.log())
    p.log_in(MANAGER[0], MANAGER[2])
    open_till(p, "1500")
    week.sold["day 3 offline"] = open_price_sale(p, "alt+2", "75", ("", "Return"))  # cash
    p.x.wait_for_log(p.data_dir, r"status strip: offline, \d+ not yet synced", after=started)
    p.shot("day3-01-offline")

    server.start(clock.now() - AHEAD)  # the operator starts the server again
    p.open_page("sync")
    p.start_action()
    p.press("F5")  # sync now
    p.wait_log(r"sync now \(sync page\): pushed \d+ events.*outbox drained")
    p.press("Escape")
    warned = p.wait_log(r"status strip: this PC's clock is 3 min ahead of the central server's")
    p.wait_log(r"status strip: online again")
    p.shot("day3-02-clock-ahead")
    p.scan(first.labels["Bøker om dyr"])
    sold = pay(p, ("", "F2"))
    week.sold["day 3 after the warning"] = sold.group(1).split(", ")
    log = p.log()
    assert log.index(warned.group(0)) < log.index(sold.group(0))  # said before the sale
    close_and_z(week, p, K2_DAY_THREE_COUNT, card="45", vipps="0", expected="1 575,00")
    week.stop()
    return clock
