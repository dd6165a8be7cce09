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
from tests.acceptance.counter_ui import Person
from tests.acceptance.xsession import XSession, missing
from tests.integration.repair_helpers import ready_job, take_in

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(missing() is not None, reason=f"real X session: {missing()}"),
]
TUBE, EAN8, COFFEE, PART = "7310750000018", "73100003", "KAFFE-MED", "SYK-BREMS"
SERIAL = "SN4F7K2QX"


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


@pytest.mark.parametrize("layout", ["no", "us"])
def test_every_printed_code_scans_whole_through_real_x_key_events(layout, tmp_path):
    data_dir = tmp_path / "data"
    printed = prepare(data_dir)
    shots = Path(os.environ.get("OMIGJEN_X_SHOTS") or tmp_path / "shots") / layout
    with XSession(layout) as x:
        x.start_app(data_dir, "--printer", x.printer_url(data_dir))
        x.focus(x.wait_for_window("^Omigjen"))
        app = Person(x, data_dir, shots)
        try:
            drive_a_day(x, app, printed)
        finally:
            app.shot("last")
    check_the_store(data_dir, printed)
    assert shutil.which("xdotool")  # the proof above came through real X events


def drive_a_day(x: XSession, app: Person, printed: Printed) -> None:
    app.log_in("1001", "1234")
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

    app.open_page("repairs.board")
    app.scan(printed.older_job, "taken", "repairBoard")  # the newer job is the one selected
    x.focus(x.wait_for_window(f"Reparasjon {printed.older_job}"))
    app.scan(PART, "taken", "TicketDialog")
    app.scan(printed.newer_job, "refused", "TicketDialog")  # one job at a time
    app.shot("ticket")  # the refusal shown over the open job
    x.key("Escape")  # seen, in the job as at the basket
    x.key("Escape")  # the ticket
    x.focus(x.wait_for_window("^Omigjen"))
    x.key("Escape")  # the board: back to the sale screen

    app.open_page("repairs.intake")
    app.scan(SERIAL, "refused", "repairIntake")  # the customer's name has the focus
    # Tab follows the eye: down the customer column (phone, e-mail, consent, estimate, limit,
    # deposit, the promised date (one Tab leaves it), technician), then category, brand and
    # model, serial number.
    x.key(*["Tab"] * 11)
    app.scan(SERIAL, "taken", "field")
    app.shot("intake")


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
        app = Person(x, data_dir, shots)
        try:
            app.log_in("1001", "1234")
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
            app.log_in("9001", "9999")
            app.open_page("items", "manager")
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
