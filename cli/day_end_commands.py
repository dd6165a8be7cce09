"""The day-end commands (x-report, z-report, export-saft, till-close, tenant-terms): their
options, then each handler calls the services and prints readable results. Services are
imported by the handlers, so building the parser stays cheap for the window."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from cli.bootstrap import CounterApp, Settings, opened
from cli.journal_words import say
from cli.options import Commands, add_command, parse_count, staff_context, staff_options

if TYPE_CHECKING:
    from pos.model.reports import DrawerReport
    from pos.model.till_close import BatchCheck
    from pos.services.context import TillContext
    from pos.services.reports import OpenDay


def add_commands(commands: Commands) -> None:
    x_report = add_command(
        commands, "x-report", x_report_, "X report per tenant since its last Z (journaled in full)"
    )
    x_report.add_argument("--tenant", action="append", help="code or org.no (repeatable)")
    x_report.add_argument("--pdf", type=Path, default=None, help="directory for the PDFs")
    staff_options(x_report)
    z_report = add_command(
        commands,
        "z-report",
        z_report_,
        "Z report per tenant for one business day (default: the day still open, the oldest "
        "day with use and no Z; every tenant in use that day)",
    )
    z_report.add_argument("--tenant", action="append", help="code or org.no (repeatable)")
    z_report.add_argument(
        "--date", default=None, help="business day, YYYY-MM-DD (never after today)"
    )
    z_report.add_argument(
        "--missing", action="store_true", help="only list the days with use and no Z report"
    )
    z_report.add_argument("--include-empty", action="store_true", help="also tenants with no use")
    z_report.add_argument(
        "--copy",
        action="store_true",
        help="print the Z reports taken for --date again, marked KOPI (default: the latest day)",
    )
    z_report.add_argument(
        "--taken", action="store_true", help="list the latest days with Z reports taken"
    )
    z_report.add_argument(
        "--pdf", type=Path, default=None, help="directory for the Z PDFs and the day-end PDF"
    )
    staff_options(z_report)
    saft = add_command(
        commands, "export-saft", export_saft_, "SAF-T Cash Register XML for one tenant"
    )
    saft.add_argument("--tenant", required=True, help="org.no or code")
    saft.add_argument("--from", dest="date_from", required=True, help="YYYY-MM-DD")
    saft.add_argument("--to", dest="date_to", required=True, help="YYYY-MM-DD")
    saft.add_argument("--out", type=Path, required=True, help="file, or directory (standard name)")
    staff_options(saft)
    close = add_command(commands, "till-close", till_close_, "close the till with a blind count")
    close.add_argument(
        "--count", required=True, help="pieces per denomination in kroner, e.g. 1000=2,50=3,1=4"
    )
    close.add_argument("--card", default=None, help="card terminal batch total (kr)")
    close.add_argument("--vipps", default=None, help="Vipps batch total (kr)")
    close.add_argument("--note", default="", help="note on a variance (else asked after the count)")
    staff_options(close)
    explain = add_command(
        commands, "till-note", till_note_, "write the note on the last till close's variance"
    )
    explain.add_argument("--note", required=True, help="what the variance is about")
    staff_options(explain)
    terms = add_command(
        commands, "tenant-terms", tenant_terms_, "set a tenant's commission, rent and account"
    )
    terms.add_argument("--tenant", required=True, help="org.no or code")
    terms.add_argument("--commission", required=True, help="percent, e.g. 20 or 12,5")
    terms.add_argument("--rent", default="0", help="monthly rent in kroner, e.g. 3000")
    terms.add_argument("--account", default="", help="tenant's bank account (11 digits)")
    terms.add_argument(
        "--group", action="append", default=[], help="per article group: GROUP=PERCENT"
    )
    staff_options(terms)


def x_report_(args: argparse.Namespace, settings: Settings) -> int:
    from pos.services import reports

    with opened(settings) as app:
        made = reports.x_reports(app.uow, staff_context(args, app), args.tenant)
        anchor = _print_reports(app, made, settings.lang)
        _pdfs(args.pdf, made, None, anchor)
    return 0


def z_report_(args: argparse.Namespace, settings: Settings) -> int:
    from pos.services import reports

    with opened(settings) as app:
        ctx = staff_context(args, app)
        if args.missing:
            _print_open_days(reports.open_days(app.uow, ctx), settings.lang)
            return 0
        if args.taken or args.copy:
            return _taken_or_copies(app, ctx, args, settings.lang)
        made = reports.z_reports(
            app.uow, ctx, args.date, args.tenant, include_empty=args.include_empty
        )
        backed_up = 0
        if not made:
            print(say(settings.lang, "Ingen Z-rapport: ingen bruk siden forrige Z.",
                      "No Z report: no use since the last Z."))  # fmt: skip
        else:
            backed_up = _backup_after_z(app, settings.lang)
        anchor = _print_reports(app, made, settings.lang)
        day = made[0].business_date if made else ""
        _pdfs(args.pdf, made, (app, ctx.register_id, day) if made else None, anchor)
        left = reports.open_days(app.uow, ctx)
    if left:
        print(say(settings.lang,
                  "Dager med bruk som fortsatt mangler Z-rapport (ta dem i rekkefølge):",
                  "Days with use still lacking a Z report (take them in order):"))  # fmt: skip
        _print_open_days(left, settings.lang)
    return backed_up


def _taken_or_copies(app: CounterApp, ctx: TillContext, args: argparse.Namespace, lang: str) -> int:
    from pos.services import z_copies

    taken = z_copies.taken_days(app.uow, ctx.register_id)
    if args.taken:
        for found in taken:
            print(f"{found.business_date}\t{', '.join(found.reports)}")
        if not taken:
            print(say(lang, "Ingen Z-rapporter er tatt på denne kassen.",
                      "No Z reports have been taken on this register."))  # fmt: skip
        return 0
    day = args.date or (taken[0].business_date if taken else ctx.stamp().local_date)
    made = z_copies.z_copies(app.uow, ctx, day, args.tenant)
    anchor = _print_reports(app, made, lang, copy=True)
    _pdfs(args.pdf, made, None, anchor, copy=True)
    return 0


def _backup_after_z(app: CounterApp, lang: str) -> int:
    """The day as closed, checked in full first, right after the Zs commit; they stand and are
    printed whatever happens here."""
    import sys

    from pos.errors import DomainError
    from pos.services.backups import backup_after_z

    try:
        taken = backup_after_z(app.data_dir)
    except DomainError as error:
        print(error.message(lang), file=sys.stderr)
        return 2
    print(say(lang, f"Sikkerhetskopi: {taken.path}", f"Backup: {taken.path}"))
    if taken.second is not None:
        print(say(lang, f"Kopi: {taken.second}", f"Copy: {taken.second}"))
    if taken.second_problem:
        problem = taken.second_problem.message(lang)
        print(say(lang, f"Ikke kopiert til det andre stedet: {problem}",
                  f"Not copied to the second place: {problem}"), file=sys.stderr)  # fmt: skip
    return 0


def _print_open_days(days: list[OpenDay], lang: str) -> None:
    """One line per day: the date, missing or still open today, and the tenants with use."""
    by_day: dict[str, list[OpenDay]] = {}
    for entry in days:
        by_day.setdefault(entry.business_date, []).append(entry)
    for day, entries in by_day.items():
        state = (say(lang, "mangler", "missing") if entries[0].overdue
                 else say(lang, "i dag, åpen", "today, open"))  # fmt: skip
        print(f"{day}\t{state}\t{', '.join(e.tenant_name for e in entries)}")
    if not days:
        print(say(lang, "Ingen dager uten Z-rapport.", "No days without a Z report."))


def export_saft_(args: argparse.Namespace, settings: Settings) -> int:
    from pos.services.saft_export import export_saft

    with opened(settings) as app:
        result = export_saft(
            app.uow, staff_context(args, app), args.tenant, args.date_from, args.date_to,
            args.out, version=settings.version,
        )  # fmt: skip
    lang, where = settings.lang, f"{result.path}: {result.tenant.name} ({result.tenant.org_no})"
    print(say(lang,
              f"{where}, {result.transactions} transaksjoner, {result.events} hendelser",
              f"{where}, {result.transactions} transactions, {result.events} events"))  # fmt: skip
    print(say(lang,
              f"Filen gjelder bare denne kassen ({result.register_id}). Senterets fil med alle "
              "kassene: omigjen-server admin saft (eller SAF-T i nettkontoret).",
              f"The file covers this register only ({result.register_id}). The centre's file "
              "with every register: omigjen-server admin saft (or SAF-T in the web back "
              "office)."))  # fmt: skip
    return 0


def till_close_(args: argparse.Namespace, settings: Settings) -> int:
    from pos.model.restore_losses import at_close
    from pos.money import format_nok, parse_nok
    from pos.services import till_close

    with opened(settings) as app:
        ctx = staff_context(args, app)
        doc = till_close.close_till(
            app.uow,
            ctx,
            parse_count(args.count),
            card_batch=parse_nok(args.card) if args.card else None,
            vipps_batch=parse_nok(args.vipps) if args.vipps else None,
            note=args.note,
        )
    lang = settings.lang
    heads = say(lang, "Kontanter|forventet|talt|differanse", "Cash|expected|counted|variance")
    cash, expected, counted, variance = heads.split("|")
    print(f"  {cash:<30} {expected:>12} {counted:>12} {variance:>12}")
    for tenant in doc.tenants:  # one drawer is counted: "counted" only for the whole
        print(
            f"  {tenant.tenant_name[:30]:<30} {format_nok(tenant.expected):>12} "
            f"{'–':>12} {format_nok(tenant.variance):>12}"
        )
    drawer = say(lang, "Skuffen i alt", "The drawer in all")
    print(
        f"  {drawer:<30} {format_nok(doc.expected_cash):>12} "
        f"{format_nok(doc.counted_cash):>12} {format_nok(doc.variance):>12}"
    )
    for batch in doc.batches:
        if batch.entered is None and not batch.recorded:
            continue
        print(f"  {_batch_words(lang, batch)}")
    for item in doc.pending:
        print(say(lang, "  Fortsatt åpent: ", "  Still open: ") + f"{item.label} "
              f"{format_nok(item.amount)}")  # fmt: skip
    figures = (format_nok(doc.expected_cash), format_nok(doc.counted_cash),
               format_nok(doc.variance))  # fmt: skip
    print(say(lang,
              f"Forventet {figures[0]}, talt {figures[1]}, differanse {figures[2]}. "
              "Kassen er lukket.",
              f"Expected {figures[0]}, counted {figures[1]}, variance {figures[2]}. "
              "The till is closed."))  # fmt: skip
    if doc.restored_from:
        print(at_close(doc.restored_from, lang))
    if doc.note_due:
        print(say(
            lang,
            "Opptellingen er lagret. Skriv en merknad om differansen: till-note --note TEKST",
            "The count is saved. Write a note on the variance: till-note --note TEXT",
        ))  # fmt: skip
    return 0


def _batch_words(lang: str, batch: BatchCheck) -> str:
    """A card or Vipps terminal's total as recorded, and as typed at the close."""
    from pos.model.payment import TenderKind
    from pos.money import format_nok

    name = say(lang, batch.name, TenderKind(batch.kind).label_en)
    recorded, deposits = format_nok(batch.recorded), format_nok(batch.deposits)
    difference = format_nok(batch.difference or 0)
    held = say(lang, f" (herav depositum {deposits})", f" (deposits {deposits} of it)")
    if batch.entered is None:
        entered = say(lang, "ikke oppgitt", "not entered")
    else:
        typed = format_nok(batch.entered)
        entered = say(lang, f"oppgitt {typed}, avvik {difference}",
                      f"entered {typed}, difference {difference}")  # fmt: skip
    recorded = say(lang, f"registrert {recorded}", f"recorded {recorded}")
    return f"{name}: {recorded}{held if batch.deposits else ''}, {entered}"


def till_note_(args: argparse.Namespace, settings: Settings) -> int:
    """The blind count was saved first; the note on its variance comes after."""
    from pos.errors import TillNotOpen
    from pos.services import till_close

    with opened(settings) as app:
        ctx = staff_context(args, app)
        with app.uow.read() as uow:
            close = uow.reports.last_till_close(ctx.register_id)
        if close is None:
            raise TillNotOpen()
        till_close.explain_variance(app.uow, ctx, close["id"], args.note)
    day = close["local_date"]
    print(say(settings.lang, f"Merknaden er lagret på kasseoppgjøret {day}.",
              f"The note is saved with the till close of {day}."))  # fmt: skip
    return 0


def _print_reports(app: CounterApp, made: list[DrawerReport], lang: str, copy: bool = False) -> str:
    """Print the reports' main figures (a Z printed again marked KOPI) and the journal anchor
    (returned for the PDFs). In English the words are, the paper's legal wording is not."""
    from pos.model.report_english import LABELS
    from pos.model.report_lines import ANCHOR_LABEL
    from pos.money import format_nok
    from pos.services.anchors import current_anchor

    def word(nb: str) -> str:
        return say(lang, nb, LABELS.get(nb, nb))

    pcs = say(lang, "stk", "pcs")
    for r in made:
        heading = word(f"{r.heading} – KOPI" if copy else r.heading)
        number = say(lang, f" nr. {r.z_number}", f" no. {r.z_number}") if r.z_number else ""
        who = f"{heading}{number}  {r.company_name} ({r.org_no})"
        print(say(lang, f"{who}  kasse {r.register_id}  salgsdag {r.business_date}",
                  f"{who}  register {r.register_id}  business day {r.business_date}"))  # fmt: skip
        sales, returns = r.sales, r.returns
        print(say(lang, "  salg", "  sales") + f" {sales.num} {pcs} {format_nok(sales.amount)}   "
              + say(lang, "retur", "returns") + f" {returns.num} {pcs} "
              f"{format_nok(returns.amount)}   " + say(lang, "netto", "net")
              + f" {format_nok(r.total_cash_sales)}")  # fmt: skip
        for p in r.payments:
            print(f"  {word(p.name):<22} {p.num:>5} {pcs} {format_nok(p.amount):>14}")
        print(say(lang, "  grand total netto", "  grand total net")
              + f" {format_nok(r.grand_total_net)}")  # fmt: skip
    if not made:
        return ""
    anchor = current_anchor(app.uow).text
    print(f"{say(lang, ANCHOR_LABEL, 'Journal anchor')}: {anchor}")
    return anchor


def _pdfs(
    directory: Path | None,
    made: list[DrawerReport],
    day_end: tuple[CounterApp, str, str] | None,
    anchor: str,
    copy: bool = False,
) -> None:
    if directory is None or not made:
        return
    from pdf.reports import day_end_pdf, drawer_report_pdf
    from pos.services.day_end import day_end_doc

    directory.mkdir(parents=True, exist_ok=True)
    for r in made:
        name = f"{r.report_id}-KOPI.pdf" if copy else f"{r.report_id}.pdf"
        print(f"PDF: {drawer_report_pdf(r, directory / name, anchor, copy)}")
    if day_end is not None:
        app, register, day = day_end
        doc = day_end_doc(app.uow, register, day, made)
        print(f"PDF: {day_end_pdf(doc, directory / f'dagsoppgjor-{register}-{day}.pdf')}")


def tenant_terms_(args: argparse.Namespace, settings: Settings) -> int:
    from pos.money import parse_nok
    from pos.services import tenant_terms

    with opened(settings) as app:
        ctx = staff_context(args, app)
        groups = {}
        for spec in args.group:
            group, _, rate = spec.partition("=")
            groups[group.strip().upper()] = tenant_terms.parse_rate(rate)
        tenant_terms.set_terms(
            app.uow,
            ctx,
            args.tenant,
            commission_bp=tenant_terms.parse_rate(args.commission),
            monthly_rent=parse_nok(args.rent),
            bank_account=args.account,
            group_rates=groups,
        )
    print(say(settings.lang, f"Vilkår lagret for {args.tenant}.",
              f"Terms saved for {args.tenant}."))  # fmt: skip
    return 0
