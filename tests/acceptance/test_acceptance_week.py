"""The acceptance week: three business days of a new reuse centre, from an EMPTY data directory
(no demo), driven only by what the people at the counter have — real X key events from the
keyboard and from a keyboard-wedge scanner (``xsession.py``), and the documented commands —
with the PC's clock set for each day by libfaketime.

Day 1: the first-run set-up in the window, the manager's login and float, a cashier added,
items registered in a batch and their A4 label sheet read back, mixed-tenant baskets with a
split tender and cash rounding, a return from the receipt's scanned barcode to a credit note,
the credit note scanned at payment, a repair taken in with its deposit, its job tag scanned on
the board and the job picked up and paid at the till, the blind count and close, the Z.
Day 2: the till opened again; a sale with the printer offline, then the printer back and the
receipt printed again (its original, then its one copy); a backup, a sale, the manager's
restore; close and Z. Day 3: the PC's clock behind the last receipt — nothing is recorded until
a manager confirms the time —; a sale, close, Z.

Everything asserted is an output: the support log and the windows' titles while it runs, then
``verify-journal``, ``z-report --missing``, the SAF-T files against Skatteetaten's XSD with
every signature checked by openssl and every Z recomputed from the transactions to the øre,
the printer's ESC/POS bytes, and screenshots (kept in ``docs/screenshots/acceptance/`` with
``OMIGJEN_KEEP_SCREENSHOTS=1``)."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image

from pos.clock import OSLO
from tests.acceptance.counter_ui import Person
from tests.acceptance.week_outputs import (
    NS,
    barcodes_on,
    command,
    label_sheet_codes,
    local,
    pages_with,
    printed_pages,
    printed_receipts,
    recomputed_z,
    sales_days,
    utc_text,
    z_reports,
)
from tests.acceptance.xsession import ROOT, XSession, missing
from tests.day_end.test_saft_export import SCHEMA_FILE
from tests.printers.escpos_decoder import Page
from tests.ui.test_week_with_a_restore import verify_chain_from_the_file

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(missing() is not None, reason=f"real X session: {missing()}"),
    pytest.mark.skipif(shutil.which("faketime") is None, reason="needs faketime"),
]
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

    @property
    def p(self) -> Person:
        assert self.person is not None
        return self.person

    def start(self, moment: datetime, *args: str) -> Person:
        """The app started on the data directory with the PC's clock at ``moment``."""
        self.app = self.x.start_app(self.data, *args, clock=utc_text(moment))
        self.person = Person(self.x, self.data, self.shots)
        return self.person

    def stop(self) -> None:
        """The PC shut down (SIGTERM): the app closes as its window does, exit code 0."""
        app = self.app
        assert app is not None
        app.terminate()
        assert app.wait(30) == 0, self.x.outputs()
        self.app = None


@pytest.fixture(scope="module")
def week(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Week]:
    base = tmp_path_factory.mktemp("week")
    keep = os.environ.get(KEEP_SHOTS) == "1"
    shots = SHOTS_DIR if keep else base / "shots"
    for old in shots.glob("*.png"):  # only this run's
        old.unlink()
    today = datetime.now(OSLO).date()
    days = (today - timedelta(days=4), today - timedelta(days=3), today - timedelta(days=2))
    with XSession("no", size=f"{SCREEN[0]}x{SCREEN[1]}") as x:
        week = Week(x, base / "data", base / "printer.escpos", shots, base / "work", days)
        week.work.mkdir()
        try:
            day_one(week)
            day_two(week)
            day_three(week)
        except BaseException:
            if week.person is not None:
                with contextlib.suppress(Exception):  # the failure itself is what matters
                    week.p.shot("failed")
            raise
    yield week  # what the week left behind needs no X server


# -- what the week left behind ---------------------------------------------------------------
def after_the_week(week: Week) -> datetime:
    """The PC's clock put right after day 3: the time the manager confirmed, run on since."""
    assert week.confirmed is not None
    since, confirmed = week.confirmed
    return confirmed + timedelta(seconds=time.monotonic() - since)


def test_the_journal_verifies_and_every_day_has_its_z(week: Week) -> None:
    verified = command(week.data, after_the_week(week), "verify-journal").stdout
    assert verified.startswith("OK:"), verified
    missing = command(week.data, after_the_week(week), "z-report", "--missing",
                      "--staff", MANAGER[0], "--pin", MANAGER[2]).stdout  # fmt: skip
    assert "Ingen dager uten Z-rapport" in missing, missing
    log = week.p.log()
    for number, day in enumerate(week.days, start=1):
        assert f"Z report nr {number} for org.no 921100221, business day {day}" in log
    assert log.count("till closed at K1") == 3


@pytest.fixture(scope="module")
def saft(week: Week) -> dict[str, object]:
    """Each tenant's SAF-T file of the week, parsed."""
    out = week.work / "saft"
    out.mkdir()
    first, last = week.days[0], week.days[2]
    files = {}
    for code, _name, org_no, _vat, _group in TENANTS:
        (out / code).mkdir()
        command(week.data, after_the_week(week), "export-saft", "--tenant", org_no,
                "--from", str(first), "--to", str(last), "--out", str(out / code),
                "--staff", MANAGER[0], "--pin", MANAGER[2])  # fmt: skip
        (path,) = (out / code).glob("*.xml")
        files[code] = etree.parse(str(path))
    return files


@pytest.fixture(scope="module")
def public_key(week: Week) -> Path:
    """The signing key's public half, as the product declaration gives it."""
    key = week.work / "public.pem"
    key.write_text(command(week.data, after_the_week(week), "export-public-key").stdout)
    return key


@pytest.mark.parametrize("tenant", [code for code, *_ in TENANTS])
def test_each_tenants_saft_validates_and_every_signature_verifies(
    saft, public_key, tenant, tmp_path
):
    doc = saft[tenant]
    schema = etree.XMLSchema(etree.parse(str(SCHEMA_FILE)))
    assert schema.validate(doc), schema.error_log.filter_from_errors()[:3]
    signed = verify_chain_from_the_file(doc, public_key, tmp_path)
    assert signed == list(range(1, len(signed) + 1))  # one chain, no number twice, no gap


@pytest.mark.parametrize("tenant", [code for code, *_ in TENANTS])
def test_every_z_adds_up_to_the_ore_from_the_days_transactions(saft, tenant):
    doc = saft[tenant]
    reports = z_reports(doc)
    assert set(reports) == sales_days(doc)  # every business day with sales has its Z
    for day, (stated, opening_float) in reports.items():
        assert stated == recomputed_z(doc, day), day
        assert opening_float == (150000 if tenant == "11" else 0)  # the drawer is Bua's


def test_no_receipt_number_is_given_out_twice(week: Week, saft) -> None:
    numbers = [
        t.findtext("s:transID", namespaces=NS)
        for doc in saft.values()
        for t in doc.iterfind(".//s:cashtransaction", NS)
    ]
    assert len(numbers) == len(set(numbers))
    told = [n for numbers in week.sold.values() for n in numbers]
    assert sorted(told) == sorted(numbers)  # what the log said is what the files hold


# -- the days -------------------------------------------------------------------------------
def day_one(week: Week) -> None:
    p = week.start(local(week.days[0], 8, 30))
    first_run(week, p)
    p.focus()
    p.log_in(MANAGER[0], MANAGER[2])
    open_till(p, "1500")
    add_cashier(p)
    register_items(week, p)
    p.log_out()
    p.log_in(CASHIER[0], CASHIER[2])
    mixed_basket_split_tender(week, p)
    cash_with_rounding(week, p)
    note = return_to_a_credit_note(week, p)
    credit_note_at_payment(week, p, note)
    ticket = repair_intake(week, p)
    repair_on_the_board(p, ticket)
    pickup_at_the_till(week, p, ticket)
    p.log_out()
    p.log_in(MANAGER[0], MANAGER[2])
    close_and_z(week, p, DAY_ONE_COUNT, card="650", vipps="1000", expected="2 799,00")
    week.stop()


def first_run(week: Week, p: Person) -> None:
    p.focus("oppsett")
    p.enter(CENTRE)
    p.press("Return", "Return", "Return")  # register K1, "Kasse 1", label block 1
    for value in CENTRE_COMPANY:  # the company that pays the tenants; its account goes on
        p.enter(value)
    staff_no, name, pin = MANAGER
    for value in (staff_no, name, pin, pin):
        p.enter(value)
    p.press("Tab")  # from the list of article groups to an own group
    p.enter("BOKER")
    p.enter("Bøker")  # added with the goods' SAF-T code
    p.press("Return")  # the fields empty: on
    for code, tenant, org_no, vat, group in TENANTS:
        p.press("shift+Tab")  # from the name (the next code is offered) back to the code
        p.press("ctrl+a")
        p.enter(code)
        p.enter(tenant)
        p.type(org_no)
        p.press("Tab")
        if not vat:
            p.press("space")
        p.press("Tab")
        if code in REPAIR_SHOPS:
            p.press("space")  # takes in repairs
        p.press("Tab")
        p.enter(group)  # the quick key's article group; Enter adds the tenant
    p.press("Return")  # no name: on to the printer
    p.type(f"file://{week.printer}")
    p.press("F6")  # a test page straight to it
    p.wait(lambda: bool(pages_with(week.printer, "Testutskrift")), "the test page")
    p.shot("day1-01-printer-step")
    p.press("Return", "Return", "Return")  # profile and paper as offered
    p.shot("day1-02-summary")
    p.start_action()
    p.press("Return")  # set up the centre
    p.wait_log(r"centre .+ set up")
    p.press("F6")  # print the recovery code
    p.wait(lambda: bool(pages_with(week.printer, "Gjenopprettingskode")), "the recovery code")
    p.shot("day1-03-recovery-code")
    p.press("Return")
    p.closed("oppsett")
    (test_page,) = pages_with(week.printer, "Testutskrift")
    assert "Blåbærsyltetøy ÆØÅ æøå" in test_page.text
    assert printed_pages(week.printer)[-1].text.count(CENTRE) == 1


def open_till(p: Person, amount: str) -> None:
    """The float asked for at the first login of a closed till, typed as an amount."""
    p.focus("Åpne kassen")
    p.start_action()
    p.enter(amount)
    p.wait_log(r"till opened at K1 by staff \d+: float ")
    p.closed("Åpne kassen")


def add_cashier(p: Person) -> None:
    staff_no, name, pin = CASHIER
    p.open_page("staff", "manager")
    for value in (staff_no, name):
        p.press("ctrl+a")
        p.type(value)
        p.press("Tab")
    p.press("Tab")  # the role: cashier, as offered
    p.type(pin)
    p.press("ctrl+n")
    p.shot("day1-04-staff")
    p.press("Escape")


def register_items(week: Week, p: Person) -> None:
    """Each item typed in, collected in a batch (Ctrl+B), then its A4 label sheet (Ctrl+P)."""
    p.open_page("item_entry", "manager")
    p.press("ctrl+b")
    tenant = ""
    for code, description, group, price in ITEMS:
        if code != tenant:
            p.press("shift+Tab")
            p.type(code)  # the tenant's list finds it by its code
            p.press("Tab")
            tenant = code
        p.type(description)
        p.press("Tab")
        p.type(group)
        p.press("Tab", "Tab")  # the condition as offered
        p.start_action()
        p.enter(price)  # registered
        found = p.wait_log(r"1 item\(s\) registered at K1 by staff 9001: (\d{13})")
        week.labels[description] = found.group(1)
    p.shot("day1-05-items")
    p.press("ctrl+p")
    sheets = week.data / "labels"
    p.wait(lambda: any(sheets.glob("*.pdf")), "the label sheet")
    (sheet,) = sheets.glob("*.pdf")
    assert sorted(label_sheet_codes(sheet, week.work)) == sorted(week.labels.values())
    p.press("Escape")


def mixed_basket_split_tender(week: Week, p: Person) -> None:
    """Three tenants in one basket (two labels and an open-price quick key), paid by card,
    Vipps and cash with change."""
    p.scan(week.labels["Ullkåpe grå"])
    p.scan(week.labels["Barnevogn Emmaljunga"])
    p.press("alt+3")  # Sykkelfikseren's open-price quick key
    p.focus("^Pris")
    p.enter("250")
    p.closed("^Pris")
    p.shot("day1-06-basket")
    sold = pay(p, ("500", "F2"), ("1000", "F3"), ("400", "F1"), shot="day1-07-split-tender")
    assert sold.group(2) == "1 799,00", sold.group(0)
    assert "paid card 500,00, vipps 1 000,00, cash 400,00, change 101,00" in sold.group(0)
    week.sold["mixed"] = sold.group(1).split(", ")


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
    sold = p.wait_log(r"sale recorded at K1 by staff \d+: (.+?), total (.+?) kr, paid .*")
    p.closed("Betaling")
    return sold


def cash_with_rounding(week: Week, p: Person) -> None:
    """749,50 in cash: the rest in cash (Enter on an empty amount), rounded to whole kroner."""
    p.scan(week.labels["Skinnjakke brun"])
    p.scan(week.labels["Regndress str 104"])
    sold = pay(p, ("", "Return"))
    assert "total 749,50 kr, paid cash 750,00" in sold.group(0), sold.group(0)
    week.sold["rounded"] = sold.group(1).split(", ")


def receipt_page(week: Week, number: str) -> Page:
    """The printed original of a receipt, once the printer has it."""

    def printed() -> list[Page]:
        return [pg for pg in pages_with(week.printer, number) if number in barcodes_on(pg)]

    week.p.wait(lambda: bool(printed()), f"receipt {number} on paper")
    return printed()[0]


def return_to_a_credit_note(week: Week, p: Person) -> str:
    """The jacket comes back: its receipt's barcode scanned at the sale screen opens the
    return; F4 pays it back as a new credit note; the manager approves at the cashier's
    side. Returns the credit note's code as printed."""
    bua = next(n for n in week.sold["rounded"] if n.startswith("11-"))
    receipt = receipt_page(week, bua)
    assert "Skinnjakke brun" in receipt.text
    p.scan(bua)  # from the paper
    p.focus("^Retur")
    p.shot("day1-08-return")
    p.press("F4", "F12")
    p.focus("godkjenning")
    p.start_action()
    p.enter(MANAGER[0])
    p.enter(MANAGER[2])
    returned = p.wait_log(
        r"return recorded at K1 by staff 1001: (\S+), total -600,00 kr, paid credit_note 600,00"
    )
    p.closed("^Retur")
    week.sold["return"] = [returned.group(1)]

    def notes() -> list[str]:
        pages = pages_with(week.printer, "Tilgodelapp")
        return [code for pg in pages for code in barcodes_on(pg) if code.startswith("TG11")]

    p.wait(lambda: bool(notes()), "the credit note on paper")
    (note,) = notes()
    return note


def credit_note_at_payment(week: Week, p: Person, note: str) -> None:
    """A sweater and an open-price item of the same tenant, paid with the credit note scanned
    at payment and the rest in cash."""
    p.scan(week.labels["Strikkegenser"])
    p.press("alt+1")  # Bua's open-price quick key
    p.focus("^Pris")
    p.enter("400")
    p.closed("^Pris")
    p.press("F12")
    p.focus("Betaling")
    p.scan(note, "taken", "PaymentDialog")
    p.start_action()
    p.press("Return", "Return")  # the rest in cash, then confirm
    sold = p.wait_log(r"sale recorded at K1 by staff 1001: (.+?), total 650,00 kr, paid .*")
    assert f"credit_note 600,00 ({note}), cash 50,00" in sold.group(0), sold.group(0)
    p.closed("Betaling")
    week.sold["credit note"] = sold.group(1).split(", ")


def repair_intake(week: Week, p: Person) -> str:
    """A bike taken in for Sykkelfikseren: the form from the keyboard, the frame's serial
    number scanned into its field, a deposit in cash. Returns the job's ticket id."""
    p.open_page("repairs.intake", "cashier")
    p.press("shift+Tab")
    p.type("13")  # the workshop
    p.press("Tab")
    for value in ("Ola Nordmann", "912 34 567", ""):  # name, phone, no e-mail
        p.type(value)
        p.press("Tab")
    p.press("space", "Tab")  # may be contacted
    for value in ("450", "", "200"):  # estimate, approved up to (the estimate), deposit
        p.type(value)
        p.press("Tab")
    p.press("Tab", "Tab", "Tab", "Tab")  # the promised date's day, month, year; technician
    for value in ("Sykkel", "DBS Intruder 2019"):  # down the item's column
        p.type(value)
        p.press("Tab")
    p.scan(SERIAL, "taken", "field")  # the serial number's label
    p.press("Tab")
    for value in ("Bremsene tar dårlig", "Brukt, riper på ramma", "Lås", ""):
        p.type(value)  # fault, condition, accessories; the photos' list
        p.press("Tab")
    p.press("space")  # the customer accepts the repair terms
    p.shot("day1-09-intake")
    p.start_action()
    p.press("ctrl+s")
    p.focus("^Depositum")
    p.press("F1")  # in cash, exact
    paid = p.wait_log(r"deposit for (R\w+) recorded at K1 by staff 1001: (\S+), total 200,00")
    p.closed("^Depositum")
    ticket = paid.group(1)
    week.sold["deposit"] = [paid.group(2)]
    p.wait(lambda: any(ticket in barcodes_on(pg) for pg in printed_pages(week.printer)),
           "the job tag on paper")  # fmt: skip
    p.press("Escape")
    return ticket


def repair_on_the_board(p: Person, ticket: str) -> None:
    """The job tag scanned on the board opens that job; labour added; ready for pickup."""
    p.open_page("repairs.board", "cashier")
    p.scan(ticket, "taken", "repairBoard")
    p.focus(f"Reparasjon {ticket}")
    p.type("Nye bremseklosser, justert")
    p.press("Tab")
    p.enter("350")  # the labour's amount: added
    p.shot("day1-10-ticket")
    for status in ("U", "Kl"):  # in repair (Under reparasjon), then ready (Klar til henting)
        p.press("F2")
        p.focus("^Endre status")
        p.type(status)
        p.shot("day1-11-status")
        p.press("F12")
        p.x.wait_for_no_window("^Endre status")
        p.focus(f"Reparasjon {ticket}")
    p.press("Escape")
    p.closed(f"Reparasjon {ticket}")
    p.press("Escape")


def pickup_at_the_till(week: Week, p: Person, ticket: str) -> None:
    """The job tag scanned at the sale screen: the job in the basket, the deposit deducted,
    the rest by card."""
    p.scan(ticket, "taken", "sale")
    p.shot("day1-12-pickup")
    sold = pay(p, ("", "F2"))
    week.sold["pickup"] = sold.group(1).split(", ")
    assert "card 150,00" in sold.group(0), sold.group(0)


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
    closed = p.wait_log(r"till closed at K1 by staff 9001: expected (.+?) kr, counted (.+?) kr")
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


# -- day 2 -----------------------------------------------------------------------------------
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
    assert "gitt ut 1 signerte kvitteringer etter denne" in restored, restored
    assert "1 kvitteringer hentet tilbake, 0 kunne ikke hentes" in restored, restored
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


def open_price_sale(p: Person, key: str, price: str, *tenders: tuple[str, str]) -> list[str]:
    """A tenant's open-price quick key, its price typed; paid: the receipt numbers."""
    p.press(key)
    p.focus("^Pris")
    p.enter(price)
    p.closed("^Pris")
    return pay(p, *tenders).group(1).split(", ")


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
    p.wait_log(r"till opened at K1 by staff 1001: float 1 500,00 kr \(counted by denomination\)")
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


# -- day 3 -----------------------------------------------------------------------------------
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
    p.wait_log(r"login refused at K1: .*before the last record")
    p.press("ctrl+shift+t")
    p.focus("Bekreft riktig tid")
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


def test_each_tenant_got_its_own_receipt_in_the_legal_wording_and_one_copy(week, saft):
    """Read back from the printer's bytes: every receipt the log names was printed once as
    the original, for its own tenant only (org.no, VAT or the notice that there is none), its
    lines, rounding and payments adding up to its total; the one copy says KOPI; each Z was
    printed."""
    receipts = printed_receipts(week.printer)
    originals = [r.number for r in receipts if not r.copy]
    told = [n for numbers in week.sold.values() for n in numbers]
    assert sorted(originals) == sorted(told)  # each once: never a second original
    org = {code: (org_no, vat, name) for code, name, org_no, vat, _group in TENANTS}
    for receipt in receipts:
        org_no, vat, name = org[receipt.number[:2]]
        spaced = f"{org_no[:3]} {org_no[3:6]} {org_no[6:]}"
        assert receipt.org_lines == [f"Org.nr. {spaced}" + (" MVA" if vat else "")]
        others = [n for code, (_o, _v, n) in org.items() if code != receipt.number[:2]]
        assert name in receipt.text and not any(other in receipt.text for other in others)
        assert ("Merverdiavgiftsregisteret" in receipt.text) is not vat
        assert receipt.number in receipt.barcodes  # scannable for a return or a copy
        assert sum(receipt.paid) == receipt.total, receipt.text
        if receipt.items:
            assert sum(receipt.items) + receipt.rounding == receipt.total, receipt.text
    (copy,) = [r for r in receipts if r.copy]
    assert copy.number == week.sold["offline"][0]
    original = next(r for r in receipts if r.number == copy.number and not r.copy)
    assert copy.text.replace("KOPI\n", "").replace("\nKOPI", "") == original.text
    z_ids = {
        report.findtext("s:reportID", namespaces=NS)
        for doc in saft.values()
        for report in doc.iterfind(".//s:eventReport", NS)
        if report.findtext("s:reportType", namespaces=NS) == "Z report"
    }
    printed_z = {code for pg in pages_with(week.printer, "Z-rapport") for code in barcodes_on(pg)}
    assert printed_z == z_ids


def test_the_week_is_in_its_screenshots(week: Week) -> None:
    shots = sorted(week.shots.glob("day*.png"))
    assert {path.name[:4] for path in shots} == {"day1", "day2", "day3"}
    for path in shots:
        with Image.open(path) as image:
            assert image.size == SCREEN and len(image.getcolors(maxcolors=1 << 16) or "") > 2
