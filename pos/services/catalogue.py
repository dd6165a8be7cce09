"""Finding items at the counter by what was scanned or typed, by text, and the quick items;
including labels this counter has never seen: an in-store EAN-13 says whose item it is."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pos.errors import TrainingRestriction, UnknownCode, UnknownItem, UnknownLabelTenant
from pos.identifiers import normalise_barcode, parse_in_store_ean13
from pos.model.catalogue import Item, ItemKind
from pos.model.tenant import Tenant
from pos.services import day_log, setup
from pos.services.context import TillContext
from pos.unit_of_work import UnitOfWorkFactory
from pos.vat import VatClass

DEFAULT_GROUP = "DIVERSE"


@dataclass(frozen=True)
class UnknownLabel:
    """A valid in-store label of a known tenant that this counter's catalogue lacks."""

    barcode: str
    tenant: Tenant


SEARCH_PAGE = 50
_WORD_RE = re.compile(r"\w+", re.UNICODE)
_TRIGRAM = 3
"""The shortest word found inside others: the trigram index knows no shorter part."""


def find_item(uow_factory: UnitOfWorkFactory, code: str) -> Item:
    """The item with this barcode; InvalidBarcode for a malformed code, UnknownItem if none."""
    barcode = normalise_barcode(code)
    with uow_factory.read() as uow:
        item = uow.items.item_by_barcode(barcode)
    if item is None:
        raise UnknownItem(barcode)
    return item


def identify(uow_factory: UnitOfWorkFactory, code: str) -> Item | UnknownLabel:
    """The item with this code, or an unknown in-store label (``2 TT …``, right check digit) of
    an active tenant as UnknownLabel, so the counter can ask its price and sell it for that
    tenant. Anything else is refused, never offered for sale: InvalidBarcode for a malformed
    code, UnknownLabelTenant for a label of a tenant this till lacks, UnknownCode for the rest
    (garbage, a manufacturer's code, a job tag, receipt or credit note this till doesn't know)."""
    barcode = normalise_barcode(code)
    with uow_factory.read() as uow:
        item = uow.items.item_by_barcode(barcode)
        if item is not None:
            return item
        decoded = parse_in_store_ean13(barcode)
        tenant = uow.tenants.tenant_by_code(decoded.tenant_code) if decoded else None
    if decoded is None:
        raise UnknownCode(barcode)
    if tenant is None or not tenant.active:
        raise UnknownLabelTenant(barcode, tenant_code=decoded.tenant_code)
    return UnknownLabel(barcode, tenant)


def adopt_label(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    label: UnknownLabel,
    price: int,
    description: str = "",
    group: str = DEFAULT_GROUP,
    vat_class: VatClass = VatClass.HIGH,
) -> Item:
    """Register the labelled item as a one-off of its tenant with the price read off the
    label, as items entered at the counter are (journaled 13021, queued ``item.registered``
    for the other counters, a support log line), so it sells once: a second scan finds it
    sold. The central catalogue's record replaces it on the next pull. Not in training: that
    would put a real item in the catalogue."""
    if ctx.training:
        raise TrainingRestriction("ukjent lapp registreres som vare")
    text = description.strip() or f"Vare {label.barcode}"
    new = setup.NewItem(
        label.tenant.code, text, price, vat_class, group, ItemKind.ONE_OFF, label.barcode
    )
    (item,) = setup.add_items(
        uow_factory, [new], ctx.clock, register_id=ctx.register_id, publish=True
    )
    day_log.items_registered(ctx, [label.barcode])
    return item


def match_expression(typed: str) -> str:
    """What a person typed as an FTS5 query: every word must occur, as a word or its start.

    Only word characters pass, each word quoted, so no input can form FTS5 syntax.
    """
    return " ".join(f'"{word}"*' for word in _WORD_RE.findall(typed))


@dataclass(frozen=True)
class TextQuery:
    """What a person typed, for the search indexes. With a word of three or more characters,
    every word is looked for anywhere in a description ("pumpe" in "Sykkelpumpe"): ``parts``
    (FTS5 over trigrams) holds the long words, ``short`` the shorter ones (checked on the rows
    the long ones found). Otherwise ``words``: every word as a word or its start. ``fallback``:
    every word as a word or its start, accents folded, codes too, for when no description
    holds the text as typed ("ødegard" for "Ødegård", a label's code)."""

    words: str
    parts: str
    short: tuple[str, ...]
    fallback: str


def text_query(typed: str) -> TextQuery:
    found = _WORD_RE.findall(typed)
    words = match_expression(typed)
    part = [w for w in found if len(w) >= _TRIGRAM]
    if not part:
        return TextQuery(words, "", (), words)
    short = tuple(w for w in found if len(w) < _TRIGRAM)
    return TextQuery("", " ".join(f'"{w}"' for w in part), short, words)


def first_that_finds(
    query: TextQuery, offset: int, page: Callable[[str, str, tuple[str, ...], int], list[Item]]
) -> list[Item]:
    """``page(words, parts, short, offset)`` by the text as typed; by the words' starts, accents
    folded, when no item holds it."""
    found = page(query.words, query.parts, query.short, offset)
    if found or not query.parts or (offset and page("", query.parts, query.short, 0)):
        return found
    return page(query.fallback, "", (), offset)


def search_items(
    uow_factory: UnitOfWorkFactory,
    typed: str,
    *,
    tenant_id: str | None = None,
    offset: int = 0,
    limit: int = SEARCH_PAGE,
) -> list[Item]:
    """One page of sellable items matching the typed words (the whole catalogue is never read)."""
    with uow_factory.read() as uow:
        queries = uow.queries
        return first_that_finds(
            text_query(typed),
            offset,
            lambda words, parts, short, at: queries.search_items(
                words, tenant_id, limit, at, parts, short
            ),
        )


def stock_left(uow_factory: UnitOfWorkFactory, item_id: str, in_basket: int) -> int | None:
    """What the count of a stock item would be once ``in_basket`` of it are sold (None for
    other items, or one nobody counts): below zero, the counter warns but sells, as the goods
    are there. With a central server the count is the centre's (every counter's sales)."""
    with uow_factory.read() as uow:
        found = uow.items.item(item_id)
    return None if found is None else found.stock_after(in_basket)


def open_price_items(uow_factory: UnitOfWorkFactory) -> list[Item]:
    with uow_factory.read() as uow:
        return uow.queries.open_price_items()
