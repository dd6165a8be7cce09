"""Automatic backups of the local store with SQLite's online backup API (consistent while the
till runs), and the checks that keep a damaged database from being used.

Backups go to ``<data dir>/backups/omigjen-<YYYYMMDD-HHMMSS>-<reason>.sqlite3``: one a day at the
first start, one after every Z report; those older than the kept number of days are removed
(the newest few are always kept).

A backup never holds the device token (docs/security.md): backups get copied around, and the
token lets whoever has it push and pull as this counter. The copy is scrubbed before it gets its
name; a store restored from it is marked ``reenrol_needed``, as a restored counter must re-enrol
anyway (its outbox sequence went back; sync-protocol.md, docs/sync.md).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

BACKUP_DIR = "backups"
KEEP_DAYS = 30
KEEP_AT_LEAST = 5
_NAME = re.compile(r"^omigjen-(\d{8}-\d{6})-([a-z]+)\.sqlite3$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    reason: str


def backups(data_dir: Path) -> list[Backup]:
    """The data directory's backups, newest first."""
    found = []
    folder = data_dir / BACKUP_DIR
    if folder.is_dir():
        for path in folder.iterdir():
            match = _NAME.match(path.name)
            if match:
                taken = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
                found.append(Backup(path, taken, match.group(2)))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def take_backup(db_path: Path, data_dir: Path, reason: str, now: datetime) -> Path:
    """Copy the live database page by page into a new backup file, then prune old ones."""
    folder = data_dir / BACKUP_DIR
    folder.mkdir(mode=0o700, exist_ok=True)
    target = folder / f"omigjen-{now:%Y%m%d-%H%M%S}-{reason}.sqlite3"
    partial = target.with_suffix(".partial")
    source = sqlite3.connect(db_path)
    try:
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest)
            scrub_secrets(dest)
        finally:
            dest.close()
    finally:
        source.close()
    os.chmod(partial, 0o600)
    os.replace(partial, target)
    prune(data_dir, now)
    return target


RESTORED_DETAIL = "restored from a backup, which keeps no device token: enrol again"


def scrub_secrets(db: sqlite3.Connection) -> None:
    """Remove the device token from a copy of the store, overwriting the old bytes (secure
    delete, rollback journal in memory only), and mark the copy as needing a new enrolment."""
    db.execute("PRAGMA secure_delete = ON")
    db.execute("PRAGMA journal_mode = MEMORY")
    has_device = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_device'"
    ).fetchone()
    if has_device:
        db.execute(
            "UPDATE sync_device SET token = '', state = 'reenrol_needed', state_detail = ?",
            (RESTORED_DETAIL,),
        )
    db.commit()


def prune(data_dir: Path, now: datetime, keep_days: int = KEEP_DAYS) -> None:
    for index, backup in enumerate(backups(data_dir)):
        if index >= KEEP_AT_LEAST and backup.taken < now - timedelta(days=keep_days):
            backup.path.unlink(missing_ok=True)


def has_backup_since(data_dir: Path, since: datetime) -> bool:
    return any(b.taken >= since for b in backups(data_dir))


def damage(db_path: Path) -> str | None:
    """Why the database cannot be used, or None. Cheap enough for every start: SQLite reads the
    header and schema; a full ``quick_check`` runs when a backup is taken."""
    if not db_path.exists():
        return None
    try:
        db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            db.execute("PRAGMA schema_version").fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError as error:
        return str(error)
    return None


def full_check(db_path: Path) -> str | None:
    """SQLite's quick_check over every page: None when the database is sound."""
    try:
        db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            rows = db.execute("PRAGMA quick_check").fetchall()
        finally:
            db.close()
    except sqlite3.DatabaseError as error:
        return str(error)
    result = "; ".join(str(r[0]) for r in rows)
    return None if result == "ok" else result


def restore(db_path: Path, backup: Path, now: datetime) -> Path:
    """Put a backup in place of the live database; the damaged file is kept beside it."""
    kept = db_path.with_name(f"{db_path.name}.damaged-{now:%Y%m%d-%H%M%S}")
    if db_path.exists():
        os.replace(db_path, kept)
    for suffix in ("-wal", "-shm"):
        stale = db_path.with_name(db_path.name + suffix)
        if stale.exists():
            os.replace(stale, kept.with_name(kept.name + suffix))
    shutil.copyfile(backup, db_path)
    os.chmod(db_path, 0o600)
    restored = sqlite3.connect(db_path)  # an older backup may still hold a token: not used
    try:
        scrub_secrets(restored)
    finally:
        restored.close()
    return kept
