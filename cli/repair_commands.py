"""The repair counter from the command line: ``repair-intake`` (take a job in), ``repairs``
(the board) and ``export-ords`` (outcomes as Open Repair Data Standard CSV)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.bootstrap import Settings, opened
from cli.options import Commands, add_command


def add_commands(commands: Commands) -> None:
    intake = add_command(
        commands, "repair-intake", repair_intake, "take in a repair job (prints its id)"
    )
    _intake_options(intake)
    board = add_command(
        commands, "repairs", repairs, "list the repair board (open jobs, newest first)"
    )
    board.add_argument("--status", default="", help="e.g. ready_for_pickup")
    board.add_argument("--tenant", default="")
    board.add_argument("--search", default="", help="ticket id, phone or name")
    board.add_argument("--page", type=int, default=0)
    ords = add_command(
        commands,
        "export-ords",
        export_ords,
        "repair outcomes as Open Repair Data Standard CSV (reuse impact)",
    )
    ords.add_argument("--from", dest="date_from", required=True, help="YYYY-MM-DD")
    ords.add_argument("--to", dest="date_to", required=True, help="YYYY-MM-DD")
    ords.add_argument("--out", type=Path, required=True)


def _intake_options(intake: argparse.ArgumentParser) -> None:
    intake.add_argument("--tenant", required=True, help="the repair tenant's two-digit code")
    intake.add_argument("--staff", required=True, help="staff number of who takes it in")
    intake.add_argument("--pin", required=True)
    intake.add_argument("--customer", required=True, help="the customer's name")
    intake.add_argument("--phone", default="")
    intake.add_argument("--email", default="")
    intake.add_argument("--consent", action="store_true", help="the customer may be contacted")
    intake.add_argument("--item", required=True, help="what it is, e.g. 'Sykkel DBS'")
    intake.add_argument("--fault", required=True)
    intake.add_argument("--condition", default="")
    intake.add_argument("--estimate", default="0", help="in kroner, e.g. 450 or 450,50")
    intake.add_argument("--photo", type=Path, action="append", default=[])
    intake.add_argument(
        "--terms-accepted", action="store_true", help="the customer accepted the terms"
    )


def repair_intake(args: argparse.Namespace, settings: Settings) -> int:
    from pos.money import parse_nok
    from pos.services.repair_intake import IntakeForm, take_in

    form = IntakeForm(
        tenant_code=args.tenant,
        customer_name=args.customer,
        phone=args.phone,
        email=args.email,
        contact_consent=args.consent,
        brand_model=args.item,
        fault=args.fault,
        condition=args.condition,
        estimate=parse_nok(args.estimate),
        photos=tuple(args.photo),
        terms_accepted=args.terms_accepted,
    )
    with opened(settings) as app:
        ctx = app.staff_context(args.staff, args.pin)
        ticket = take_in(app.uow, ctx, form, data_dir=app.data_dir)
    print(ticket)
    return 0


def repairs(args: argparse.Namespace, settings: Settings) -> int:
    from pos.model.repair import RepairStatus
    from pos.services.repair_board import BoardQuery, board

    try:
        statuses = (RepairStatus(args.status),) if args.status else ()
    except ValueError:
        known = ", ".join(s.value for s in RepairStatus)
        print(f"unknown status {args.status!r}; use one of: {known}", file=sys.stderr)
        return 2
    query = BoardQuery(statuses=statuses, tenant_code=args.tenant, search=args.search)
    with opened(settings) as app:
        page = board(app.uow, query, page=args.page)
    for row in page.rows:
        print(
            f"{row.ticket_id}\t{row.tenant_code}\t{row.status_label}\t{row.customer}\t"
            f"{row.phone}\t{row.item}\t{row.promised}"
        )
    if page.has_more:
        print(f"(more: --page {page.page + 1})", file=sys.stderr)
    return 0


def export_ords(args: argparse.Namespace, settings: Settings) -> int:
    from pos.services.repair_outcome import export_ords as export
    from pos.services.reports import parse_date

    date_from, date_to = parse_date(args.date_from), parse_date(args.date_to)
    with opened(settings) as app:
        done = export(app.uow, date_from, date_to, args.out)
    print(f"{done.path}: {done.records} repairs")
    return 0
