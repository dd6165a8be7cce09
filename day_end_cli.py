"""The day-end commands of the command line (x-report, z-report, export-saft, settlement,
tenant-terms): parse what ``main`` gathered, call the services, print readable results."""

from __future__ import annotations

import argparse
import getpass
from datetime import date, timedelta
from pathlib import Path

from pos.clock import SystemClock
from pos.counter import Counter
from pos.day_end_errors import InvalidBankAccount, InvalidCount
from pos.model.reports import DrawerReport
from pos.model.till_close import BlindCount
from pos.money import format_nok, parse_nok
from pos.services import auth, reports, settlement, tenant_terms, till_close
from pos.services.context import TillContext
from pos.services.day_end import day_end_doc
from pos.services.saft_export import export_saft
from pos.services.settlement_files import pain001, settlements_csv
from pos.services.tenant_terms import CENTRE_ACCOUNT_META


def run(args: argparse.Namespace, counter: Counter, version: str) -> int:
    ctx = context(args, counter)
    if args.command == "tenant-terms":
        return _terms(args, counter, ctx)
    if args.command == "x-report":
        made = reports.x_reports(counter.uow, ctx, args.tenant)
        _print_reports(made)
        _pdfs(args.pdf, made, None)
    elif args.command == "z-report":
        made = reports.z_reports(
            counter.uow, ctx, args.date, args.tenant, include_empty=args.include_empty
        )
        if not made:
            print("Ingen Z-rapport: ingen bruk siden forrige Z.")
        else:
            print(f"Sikkerhetskopi: {counter.backup('z')}")
        _print_reports(made)
        day = made[0].business_date if made else ""
        _pdfs(args.pdf, made, (counter, ctx.register_id, day) if made else None)
    elif args.command == "export-saft":
        result = export_saft(
            counter.uow, ctx, args.tenant, args.date_from, args.date_to, args.out, version=version
        )
        print(
            f"{result.path}: {result.tenant.name} ({result.tenant.org_no}), "
            f"{result.transactions} transaksjoner, {result.events} hendelser"
        )
    elif args.command == "settlement":
        return _settlement(args, counter, ctx)
    elif args.command == "till-close":
        _till_close(args, counter, ctx)
    return 0


def _till_close(args: argparse.Namespace, counter: Counter, ctx: TillContext) -> None:
    pieces: dict[int, int] = {}
    for part in filter(None, (p.strip() for p in args.count.split(","))):
        value, _, count = part.partition("=")
        if not (value.strip().isdigit() and count.strip().isdigit()):
            raise InvalidCount(part)
        pieces[int(value) * 100] = pieces.get(int(value) * 100, 0) + int(count)
    doc = till_close.close_till(
        counter.uow,
        ctx,
        BlindCount(pieces),
        card_batch=parse_nok(args.card) if args.card else None,
        vipps_batch=parse_nok(args.vipps) if args.vipps else None,
        note=args.note,
    )
    for tenant in doc.tenants:
        print(
            f"  {tenant.tenant_name:<30} forventet {format_nok(tenant.expected):>12}  "
            f"differanse {format_nok(tenant.variance):>10}"
        )
    for batch in doc.batches:
        if batch.difference is not None:
            print(
                f"  {batch.kind:<30} registrert {format_nok(batch.recorded):>11}  "
                f"avvik {format_nok(batch.difference):>10}"
            )
    for item in doc.pending:
        print(f"  Fortsatt åpent: {item.label} {format_nok(item.amount)}")
    print(
        f"Forventet {format_nok(doc.expected_cash)}, talt {format_nok(doc.counted_cash)}, "
        f"differanse {format_nok(doc.variance)}. Kassen er lukket."
    )


def context(args: argparse.Namespace, counter: Counter) -> TillContext:
    """The person given by ``--staff`` (PIN from ``--pin`` or asked for) at this register."""
    pin = args.pin if args.pin is not None else getpass.getpass("PIN: ")
    operator = auth.authenticate(counter.uow, args.staff, pin)
    register = args.register or counter.register_id()
    return TillContext(register, operator, counter.signer(), SystemClock())


def _print_reports(made: list[DrawerReport]) -> None:
    for r in made:
        number = f" nr. {r.z_number}" if r.z_number else ""
        print(f"{r.heading}{number}  {r.company_name} ({r.org_no})  kasse {r.register_id}")
        print(
            f"  salg {r.sales.num} stk {format_nok(r.sales.amount)}   "
            f"retur {r.returns.num} stk {format_nok(r.returns.amount)}   "
            f"netto {format_nok(r.total_cash_sales)}"
        )
        for p in r.payments:
            print(f"  {p.name:<12} {p.num:>5} stk {format_nok(p.amount):>14}")
        print(f"  grand total netto {format_nok(r.grand_total_net)}")


def _pdfs(
    directory: Path | None,
    made: list[DrawerReport],
    day_end: tuple[Counter, str, str] | None,
) -> None:
    if directory is None or not made:
        return
    from printers.pdf_reports import day_end_pdf, drawer_report_pdf

    directory.mkdir(parents=True, exist_ok=True)
    for r in made:
        path = drawer_report_pdf(r, directory / f"{r.report_id}.pdf")
        print(f"PDF: {path}")
    if day_end is not None:
        counter, register, day = day_end
        doc = day_end_doc(counter.uow, register, day, made)
        print(f"PDF: {day_end_pdf(doc, directory / f'dagsoppgjor-{register}-{day}.pdf')}")


def _settlement(args: argparse.Namespace, counter: Counter, ctx: TillContext) -> int:
    doc = settlement.make_settlement(counter.uow, ctx, args.tenant, args.date_from, args.date_to)
    print(f"{doc.number_text}  {doc.tenant_name}  {doc.period_from} – {doc.period_to}")
    for line in doc.lines:
        mark = "" if line.counts else "  (info)"
        print(f"  {line.description:<48} {format_nok(line.amount):>14}{mark}")
    print(f"  {'Netto til leietaker':<48} {format_nok(doc.net_payable):>14}")
    if args.pdf:
        from printers.pdf_reports import settlement_pdf

        with counter.uow.read() as uow:
            centre = uow.store.get_meta("centre_name") or ""
        print(f"PDF: {settlement_pdf(doc, args.pdf, centre)}")
    if args.csv:
        args.csv.write_text(settlements_csv([doc]), encoding="utf-8")
        print(f"CSV: {args.csv}")
    if args.pain001:
        with counter.uow.read() as uow:
            account = args.debtor_account or uow.store.get_meta(CENTRE_ACCOUNT_META) or ""
            centre_tenant = uow.store.tenants()[0]
        if not account:
            raise InvalidBankAccount("senterets konto (--debtor-account)")
        pay_date = args.pay_date or (date.today() + timedelta(days=1)).isoformat()
        xml = pain001(
            [doc],
            debtor_name=centre_tenant.name,
            debtor_org_no=centre_tenant.org_no,
            debtor_account=account,
            execution_date=reports.parse_date(pay_date),
            created=ctx.clock.now(),
            message_id=doc.number_text,
        )
        args.pain001.write_bytes(xml)
        print(f"pain.001: {args.pain001}")
    return 0


def _terms(args: argparse.Namespace, counter: Counter, ctx: TillContext) -> int:
    groups = {}
    for spec in args.group:
        group, _, rate = spec.partition("=")
        groups[group.strip().upper()] = tenant_terms.parse_rate(rate)
    tenant_terms.set_terms(
        counter.uow,
        ctx,
        args.tenant,
        commission_bp=tenant_terms.parse_rate(args.commission),
        monthly_rent=parse_nok(args.rent),
        bank_account=args.account,
        group_rates=groups,
    )
    print(f"Vilkår lagret for {args.tenant}.")
    return 0
