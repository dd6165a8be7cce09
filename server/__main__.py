"""``python -m server --database-url URL [--host H --port P]``: run the central server."""

from __future__ import annotations

import argparse
import sys

from server.cli import add_commands, run_serve


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m server")
    add_commands(parser.add_subparsers(dest="command"))
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-"):
        argv = ["serve", *argv]
    args = parser.parse_args(argv)
    if args.command == "serve":
        return run_serve(args)
    from server.cli import run_admin

    return run_admin(args)


if __name__ == "__main__":
    sys.exit(main())
