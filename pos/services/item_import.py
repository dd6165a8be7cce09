"""Importing a tenant's items from CSV: a preview with per-row errors first, then one atomic
import on confirmation (nothing is written until then, and never half a file).

Categories are taken in the tenant's own words (``pos.model.group_match``). A category that
names no article group is not an error: its rows go where the person maps it, else to the
default group, and the preview lists each such category with where its rows go."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace

from pos.errors import DomainError, UnknownTenant
from pos.item_csv import ItemRow, ParsedFile, RowError, parse
from pos.model.catalogue import Item
from pos.model.group_match import GroupNames, folded
from pos.model.staff import Permission
from pos.services import setup
from pos.services.context import TillContext
from pos.unit_of_work import UnitOfWorkFactory

DEFAULT_GROUP = "DIVERSE"


class ImportHasErrors(DomainError):
    code = "import_has_errors"
    nb = "Filen har {value} feil. Rett dem, eller velg å importere bare de gode radene."
    en = "The file has {value} errors. Fix them, or choose to import only the good rows."


class NothingToImport(DomainError):
    code = "nothing_to_import"
    nb = "Filen har ingen varer å importere."
    en = "The file has no items to import."


class UnknownArticleGroup(DomainError):
    code = "unknown_article_group"
    nb = "Varegruppen «{value}» finnes ikke. Varegruppene er: {groups}."
    en = "There is no article group '{value}'. The article groups are: {groups}."


@dataclass(frozen=True)
class CategoryChoice:
    """A category of the file that names no article group, and where its rows go."""

    category: str
    rows: int
    group: str
    """The article group id its rows go to ('' when there is none to go to)."""
    chosen: bool
    """True when the person mapped it; False when its rows go to the default group."""


@dataclass(frozen=True)
class ImportPreview:
    tenant_code: str
    parsed: ParsedFile
    groups: GroupNames
    categories: tuple[CategoryChoice, ...] = ()
    """The file's categories that name no article group, in the order first met."""

    @property
    def errors(self) -> list[RowError]:
        return self.parsed.errors

    @property
    def rows(self) -> list[ItemRow]:
        return self.parsed.rows


def preview(
    uow_factory: UnitOfWorkFactory,
    tenant_code: str,
    data: bytes,
    *,
    mapping: Mapping[str, str] | None = None,
    default_group: str | None = None,
) -> ImportPreview:
    """Parse and check the file against the catalogue (article groups, barcodes in use).

    Args:
        mapping: a category of the file -> the article group (id or name) its rows go to.
        default_group: where rows without a category, or with one that names no group and is
            not mapped, go (an id or name); DIVERSE when not given.
    """
    with uow_factory.read() as uow:
        if uow.tenants.tenant_by_code(tenant_code) is None:
            raise UnknownTenant(tenant_code)
        groups = GroupNames.of((r["id"], r["name"]) for r in uow.queries.article_groups())
        fallback = _fallback_group(groups, default_group)
        chosen = [(folded(w), group_named(groups, g)) for w, g in (mapping or {}).items()]
        parsed = parse(data, default_group=fallback, match_group=groups.match)
        codes = [row.barcode for row in parsed.rows if row.barcode]
        taken = uow.items.barcodes_taken(codes)
    categories = _place_categories(parsed, chosen, fallback)
    _check_barcodes(parsed, taken, codes)
    return ImportPreview(tenant_code, parsed, groups, categories)


def group_named(groups: GroupNames, word: str) -> str:
    """The article group ``word`` (an id or a name, as tenants write them) means."""
    found = groups.match(word)
    if found is None:
        raise UnknownArticleGroup(word, groups=", ".join(map(groups.label, sorted(groups.names))))
    return found


def _fallback_group(groups: GroupNames, default_group: str | None) -> str:
    if default_group is not None:
        return group_named(groups, default_group)
    return DEFAULT_GROUP if DEFAULT_GROUP in groups.names else ""


def _place_categories(
    parsed: ParsedFile, chosen: list[tuple[frozenset[str], str]], fallback: str
) -> tuple[CategoryChoice, ...]:
    """Rows whose category names no group go to the mapped group, else the fallback; a row
    with nowhere to go (no mapping and no default group in the catalogue) is a row error.
    "Husholdning" and "husholdning" are one category, shown as first written."""
    unplaced = [row for row in parsed.rows if not row.group]
    counts = Counter(folded(row.category) for row in unplaced)
    placed: dict[frozenset[str], CategoryChoice] = {}
    for row in unplaced:
        forms = folded(row.category)
        if forms not in placed:
            mapped = next((group for words, group in chosen if words & forms), "")
            placed[forms] = CategoryChoice(
                row.category, counts[forms], mapped or fallback, bool(mapped)
            )
    rows = []
    for row in parsed.rows:
        group = row.group or placed[folded(row.category)].group
        if group:
            rows.append(replace(row, group=group))
        else:
            parsed.errors.append(
                RowError(
                    row.line,
                    f"ingen varegruppe for kategorien «{row.category}»: velg en",
                    f"no article group for the category '{row.category}': choose one",
                )
            )
    parsed.rows = rows
    return tuple(placed.values())


def _check_barcodes(parsed: ParsedFile, taken: set[str], codes: list[str]) -> None:
    repeated = {code for code, n in Counter(codes).items() if n > 1}
    good = []
    for row in parsed.rows:
        if row.barcode in taken:
            parsed.errors.append(
                RowError(
                    row.line,
                    f"strekkoden {row.barcode} er allerede i bruk",
                    f"barcode {row.barcode} is already in use",
                )
            )
        elif row.barcode in repeated:
            parsed.errors.append(
                RowError(
                    row.line,
                    f"strekkoden {row.barcode} står flere ganger i filen",
                    f"barcode {row.barcode} appears more than once in the file",
                )
            )
        else:
            good.append(row)
    parsed.rows = good
    parsed.errors.sort(key=lambda e: e.line)


def confirm(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    result: ImportPreview,
    *,
    skip_errors: bool = False,
) -> list[Item]:
    """Import the previewed rows in one transaction (a manager: an import sets many prices at
    once, like the back office's import page); items without a barcode get labels from the
    context's register. Each item is queued as ``item.registered`` (one event per item, in the
    import's transaction)."""
    ctx.require(Permission.MANAGE)
    if result.errors and not skip_errors:
        raise ImportHasErrors(len(result.errors))
    if not result.rows:
        raise NothingToImport()
    new = [
        setup.NewItem(
            result.tenant_code,
            row.description,
            row.price,
            row.vat_class,
            row.group,
            row.kind,
            row.barcode,
            row.qty,
            row.condition,
            row.purchase_price,
        )
        for row in result.rows
    ]
    return setup.add_items(uow_factory, new, ctx.clock, register_id=ctx.register_id, publish=True)
