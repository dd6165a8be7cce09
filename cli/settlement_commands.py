"""Tenant settlements: ``settlement`` (a period) and ``settlement-correction`` (a new numbered
settlement that takes back an earlier one and works its period out again). Both are whole or
nothing: the payment file, the centre's account and every output folder are checked, and the
files written, before the settlement is numbered; a failure leaves nothing behind."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from cli.bootstrap import CounterApp, Settings, opened
from cli.options import Commands, add_command, staff_context, staff_options

if TYPE_CHECKING:
    from pos.clock import Clock
    from pos.model.settlement import SettlementDoc
    from pos.services.settlement import CentreSettler
    from pos.services.settlement_payment import PaymentOrder
    from printers.settlement_output import SettlementFiles


def add_commands(commands: Commands) -> None:
    settle = add_command(
        commands, "settlement", settlement_, "settle a tenant for a period (numbered)"
    )
    settle.add_argument("--tenant", required=True, help="org.no or code")
    settle.add_argument("--from", dest="date_from", required=True, help="YYYY-MM-DD")
    settle.add_argument("--to", dest="date_to", required=True, help="YYYY-MM-DD")
    _file_options(settle)
    correct = add_command(
        commands,
        "settlement-correction",
        correction_,
        "correct a settlement: a new numbered one that takes it back and settles its period again",
    )
    correct.add_argument("--tenant", required=True, help="org.no or code")
    correct.add_argument("--number", required=True, help="the settlement to correct: 3 or OPPGJ-…")
    correct.add_argument("--reason", required=True, help="why (printed and journaled)")
    correct.add_argument(
        "--adjust", default="0", help="an extra amount in kroner (negative: the tenant pays)"
    )
    _file_options(correct)
    company = add_command(
        commands,
        "centre-company",
        centre_company_,
        "the centre's own company, which pays the tenants (name, org.no., account; a manager)",
    )
    company.add_argument("--name", required=True, help="the company's name")
    company.add_argument("--org-no", default="", help="its organisation number (9 digits)")
    company.add_argument("--account", default="", help="its bank account (11 digits)")
    staff_options(company)


def centre_company_(args: argparse.Namespace, settings: Settings) -> int:
    from pos.bank import format_account_number
    from pos.services.centre_company import set_centre_company

    with opened(settings) as app:
        company = set_centre_company(
            app.uow, staff_context(args, app), args.name, args.org_no, args.account
        )
    account = format_account_number(company.account) if company.account else "–"
    print(f"Senterets firma: {company.name}, org.nr. {company.org_no or '–'}, konto {account}")
    return 0


def _file_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--pdf", type=Path, default=None, help="statement PDF path")
    command.add_argument("--csv", type=Path, default=None, help="CSV for the accountant")
    command.add_argument("--pain001", type=Path, default=None, help="ISO 20022 payment file")
    command.add_argument("--pay-date", default=None, help="payment date (default: tomorrow)")
    command.add_argument(
        "--debtor-account",
        default=None,
        help="the centre's account the payment file pays from (default: the one stored on the "
        "back office's settlements page); needed with --pain001",
    )
    staff_options(command)


def settlement_(args: argparse.Namespace, settings: Settings) -> int:
    from pos.services import settlement

    with opened(settings) as app:
        ctx = staff_context(args, app)
        files, payment = _prepare(args, app, ctx.clock)
        doc = _whole(
            files,
            lambda: settlement.make_settlement(
                app.uow, ctx, args.tenant, args.date_from, args.date_to,
                payment=payment, stage=files.stage, centre=_centre(app),
            ),
        )  # fmt: skip
    _show(doc, files)
    return 0


def correction_(args: argparse.Namespace, settings: Settings) -> int:
    from pos.money import parse_nok
    from pos.services import settlement

    adjustment = parse_nok(args.adjust)
    with opened(settings) as app:
        ctx = staff_context(args, app)
        files, payment = _prepare(args, app, ctx.clock)
        doc = _whole(
            files,
            lambda: settlement.correct_settlement(
                app.uow, ctx, args.tenant, args.number, args.reason, adjustment,
                payment=payment, stage=files.stage, centre=_centre(app),
            ),
        )  # fmt: skip
    _show(doc, files)
    return 0


def _centre(app: CounterApp) -> CentreSettler | None:
    """The central server when this counter is enrolled (after a sync of its own sales)."""
    from sync.settlements import settler_for

    return settler_for(app.uow, lambda: app.sync_cycle().run())


def _prepare(
    args: argparse.Namespace, app: CounterApp, clock: Clock
) -> tuple[SettlementFiles, PaymentOrder | None]:
    """Everything checked before a number is taken: the folders and the payment order."""
    from pos.services.centre_company import statement_issuer
    from pos.services.settlement_files import settlements_csv
    from pos.services.settlement_payment import payment_order
    from printers.settlement_output import SettlementFiles

    centre = statement_issuer(app.uow)
    files = SettlementFiles(args.pdf, args.csv, args.pain001, centre, settlements_csv)
    files.check()
    payment = (
        payment_order(app.uow, args.debtor_account, args.pay_date, clock) if args.pain001 else None
    )
    return files, payment


def _whole(files: SettlementFiles, make: Callable[[], SettlementDoc]) -> SettlementDoc:
    """The settlement and its files, or neither."""
    try:
        doc = make()
    except Exception:
        files.discard()
        raise
    files.publish()
    return doc


def _show(doc: SettlementDoc, files: SettlementFiles) -> None:
    from pos.model.settlement import net_label, registers_text
    from pos.money import format_nok

    corrects = f"  korrigerer {doc.corrects_number}" if doc.corrects_number else ""
    print(f"{doc.number_text}  {doc.tenant_name}  {doc.period_from} – {doc.period_to}{corrects}")
    if registers_text(doc):
        print(f"  {registers_text(doc)}")
    for line in doc.lines:
        mark = "" if line.counts else "  (info)"
        print(f"  {line.description:<60} {format_nok(line.amount):>14}{mark}")
    print(f"  {net_label(doc):<60} {format_nok(doc.net_payable):>14}")
    for path in files.written:
        print(f"Fil / file: {path}")
    if files.payment is not None and files.payment not in files.written:
        print("Ingen betalingsfil: ingenting å betale / no payment file: nothing to pay.")
