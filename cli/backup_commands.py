"""Backups of the store: ``backup`` (one now) and ``restore-backup`` (list them, or put the
newest or a given one in place of a damaged store)."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.bootstrap import Settings, opened
from cli.options import Commands, add_command


def add_commands(commands: Commands) -> None:
    restore = add_command(
        commands,
        "restore-backup",
        restore_backup,
        "put the newest (or a given) automatic backup in place of the store",
    )
    restore.add_argument("file", type=Path, nargs="?", help="a backup file (default: newest)")
    restore.add_argument("--list", action="store_true", help="only list the backups")
    add_command(commands, "backup", backup, "take a backup of the store now")


def restore_backup(args: argparse.Namespace, settings: Settings) -> int:
    """Works on the files alone: the store may be too damaged to open."""
    from pos.adapters.backup import backups
    from pos.counter import restore_latest

    if args.list:
        for found in backups(settings.data_dir):
            print(f"{found.taken:%Y-%m-%d %H:%M:%S}\t{found.reason}\t{found.path}")
        return 0
    used = restore_latest(settings.data_dir, args.file)
    print(f"Restored {used}; the damaged database was kept beside it.")
    return 0


def backup(args: argparse.Namespace, settings: Settings) -> int:
    with opened(settings) as app:
        print(app.counter.backup("manual"))
    return 0
