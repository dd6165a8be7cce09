"""Items from the command line: ``import-items`` (a tenant's price list from a CSV file, checked
first; ``--dry-run`` only checks). Categories are taken in the tenant's words; one that names no
article group goes where ``--map`` says, else to ``--default-group``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cli.bootstrap import Settings, opened
from cli.journal_words import say
from cli.options import Commands, add_command, staff_context, staff_options
from cli.words import counted

if TYPE_CHECKING:
    from pos.services.item_import import ImportPreview


def add_commands(commands: Commands) -> None:
    items = add_command(
        commands, "import-items", import_items, "import a tenant's items from a CSV file"
    )
    items.add_argument("--tenant", required=True, help="the tenant's two-digit code")
    items.add_argument("file", type=Path)
    items.add_argument("--dry-run", action="store_true", help="only check the file")
    items.add_argument(
        "--skip-errors",
        action="store_true",
        help="import the good rows even if some rows have errors",
    )
    items.add_argument(
        "--map",
        action="append",
        default=[],
        type=category_mapping,
        metavar='"CATEGORY=GROUP"',
        help="put a category that names no article group into GROUP (an id or a name); "
        "repeat for each category",
    )
    items.add_argument(
        "--default-group",
        metavar="GROUP",
        help="where rows without a category, or with an unmapped unknown one, go (default DIVERSE)",
    )
    staff_options(items)


def category_mapping(text: str) -> tuple[str, str]:
    category, sep, group = text.partition("=")
    if not sep or not category.strip() or not group.strip():
        raise argparse.ArgumentTypeError(
            f"'{text}' is not CATEGORY=GROUP (e.g. \"Husholdning=DIVERSE\")"
        )
    return category.strip(), group.strip()


def import_items(args: argparse.Namespace, settings: Settings) -> int:
    from pos.services import item_import

    try:
        data = args.file.read_bytes()
    except OSError as error:
        print(f"{args.file}: {error.strerror}", file=sys.stderr)
        return 2
    lang = settings.lang
    with opened(settings) as app:
        ctx = staff_context(args, app)
        result = item_import.preview(
            app.uow, args.tenant, data, mapping=dict(args.map), default_group=args.default_group
        )
        ready = counted(lang, len(result.rows), ("rad klar", "rader klare"),
                        ("row ready", "rows ready"))  # fmt: skip
        bad, parsed = len(result.errors), result.parsed
        how = f"{parsed.encoding}, " + say(lang, "skilt med", "separated by")
        print(say(lang, f"{ready}, {bad} med feil", f"{ready}, {bad} with errors")
              + f" ({how} {parsed.delimiter!r})")  # fmt: skip
        for line in category_lines(result, lang):
            print(line)
        for row_error in result.errors:
            print(row_error.message(settings.lang), file=sys.stderr)
        if args.dry_run:
            return 1 if result.errors else 0
        made = item_import.confirm(app.uow, ctx, result, skip_errors=args.skip_errors)
    items = counted(lang, len(made), ("vare", "varer"), ("item", "items"))
    print(say(lang, f"importerte {items}", f"imported {items}"))
    return 0


def category_lines(result: ImportPreview, lang: str) -> list[str]:
    """One line per category that names no article group: where its rows go, and why."""
    lines = []
    for choice in result.categories:
        cat = choice.category
        nowhere = say(lang, "ingen steder", "nowhere")
        where = result.groups.label(choice.group) if choice.group else nowhere
        rows = counted(lang, choice.rows, ("rad", "rader"), ("row", "rows"))
        choose = say(lang, f'standard; --map "{cat}=GRUPPE" for å velge',
                     f'default; --map "{cat}=GROUP" to choose')  # fmt: skip
        how = "--map" if choice.chosen else choose
        lines.append(say(lang, f"kategorien «{cat}» er ingen varegruppe: {rows} til {where}",
                         f"category '{cat}' names no article group: {rows} to {where}")
                     + f" ({how})")  # fmt: skip
    return lines
