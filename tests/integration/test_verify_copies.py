"""``verify-journal`` and copies: a sale's copy (13014) and a training receipt's copy (13017 in
the training series) both verify; either copy record removed behind the till's back is named."""

from __future__ import annotations

import sqlite3

from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import checkout, copies
from pos.services.context import TillContext
from pos.services.verification import verify_store


def sell(counter, ctx, shelf) -> str:
    basket = Basket()
    basket.add(shelf("KAFFE-MED"))
    done = checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CASH, 5000)])
    return done.receipts[0].number


def test_a_sales_copy_and_a_training_copy_verify_and_their_removal_is_named(counter, ctx, shelf):
    copies.make_copy(counter.uow, ctx, sell(counter, ctx, shelf))
    training = TillContext("K1", ctx.operator, ctx.signer, ctx.clock, training=True)
    trained = sell(counter, training, shelf)
    copies.make_copy(counter.uow, training, trained)
    report = verify_store(counter.uow, counter.keys.verifiers(), counter.keys)
    assert report.ok, report.problems
    db = sqlite3.connect(counter.data_dir / "omigjen.sqlite3")
    db.execute("DROP TRIGGER receipt_copies_no_delete")
    db.execute("DELETE FROM receipt_copies")
    db.commit()
    db.close()
    problems = verify_store(counter.uow, counter.keys.verifiers()).problems
    assert any(f"copy receipt of {trained} (journal row" in p for p in problems), problems
    assert sum("is missing from the copies" in p for p in problems) == 2
