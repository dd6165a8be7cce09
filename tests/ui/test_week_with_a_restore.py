"""A week with a restore, as the counter lives it: sales in the real window, the commands a
person types (``python main.py …`` with the PC's clock set by libfaketime) for the backup, the
manager's restore, the Z reports, ``verify-journal`` and the SAF-T files. No receipt number or
signature number is given out twice, the sales made after the backup are brought back, counted
once on the next Z and sent to the server once, and the SAF-T files verify from the file alone."""

from __future__ import annotations

import base64
import json
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from lxml import etree
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from pos.clock import OSLO, SteppingClock
from pos.counter import open_counter
from tests.day_end.test_saft_export import NS, SCHEMA_FILE
from tests.faketime import main_at
from tests.reliability.damage import flip_bytes_in_table
from ui.main_window import MainWindow
from ui.payment_dialog import PaymentDialog
from ui.scanner.wedge_filter import WedgeScannerFilter
from ui.tasks import ImmediatePool, TaskRunner
from ui.till_session import TillSession

from .conftest import log_in, press, scan, type_slowly

MANAGER = ("--staff", "9001", "--pin", "9999")
COFFEE = ("KAFFE-MED", "32")  # Kafé Kvisten, 32,00
TUBE = ("7310750000018", "129")  # Sykkelfikseren, 129,00
SIGNED_FIELDS = ("transDate", "transTime", "nr", "transAmntIn", "transAmntEx")


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=OSLO)


def command(data: Path, moment: datetime, *args: str, ok: bool = True):
    """``python main.py --data-dir DATA ARGS`` with the PC's clock at ``moment``."""
    at = moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
    done = main_at(at, data, *args)
    assert "Traceback" not in done.stderr, done.stderr
    if ok:
        assert done.returncode == 0, done.stderr
    return done


@contextmanager
def counter_window(qtbot, data: Path, moment: datetime) -> Iterator[MainWindow]:
    """The counter window on the data directory, its clock at ``moment``, a cashier logged in;
    closed (and the directory unlocked) afterwards so the commands can run."""
    clock = SteppingClock(moment)
    with open_counter(data, clock) as counter:
        session = TillSession(counter.uow, "K1", counter.signer(), clock=clock)
        window = MainWindow(session, TaskRunner(ImmediatePool()), centre_name="Demo",
                            register_name="Kasse 1")  # fmt: skip
        qtbot.addWidget(window)
        wedge = WedgeScannerFilter(parent=window)
        app = QApplication.instance()
        app.installEventFilter(wedge)
        wedge.scanned.connect(window.route_scan)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        try:
            log_in(window)
            yield window
        finally:
            app.removeEventFilter(wedge)
            app.removeEventFilter(window.idle)
            window.close()  # and its timers stopped before the store closes, as when the app quits
            for timer in window.findChildren(QTimer):
                timer.stop()
    assert not (data / "omigjen.sqlite3-wal").exists()  # no connection left open


def sell(window: MainWindow, qtbot, item: tuple[str, str]) -> list[str]:
    """Scan one item, pay it in cash (F12, the amount, Enter twice); the receipt numbers."""
    code, cash = item
    scan(window.sale.code, code)
    press(window.sale, Qt.Key.Key_F12)
    dialog = window.sale.dialog
    assert isinstance(dialog, PaymentDialog)
    type_slowly(dialog.amount, cash)
    press(dialog.amount, Qt.Key.Key_Return)
    with qtbot.waitSignal(window.sale.sale_completed) as completed:
        press(dialog.amount, Qt.Key.Key_Return)
    return [r.number for r in completed.args[0].receipts]


def receipts(data: Path) -> list[tuple[str, str, int]]:
    with sqlite3.connect(data / "omigjen.sqlite3") as db:
        return db.execute(
            "SELECT tenant_id, number_text, sig_nr FROM receipts ORDER BY tenant_id, sig_nr"
        ).fetchall()


def journal_kinds(data: Path) -> list[str]:
    with sqlite3.connect(data / "omigjen.sqlite3") as db:
        rows = db.execute("SELECT details FROM journal WHERE event_code = 13999 ORDER BY seq")
        return [json.loads(details).get("kind", "") for (details,) in rows]


def saft_file(data: Path, moment: datetime, tenant: str, first: date, last: date) -> Path:
    out = data.parent / f"saft-{tenant}"
    out.mkdir(exist_ok=True)
    command(data, moment, "export-saft", "--tenant", tenant, "--from", str(first),
            "--to", str(last), "--out", str(out), *MANAGER)  # fmt: skip
    (found,) = out.glob("*.xml")
    return found


def verify_chain_from_the_file(doc, public_key: Path, tmp: Path) -> list[int]:
    """Every transaction's signature with openssl, chained as the file says (a transaction's
    ``desc`` names the signature it continues when the one before it is not in the file)."""
    previous, numbers = "0", []
    for trans in doc.iterfind(".//s:cashtransaction", NS):
        said = trans.findtext("s:desc", namespaces=NS)
        if said and said.startswith("previousSignature nr"):
            previous = said.split(": ", 1)[1]
        fields = [trans.findtext(f"s:{n}", namespaces=NS) for n in SIGNED_FIELDS]
        signature = trans.findtext("s:signature", namespaces=NS)
        (tmp / "signed.txt").write_bytes(";".join([previous, *fields]).encode("ascii"))
        (tmp / "signature.bin").write_bytes(base64.b64decode(signature))
        checked = subprocess.run(
            ["openssl", "dgst", "-sha1", "-verify", str(public_key), "-signature",
             str(tmp / "signature.bin"), str(tmp / "signed.txt")], capture_output=True, text=True,
        )  # fmt: skip
        assert "Verified OK" in checked.stdout, (fields, checked.stderr)
        previous = signature
        numbers.append(int(fields[2]))
    return numbers


def event_types(doc) -> list[str]:
    return [e.text for e in doc.iterfind(".//s:event/s:eventType", NS)]


def test_a_week_backup_sell_restore_sell_z_next_day_verify_and_saft(qtbot, tmp_path):
    data = tmp_path / "data"
    today = datetime.now(OSLO).date()
    d0, d1 = today - timedelta(days=3), today - timedelta(days=2)
    command(data, local(d0, 8), "demo")
    with counter_window(qtbot, data, local(d0, 9)) as window:
        before = sell(window, qtbot, COFFEE)
    backup = command(data, local(d0, 10), "backup").stdout.splitlines()[0]
    with counter_window(qtbot, data, local(d0, 11)) as window:
        lost = sell(window, qtbot, COFFEE) + sell(window, qtbot, TUBE)

    restored = command(data, local(d0, 12), "restore-backup", *MANAGER).stdout
    assert backup in restored
    assert "gitt ut 2 signerte kvitteringer etter denne" in restored  # said before replacing
    assert "2 kvitteringer hentet tilbake, 0 kunne ikke hentes" in restored
    with counter_window(qtbot, data, local(d0, 13)) as window:
        after = sell(window, qtbot, COFFEE) + sell(window, qtbot, TUBE)
    assert after == ["15-K1-000003", "13-K1-000002"]  # after the numbers brought back
    z0 = command(data, local(d0, 18), "z-report", *MANAGER).stdout
    assert "Sikkerhetskopi:" in z0 and f"salgsdag {d0}" in z0
    cafe_z = z0[z0.index("Kafé Kvisten") :]
    assert "salg 3 stk 96,00" in cafe_z.splitlines()[1]  # the one brought back counted once

    with counter_window(qtbot, data, local(d1, 10)) as window:
        next_day = sell(window, qtbot, COFFEE)
    assert next_day == ["15-K1-000004"]
    command(data, local(d1, 18), "z-report", *MANAGER)
    verified = command(data, local(d1, 18, 5), "verify-journal").stdout
    assert verified.startswith("OK:"), verified

    numbers = [n for _t, n, _s in receipts(data)]
    assert len(numbers) == len(set(numbers)) == 6
    assert set(before + lost + after + next_day) == set(numbers)
    assert journal_kinds(data).count("restore") == 1

    schema = etree.XMLSchema(etree.parse(str(SCHEMA_FILE)))
    public_key = tmp_path / "public.pem"
    public_key.write_text(command(data, local(d1, 18, 10), "export-public-key").stdout)
    for tenant, signed in (("15", [1, 2, 3, 4]), ("13", [1, 2])):
        doc = etree.parse(str(saft_file(data, local(d1, 18, 20), tenant, d0, d1)))
        assert schema.validate(doc), schema.error_log.filter_from_errors()[:3]
        assert verify_chain_from_the_file(doc, public_key, tmp_path) == signed
        assert "RESTORE" in event_types(doc)  # the register's restore, in every tenant's file


def test_a_restore_over_damage_leaves_a_declared_gap_the_saft_file_bridges(qtbot, tmp_path):
    """The sales after the backup cannot be read: their numbers are skipped, never given out
    again; the SAF-T file names the signature the chain goes on from, so it still verifies."""
    data = tmp_path / "data"
    today = datetime.now(OSLO).date()
    d0 = today - timedelta(days=2)
    command(data, local(d0, 8), "demo")
    with counter_window(qtbot, data, local(d0, 9)) as window:
        sell(window, qtbot, COFFEE)
    command(data, local(d0, 10), "backup")
    with counter_window(qtbot, data, local(d0, 11)) as window:
        lost = sell(window, qtbot, COFFEE) + sell(window, qtbot, COFFEE)
    flip_bytes_in_table(data / "omigjen.sqlite3", "receipts")

    refused = command(data, local(d0, 12), "--lang", "en", "tenants", ok=False)
    assert refused.returncode == 2 and "damaged" in refused.stderr
    restored = command(data, local(d0, 12, 5), "restore-backup", *MANAGER).stdout
    assert "gitt ut 2 signerte kvitteringer" in restored
    with counter_window(qtbot, data, local(d0, 13)) as window:
        after = sell(window, qtbot, COFFEE)
    assert after == ["15-K1-000004"] and not set(after) & set(lost)
    command(data, local(d0, 18), "z-report", *MANAGER)
    assert command(data, local(d0, 18, 5), "verify-journal").stdout.startswith("OK:")

    public_key = tmp_path / "public.pem"
    public_key.write_text(command(data, local(d0, 18, 10), "export-public-key").stdout)
    doc = etree.parse(str(saft_file(data, local(d0, 18, 20), "15", d0, d0)))
    schema = etree.XMLSchema(etree.parse(str(SCHEMA_FILE)))
    assert schema.validate(doc), schema.error_log.filter_from_errors()[:3]
    assert verify_chain_from_the_file(doc, public_key, tmp_path) == [1, 4]
    assert {"RESTORE", "NUMSKIP"} <= set(event_types(doc))
