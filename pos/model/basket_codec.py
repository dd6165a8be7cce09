"""A basket's lines as JSON and back: how a parked basket and the draft of the basket in
progress are kept in the store."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import fields

from pos.model.basket import BasketLine
from pos.model.catalogue import ItemKind
from pos.vat import VatClass

_FIELDS = fields(BasketLine)


def lines_to_json(lines: Sequence[BasketLine]) -> str:
    return json.dumps([_line_json(line) for line in lines], ensure_ascii=False)


def lines_from_json(payload: str) -> list[BasketLine]:
    return [_line_from_json(data) for data in json.loads(payload)]


def _line_json(line: BasketLine) -> dict:
    """Every field by name (a line's fields are flat: no ``asdict``, which deep-copies each
    value and is the slowest part of keeping a long basket at every scan)."""
    data = {f.name: getattr(line, f.name) for f in _FIELDS}
    data["item_kind"] = line.item_kind.value
    data["vat_class"] = line.vat_class.key
    return data


def _line_from_json(data: dict) -> BasketLine:
    data = dict(data)
    data["item_kind"] = ItemKind(data["item_kind"])
    data["vat_class"] = VatClass.from_key(data["vat_class"])
    return BasketLine(**data)
