"""Day 1 of the acceptance week: the first-run set-up in the window, the manager's login and
float, a cashier added, items registered in a batch and their A4 label sheet read back,
mixed-tenant baskets with a split tender and cash rounding, a return from the receipt's scanned
barcode to a credit note, the credit note scanned at payment, a repair taken in with its
deposit, its job tag scanned on the board and the job picked up and paid at the till, the blind
count and close, the Z."""

from __future__ import annotations

from tests.acceptance.counter_ui import Person
from tests.acceptance.week_outputs import (
    barcodes_on,
    label_sheet_codes,
    local,
    pages_with,
    printed_pages,
)
from tests.acceptance.week_plan import (
    CASHIER,
    CENTRE,
    CENTRE_COMPANY,
    DAY_ONE_COUNT,
    ITEMS,
    MANAGER,
    REPAIR_SHOPS,
    SERIAL,
    TENANTS,
    Week,
    close_and_z,
    open_till,
    pay,
)
from tests.printers.escpos_decoder import Page


def day_one(week: Week) -> None:
    p = week.start(local(week.days[0], 8, 30))
    first_run(week, p)
    p.focus()
    p.log_in(MANAGER[0], MANAGER[2])
    open_till(p, "1500")
    add_cashier(p)
    trade_of_day_one(week, p)
    week.stop()


def trade_of_day_one(week: Week, p: Person) -> None:
    """Day one once the manager has opened the till: items labelled, the cashier's baskets,
    a return and its credit note, a repair taken in and picked up, then the manager's count,
    close and Z."""
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
        found = p.wait_log(rf"1 item\(s\) registered at {p.register} by staff 9001: (\d{{13}})")
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
        rf"return recorded at {p.register} by staff 1001: (\S+), total -600,00 kr, "
        "paid credit_note 600,00"
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
    sold = p.wait_log(
        rf"sale recorded at {p.register} by staff 1001: (.+?), total 650,00 kr, paid .*"
    )
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
    p.press("Tab", "Tab")  # the promised date (one Tab leaves it), the technician as offered
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
    paid = p.wait_log(
        rf"deposit for (R\w+) recorded at {p.register} by staff 1001: (\S+), total 200,00"
    )
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


def pickup_at_the_till(week: Week, p: Person, ticket: str, what: str = "pickup") -> None:
    """The job tag scanned at the sale screen: the job in the basket, the deposit deducted,
    the rest by card."""
    p.scan(ticket, "taken", "sale")
    p.shot(f"day{len(week.closes) + 1}-12-pickup")
    sold = pay(p, ("", "F2"))
    week.sold[what] = sold.group(1).split(", ")
    assert "card 150,00" in sold.group(0), sold.group(0)
