"""How made-up customers pay, shared by ``simulate`` and the scale benchmark's history: half
in cash (exact or a note over), the rest by card or Vipps, a few split card and cash, and a
credit note when one is offered."""

from __future__ import annotations

import random
from collections.abc import Callable

from pos.model.payment import Tender, TenderKind
from pos.money import Ore, round_to_krone


def customer_tenders(
    rng: random.Random, total: Ore, credit_note: Callable[[], str | None] = lambda: None
) -> list[Tender]:
    """The tenders for a sale of ``total``; ``credit_note`` gives the number of a credit note
    the customer brings (None: none), the rest then in cash."""
    roll = rng.random()
    note = credit_note()
    if note is not None:
        return [
            Tender(TenderKind.CREDIT_NOTE, 0, credit_note_number=note),
            Tender(TenderKind.CASH, round_to_krone(total) + 10000),
        ]
    if roll < 0.5:
        cash = round_to_krone(total)
        tendered = next(
            n
            for n in (cash, 5000, 10000, 20000, 50000, 100000, 10**8)
            if n >= cash and (n == cash or rng.random() < 0.7)
        )
        return [Tender(TenderKind.CASH, tendered)]
    if roll < 0.8:
        return [Tender(TenderKind.CARD, total, f"T{rng.randrange(10**6):06d}")]
    if roll < 0.92:
        return [Tender(TenderKind.VIPPS, total, f"V{rng.randrange(10**8):08d}")]
    card = total // 2
    return [
        Tender(TenderKind.CARD, card, "TSPLIT"),
        Tender(TenderKind.CASH, round_to_krone(total - card) + 10000),
    ]
