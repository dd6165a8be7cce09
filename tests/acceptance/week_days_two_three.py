"""Days 2 and 3 of the acceptance week. Day 2: the till opened again with the float counted;
a sale with the printer offline, then the printer back and the receipt printed again (its
original, then its one copy); a backup, a sale, the manager's restore; close and Z. Day 3: the
PC's clock behind the last receipt — nothing is recorded until a manager confirms the time —;
a sale, close, Z."""

from __future__ import annotations

import time

from tests.acceptance.counter_ui import Person
from tests.acceptance.week_outputs import command, local, pages_with
from tests.acceptance.week_plan import (
    CASHIER,
    DAY_THREE_COUNT,
    DAY_TWO_COUNT,
    DAY_TWO_FLOAT,
    MANAGER,
    OFFLINE,
    Week,
    close_and_z,
    open_price_sale,
    open_till,
    pay,
)


def day_two(week: Week) -> None:
    day = week.days[1]
    p = week.start(local(day, 8, 45), "--printer", OFFLINE)
    p.focus()
    p.shot("day2-01-login-till-closed")
    p.log_in(CASHIER[0], CASHIER[2])
    count_the_float(p, DAY_TWO_FLOAT)
    offline = sale_with_the_printer_offline(week, p)
    week.stop()

    p = week.start(local(day, 9, 30))  # the printer back
    p.focus()
    p.log_in(CASHIER[0], CASHIER[2])
    print_again(week, p, offline)
    p.log_out()
    p.log_in(MANAGER[0], MANAGER[2])
    backup = back_up_now(p)
    after_backup = open_price_sale(p, "alt+1", "120", ("", "F2"))  # by card
    week.stop()

    restored = command(week.data, local(day, 10, 30), "restore-backup", "--staff", MANAGER[0],
                       "--pin", MANAGER[2]).stdout  # fmt: skip
    assert backup in restored, restored
    assert "gitt ut 1 signert kvittering etter denne" in restored, restored
    assert "1 kvittering hentet tilbake, 0 kunne ikke hentes" in restored, restored
    week.sold["after backup"] = after_backup

    p = week.start(local(day, 11, 0))
    p.focus()
    p.log_in(CASHIER[0], CASHIER[2])
    after_restore = open_price_sale(p, "alt+2", "75", ("", "Return"))  # in cash
    week.sold["after restore"] = after_restore
    assert not set(after_restore) & set(after_backup)  # no number given out twice
    p.log_out()
    p.log_in(MANAGER[0], MANAGER[2])
    close_and_z(week, p, DAY_TWO_COUNT, card="120", vipps="0", expected="1 620,00")
    week.stop()


def count_the_float(p: Person, pieces: tuple[int, ...]) -> None:
    """A cashier opens the till counting the float by denomination; a manager approves."""
    p.focus("Åpne kassen")
    p.press("Tab")  # from the amount to the first denomination
    for count in pieces:
        p.press("ctrl+a")
        p.type(str(count))
        p.press("Tab")
    p.shot("day2-02-float-counted")
    p.start_action()
    p.press("Return")
    p.focus("godkjenning")
    p.enter(MANAGER[0])
    p.enter(MANAGER[2])
    p.wait_log(
        rf"till opened at {p.register} by staff 1001: float 1 500,00 kr \(counted by denomination\)"
    )
    p.closed("Åpne kassen")


def sale_with_the_printer_offline(week: Week, p: Person) -> str:
    """The sale is recorded; the window says at once that its receipt was not printed."""
    p.scan(week.labels["Bøker om dyr"])
    sold = pay(p, ("", "Return"))
    p.wait_log(r"print job .*failed.*127\.0\.0\.1:9")
    p.shot("day2-03-not-printed")
    (number,) = sold.group(1).split(", ")
    week.sold["offline"] = [number]
    assert not pages_with(week.printer, number)
    return number


def print_again(week: Week, p: Person, number: str) -> None:
    """The failed jobs retried from the printer state (Ctrl+Shift+P): the receipt prints as
    its original; then F1 → K finds it by number and F5 prints its one copy."""
    p.press("ctrl+shift+p")
    p.focus("Utskrifter som feilet")
    p.shot("day2-04-failed-jobs")
    p.press("ctrl+Return")  # retry all
    p.wait(lambda: bool(pages_with(week.printer, number)), f"the original of {number}")
    p.press("Escape")
    p.closed("Utskrifter som feilet")
    p.open_page("receipts", "cashier")
    p.enter(number)
    p.press("F5")
    p.wait(lambda: bool(pages_with(week.printer, number, "KOPI")), f"the copy of {number}")
    p.shot("day2-05-copy")
    p.press("Escape")
    (original,) = [pg for pg in pages_with(week.printer, number) if "KOPI" not in pg.text]
    assert "Bøker om dyr" in original.text


def back_up_now(p: Person) -> str:
    """F1 → Register and printers, Ctrl+B: the backup's file name as the log says it."""
    p.open_page("devices", "manager")
    p.start_action()
    p.press("ctrl+b")
    taken = p.wait_log(r"backup taken \(manual\): (\S+)")
    p.shot("day2-06-backup")
    p.press("Escape")
    return taken.group(1)


def day_three(week: Week) -> None:
    """The PC's clock behind day 2's last record: the till says so and records nothing; a
    manager confirms the right time (Ctrl+Shift+T); the day goes on at that time."""
    day = week.days[2]
    p = week.start(local(week.days[1], 10, 0))
    p.focus()
    p.wait_log(r"the till records nothing: .*before the last record")
    p.shot("day3-01-clock-behind")
    p.start_action()
    p.enter(MANAGER[0])
    p.enter(MANAGER[2])
    p.wait_log(rf"login refused at {p.register}: .*before the last record")
    p.press("ctrl+shift+t")
    p.focus("Bekreft riktig tid")
    p.press("space", "Return")  # what happened: the PC's clock is slow now; on to the time
    p.type(f"{day:%d.%m.%Y} 09:00")
    p.press("Tab")
    p.enter(MANAGER[0])
    p.start_action()
    p.enter(MANAGER[2])
    p.wait_log(rf"time confirmed by staff 9001: .*the right time is {day} 09:00")
    week.confirmed = (time.monotonic(), local(day, 9, 0))
    p.closed("Bekreft riktig tid")
    p.shot("day3-02-time-confirmed")
    p.log_in(MANAGER[0], MANAGER[2])
    open_till(p, "1500")
    p.scan(week.labels["Skinnjakke brun"])  # returned on day 1: for sale again
    sold = pay(p, ("", "F3"))  # by Vipps
    week.sold["day 3"] = sold.group(1).split(", ")
    close_and_z(week, p, DAY_THREE_COUNT, card="0", vipps="600", expected="1 500,00")
    week.stop()
