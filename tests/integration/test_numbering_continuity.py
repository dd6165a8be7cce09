"""Numbers are never given out twice: the high-water mark outside the store follows every sale,
a crash before commit gives its numbers out again (they were never printed), and a store put
back by hand continues after the mark with the skipped ranges journaled."""

import json
import shutil
import sqlite3

from pos.adapters.db import DB_FILE
from pos.adapters.high_water import mark_path, read_mark
from pos.counter import open_counter
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import auth, checkout
from pos.services.context import TillContext
from pos.services.continuity import reconcile_at_start
from pos.services.verification import verify_store


def sell(counter, ctx, shelf, code="KAFFE-MED"):
    basket = Basket()
    basket.add(shelf(code))
    return checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CARD, 3200)])


def copy_store(counter, target):
    source = sqlite3.connect(counter.data_dir / DB_FILE)
    dest = sqlite3.connect(target)
    source.backup(dest)
    dest.close()
    source.close()


def put_back(data_dir, copy):
    for suffix in ("-wal", "-shm"):
        (data_dir / (DB_FILE + suffix)).unlink(missing_ok=True)
    shutil.copyfile(copy, data_dir / DB_FILE)


def receipt_heads(counter):
    with counter.uow.read() as uow:
        return uow.store.heads()


def test_every_sale_raises_the_mark_outside_the_store(counter, ctx, shelf):
    sell(counter, ctx, shelf)
    sell(counter, ctx, shelf)
    state = read_mark(mark_path(counter.data_dir))
    store = receipt_heads(counter)
    assert state is not None
    assert state.heads.chains == store.chains
    assert state.heads.journal == store.journal
    assert any(n.startswith("receipt:sale:") and v == 2 for n, v in state.heads.counters.items())


def test_numbers_of_a_sale_that_never_committed_are_given_out_again(counter, ctx, shelf):
    sell(counter, ctx, shelf)
    with counter.uow() as uow:  # the process dies after the mark is written, before commit
        uow.store.next_number("receipt:sale:crash:K1")
        uow.store.append_journal(
            register_id="K1", event_code=13999, stamp=ctx.stamp(), staff_id=None, details={}
        )
        counter.mark.record(uow.store.issued)
    assert reconcile_at_start(counter.uow, counter.mark, "K1").state == "crash_recovered"
    second = sell(counter, ctx, shelf)
    assert second.receipts[0].number.endswith("000002")
    assert verify_store(counter.uow, counter.keys.verifiers()).ok


def test_a_store_put_back_by_hand_continues_after_the_mark(tmp_path, counter, ctx, shelf):
    sell(counter, ctx, shelf)
    copy_store(counter, tmp_path / "copy.sqlite3")
    sell(counter, ctx, shelf)
    lost = sell(counter, ctx, shelf)
    data_dir = counter.data_dir
    counter.close()
    put_back(data_dir, tmp_path / "copy.sqlite3")
    with open_counter(data_dir, ctx.clock) as reopened:
        cashier = auth.authenticate(reopened.uow, "1001", "1234")
        again = TillContext("K1", cashier, reopened.signer(), ctx.clock)
        basket = Basket()
        basket.add(checkout_item(reopened, "KAFFE-MED"))
        next_sale = checkout.complete_sale(
            reopened.uow, again, basket, [Tender(TenderKind.CARD, 3200)]
        )
        assert next_sale.receipts[0].number.endswith("000004")
        assert next_sale.receipts[0].number != lost.receipts[0].number
        with reopened.uow.read() as uow:
            skipped = uow.store.rows(
                "SELECT tenant_id, details FROM journal WHERE event_code = 13999 "
                "AND json_extract(details, '$.kind') = 'numbers_skipped' ORDER BY seq"
            )
            receipt = uow.store.rows(
                "SELECT sig_nr FROM receipts WHERE id = ?", (next_sale.receipts[0].receipt_id,)
            )[0]
        assert receipt["sig_nr"] == 4
        tenant_rows = [json.loads(r["details"]) for r in skipped if r["tenant_id"]]
        assert tenant_rows[0]["reason"] == "store_behind_mark"
        chain = next(iter(tenant_rows[0]["chains"].values()))
        assert (chain["from"], chain["to"]) == (2, 3)
        report = verify_store(reopened.uow, reopened.keys.verifiers())
        # the numbering holds; what the store lost without a restore is named (tamper evidence)
        lost = [p for p in report.problems if "behind its high-water mark" in p]
        assert lost and lost == report.problems
        assert any("signatures 2–3 had been given out" in p for p in lost)


def test_a_gap_the_journal_does_not_declare_fails_verification(counter, ctx, shelf):
    sell(counter, ctx, shelf)
    with counter.uow() as uow:  # a chain moved on behind the till's back: two numbers skipped
        uow.store.conn.exec_driver_sql("UPDATE signature_chains SET last_nr = last_nr + 2")
        uow.commit()
    sell(counter, ctx, shelf)
    report = verify_store(counter.uow, counter.keys.verifiers())
    assert not report.ok and "signature number 4 where 2 was expected" in report.first_problem


def checkout_item(counter, code):
    from pos.services.catalogue import find_item

    return find_item(counter.uow, code)
