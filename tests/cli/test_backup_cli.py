"""Backup and restore through the commands a person types (``python main.py …`` as a process):
a restore needs a manager, says what it replaces, never repeats a number; every kind of real
damage to the store file gets a clear message and a restore; a backup restores on a new PC."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pos.counter import open_counter
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import auth, checkout
from pos.services.catalogue import find_item
from pos.services.context import TillContext
from tests.cli.test_cli import run
from tests.reliability.damage import (
    damage_index,
    damage_journal_row,
    damage_schema_page,
    damage_zip_member,
    flip_bytes_in_table,
    truncate,
)

MANAGER = ("--staff", "9001", "--pin", "9999")


def sell(data_dir: Path, n: int = 1) -> list[str]:
    """Sales at the counter (the screen's service, in this process while no command runs)."""
    numbers = []
    with open_counter(data_dir) as counter:
        ctx = TillContext("K1", auth.authenticate(counter.uow, "1001", "1234"), counter.signer())
        for _ in range(n):
            basket = Basket()
            basket.add(find_item(counter.uow, "KAFFE-MED"))
            basket.add(find_item(counter.uow, "BUA-DIV"), 1, 10000)
            done = checkout.complete_sale(
                counter.uow, ctx, basket, [Tender(TenderKind.CARD, basket.total)]
            )
            numbers += [r.number for r in done.receipts]
    return numbers


def receipts(data_dir: Path) -> list[tuple[str, int, str]]:
    with sqlite3.connect(data_dir / "omigjen.sqlite3") as db:
        return db.execute(
            "SELECT number_text, sig_nr, tenant_id FROM receipts ORDER BY tenant_id, sig_nr"
        ).fetchall()


def outbox_receipts(data_dir: Path) -> list[str]:
    with sqlite3.connect(data_dir / "omigjen.sqlite3") as db:
        rows = db.execute("SELECT payload FROM outbox WHERE type = 'sale.completed'").fetchall()
    return [json.loads(p)["receipt"]["number_text"] for (p,) in rows]


def test_a_week_with_a_restore_never_repeats_a_number(tmp_path):
    run(tmp_path, "demo")
    first = sell(tmp_path)
    z = run(tmp_path, "z-report", *MANAGER).stdout
    assert "Sikkerhetskopi:" in z  # the backup after the Z, checked in full
    lost = sell(tmp_path, 2)
    restored = run(tmp_path, "restore-backup", *MANAGER)
    out = restored.stdout
    assert "4 signerte kvitteringer" in out or "4 signed receipts" in out  # said before replacing
    assert "4 kvitteringer hentet tilbake" in out  # all four could still be read
    after = sell(tmp_path)
    assert not set(after) & set(first + lost)
    numbers = [n for n, _sig, _t in receipts(tmp_path)]
    assert len(numbers) == len(set(numbers)) == len(first + lost + after)
    assert set(outbox_receipts(tmp_path)) == set(numbers)  # everything queued for the server
    assert "OK" in run(tmp_path, "verify-journal").stdout


def test_a_restore_of_a_healthy_store_needs_a_manager(tmp_path):
    run(tmp_path, "demo")
    run(tmp_path, "backup")
    sell(tmp_path)
    nobody = run(tmp_path, "restore-backup", check=False)
    assert nobody.returncode == 2 and "--staff" in nobody.stderr
    cashier = run(tmp_path, "restore-backup", "--staff", "1001", "--pin", "1234", check=False)
    assert cashier.returncode == 2 and "leder" in cashier.stderr
    assert "kvittering" not in cashier.stdout  # refused before the store is described
    wrong = run(tmp_path, "restore-backup", "--staff", "9001", "--pin", "0000", check=False)
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    assert not list(tmp_path.glob("omigjen.sqlite3.replaced-*"))
    assert len(receipts(tmp_path)) == 2


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda db: flip_bytes_in_table(db, "sales"), id="data pages"),
        pytest.param(damage_schema_page, id="schema page"),
        pytest.param(truncate, id="cut short"),
    ],
)
def test_every_kind_of_damage_gets_a_clear_message_and_a_restore(tmp_path, damage):
    run(tmp_path, "demo")
    sell(tmp_path)
    backup = run(tmp_path, "backup").stdout.splitlines()[0].strip()
    sell(tmp_path)
    damage(tmp_path / "omigjen.sqlite3")
    for lang, word in (("nb", "skadet"), ("en", "damaged")):
        refused = run(tmp_path, "--lang", lang, "tenants", check=False)
        assert refused.returncode == 2, refused.stderr
        assert word in refused.stderr and "restore-backup --staff" in refused.stderr
        assert backup not in refused.stderr  # the newest backup is not always a good one
        assert "Traceback" not in refused.stderr and "sqlalchemy" not in refused.stderr.lower()
    again = run(tmp_path, "backup", check=False)
    assert again.returncode == 2 and "skadet" in again.stderr
    assert len(list((tmp_path / "backups").glob("*.zip"))) == 1  # damage is never copied
    run(tmp_path, "restore-backup", *MANAGER)
    assert len(run(tmp_path, "tenants").stdout.splitlines()) == 6
    assert "OK" in run(tmp_path, "verify-journal").stdout
    after = sell(tmp_path)
    assert all(n.endswith("000003") for n in after)  # after the two numbers given out before


def test_a_newest_backup_damaged_on_disk_is_passed_over_for_the_newest_good_one(tmp_path):
    run(tmp_path, "demo")
    sell(tmp_path)
    older = run(tmp_path, "backup").stdout.splitlines()[0].strip()
    sell(tmp_path)
    newer = run(tmp_path, "backup").stdout.splitlines()[0].strip()
    damage_zip_member(Path(newer))  # a bad CRC: the ZIP opens, its store does not read
    flip_bytes_in_table(tmp_path / "omigjen.sqlite3", "sales")
    restored = run(tmp_path, "restore-backup", *MANAGER)
    out = restored.stdout
    assert f"Hoppet over (besto ikke kontrollen): {Path(newer).name}" in out
    assert f"Sikkerhetskopi: {older}" in out and "Gjenopprettet." in out
    assert "OK" in run(tmp_path, "verify-journal").stdout


@pytest.mark.parametrize("lang, said", [("nb", "Kan ikke leses: "), ("en", "Cannot be read: ")])
def test_receipts_that_cannot_be_read_back_are_named_by_number(tmp_path, lang, said):
    run(tmp_path, "demo")
    sell(tmp_path)
    run(tmp_path, "backup")
    lost = sell(tmp_path, 2)  # two sales, each a receipt for the Kafé and one for Bua
    damage_schema_page(tmp_path / "omigjen.sqlite3")  # nothing of the store can be read
    out = run(tmp_path, "--lang", lang, "restore-backup", *MANAGER).stdout
    (line,) = [ln for ln in out.splitlines() if ln.startswith(said)]
    series = sorted({n[:-6] for n in lost})
    ranges = [f"{min(n for n in lost if n.startswith(s))}–{max(n for n in lost if n.startswith(s))}"
              for s in series]  # fmt: skip
    assert line == said + ", ".join(ranges)
    (listing,) = (tmp_path / "salvage").glob("*/receipts.json")
    assert json.loads(listing.read_text())["unreadable_receipt_numbers"] == ranges


def test_damage_only_the_full_check_finds_stops_the_backup_after_the_z(tmp_path):
    """An index that no longer matches its table passes the quick check at start; the full
    check after the Z finds it: the Z stands, the damaged store is not backed up, the next
    start refuses it and the restore brings the day's sales back."""
    run(tmp_path, "demo")
    run(tmp_path, "backup")
    sold = sell(tmp_path)
    damage_index(tmp_path / "omigjen.sqlite3", "ix_items_tenant_id")
    z = run(tmp_path, "z-report", *MANAGER, check=False)
    assert z.returncode == 2 and "Traceback" not in z.stderr
    assert "Z-rapport nr. 1" in z.stdout  # taken and printed all the same, and said so
    assert "Z-rapportene er lagret og skrevet ut" in z.stderr and "skadet" in z.stderr
    assert "Ingenting mer blir lagret" not in z.stderr
    assert "består full kontroll" in z.stderr and "restore-backup --staff" in z.stderr
    assert len(list((tmp_path / "backups").glob("*.zip"))) == 1  # the damage was not copied
    for lang, word in (("nb", "skadet"), ("en", "damaged")):
        refused = run(tmp_path, "--lang", lang, "tenants", check=False)
        assert refused.returncode == 2 and word in refused.stderr
    restored = run(tmp_path, "restore-backup", *MANAGER).stdout
    assert "2 kvitteringer hentet tilbake" in restored
    assert "OK" in run(tmp_path, "verify-journal").stdout
    again = sell(tmp_path)
    assert not set(again) & set(sold)
    assert all(n.endswith("000002") for n in again)


def damaged_journal_row(data_dir: Path) -> tuple[str, int]:
    """A demo store with a good backup, a later sale, then bytes damaged inside a journal row:
    its page stays well formed (``quick_check`` passes at start), its time is no time."""
    run(data_dir, "demo")
    sell(data_dir)
    good = Path(run(data_dir, "backup").stdout.splitlines()[0].strip()).name
    sell(data_dir)
    db = data_dir / "omigjen.sqlite3"
    with sqlite3.connect(db) as con:
        seq = con.execute("SELECT max(seq) FROM journal WHERE tenant_id IS NOT NULL").fetchone()[0]
    damage_journal_row(db, seq)
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    return good, seq


def test_damage_inside_a_journal_row_is_a_finding_with_a_restore_offered(tmp_path):
    good, seq = damaged_journal_row(tmp_path)
    checked = run(tmp_path, "verify-journal", check=False)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr, checked.stderr
    assert "isoformat" not in checked.stderr
    assert f"journalrad {seq}: feltet created_at kan ikke leses" in checked.stderr
    assert "databasefilen er skadet" in checked.stderr
    assert "består full kontroll" in checked.stderr and "restore-backup --staff" in checked.stderr
    refused = run(tmp_path, "tenants", check=False)  # noted: the till refuses the store now
    assert refused.returncode == 2 and "skadet" in refused.stderr
    for _ in range(2):  # the check still reads it and reports, however often it is run
        again = run(tmp_path, "--lang", "en", "verify-journal", check=False)
        assert again.returncode == 1 and "Traceback" not in again.stderr, again.stderr
        assert f"journal row {seq}: the field created_at cannot be read" in again.stderr
        assert "damaged" in again.stderr and "passes the full check" in again.stderr
    restored = run(tmp_path, "restore-backup", *MANAGER)
    assert good in restored.stdout + restored.stderr
    assert "OK" in run(tmp_path, "verify-journal").stdout


def test_a_store_refused_at_start_is_still_verified_and_its_damage_reported(tmp_path):
    """Pages damaged so that the start refuses the store: verify-journal reads what it still
    holds and names the damage as a finding (exit 1), never as a refusal (exit 2)."""
    run(tmp_path, "demo")
    sell(tmp_path)
    flip_bytes_in_table(tmp_path / "omigjen.sqlite3", "sales")
    assert run(tmp_path, "tenants", check=False).returncode == 2
    checked = run(tmp_path, "verify-journal", check=False)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr, checked.stderr
    assert "databasefilen er skadet" in checked.stderr and "restore-backup" in checked.stderr
    assert "OK" not in checked.stdout


def test_damage_inside_a_journal_row_is_never_backed_up(tmp_path):
    good, _seq = damaged_journal_row(tmp_path)
    refused = run(tmp_path, "backup", check=False)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "skadet" in refused.stderr and "består full kontroll" in refused.stderr
    assert [p.name for p in (tmp_path / "backups").glob("*.zip")] == [good]


def test_a_backup_restores_into_a_fresh_folder_and_verifies(tmp_path):
    old, usb, new = tmp_path / "old", tmp_path / "usb", tmp_path / "new"
    usb.mkdir()
    run(old, "demo")
    photo = tmp_path / "bike.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 a bike")
    run(old, "repair-intake", "--tenant", "13", "--staff", "2001", "--pin", "2345",
        "--customer", "Ola", "--phone", "40000000", "--item", "Sykkel", "--fault", "Bremser",
        "--photo", str(photo), "--terms-accepted")  # fmt: skip
    sell(old, 2)
    taken = run(old, "backup", "--set-second-place", str(usb), *MANAGER).stdout
    copies = list(usb.glob("omigjen-*.zip"))
    assert len(copies) == 1 and str(copies[0]) in taken
    shutil.rmtree(old)  # the old PC is gone
    assert "OK" in run(new, "verify-journal").stdout  # a command first makes an empty store

    restored = run(new, "restore-backup", str(copies[0]), *MANAGER, "--confirm-unknown-history")
    restored = restored.stdout
    assert not (new / "salvage").exists() and not list(new.glob("omigjen.sqlite3.replaced-*"))
    assert "Den gamle databasen" not in restored
    assert "versjon 2" in restored  # a new signing key version
    assert "vet ikke hvor mange kvitteringer" in restored  # no count it cannot know
    assert "OK" in run(new, "verify-journal").stdout
    assert list((new / "photos").rglob("01.jpg"))
    assert (new / "keys" / "rsa-v1.pub.pem").exists() and (new / "keys" / "rsa-v2.sealed").exists()
    sell(new)
    assert "OK" in run(new, "verify-journal").stdout
    with zipfile.ZipFile(copies[0]) as bundle:
        assert not [n for n in bundle.namelist() if n.endswith((".sealed", "rsa-v1.pem"))]


def test_a_second_place_that_is_not_there_is_refused_and_nothing_changes(tmp_path):
    data, usb = tmp_path / "data", tmp_path / "usb"
    run(data, "demo")
    done = run(data, "backup", "--set-second-place", str(usb), *MANAGER, check=False)
    assert done.returncode == 2 and "finnes ikke" in done.stderr and str(usb) in done.stderr
    assert not usb.exists() and not list((data / "backups").glob("*-manual.zip"))
    usb.mkdir()
    main_py = Path(__file__).resolve().parents[2] / "main.py"
    relative = subprocess.run([sys.executable, str(main_py),
                               "--data-dir", str(data), "backup", "--set-second-place", "usb",
                               *MANAGER], cwd=tmp_path, capture_output=True, text=True)  # fmt: skip
    assert relative.returncode == 0, relative.stderr
    assert len(list(usb.glob("omigjen-*-manual.zip"))) == 1


def test_a_second_place_unplugged_is_said_in_the_persons_language(tmp_path):
    data, usb = tmp_path / "data", tmp_path / "usb"
    run(data, "demo")
    usb.mkdir()
    run(data, "backup", "--set-second-place", str(usb), *MANAGER)
    usb.rename(tmp_path / "unplugged")
    said = {}
    for lang in ("nb", "en"):
        done = run(data, "--lang", lang, "backup", check=False)
        assert done.returncode == 1 and done.stdout.strip()  # the backup itself is taken
        said[lang] = done.stderr
    assert f"Ikke kopiert til det andre stedet: mappen «{usb}» finnes ikke" in said["nb"]
    assert "not there" not in said["nb"] and "connected" not in said["nb"]
    assert f"Not copied to the second place: the folder '{usb}' is not there" in said["en"]


def test_a_differential_backup_copied_alone_names_its_full_backup(tmp_path):
    old, alone, new = tmp_path / "old", tmp_path / "alone", tmp_path / "new"
    run(old, "demo")
    full = Path(run(old, "backup").stdout.splitlines()[0].strip())
    sell(old)
    run(old, "z-report", *MANAGER)
    (newest,) = [p for p in (old / "backups").glob("*-z.zip")]
    assert json.loads(zipfile.ZipFile(newest).read("manifest.json"))["kind"] == "differential"
    alone.mkdir()
    shutil.copy2(newest, alone / newest.name)
    for lang, said in (("nb", "må ligge i samme mappe"), ("en", "must lie in the same folder")):
        refused = run(new, "--lang", lang, "restore-backup", str(alone / newest.name), *MANAGER,
                      "--confirm-unknown-history", check=False)  # fmt: skip
        assert refused.returncode == 2 and said in refused.stderr and full.name in refused.stderr
        assert "skadet" not in refused.stderr and "Errno" not in refused.stderr
    shutil.copy2(full, alone / full.name)  # the whole folder: it restores
    restored = run(new, "restore-backup", str(alone / newest.name), *MANAGER,
                   "--confirm-unknown-history")  # fmt: skip
    assert "Gjenopprettet." in restored.stdout


def test_the_old_pcs_mark_copied_to_the_new_pc_keeps_its_numbers_from_coming_back(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    run(old, "demo")
    sell(old)
    backup = run(old, "backup").stdout.splitlines()[0].strip()
    lost = sell(old, 2)  # never synced, never backed up: only the old PC's mark knows them
    new.mkdir()
    shutil.copy2(old / "high-water.mark", new / "high-water.mark")
    restored = run(new, "restore-backup", backup, *MANAGER).stdout
    assert "gitt ut 4 signerte kvitteringer" in restored
    again = sell(new)
    assert not set(again) & set(lost)
    assert all(n.endswith("000004") for n in again)
    assert "OK" in run(new, "verify-journal").stdout


def read_only(folder: Path):
    """The folder read-only for the till's user: a read-only bind mount when running as root
    (root ignores file modes), else the modes. None when neither is possible here."""
    if os.geteuid() != 0:
        folder.chmod(0o500)
        return lambda: folder.chmod(0o700)
    done = subprocess.run(["mount", "--bind", "-o", "ro", str(folder), str(folder)],
                          capture_output=True)  # fmt: skip
    if done.returncode != 0:
        return None
    subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], capture_output=True)
    return lambda: subprocess.run(["umount", str(folder)], check=True)


def test_a_read_only_data_directory_gets_a_clear_message(tmp_path):
    data = tmp_path / "data"
    run(data, "demo")
    undo = read_only(data)
    if undo is None:
        pytest.skip("cannot make a read-only folder here")
    try:
        refused = run(data, "tenants", check=False)
        assert refused.returncode == 2
        assert "skrive" in refused.stderr and "Traceback" not in refused.stderr
    finally:
        undo()


def test_sales_of_items_and_staff_registered_after_the_backup_all_come_back(tmp_path):
    from pos.model.staff import Role
    from pos.services import item_entry, setup
    from pos.vat import VatClass

    run(tmp_path, "demo")
    run(tmp_path, "backup")  # the morning backup; the day's one-off items come after it
    with open_counter(tmp_path) as counter:
        manager = auth.authenticate(counter.uow, "9001", "9999")
        setup.add_staff(counter.uow, "1077", "Ny Kasserer", Role.CASHIER, "7777",
                        ctx=TillContext("K1", manager, counter.signer()))  # fmt: skip
        ctx = TillContext("K1", auth.authenticate(counter.uow, "1077", "7777"), counter.signer())
        [vase] = item_entry.register_items(counter.uow, ctx, [setup.NewItem(
            "11", "Vase", 12900, VatClass.HIGH, "KLAER")])  # fmt: skip
        basket = Basket()
        basket.add(find_item(counter.uow, vase.barcode))
        basket.add(find_item(counter.uow, "KAFFE-MED"))
        first = checkout.complete_sale(
            counter.uow, ctx, basket, [Tender(TenderKind.CASH, basket.total)]
        )
    later = sell(tmp_path, 2)  # the same chains go on after the new item's sale
    signed = [r.number for r in first.receipts] + later
    out = run(tmp_path, "restore-backup", *MANAGER).stdout
    said = f"gitt ut {len(signed)} signerte kvitteringer etter denne sikkerhetskopien; " \
        f"{len(signed)} kan fortsatt leses og hentes tilbake"  # fmt: skip
    assert said in out, out
    assert f"{len(signed)} kvitteringer hentet tilbake, 0 kunne ikke hentes" in out, out
    assert set(signed) <= {n for n, _sig, _t in receipts(tmp_path)}
    with sqlite3.connect(tmp_path / "omigjen.sqlite3") as db:
        assert db.execute("SELECT status FROM items WHERE id = ?", (vase.id,)).fetchone() == (
            "sold",
        )
        assert db.execute("SELECT name FROM staff WHERE staff_no = '1077'").fetchone()
        registered = db.execute(
            "SELECT count(*) FROM outbox WHERE type = 'item.registered' AND payload LIKE ?",
            (f"%{vase.id}%",),
        ).fetchone()
        assert registered == (1,)  # the server still learns of the item, once
    assert "OK" in run(tmp_path, "verify-journal").stdout
    assert not set(sell(tmp_path)) & set(signed)


def test_commands_run_on_a_new_pcs_empty_folder_do_not_hide_the_unknown_history(tmp_path):
    from tests.faketime import main_at

    old, new = tmp_path / "old", tmp_path / "new"
    run(old, "demo")
    sell(old)
    backup = run(old, "backup").stdout.splitlines()[0].strip()
    for command in ("verify-journal", "till-status", "tenants"):
        run(new, command, check=False)  # someone looks around on the new PC first
    refused = main_at(None, new, "restore-backup", backup, *MANAGER)
    assert refused.returncode == 2 and "echo JA" in refused.stderr, refused.stderr
    assert "vet ikke hvor mange kvitteringer" in refused.stdout  # the warning stays
    assert "Feil ansattnummer" not in refused.stderr  # the PIN is the backup's manager's
    piped = main_at(None, new, "restore-backup", backup, *MANAGER, answer="JA\n")
    assert piped.returncode == 0, piped.stderr
    assert "Gjenopprettet" in piped.stdout and "versjon 2" in piped.stdout
    assert "OK" in run(new, "verify-journal").stdout


def test_receipts_made_before_a_restore_raise_no_unprinted_warning_after_it(tmp_path):
    from pos.model.printing import NextPrint
    from pos.services import receipt_lookup
    from pos.services.receipt_lookup import print_attention
    from printers.printing import Printing

    run(tmp_path, "demo")
    run(tmp_path, "backup")
    salvaged = sell(tmp_path)  # no print job carried them (no printer here)
    restored = run(tmp_path, "restore-backup", *MANAGER).stdout
    assert "2 kvitteringer hentet tilbake" in restored
    with open_counter(tmp_path) as counter:
        printing = Printing(counter.uow, "K1")
        assert printing.print_unqueued_receipts() is None  # the login shows no banner for them
        assert not print_attention(counter.uow, "K1").waiting
        row = receipt_lookup.find_receipt_row(counter.uow, salvaged[0])
        assert row.next_print is NextPrint.ORIGINAL  # the look-up still offers the original
    sell(tmp_path)  # a sale after the restore that never reached the queue is still printed
    with open_counter(tmp_path) as counter:
        assert Printing(counter.uow, "K1").print_unqueued_receipts() is not None


def test_a_days_simulated_sales_after_a_morning_backup_all_come_back(tmp_path):
    """The day's till, one-off items and multi-tenant sales all come after the backup; chains
    of different tenants cross (a sale signs tenant A's 2nd and tenant B's 4th receipt)."""
    import re

    run(tmp_path, "simulate", "--days", "1", "--sales-per-day", "6", "--seed", "1",
        at="2026-12-01 19:00:00")  # fmt: skip
    run(tmp_path, "z-report", *MANAGER, at="2026-12-01 19:20:00")
    run(tmp_path, "backup", at="2026-12-02 09:30:00")
    run(tmp_path, "simulate", "--days", "1", "--sales-per-day", "3", "--seed", "2",
        at="2026-12-02 19:00:00")  # fmt: skip
    out = run(tmp_path, "restore-backup", *MANAGER, at="2026-12-03 09:00:00").stdout
    said = re.search(r"gitt ut (\d+) signerte kvitteringer .*?; (\d+) kan fortsatt leses", out)
    assert said and int(said[1]) > 3 and said[1] == said[2], out
    assert f"{said[1]} kvitteringer hentet tilbake, 0 kunne ikke hentes" in out, out
    assert "OK" in run(tmp_path, "verify-journal", at="2026-12-03 09:05:00").stdout
