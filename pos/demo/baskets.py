"""What made-up customers put in a basket, shared by ``simulate`` and the scale benchmark's
history: one to six lines, one-offs taken off the shelf (``one_off_share`` of the picks while
any are left), the rest fixed-price or open-price items, and now and then a 10 % discount."""

from __future__ import annotations

import random

from pos.model.basket import Basket
from pos.model.catalogue import Item, ItemKind


def fill_basket(
    rng: random.Random,
    basket: Basket,
    shelf: list[Item],
    fixed: list[Item],
    one_off_share: float,
) -> None:
    """Add the customer's picks to ``basket``; one-offs picked leave ``shelf``."""
    for _ in range(rng.choice([1, 1, 2, 2, 3, 4, 6])):
        if shelf and rng.random() < one_off_share:
            basket.add(shelf.pop(rng.randrange(len(shelf))))
            continue
        item = rng.choice(fixed)
        if item.kind is ItemKind.OPEN_PRICE:
            basket.add(item, 1, rng.choice([2000, 5000, 7500, 10000, 4990]))
        else:
            basket.add(item, rng.choice([1, 1, 2]))
    if rng.random() < 0.05:
        line = basket.lines[0]
        basket.set_discount(line.line_id, line.gross_before_discount // 10, "Liten flekk")
