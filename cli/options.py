"""What several command groups share: the ``--staff/--pin/--register`` options of a person acting
at the counter, the parser type, and the signature of a command's handler."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from cli.bootstrap import CounterApp, Settings
    from pos.model.till_close import BlindCount
    from pos.services.context import TillContext

Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
Handler = Callable[[argparse.Namespace, "Settings"], int]
"""A command: its parsed arguments and the run's settings in, the exit code out."""


def _absolute_path(text: str) -> Path:
    """A folder named relative to where the counter starts, made whole once: the store, the
    log and the login's early read all see the same folder, and a file URI can name it."""
    return Path(text).expanduser().absolute()


def global_options(parser: argparse.ArgumentParser, after_command: bool = False) -> None:
    """The options of every run. They may also follow the command (``print-copy N --printer
    URL``): there they default to nothing, so one given before the command stands."""

    def default(value: object) -> object:
        return argparse.SUPPRESS if after_command else value

    parser.add_argument(
        "--data-dir",
        type=_absolute_path,
        default=default(None),
        help="where the counter keeps its database and keys "
        "(default: the platform's user data directory)",
    )
    parser.add_argument(
        "--lang",
        default=default("nb"),
        choices=["nb", "en"],
        help="language of the user interface and messages (default: nb)",
    )
    parser.add_argument(
        "--printer",
        metavar="URL",
        default=default(None),
        help="send every printed document to this printer instead of the register's own: "
        "usb://VID:PID, serial:///dev/ttyUSB0?baudrate=9600, tcp://host:9100, "
        "file:///path, cups://NAME",
    )
    parser.add_argument(
        "--scanner",
        default=default(None),
        metavar="URL",
        help="a serial barcode scanner as a pyserial URL: /dev/ttyACM0, COM3, socket://host:port",
    )


def add_command(
    commands: Commands, name: str, handler: Handler, help: str
) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, help=help)
    global_options(parser, after_command=True)
    parser.set_defaults(handler=handler)
    return parser


def staff_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--staff", required=True, help="staff number of the person doing this")
    command.add_argument("--pin", default=None, help="their PIN (asked for when left out)")
    command.add_argument("--register", default=None, help="register id (default: this counter's)")


def staff_context(args: argparse.Namespace, app: CounterApp) -> TillContext:
    """The person given by ``--staff`` (PIN from ``--pin`` or asked for) at ``--register``."""
    return app.staff_context(args.staff, args.pin, args.register)


def parse_count(text: str) -> BlindCount:
    """'1000=2,50=3,1=4' (kroner=pieces) as a count by denomination; InvalidCount otherwise."""
    from pos.day_end_errors import InvalidCount
    from pos.model.till_close import BlindCount

    pieces: dict[int, int] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        value, _, count = part.partition("=")
        if not (value.strip().isdigit() and count.strip().isdigit()):
            raise InvalidCount(part)
        pieces[int(value) * 100] = pieces.get(int(value) * 100, 0) + int(count)
    return BlindCount(pieces)
