"""``omigjen-pos`` (or ``python main.py``): parse the global options and the command, set up the
log, then run the command, or the window when no command is given. Errors a person can act on
are printed in their language (exit 2); a reader that closed the output (``| head``) ends the
command quietly (exit 141, as SIGPIPE would); a bug is logged in full (exit 70)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from cli import (
    backup_commands,
    day_end_commands,
    item_commands,
    journal_commands,
    print_commands,
    repair_commands,
    settlement_commands,
    setup_commands,
    staff_commands,
    sync_commands,
    till_commands,
)
from cli.bootstrap import VERSION, Settings
from cli.help_words import language_of, localised, restore_argparse_words
from cli.options import global_options
from pos.closed_output import stdout_closed
from pos.errors import DomainError

APP_NAME = "omigjen-pos"
LOG_FILE = Path("logs") / "omigjen.log"
COMMAND_GROUPS = (
    setup_commands,
    journal_commands,
    backup_commands,
    item_commands,
    repair_commands,
    till_commands,
    day_end_commands,
    print_commands,
    settlement_commands,
    staff_commands,
    sync_commands,
)

__all__ = ["VERSION", "build_parser", "main"]


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="omigjen-pos", description="Omigjen POS – kasse og verksteddisk for et ombrukssenter."
    )
    global_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.add_commands(commands)
    return parser


class OsloTimeFormatter(logging.Formatter):
    """Log lines stamped in Norwegian time, as the screens, receipts and reports show it, so a
    support person matches a line to what the counter showed whatever the PC's time zone, and
    by the time a manager confirmed while the PC's clock is wrong (``LogTime``)."""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802
        from datetime import datetime

        from pos.clock import OSLO, LogTime

        moment = datetime.fromtimestamp(record.created + LogTime.offset_seconds, OSLO)
        return f"{moment:%Y-%m-%d %H:%M:%S},{int(record.msecs):03d}"


def configure_logging(data_dir: Path) -> Path:
    """A rotating log in the data directory (1 MB x 5), readable by the counter's user only.
    Nothing logged carries a PIN, a token or a key (docs/security.md)."""
    import os
    from logging.handlers import RotatingFileHandler

    path = data_dir / LOG_FILE
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(
        OsloTimeFormatter("%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s")
    )
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else list(argv)
    try:
        args = localised(build_parser, language_of(given)).parse_args(given)
    finally:
        restore_argparse_words()
    settings = Settings(
        data_dir=args.data_dir or default_data_dir(),
        lang=args.lang,
        printer_url=args.printer,
        scanner_url=args.scanner,
    )
    try:
        configure_logging(settings.data_dir)
    except OSError as error:  # a read-only data directory: said by the command that opens it
        print(f"({LOG_FILE}: {error.strerror or error})", file=sys.stderr)
    if settings.printer_url:
        from printers.transports import transport_for

        try:
            transport_for(settings.printer_url)
        except DomainError as error:
            print(error.message(settings.lang), file=sys.stderr)
            return 2
    if args.command is None:
        return _window(settings)
    return _command(args, settings)


def _window(settings: Settings) -> int:
    from ui.display_check import display_problem

    problem = display_problem(settings.lang)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    from cli.bootstrap import run_gui

    return run_gui(settings)


def _command(args: argparse.Namespace, settings: Settings) -> int:
    try:
        code: int = args.handler(args, settings)
        sys.stdout.flush()  # here, so a closed pipe is met while it can be handled
        return code
    except BrokenPipeError:
        return stdout_closed()
    except DomainError as error:
        print(error.message(settings.lang), file=sys.stderr)
        return 2
    except Exception as error:  # a bug: logged in full, a short message for the person
        import logging

        from pos.adapters.store_check import is_damage

        logging.getLogger("omigjen").exception("command %s failed", args.command)
        if is_damage(error):  # met below the checks: still the person's message, not SQLite's
            from pos.errors import StoreDamagedInUse

            print(StoreDamagedInUse(reason=str(error)).message(settings.lang), file=sys.stderr)
            return 2
        print(
            f"Uventet feil / unexpected error: {error} (se loggen / see {LOG_FILE})",
            file=sys.stderr,
        )
        return 70


if __name__ == "__main__":
    sys.exit(main())
