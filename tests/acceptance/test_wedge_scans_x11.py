"""Scanners as they really type, in a real X server: the counter app under Xvfb, driven only by
real X key events (xdotool, as a wedge scanner types: Shift for capitals, AltGr where the
layout needs it, 6 ms a key, Enter), with a Norwegian and a US keyboard layout.

Every code the counter prints scans whole where it is taken: an in-store label, an EAN-13, an
EAN-8 and a CODE128 item code at the sale screen; a receipt number there and in Returns; a
credit note at payment; job tags on the repair board and in a ticket; a serial number into the
intake's field. The proof is what the app wrote: the support log's line for each scan (its
whole code and where it went), and the store after the app has stopped. Screenshots are kept
in ``OMIGJEN_X_SHOTS`` when that is set."""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from pos.counter import open_counter
from pos.demo.centre import seed_demo
from pos.identifiers import make_in_store_ean13
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import auth, catalogue, checkout, devices, returns
from pos.services.context import TillContext
from pos.services.repair_detail import ticket_detail
from tests.acceptance.xsession import XSession, missing, wait_until
from tests.integration.repair_helpers import ready_job, take_in

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(missing() is not None, reason=f"real X session: {missing()}"),
]
TUBE, EAN8, COFFEE, PART = "7310750000018", "73100003", "KAFFE-MED", "SYK-BREMS"
SERIAL = "SN4F7K2QX"
SCAN_LINE = re.compile(r"scan (.+?) (taken|refused) at ([^\s:]+)")


@dataclass(frozen=True)
class Printed:
    """Codes this counter has printed before the day the test drives."""

    receipt: str
    credit_note: str
    older_job: str
    newer_job: str


def prepare(data_dir: Path) -> Printed:
    """The demo centre with a coat sold, a tube returned to a credit note and two bike jobs."""
    with open_counter(data_dir) as counter:
        seed_demo(counter.uow, counter.signer())
        cashier = auth.authenticate(counter.uow, "1001", "1234")
        manager = auth.authenticate(counter.uow, "9001", "9999")
        ctx = TillContext("K1", cashier, counter.signer())
        boss = TillContext("K1", manager, counter.signer())
        coat, tube = Basket(), Basket()
        coat.add(catalogue.find_item(counter.uow, make_in_store_ean13("11", 1)))
        tube.add(catalogue.find_item(counter.uow, TUBE))
        sold = checkout.complete_sale(counter.uow, ctx, coat, [Tender(TenderKind.CASH, 64900)])
        tube_sale = checkout.complete_sale(counter.uow, ctx, tube, [Tender(TenderKind.CARD, 12900)])
        number = tube_sale.receipts[0].number
        (line,) = returns.returnable_lines(counter.uow, number)
        refund = returns.complete_return(
            counter.uow, boss, number, [returns.ReturnRequest(line.line_id, 1)],
            [Tender(TenderKind.CREDIT_NOTE, 0)],
        )  # fmt: skip
        with counter.uow.read() as uow:
            doc = uow.queries.receipt_doc(refund.receipts[0].receipt_id)
        ((note, _amount),) = doc.credit_notes_issued
        older = take_in(counter, ctx, customer_name="Eldre Jobb")
        newer = take_in(counter, ctx, customer_name="Nyere Jobb")
    return Printed(sold.receipts[0].number, note, older, newer)


def menu_key(label: str, role: str = "cashier") -> str:
    """The menu's key for a page the role may open (as the menu gives them out)."""
    from pos.model.staff import Operator, Role
    from ui.menu_dialog import menu_keys
    from ui.pages import all_pages

    person = Operator("", "1", "", Role(role))
    allowed = [spec for spec in all_pages() if spec.allowed(person)]
    return menu_keys(allowed)[[spec.key for spec in allowed].index(label)]


class Counter:
    """The running app in an X session, and what its log says about scans."""

    def __init__(self, x: XSession, data_dir: Path, shots: Path) -> None:
        self.x, self.data_dir, self.shots = x, data_dir, shots

    def scan(
        self, code: str, outcome: str, place: str, *, sent: str = "", suffix: tuple[str, ...] = ()
    ) -> None:
        """Scan (what the scanner ``sent``: ``code`` with its prefix and AIM id, and its
        ``suffix``), wait for the log to say where the scan went, and check it."""
        seen = len(self._scan_lines())
        self.x.scan(sent or code, suffix=suffix or ("Return",))
        wait_until(
            lambda: len(self._scan_lines()) > seen, 20, f"the log line of scan {code}",
            lambda: self.x.log_of(self.data_dir),
        )  # fmt: skip
        assert self._scan_lines()[seen:] == [(self._shown(code), outcome, place)]

    def _scan_lines(self) -> list[tuple[str, str, str]]:
        text = self.x.log_of(self.data_dir)
        return [m.groups() for m in SCAN_LINE.finditer(text)]  # type: ignore[misc]

    @staticmethod
    def _shown(code: str) -> str:
        from ui.scan_router import loggable

        return loggable(code)

    def shot(self, name: str) -> None:
        self.x.screenshot(self.shots / f"{name}.png")


@pytest.mark.parametrize("layout", ["no", "us"])
def test_every_printed_code_scans_whole_through_real_x_key_events(layout, tmp_path):
    data_dir = tmp_path / "data"
    printed = prepare(data_dir)
    shots = Path(os.environ.get("OMIGJEN_X_SHOTS") or tmp_path / "shots") / layout
    with XSession(layout) as x:
        x.start_app(data_dir, "--printer", x.printer_url(data_dir))
        x.focus(x.wait_for_window("^Omigjen"))
        app = Counter(x, data_dir, shots)
        try:
            drive_a_day(x, app, printed)
        finally:
            app.shot("last")
    check_the_store(data_dir, printed)
    assert shutil.which("xdotool")  # the proof above came through real X events


def drive_a_day(x: XSession, app: Counter, printed: Printed) -> None:
    x.type("1001")
    x.key("Return")
    x.type("1234")
    x.key("Return")
    x.wait_for_log(app.data_dir, r"staff 1001 logged in at K1")
    label = make_in_store_ean13("11", 2)
    for code in (label, TUBE, EAN8, COFFEE):  # in-store EAN-13, EAN-13, EAN-8, CODE128
        app.scan(code, "taken", "sale")
    app.shot("basket")
    x.key("F12")
    x.focus(x.wait_for_window("Betaling"))
    x.key("Return", "Return")  # the rest in cash, then confirm
    x.wait_for_log(app.data_dir, r"sale recorded at K1 by staff 1001: .*11-K1-000002")
    x.wait_for_no_window("Betaling")

    app.scan(printed.receipt, "taken", "sale")  # the receipt's number: its return opens
    x.focus(x.wait_for_window("Retur"))
    app.scan(printed.receipt, "taken", "ReturnsDialog")
    app.shot("return")
    x.key("Escape")
    x.focus(x.wait_for_window("^Omigjen"))

    app.scan(printed.credit_note, "refused", "sale")  # a credit note pays; it is no item
    app.shot("refused")
    x.key("Escape")  # seen
    app.scan(TUBE, "taken", "sale")
    x.key("F12")
    x.focus(x.wait_for_window("Betaling"))
    app.scan(printed.credit_note, "taken", "PaymentDialog")
    x.key("Return")  # paid in full by the credit note: confirm
    x.wait_for_log(app.data_dir, rf"credit_note 129,00 \({printed.credit_note}\)")
    x.wait_for_no_window("Betaling")
    x.focus(x.wait_for_window("^Omigjen"))

    open_page(x, "repairs.board")
    app.scan(printed.older_job, "taken", "repairBoard")  # the newer job is the one selected
    x.focus(x.wait_for_window(f"Reparasjon {printed.older_job}"))
    app.scan(PART, "taken", "TicketDialog")
    app.scan(printed.newer_job, "refused", "TicketDialog")  # one job at a time
    app.shot("ticket")
    x.key("Escape")  # the ticket
    x.focus(x.wait_for_window("^Omigjen"))
    x.key("Escape")  # the board: back to the sale screen

    open_page(x, "repairs.intake")
    app.scan(SERIAL, "refused", "repairIntake")  # the customer's name has the focus
    x.key(*["Tab"] * 6)  # phone, e-mail, consent, category, brand and model, serial number
    app.scan(SERIAL, "taken", "field")
    app.shot("intake")


def open_page(x: XSession, key: str, role: str = "cashier") -> None:
    x.key("F1")
    x.wait_for_window("Meny")
    x.type(menu_key(key, role).lower())
    x.wait_for_no_window("Meny")
    x.focus(x.wait_for_window("^Omigjen"))  # no window manager gives it back


def check_the_store(data_dir: Path, printed: Printed) -> None:
    with open_counter(data_dir) as counter:
        with counter.uow.read() as uow:
            receipt = uow.queries.receipt_by_number("11-K1-000002")
            assert receipt is not None
            sold = [ln["description"] for ln in uow.queries.lines_of_receipt(receipt["id"])]
        label = catalogue.find_item(counter.uow, make_in_store_ean13("11", 2))
        assert sold == [label.description]  # the label scanned whole, its tenant's receipt
        older = ticket_detail(counter.uow, printed.older_job)
        newer = ticket_detail(counter.uow, printed.newer_job)
    assert [line.description for line in older.lines] == ["Bremseklosser V-brake (par)"]
    assert newer.lines == ()


# -- a scanner programmed with a prefix, AIM ids and another suffix --------------------------
PREFIX = "#"
"""What the scanner is set to send first (Shift+3 on both layouts)."""


def prepare_framed(data_dir: Path) -> str:
    """The demo centre whose register expects the prefix, and a bike job ready for pickup."""
    with open_counter(data_dir) as counter:
        seed_demo(counter.uow, counter.signer())
        manager = auth.authenticate(counter.uow, "9001", "9999")
        boss = TillContext("K1", manager, counter.signer())
        devices.save_scanner_settings(counter.uow, boss, devices.ScannerSettings(prefix=PREFIX))
        cashier = auth.authenticate(counter.uow, "1001", "1234")
        return ready_job(counter, TillContext("K1", cashier, counter.signer()), deposit=False)


@pytest.mark.parametrize("layout", ["no", "us"])
def test_a_scanner_sending_a_prefix_aim_ids_and_cr_lf_or_tab_scans_whole(layout, tmp_path):
    """On the Norwegian layout ']' of an AIM id is AltGr+9, which xdotool presses as a
    scanner does. Each burst is one scan, its prefix and AIM id stripped, whatever its suffix:
    an EAN-13, a CODE128 item code and a job tag (its pickup) at the sale screen, and an
    in-store label in the back office's item list."""
    data_dir = tmp_path / "data"
    job = prepare_framed(data_dir)
    label = make_in_store_ean13("11", 1)
    shots = Path(os.environ.get("OMIGJEN_X_SHOTS") or tmp_path / "shots") / f"framed-{layout}"
    crlf, tab = ("Return", "ctrl+j"), ("Tab",)
    with XSession(layout) as x:
        x.start_app(data_dir, "--printer", x.printer_url(data_dir))
        x.focus(x.wait_for_window("^Omigjen"))
        app = Counter(x, data_dir, shots)
        try:
            log_in(x, app, "1001", "1234")
            app.scan(TUBE, "taken", "sale", sent=f"{PREFIX}]E0{TUBE}", suffix=crlf)
            app.scan(COFFEE, "taken", "sale", sent=f"{PREFIX}]C0{COFFEE}", suffix=tab)
            app.scan(job, "taken", "sale", sent=f"{PREFIX}]C0{job}", suffix=crlf)  # pickup
            app.shot("basket")
            x.key("F12")
            x.focus(x.wait_for_window("Betaling"))
            x.key("Return", "Return")  # the rest in cash, then confirm
            recorded = x.wait_for_log(data_dir, r"sale recorded at K1 by staff 1001: (.+?), total")
            x.wait_for_no_window("Betaling")
            x.focus(x.wait_for_window("^Omigjen"))
            x.key("ctrl+l")
            log_in(x, app, "9001", "9999")
            open_page(x, "items", "manager")
            app.scan(label, "taken", "ItemsPage", sent=f"{PREFIX}]E0{label}", suffix=crlf)
            app.shot("items")
        finally:
            app.shot("last")
    with open_counter(data_dir) as counter:
        detail = ticket_detail(counter.uow, job)
        with counter.uow.read() as uow:
            sold = [
                ln["description"]
                for number in recorded.group(1).split(", ")
                for ln in uow.queries.lines_of_receipt(uow.queries.receipt_by_number(number)["id"])
            ]
    assert detail.status.value == "collected", detail.status  # paid at the till: picked up
    assert 'Slange 28" Schrader' in sold and "Kaffe (ta med)" in sold
    assert f"Bremseklosser V-brake (par) (rep. {job})" in sold  # the job, from its scanned tag


def log_in(x: XSession, app: Counter, staff_no: str, pin: str) -> None:
    x.type(staff_no)
    x.key("Return")
    x.type(pin)
    x.key("Return")
    x.wait_for_log(app.data_dir, rf"staff {staff_no} logged in at K1")
