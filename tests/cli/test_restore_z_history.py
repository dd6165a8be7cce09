"""A backup older than the register's last Z, restored on a new PC through the documented
commands: the Z numbering never repeats and the day that Z closed is never Z-reported again,
when the old PC's high-water mark is brought along; without it (and no server) the restore says
it cannot know and waits for a manager's confirmation, which is journaled."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from pos.clock import SteppingClock
from pos.counter import open_counter
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import auth, checkout
from pos.services.catalogue import find_item
from pos.services.context import TillContext
from tests.cli.test_cli import run
from tests.faketime import days_ago

MANAGER = ("--staff", "9001", "--pin", "9999")
DAY_ONE = days_ago(2, 7)[:10]
DAY_TWO = days_ago(1, 7)[:10]


def at(day: str, hour_utc: int, minute: int = 0) -> str:
    return f"{day} {hour_utc:02d}:{minute:02d}:00"


def sell_at(data_dir: Path, moment: str, n: int = 1) -> None:
    """Sales at the counter at a given time (the screen's service, in this process)."""
    clock = SteppingClock(datetime.fromisoformat(moment).replace(tzinfo=UTC))
    with open_counter(data_dir, clock) as counter:
        cashier = auth.authenticate(counter.uow, "1001", "1234")
        ctx = TillContext("K1", cashier, counter.signer(), clock)
        for _ in range(n):
            basket = Basket()
            basket.add(find_item(counter.uow, "KAFFE-MED"))
            basket.add(find_item(counter.uow, "BUA-DIV"), 1, 10000)
            checkout.complete_sale(
                counter.uow, ctx, basket, [Tender(TenderKind.CARD, basket.total)]
            )
            clock.advance(minutes=1)


def read(data_dir: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """Rows of the store, read while no command runs (a connection closed at once)."""
    with closing(sqlite3.connect(data_dir / "omigjen.sqlite3")) as db:
        return db.execute(sql, params).fetchall()


def z_rows(data_dir: Path) -> list[tuple[str, int, str, str]]:
    return read(
        data_dir,
        "SELECT tenant_id, z_number, business_date, content FROM z_reports "
        "ORDER BY business_date, tenant_id",
    )


def restore_rows(data_dir: Path) -> list[dict]:
    rows = read(data_dir, "SELECT details FROM journal WHERE details LIKE '%\"restore\"%'")
    return [json.loads(d) for (d,) in rows]


def old_pc_with_a_z_after_its_backup(old: Path) -> tuple[str, dict[str, int]]:
    """Day one: a sale, a backup, two more sales, the day's Z. Returns the backup's path and
    the Z numbers given out that day per tenant."""
    run(old, "demo", at=at(DAY_ONE, 6))
    sell_at(old, at(DAY_ONE, 8))
    usb = old.parent / "usb"
    usb.mkdir()
    backup = run(old, "backup", "--to", str(usb), at=at(DAY_ONE, 9)).stdout.splitlines()[1]
    sell_at(old, at(DAY_ONE, 10), 2)
    run(old, "z-report", *MANAGER, at=at(DAY_ONE, 16))
    numbers = {t: n for t, n, day, _ in z_rows(old) if day == DAY_ONE}
    assert numbers  # the café and the shop each got their day's Z
    return backup.strip(), numbers


def test_the_old_pcs_mark_keeps_a_z_reported_day_closed_on_the_new_pc(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    backup, day_one_z = old_pc_with_a_z_after_its_backup(old)
    new.mkdir()
    shutil.copy2(old / "high-water.mark", new / "high-water.mark")
    shutil.rmtree(old)  # the old PC is gone; its mark was copied as the guide says

    out = run(new, "restore-backup", backup, *MANAGER, at=at(DAY_TWO, 7)).stdout
    assert f"mangler {len(day_one_z)} Z-rapport(er)" in out and f"gjaldt {DAY_ONE}" in out
    assert restore_rows(new)[0]["z_reports_beyond_backup"] == len(day_one_z)

    missing = run(new, "z-report", "--missing", *MANAGER, at=at(DAY_TWO, 7, 5)).stdout
    assert DAY_ONE not in missing
    again = run(new, "z-report", "--date", DAY_ONE, *MANAGER, at=at(DAY_TWO, 7, 6), check=False)
    assert again.returncode == 2 and "allerede lukket" in again.stderr
    assert not [row for row in z_rows(new) if row[2] == DAY_ONE]  # no second Z for day one

    sell_at(new, at(DAY_TWO, 8))
    run(new, "z-report", *MANAGER, at=at(DAY_TWO, 16))
    day_two = {t: (n, json.loads(c)) for t, n, day, c in z_rows(new) if day == DAY_TWO}
    assert {t: n for t, (n, _) in day_two.items()} == {t: n + 1 for t, n in day_one_z.items()}
    for tenant, (_, content) in day_two.items():
        ((sold,),) = read(
            new,
            "SELECT coalesce(sum(total), 0) FROM receipts WHERE tenant_id = ? AND local_date = ?",
            (tenant, DAY_TWO),
        )
        assert content["total_cash_sales"] == sold  # day one's sales stay in the lost Z
    assert "OK" in run(new, "verify-journal", at=at(DAY_TWO, 17)).stdout


def test_without_the_mark_or_a_server_the_restore_waits_for_a_managers_confirmation(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    backup, _ = old_pc_with_a_z_after_its_backup(old)
    shutil.rmtree(old)

    refused = run(new, "restore-backup", backup, *MANAGER, at=at(DAY_TWO, 7), check=False)
    assert refused.returncode == 2
    assert "Z-numre kan bli gitt ut på nytt" in refused.stdout
    assert "en leder bekrefte" in refused.stderr
    assert not (new / "omigjen.sqlite3").exists()  # nothing replaced

    run(new, "restore-backup", backup, *MANAGER, "--confirm-unknown-history", at=at(DAY_TWO, 7, 1))
    assert restore_rows(new)[0]["history_after_backup"] == "unknown_confirmed"
    assert "OK" in run(new, "verify-journal", at=at(DAY_TWO, 7, 2)).stdout
