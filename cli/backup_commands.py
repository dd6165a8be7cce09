"""Backups of the store: ``backup`` (one now, also to a second place) and ``restore-backup`` (list
them, or put the newest good one or a given one in place, approved by a manager; also into a
fresh data directory on a new PC)."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cli.bootstrap import Settings, opened
from cli.options import Commands, add_command, staff_context
from cli.words import counted
from pos.damage_words import damage_said
from pos.model.restore_losses import after_restore, before_restore

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from pos.services.backups import Taken
    from pos.services.restore_report import RestorePreview, RestoreResult
    from pos.services.salvage_result import SalvageResult


def add_commands(commands: Commands) -> None:
    restore = add_command(
        commands,
        "restore-backup",
        restore_backup,
        "put the newest good (or a given) backup in place of the store (a manager)",
    )
    restore.add_argument("file", type=Path, nargs="?", help="a backup file (default: newest good)")
    restore.add_argument("--list", action="store_true", help="only list the backups")
    restore.add_argument("--staff", default=None, help="a manager's staff number")
    restore.add_argument("--pin", default=None, help="their PIN (asked for when left out)")
    restore.add_argument(
        "--confirm-unknown-history",
        action="store_true",
        help="restore although neither this PC nor a server knows what the register did after "
        "the backup (asked for when left out)",
    )
    backup = add_command(commands, "backup", take_backup, "take a backup of the store now")
    backup.add_argument("--to", type=Path, default=None, help="also copy it to this folder")
    backup.add_argument(
        "--set-second-place",
        default=None,
        metavar="DIR",
        help="save the folder every backup is also copied to ('' for none; a manager)",
    )
    backup.add_argument("--staff", default=None, help="a manager's staff number (with --set-…)")
    backup.add_argument("--pin", default=None, help="their PIN (asked for when left out)")
    backup.add_argument("--register", default=None, help=argparse.SUPPRESS)


def restore_backup(args: argparse.Namespace, settings: Settings) -> int:
    """Works on the files alone: the store may be too damaged to open."""
    from pos.adapters.backup import backups
    from pos.services.restore import RestoreSession

    if args.list:
        for found in backups(settings.data_dir):
            seq = f"j{found.journal_seq}" if found.journal_seq is not None else "-"
            print(f"{found.taken:%Y-%m-%d %H:%M:%S}\t{found.reason}\t{seq}\t{found.path}")
        return 0
    if not args.staff:
        print(_say(settings.lang, "Gjenoppretting krever en leder: oppgi --staff NR.",
                   "A restore needs a manager: give --staff NO."), file=sys.stderr)  # fmt: skip
        return 2
    with RestoreSession(settings.data_dir, args.file) as session:
        pin = args.pin if args.pin is not None else getpass.getpass("PIN: ")
        manager = session.authenticate(args.staff, pin)  # refused before the store is described
        print(preview_text(session.preview, settings.lang))
        confirmed = args.confirm_unknown_history
        if session.preview.needs_confirmation and not confirmed:
            confirmed = _confirm_unknown_history(settings.lang)
        result = session.run(manager, history_unknown_confirmed=confirmed)
    print(result_text(result, settings.lang))
    return 0


def _confirm_unknown_history(lang: str) -> bool:
    """Asked at the terminal, or read from a pipe (``echo JA | …``); no answer refuses the
    restore (the error says why)."""
    question = _say(lang, "Gjenopprette likevel? Skriv JA: ", "Restore anyway? Type YES: ")
    try:
        if sys.stdin.isatty():
            answer = input(question)
        else:
            print(question, end="", flush=True)
            answer = sys.stdin.readline()
    except (EOFError, OSError, ValueError):  # no stdin at all
        return False
    return answer.strip().upper() in ("JA", "YES")


UNKNOWN_BEYOND = (
    "Denne PC-en vet ikke hvor mange kvitteringer kassen ga ut etter sikkerhetskopien (verken "
    "database eller high-water.mark her). Var kassen koblet til serveren, fortsetter numrene "
    "etter serverens når den registreres på nytt; ellers kopier high-water.mark fra den gamle "
    "disken hit før gjenopprettingen, om den kan leses.",
    "This PC does not know how many receipts the register gave out after the backup (neither "
    "a store nor high-water.mark here). If the register synced with a server, numbering "
    "continues after the server's once it is enrolled again; otherwise copy high-water.mark "
    "from the old disk here before restoring, if it can be read.",
)
"""Said instead of a count on a new PC: the old PC's high-water mark is not here."""


UNKNOWN_NOT_ENROLLED = (
    "Kassen var ikke koblet til en server, så heller ikke den vet det: kvitterings- og Z-numre "
    "kan bli gitt ut på nytt, og en dag kan bli Z-rapportert to ganger. En leder må bekrefte "
    "(--confirm-unknown-history, eller svar JA); bekreftelsen journalføres.",
    "The register did not sync with a server, so no server knows either: receipt and Z "
    "numbers may be given out again and a day Z-reported twice. A manager must confirm "
    "(--confirm-unknown-history, or answer YES); the confirmation is journaled.",
)


def _z_beyond_text(preview: RestorePreview, lang: str) -> str:
    if not preview.z_beyond:
        return _say(lang, "Sikkerhetskopien mangler ingen Z-rapport.",
                    "The backup lacks no Z report.")  # fmt: skip
    day = preview.last_z_day
    return _say(lang,
                f"Sikkerhetskopien mangler {preview.z_beyond} Z-rapport(er) tatt etter den; "
                f"siste Z gjaldt {day}. Z-numrene fortsetter etter dem, og dager til og med "
                f"{day} kan ikke Z-rapporteres igjen.",
                f"The backup lacks {preview.z_beyond} Z report(s) taken after it; the last Z "
                f"was for {day}. Z numbers continue after them, and days up to {day} cannot be "
                "Z-reported again.")  # fmt: skip


def preview_text(preview: RestorePreview, lang: str) -> str:
    """What the restore replaces, said before it does."""
    backup = preview.backup
    signed = counted(lang, preview.signed_beyond, ("signert kvittering", "signerte kvitteringer"),
                     ("signed receipt", "signed receipts"))  # fmt: skip
    lines = [
        _say(lang, f"Sikkerhetskopi: {backup.path} (tatt {backup.taken:%Y-%m-%d %H:%M}).",
             f"Backup: {backup.path} (taken {backup.taken:%Y-%m-%d %H:%M})."),
        _say(lang,
             f"Kassen har gitt ut {signed} etter denne "
             f"sikkerhetskopien; {preview.readable_beyond or 0} kan fortsatt leses og hentes "
             "tilbake. Nummereringen fortsetter etter det høyeste nummeret som er gitt ut.",
             f"The register gave out {signed} after this backup; "
             f"{preview.readable_beyond or 0} can still be read and are brought back. Numbering "
             "continues after the highest number ever given out."),
    ]  # fmt: skip
    for number, why in preview.left_beyond:
        lines.append(_say(lang, f"  Hentes ikke tilbake: {number}: {why.message(lang)}",
                          f"  Not brought back: {number}: {why.message(lang)}"))  # fmt: skip
    if preview.left_beyond:
        lines.append(_say(lang,
                          "  Disse skrives i sin helhet til salvage-mappen og legges i kø til "
                          "serveren: ingenting som er signert, blir borte.",
                          "  These are written in full to the salvage folder and queued for the "
                          "server: nothing signed is lost."))  # fmt: skip
    if preview.events_beyond:
        lines.append(_say(lang,
                          f"Også {preview.events_beyond} andre registreringer etter kopien "
                          "(kontanter inn/ut, skuffeåpninger, kopier, annulleringer, slettede "
                          "linjer, prisforespørsler, parkerte kurver, åpning, vaktbytte og "
                          "oppgjør av kassen) hentes tilbake.",
                          f"Also {preview.events_beyond} other records after the backup (cash "
                          "in/out, drawer openings, copies, voids, deleted lines, price "
                          "look-ups, parked baskets, the till's opening, shift changes and "
                          "close) are brought back."))  # fmt: skip
    if not preview.beyond_known:
        lines[1] = _say(lang, *UNKNOWN_BEYOND)
    else:
        lines.append(_z_beyond_text(preview, lang))
    if preview.needs_confirmation:
        lines.append(_say(lang, *UNKNOWN_NOT_ENROLLED))
    if preview.records_may_be_lost:
        lines.append(before_restore(preview.lost_since, lang))
    if preview.current_problem:
        log.info("restore: the store being replaced is damaged: %s", preview.current_problem)
        problem = damage_said(preview.current_problem, lang)
        lines.append(_say(lang, f"Databasen som erstattes, er skadet: {problem}.",
                          f"The store being replaced is damaged: {problem}."))  # fmt: skip
    for name, problem in preview.passed_over:
        log.info("restore: passed over %s: %s", name, problem)
        said = damage_said(problem, lang)
        lines.append(_say(lang, f"Hoppet over (besto ikke kontrollen): {name}: {said}.",
                          f"Passed over (failed the check): {name}: {said}."))  # fmt: skip
    if preview.new_pc:
        lines.append(_say(lang, "Ingen signeringsnøkkel her: en ny nøkkelversjon blir laget.",
                          "No signing key here: a new key version will be made."))  # fmt: skip
    return "\n".join(lines)


def result_text(result: RestoreResult, lang: str) -> str:
    salvage = result.salvage
    left = len(salvage.left) + salvage.unreadable
    back = counted(lang, len(salvage.salvaged), ("kvittering", "kvitteringer"),
                   ("receipt", "receipts"))  # fmt: skip
    lines = [
        _say(lang,
             f"Gjenopprettet. {back} hentet tilbake, {left} kunne ikke hentes.",
             f"Restored. {back} brought back, {left} could not be."),
    ]  # fmt: skip
    for number, why in salvage.left:
        lines.append(f"  {number}: {why.message(lang)}")
    lines += _events_lines(salvage, lang)
    if salvage.records_lost_since is not None:
        lines.append(after_restore(salvage.records_lost_since, lang))
    if salvage.export_dir is not None:
        lines += _export_lines(salvage, lang)
    if result.replaced_file is not None:
        lines.append(_say(lang, f"Den gamle databasen er beholdt: {result.replaced_file}",
                          f"The replaced store is kept: {result.replaced_file}"))  # fmt: skip
    if result.new_key_version:
        lines.append(_say(lang, f"Ny signeringsnøkkel: versjon {result.new_key_version}.",
                          f"New signing key: version {result.new_key_version}."))  # fmt: skip
    if result.wait_for_server:
        lines.append(_say(lang,
                          "Registrer kassen hos serveren på nytt (enrol) før salg.",
                          "Enrol the counter with the server again before selling."))  # fmt: skip
    return "\n".join(lines)


def _events_lines(salvage: SalvageResult, lang: str) -> list[str]:
    """The cash moved, drawer openings and copies after the backup: each brought back, and
    each that was not with why."""
    lines = []
    if salvage.events_salvaged:
        lines.append(_say(lang, "Også hentet tilbake (talt i X og Z som før):",
                          "Also brought back (counted in X and Z as before):"))  # fmt: skip
        lines += [f"  {said.message(lang)}" for said in salvage.events_salvaged]
    if salvage.events_left:
        from pos.services.salvage_export import LISTING

        listing = salvage.export_dir / LISTING if salvage.export_dir else LISTING
        lines.append(_say(lang, f"Ikke hentet tilbake (listet i {listing}):",
                          f"Not brought back (listed in {listing}):"))  # fmt: skip
        lines += [f"  {said.message(lang)}: {why.message(lang)}"
                  for said, why in salvage.events_left]  # fmt: skip
    return lines


def _export_lines(salvage: SalvageResult, lang: str) -> list[str]:
    """Where what did not come back is kept, and that it goes to the server."""
    from pos.services.salvage_export import JOURNAL_TAIL, LEFT_BEHIND, LISTING

    folder = salvage.export_dir
    assert folder is not None
    left = len(salvage.left) + salvage.unreadable
    if not left:
        return [_say(lang, f"Journalhalen: {folder / JOURNAL_TAIL}",
                     f"The journal tail: {folder / JOURNAL_TAIL}")]  # fmt: skip
    signed = counted(lang, left, ("signert kvittering", "signerte kvitteringer"),
                     ("signed receipt", "signed receipts"))  # fmt: skip
    lines = [
        _say(lang, f"{signed} ble ikke hentet tilbake. Listen med grunnene: {folder / LISTING}",
             f"{signed} did not come back. The list with the reasons: {folder / LISTING}"),
    ]  # fmt: skip
    if salvage.left_sales:
        lines.append(_say(lang,
                          f"Hvert salg i sin helhet (kvitteringer, signaturer, linjer, betaling): "
                          f"{folder / LEFT_BEHIND}. Før dem for hånd i regnskapet.",
                          f"Each sale in full (receipts, signatures, lines, payments): "
                          f"{folder / LEFT_BEHIND}. Enter them by hand in the books."))  # fmt: skip
    if salvage.queued_left:
        queued = counted(lang, len(salvage.queued_left), ("kvittering", "kvitteringer"),
                         ("receipt", "receipts"))  # fmt: skip
        lines.append(_say(lang, f"Lagt i kø til serveren: {queued}.",
                          f"Queued for the server: {queued}."))  # fmt: skip
    if salvage.unreadable_numbers:
        numbers = ", ".join(salvage.unreadable_numbers)
        lines.append(_say(lang, f"Kan ikke leses: {numbers}", f"Cannot be read: {numbers}"))
    if salvage.unreadable:
        lines.append(_say(lang,
                          f"{salvage.unreadable} kan ikke leses; det som kan leses, står i "
                          f"journalhalen: {folder / JOURNAL_TAIL}",
                          f"{salvage.unreadable} cannot be read; what can be read is in the "
                          f"journal tail: {folder / JOURNAL_TAIL}"))  # fmt: skip
    return lines


def take_backup(args: argparse.Namespace, settings: Settings) -> int:
    from pos.services.backups import set_second_place

    with opened(settings) as app:
        if args.set_second_place is not None:
            if not args.staff:
                print(_say(settings.lang, "Å endre stedet krever en leder: oppgi --staff NR.",
                           "Changing the place needs a manager: give --staff NO."),
                      file=sys.stderr)  # fmt: skip
                return 2
            folder = args.set_second_place.strip()
            place = os.path.abspath(folder) if folder else ""  # as the shell's user means it
            set_second_place(app.uow, staff_context(args, app), place)
        taken = app.counter.backup("manual", second_place=args.to)
    return _print_taken(taken, settings.lang)


def _print_taken(taken: Taken, lang: str) -> int:
    print(taken.path)
    if taken.second is not None:
        print(taken.second)
    if taken.second_problem:
        problem = taken.second_problem.message(lang)
        print(_say(lang, f"Ikke kopiert til det andre stedet: {problem}",
                   f"Not copied to the second place: {problem}"), file=sys.stderr)  # fmt: skip
        return 1
    return 0


def _say(lang: str, nb: str, en: str) -> str:
    return en if lang == "en" else nb
