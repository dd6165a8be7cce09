"""What the register recorded after the backup besides sales comes back with a restore: cash
put in and taken out, a drawer opening without a sale and a receipt's copy are on the till page
and the X report as before, a second copy is still refused, and the restore names each one."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pos.clock import SteppingClock, SystemClock
from pos.counter import open_counter
from pos.errors import CopyAlreadyPrinted
from pos.model.basket import Basket
from pos.model.printing import PrinterRole, PrinterSetting
from pos.services import auth, copies, print_queue, reports, till
from pos.services.catalogue import find_item
from pos.services.context import TillContext
from printers.printing import Printing
from printers.worker import PrintWorker
from tests.cli.test_backup_cli import MANAGER, sell
from tests.cli.test_cli import run
from tests.faketime import main_at


def moves_after_the_backup(data_dir: Path) -> str:
    """A demo store, a sale, a backup, then 200 kr in, 100 kr out, a copy of the sale's receipt
    and a drawer opening without a sale (its kick reached the printer); returns the receipt."""
    run(data_dir, "demo")
    (receipt, *_rest) = sell(data_dir)
    run(data_dir, "backup")
    with open_counter(data_dir) as counter:
        boss = TillContext("K1", auth.authenticate(counter.uow, "9001", "9999"), counter.signer())
        till.move_cash(counter.uow, boss, 20000, "Mynt")
        till.move_cash(counter.uow, boss, -10000, "Bank")
        copies.make_copy(counter.uow, boss, receipt)
        setting = PrinterSetting("K1", PrinterRole.RECEIPT, f"file://{data_dir}/printer")
        print_queue.save_printer_setting(counter.uow, boss, setting)
        printing = Printing(counter.uow, "K1")
        printing.open_drawer_no_sale(boss, "Veksling")
        PrintWorker(counter.uow, "K1", printing.transports()).run_pending()
    return receipt


def counted(data_dir: Path, clock: SteppingClock | None = None) -> tuple:
    """What the X reports count of cash moved, drawer openings and copies (all tenants)."""
    with open_counter(data_dir) as counter:
        manager = auth.authenticate(counter.uow, "9001", "9999")
        boss = TillContext("K1", manager, counter.signer(), clock or SystemClock())
        made = reports.x_reports(counter.uow, boss)
    return (
        sum(r.no_sale_openings for r in made),
        sum(r.copies.num for r in made),
        sorted((line.code, line.amount) for r in made for line in r.pay_ins),
        sorted((line.code, line.amount) for r in made for line in r.pay_outs),
    )


def test_cash_moves_a_drawer_opening_and_a_copy_after_the_backup_come_back(tmp_path):
    receipt = moves_after_the_backup(tmp_path)
    till_before = run(tmp_path, "till-status").stdout
    x_before = counted(tmp_path)
    assert "inn 200,00, ut 100,00" in till_before
    assert x_before[:2] == (1, 1) and x_before[2] and x_before[3]

    out = run(tmp_path, "restore-backup", *MANAGER).stdout
    assert "Også 4 andre registreringer etter kopien" in out  # said before replacing
    assert "Inn i kassen 200,00 kr (Mynt)" in out and "Ut av kassen 100,00 kr (Bank)" in out
    assert "Skuffeåpning uten salg" in out and f"Kopi (KOPI) av {receipt}" in out

    assert run(tmp_path, "till-status").stdout == till_before
    assert counted(tmp_path) == x_before
    with open_counter(tmp_path) as counter:  # the look-up's F5: the one copy is used up
        boss = TillContext("K1", auth.authenticate(counter.uow, "9001", "9999"), counter.signer())
        with pytest.raises(CopyAlreadyPrinted):
            copies.make_copy(counter.uow, boss, receipt)
    assert "OK" in run(tmp_path, "verify-journal").stdout
    (listing,) = (tmp_path / "salvage").glob("*/receipts.json")
    found = json.loads(listing.read_text())
    assert len(found["events_brought_back"]) == 4 and found["events_not_brought_back"] == []


def test_a_copy_a_z_counted_before_the_restore_is_not_counted_again(tmp_path):
    run(tmp_path, "demo")
    (receipt, *_rest) = sell(tmp_path)
    run(tmp_path, "backup")
    with open_counter(tmp_path) as counter:
        boss = TillContext("K1", auth.authenticate(counter.uow, "9001", "9999"), counter.signer())
        copies.make_copy(counter.uow, boss, receipt)
    assert counted(tmp_path)[1] == 1
    run(tmp_path, "z-report", *MANAGER)  # counts the copy; the backup does not have this Z
    (newest,) = sorted((tmp_path / "backups").glob("*-z.zip"))
    newest.unlink()  # the Z's own backup lost with the disk: the older one is restored
    out = main_at(None, tmp_path, "restore-backup", *MANAGER, offset="+1d").stdout
    assert f"Kopi (KOPI) av {receipt}" in out
    tomorrow = SteppingClock(datetime.now(UTC) + timedelta(days=1, minutes=1))
    assert counted(tmp_path, tomorrow)[1] == 0  # the next day's X: on that Z already
    with open_counter(tmp_path) as counter:
        manager = auth.authenticate(counter.uow, "9001", "9999")
        boss = TillContext("K1", manager, counter.signer(), tomorrow)
        with pytest.raises(CopyAlreadyPrinted):
            copies.make_copy(counter.uow, boss, receipt)
    assert "OK" in main_at(None, tmp_path, "verify-journal", offset="+1d").stdout


def voids_and_corrections(data_dir: Path) -> tuple:
    """What the X reports count of voids, line corrections and price look-ups (all tenants)."""
    with open_counter(data_dir) as counter:
        boss = TillContext("K1", auth.authenticate(counter.uow, "9001", "9999"), counter.signer())
        made = reports.x_reports(counter.uow, boss)
    return (
        sum(r.voids.num for r in made),
        sorted((line.code, line.num, line.amount) for r in made for line in r.line_corrections),
        sorted((line.code, line.num) for r in made for line in r.price_inquiries),
    )


def test_voids_deletes_and_look_ups_come_back_and_a_till_close_with_them(tmp_path):
    run(tmp_path, "demo")
    run(tmp_path, "backup")
    with open_counter(tmp_path) as counter:
        boss = TillContext("K1", auth.authenticate(counter.uow, "9001", "9999"), counter.signer())
        coffee = find_item(counter.uow, "KAFFE-MED")
        till.look_up_price(counter.uow, boss, coffee)
        basket = Basket()
        basket.add(coffee)
        basket.add(coffee)
        till.delete_line(counter.uow, boss, basket, basket.lines[1].line_id)
        till.void_basket(counter.uow, boss, basket, reason="Angret")
    run(tmp_path, "till-close", "--count", "1000=1,500=1", "--card", "0", "--vipps", "0",
        *MANAGER)  # fmt: skip
    before = voids_and_corrections(tmp_path)
    assert before[0] == 1 and before[1] and before[2]

    status = run(tmp_path, "till-status", check=False)
    assert status.returncode == 1  # closed

    out = run(tmp_path, "restore-backup", *MANAGER).stdout
    assert "Annullert salg 32,00 kr" in out and "Prisforespørsel" in out and "Slettet linje" in out
    (back,) = [ln for ln in out.splitlines() if ln.strip().startswith("Kasseoppgjør")]
    assert "Kassen står" not in back  # brought back, not only named
    assert voids_and_corrections(tmp_path) == before
    assert "OK" in run(tmp_path, "verify-journal").stdout
    again = run(tmp_path, "till-status", check=False)
    assert (again.returncode, again.stdout) == (status.returncode, status.stdout)


def test_a_till_closed_and_opened_again_after_the_backup_stands_as_it_did(tmp_path):
    """The close (its count, the tenants' lines, the terminal check) and the new float after
    the backup come back: the till is open with the new float, the close on the day-end."""
    run(tmp_path, "demo")
    sell(tmp_path)
    run(tmp_path, "backup")
    run(tmp_path, "till-close", "--count", "1000=1,500=1", "--card", "32", "--vipps", "0",
        *MANAGER)  # fmt: skip
    run(tmp_path, "till-open", "--float", "1200", *MANAGER)
    status = run(tmp_path, "till-status").stdout
    x_before = counted(tmp_path)

    out = run(tmp_path, "restore-backup", *MANAGER).stdout
    assert "Kasseoppgjør" in out and "Kassen åpnet" in out and "Ikke hentet tilbake" not in out
    assert run(tmp_path, "till-status").stdout == status  # open since then, the new float
    assert counted(tmp_path) == x_before
    with sqlite3.connect(tmp_path / "omigjen.sqlite3") as db:
        closes = db.execute("SELECT counted_cash FROM till_closes").fetchall()
        tenants = db.execute("SELECT COUNT(*) FROM till_close_tenants").fetchone()[0]
    assert closes == [(150000,)] and tenants >= 1
    assert "OK" in run(tmp_path, "verify-journal").stdout
    closed = run(tmp_path, "till-close", "--count", "1000=1,200=1", "--card", "0", "--vipps",
                 "0", *MANAGER).stdout  # fmt: skip
    assert "Forventet 1 200,00" in closed.replace("\xa0", " ")


def test_baskets_parked_and_resumed_after_the_backup_stand_as_they_did(tmp_path):
    """A basket parked after the backup waits again (a draft, not a record); one parked before
    and resumed after is not waiting; the X counts the parkings as before."""
    from pos.services import parking
    from pos.services.parked_list import parked_in

    run(tmp_path, "demo")
    with open_counter(tmp_path) as counter:
        kari = TillContext("K1", auth.authenticate(counter.uow, "1001", "1234"), counter.signer())
        early = Basket()
        early.add(find_item(counter.uow, "KAFFE-MED"))
        early_id = parking.park(counter.uow, kari, early, "Bord 1")
    run(tmp_path, "backup")
    with open_counter(tmp_path) as counter:
        kari = TillContext("K1", auth.authenticate(counter.uow, "1001", "1234"), counter.signer())
        parking.resume(counter.uow, kari, early_id)
        late = Basket()
        late.add(find_item(counter.uow, "KAFFE-MED"))
        late_id = parking.park(counter.uow, kari, late, "Bord 2")

    def waiting() -> list[str]:
        with open_counter(tmp_path) as counter, counter.uow.read() as uow:
            return [p.id for p in parked_in(uow, "K1")]

    def parked_counted() -> tuple:
        with open_counter(tmp_path) as counter:
            boss = TillContext("K1", auth.authenticate(counter.uow, "9001", "9999"),
                               counter.signer())  # fmt: skip
            made = reports.x_reports(counter.uow, boss)
        return tuple(sorted((r.parked.num, r.parked.amount) for r in made))

    assert waiting() == [late_id]
    x_before = parked_counted()
    out = run(tmp_path, "restore-backup", *MANAGER).stdout
    assert "Parkert kurv 32,00 kr" in out and "Parkert kurv hentet fram 32,00 kr" in out
    assert "Ikke hentet tilbake" not in out
    assert waiting() == [late_id]
    assert parked_counted() == x_before
    assert "OK" in run(tmp_path, "verify-journal").stdout
