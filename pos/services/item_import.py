"""Importing a tenant's items from CSV: a preview with per-row errors first, then one atomic
import on confirmation (nothing is written until then, and never half a file)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from pos.errors import DomainError, UnknownTenant
from pos.item_csv import ItemRow, ParsedFile, RowError, parse
from pos.model.catalogue import Item
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


@dataclass(frozen=True)
class ImportPreview:
    tenant_code: str
    parsed: ParsedFile

    @property
    def errors(self) -> list[RowError]:
        return self.parsed.errors

    @property
    def rows(self) -> list[ItemRow]:
        return self.parsed.rows


def preview(uow_factory: UnitOfWorkFactory, tenant_code: str, data: bytes) -> ImportPreview:
    """Parse and check the file against the catalogue (article groups, barcodes in use)."""
    with uow_factory.read() as uow:
        if uow.store.tenant_by_code(tenant_code) is None:
            raise UnknownTenant(tenant_code)
        groups = uow.store.article_group_ids()
        parsed = parse(data, default_group=DEFAULT_GROUP, known_groups=groups)
        codes = [row.barcode for row in parsed.rows if row.barcode]
        taken = uow.store.barcodes_taken(codes)
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
    return ImportPreview(tenant_code, parsed)


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
