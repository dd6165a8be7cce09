"""All or nothing: a sale interrupted halfway leaves no rows; facts refuse UPDATE and DELETE;
the store is migrated, never recreated; one running instance per data directory."""

import sqlite3
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy.exc import IntegrityError

from pos.adapters import repositories
from pos.adapters.db import DB_FILE, current_revision, head_revision, make_engine, migrate
from pos.adapters.tables import IMMUTABLE_TABLES
from pos.counter import open_counter
from pos.errors import DataDirectoryLocked
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.model.till_close import BlindCount
from pos.services import checkout, copies, reports, returns, settlement, till, till_close
from pos.services.context import TillContext
from tests.conftest import PROJECT_ROOT
from tests.integration.helpers import row_counts
from tests.integration.repair_helpers import make_every_repair_fact


class PowerCut(Exception):
    pass


def test_a_failure_in_the_middle_of_a_sale_leaves_no_partial_rows(
    counter, ctx, shelf, monkeypatch, tmp_path
):
    before = row_counts(counter)
    basket = Basket()
    basket.add(shelf.one_off("11", 1))
    basket.add(shelf("KAFFE-MED"))
    calls = {"n": 0}
    real_append = repositories.Store.append_outbox

    def fail_on_second_outbox_event(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:  # the first tenant's receipt, lines and journal are written by now
            raise PowerCut()
        return real_append(self, *args, **kwargs)

    monkeypatch.setattr(repositories.Store, "append_outbox", fail_on_second_outbox_event)
    with pytest.raises(PowerCut):
        checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CASH, 70000)])
    monkeypatch.undo()
    data_dir = counter.data_dir
    counter.close()
    with open_counter(data_dir) as reopened:
        assert row_counts(reopened) == before
        assert shelf.__class__(reopened).one_off("11", 1).status.value == "available"


def test_a_killed_process_leaves_whole_sales_only(counter, tmp_path):
    """SIGKILL a child process that sells in a loop; after it dies every sale is complete."""
    data_dir = counter.data_dir
    counter.close()
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(PROJECT_ROOT)!r})
        from pathlib import Path
        from pos.counter import open_counter
        from pos.model.basket import Basket
        from pos.model.payment import Tender, TenderKind
        from pos.services import auth, checkout, catalogue
        from pos.services.context import TillContext
        c = open_counter(Path({str(data_dir)!r}))
        op = auth.authenticate(c.uow, "1001", "1234")
        ctx = TillContext("K1", op, c.signer())
        coffee = catalogue.find_item(c.uow, "KAFFE-MED")
        bolle = catalogue.find_item(c.uow, "BOLLE-MED")
        for n in range(10_000):
            b = Basket(); b.add(coffee); b.add(bolle)
            checkout.complete_sale(c.uow, ctx, b, [Tender(TenderKind.CARD, 7100)])
            if n == 20:
                print("selling", flush=True)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "selling"
    child.kill()
    child.wait()
    with open_counter(data_dir) as reopened, reopened.uow.read() as uow:
        conn = uow.store.conn
        sales = conn.exec_driver_sql("SELECT count(*) FROM sales").scalar_one()
        receipts = conn.exec_driver_sql("SELECT count(*) FROM receipts").scalar_one()
        outbox = conn.exec_driver_sql(
            "SELECT count(*) FROM outbox WHERE type = 'sale.completed'"
        ).scalar_one()
        assert sales >= 21 and receipts == sales and outbox == sales


@pytest.fixture
def every_kind_of_fact(counter, ctx, shelf, manager, tmp_path):
    """At least one row in every insert-only table (a trigger only fires on a row)."""
    make_every_repair_fact(counter, ctx, tmp_path)
    basket = Basket()
    basket.add(shelf("KAFFE-MED"))
    sale = checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CASH, 5000)])
    number = sale.receipts[0].number
    copies.make_copy(counter.uow, ctx, number)
    (line,) = returns.returnable_lines(counter.uow, number)
    returns.complete_return(
        counter.uow,
        ctx,
        number,
        [returns.ReturnRequest(line.line_id, 1)],
        [Tender(TenderKind.CREDIT_NOTE, 0)],
        approver=manager,
    )
    till.move_cash(counter.uow, ctx, -10000, "Til banken")
    manager_ctx = TillContext("K1", manager, ctx.signer, ctx.clock)
    reports.z_reports(counter.uow, manager_ctx)
    till_close.close_till(counter.uow, manager_ctx, BlindCount({100000: 1}), note="Test")
    day = ctx.stamp().local_date
    settlement.make_settlement(counter.uow, manager_ctx, "15", day, day)
    counts = row_counts(counter)
    assert all(counts[table] > 0 for table in IMMUTABLE_TABLES), counts
    return counter


@pytest.mark.parametrize("table", IMMUTABLE_TABLES)
def test_facts_refuse_update_and_delete(every_kind_of_fact, table):
    db = sqlite3.connect(every_kind_of_fact.data_dir / DB_FILE)
    for statement in (f"UPDATE {table} SET rowid = rowid", f"DELETE FROM {table}"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            db.execute(statement)
    db.close()


def test_an_old_database_is_upgraded_in_place(tmp_path):
    engine = make_engine(tmp_path / DB_FILE)
    migrate(engine, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO registers(id, name) VALUES ('K9', 'Gammel kasse')")
    engine.dispose()
    with open_counter(tmp_path) as counter:
        assert current_revision(counter.engine) == head_revision()
        with counter.uow.read() as uow:
            assert uow.store.register_name("K9") == "Gammel kasse"


def test_one_running_instance_per_data_directory(counter):
    with pytest.raises(DataDirectoryLocked):
        open_counter(counter.data_dir)
    code = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(PROJECT_ROOT)!r})
        from pathlib import Path
        from pos.counter import open_counter
        from pos.errors import DataDirectoryLocked
        try:
            open_counter(Path({str(counter.data_dir)!r}))
        except DataDirectoryLocked:
            sys.exit(3)
    """)
    assert subprocess.run([sys.executable, "-c", code]).returncode == 3


def test_unique_constraints_back_up_the_rules(counter):
    with counter.uow() as uow, pytest.raises(IntegrityError):
        uow.store.conn.exec_driver_sql(
            "INSERT INTO till_sessions(id, register_id, opened_at, opened_by, float_amount) "
            "SELECT 'second', register_id, opened_at, opened_by, 0 FROM till_sessions"
        )
