"""The crash harness in short (``python -m bench crash`` runs it with 200 kills): a selling,
printing, syncing child process is killed with SIGKILL, and so is the server now and then; after
every restart nothing is lost, nothing is counted twice, the chains verify, the queue holds."""

from __future__ import annotations

import sqlite3

from bench._crash.checks import check_local, check_paper
from bench._crash.harness import CrashConfig, CrashHarness
from pos.adapters.db import DB_FILE
from pos.counter import open_counter


def test_killed_twelve_times_while_selling_printing_and_syncing_nothing_is_lost(central, tmp_path):
    config = CrashConfig(kills=12, seed=7, database_url=central.url, server_kill_chance=0.25)
    result = CrashHarness(tmp_path, config).run()
    assert result.problems == []
    assert result.kills == 12
    assert result.logged_sales > 12 and result.local.receipts > result.logged_sales
    assert result.server_events == len(result.local.events) > 0
    assert result.server_duplicates == 0
    assert result.local.jobs_printed > 0
    assert result.local.jobs_refused > 0 and result.local.originals_again > 0


def test_the_checks_see_a_lost_sale_a_stuck_job_and_a_doubled_print(counter, ctx, shelf, tmp_path):
    from pos.model.basket import Basket
    from pos.model.payment import Tender, TenderKind
    from pos.services.checkout import complete_sale
    from printers.printing import Printing

    basket = Basket()
    basket.add(shelf("KAFFE-MED"))
    sale = complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CARD, 3200)])
    printing = Printing(counter.uow, "K1", override_url=f"file://{tmp_path / 'paper'}")
    job_id = printing.print_sale(sale)[-1]
    assert check_local(counter, [sale.sale_id]).problems == []
    data_dir = counter.data_dir
    counter.close()
    db = sqlite3.connect(data_dir / DB_FILE)
    db.execute("UPDATE print_jobs SET status = 'printing', attempts = 1 WHERE id = ?", (job_id,))
    db.commit()
    payload = db.execute("SELECT payload FROM print_jobs WHERE id = ?", (job_id,)).fetchone()[0]
    db.close()
    with open_counter(data_dir) as reopened:
        problems = check_local(reopened, [sale.sale_id, "lost-sale"]).problems
        assert any("lost-sale" in p and "not in the store" in p for p in problems)
        assert any("left 'printing'" in p for p in problems)
        assert check_paper(payload, reopened) == []
        doubled = check_paper(payload + payload, reopened)
        assert any("as a whole original 2 times" in p for p in doubled)
        copy_after = payload + payload.replace(b"Salgskvittering", b"Salgskvittering KOPI")
        assert not any("whole original" in p for p in check_paper(copy_after, reopened))
