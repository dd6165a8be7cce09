"""Items from the command line: ``import-items`` (a tenant's price list from a CSV file, checked
first; ``--dry-run`` only checks)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.bootstrap import Settings, opened
from cli.options import Commands, add_command, staff_context, staff_options


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
    staff_options(items)


def import_items(args: argparse.Namespace, settings: Settings) -> int:
    from pos.services import item_import

    try:
        data = args.file.read_bytes()
    except OSError as error:
        print(f"{args.file}: {error.strerror}", file=sys.stderr)
        return 2
    with opened(settings) as app:
        ctx = staff_context(args, app)
        result = item_import.preview(app.uow, args.tenant, data)
        print(
            f"{len(result.rows)} rows ready, {len(result.errors)} with errors "
            f"({result.parsed.encoding}, separated by {result.parsed.delimiter!r})"
        )
        for row_error in result.errors:
            print(row_error.message(settings.lang), file=sys.stderr)
        if args.dry_run:
            return 1 if result.errors else 0
        made = item_import.confirm(app.uow, ctx, result, skip_errors=args.skip_errors)
    print(f"imported {len(made)} items")
    return 0
