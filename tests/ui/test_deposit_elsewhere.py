"""At the till, a job whose deposit was paid at another counter of the centre: scanning its tag
says where the deposit was paid and as of when this counter knows it, and that it may be out
of date while the counter is offline; the payment deducts it. The ledger itself is proved
against a real server in tests/sync/test_deposits_across_counters.py; here the pulled ticket
is applied as a pull page would."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pos.services import sync_state
from tests.integration.repair_helpers import ready_job
from tests.integration.test_ticket_pull_merge import apply, pulled
from ui.payment_dialog import PaymentDialog

from .conftest import log_in, press, scan


def test_a_deposit_paid_at_another_counter_is_deducted_and_said_at_pickup(window, counter, ctx):
    ticket = ready_job(counter, ctx, deposit=False)
    far = {"id": "dep-k2", "amount": 20000, "register_id": "K2", "staff_id": ctx.operator.staff_id}
    assert apply(counter, pulled(counter, ticket, deposits=[far])) == 0
    sync_state.record_contact(counter.uow, False, "server unreachable")
    log_in(window)
    scan(window.sale.code, ticket)
    said = window.sale.message.text()
    assert "K2" in said, said
    assert "offline" in said or "frakoblet" in said
    press(window.sale, Qt.Key.Key_F12)
    payment = window.sale.dialog
    assert isinstance(payment, PaymentDialog)
    assert payment.cash_needed() == 45000 + 14900 - 20000
