"""A signed sale that a restore cannot bring back (a repair deposit) is never left only in a
folder: the restore says how many and where the list is, writes every row the sale wrote to
``left-behind.jsonl`` and queues its receipt for the server again, same event id."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from pos.counter import open_counter
from pos.model.payment import Tender, TenderKind
from pos.services import auth, repair_money
from pos.services.context import TillContext
from tests.cli.test_backup_cli import MANAGER, sell
from tests.cli.test_cli import run
from tests.integration.repair_helpers import take_in


def deposit_after_the_backup(data_dir: Path) -> tuple[str, str]:
    """A demo store, a backup, a sale, a repair deposit by card, another sale: the deposit's
    receipt number and its queued event's id."""
    run(data_dir, "demo")
    run(data_dir, "backup")
    sell(data_dir)
    with open_counter(data_dir) as counter:
        ctx = TillContext("K1", auth.authenticate(counter.uow, "1001", "1234"), counter.signer())
        job = take_in(counter, ctx)
        paid = repair_money.pay_deposit(
            counter.uow, ctx, job, [Tender(TenderKind.CARD, 20000, "T3")]
        )
    sell(data_dir)
    with sqlite3.connect(data_dir / "omigjen.sqlite3") as db:
        (event_id,) = db.execute(
            "SELECT event_id FROM outbox WHERE type = 'deposit.completed'"
        ).fetchone()
    return paid.receipt.number, event_id


def test_a_deposit_that_cannot_come_back_is_exported_in_full_and_queued(tmp_path):
    number, event_id = deposit_after_the_backup(tmp_path)
    restored = run(tmp_path, "restore-backup", *MANAGER).stdout
    assert f"Hentes ikke tilbake: {number}: En kvittering for reparasjon (depositum)" in restored
    assert "skrives i sin helhet til salvage-mappen og legges i kø til serveren" in restored
    assert "1 signert kvittering ble ikke hentet tilbake" in restored
    listing = Path(re.search(r"Listen med grunnene: (\S+)", restored).group(1))  # type: ignore[union-attr]
    left = Path(re.search(r"betaling\): (\S+)\.", restored).group(1))  # type: ignore[union-attr]
    assert "Lagt i kø til serveren: 1 kvittering." in restored
    assert listing.parent == left.parent and listing.parent.parent == tmp_path / "salvage"
    said = json.loads(listing.read_text(encoding="utf-8"))
    assert [r["receipt"] for r in said["not_brought_back"]] == [number]
    assert said["queued_for_the_server"] == [number]
    (sale,) = [json.loads(line) for line in left.read_text(encoding="utf-8").splitlines()]
    (receipt,) = sale["receipts"]
    assert receipt["number_text"] == number and receipt["signature"] and receipt["total"] == 20000
    assert sale["sale"]["kind"] == "deposit" and sale["payments"] and sale["tenders"]
    assert [t["kind"] for t in sale["tenders"]] == ["card"] and sale["journal"]
    assert left.stat().st_mode & 0o077 == 0  # the customer's money, kept private
    with sqlite3.connect(tmp_path / "omigjen.sqlite3") as db:
        queued = db.execute("SELECT 1 FROM outbox WHERE event_id = ?", (event_id,)).fetchall()
        kept = db.execute("SELECT 1 FROM receipts WHERE number_text = ?", (number,)).fetchall()
    assert queued and not kept  # for the server, with its own id; not in the restored store
    assert "OK" in run(tmp_path, "verify-journal").stdout


def test_the_restore_says_it_in_english_too(tmp_path):
    number, _event_id = deposit_after_the_backup(tmp_path)
    restored = run(tmp_path, "--lang", "en", "restore-backup", *MANAGER).stdout
    assert f"Not brought back: {number}: A repair receipt (deposit)" in restored
    assert "1 signed receipt did not come back. The list with the reasons:" in restored
    assert "left-behind.jsonl. Enter them by hand in the books." in restored
    assert "Queued for the server: 1 receipt." in restored
