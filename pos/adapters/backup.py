"""Backups of the local store (``pos/adapters/backup_bundle.py`` says what one holds) and the
checks that keep a damaged store from being used or copied.

A backup is ``<folder>/omigjen-<YYYYMMDD-HHMMSS>-j<journal seq>-<reason>.zip``. It is written to
``<name>.partial`` (0600 from its first byte), flushed and renamed, so a backup that exists is
whole; ``*.partial`` leftovers of an interrupted one are removed at the next start. Backups are
ordered by the journal position they hold, not by the date in their name: a clock that was
ahead cannot make an old backup look newest, nor stop the daily one.

Retention (the folder stays bounded whatever the clock does): the ``KEEP_NEWEST`` newest
backups, plus the newest of each of the ``KEEP_MONTHS`` calendar months before; the rest are
deleted. At most 22 files.

A backup never holds the device token (docs/security.md): the copy is scrubbed before it is
bundled; a store restored from it is marked ``reenrol_needed``.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import zipfile
import zlib
from collections.abc import Mapping
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from pos.adapters.backup_bundle import (
    DIFFERENTIAL,
    FULL,
    copy_file,
    extract_store,
    read_digests,
    read_manifest,
    write_bundle,
)
from pos.adapters.backup_differential import (
    FULL_EVERY_DAYS,
    PARTIAL,
    SECOND_PLACE_META,
    BackupJob,
    take_differential,
)
from pos.adapters.backup_leftovers import BACKUP_DIR
from pos.adapters.backup_pages import page_digests
from pos.adapters.repositories import read_heads
from pos.errors import DomainError, SecondPlaceGone, SecondPlaceNotWritten
from pos.numbering import Heads

KEEP_NEWEST = 10
KEEP_MONTHS = 12
CLOCK_SLACK = timedelta(minutes=5)
_NAME = re.compile(r"^omigjen-(\d{8}-\d{6})-(?:j(\d+)-)?([a-z-]+)\.(zip|sqlite3)$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    reason: str
    journal_seq: int | None
    """The journal head it holds (None: a single-file backup of an older version)."""

    @property
    def bundled(self) -> bool:
        return self.path.suffix == ".zip"


@dataclass(frozen=True)
class Taken:
    path: Path
    second: Path | None = None
    second_problem: DomainError | None = None
    """Why the copy to the second place failed (the backup itself is fine), said in the
    person's language by ``message``."""


def backups_in(folder: Path) -> list[Backup]:
    """A folder's backups, newest first (by journal position, then by the time in the name)."""
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = _NAME.match(path.name)
            if match:
                taken = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
                seq = int(match.group(2)) if match.group(2) else None
                found.append(Backup(path, taken, match.group(3), seq))
    return sorted(found, key=lambda b: (b.journal_seq is not None, b.journal_seq or 0, b.taken),
                  reverse=True)  # fmt: skip


def backups(data_dir: Path) -> list[Backup]:
    return backups_in(data_dir / BACKUP_DIR)


def backup_due(data_dir: Path, now: datetime) -> bool:
    """No backup taken today yet. One dated later than now (the clock was ahead when it was
    taken) is not today's."""
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return not any(midnight <= b.taken <= now + CLOCK_SLACK for b in backups(data_dir))


def take_backup(
    data_dir: Path,
    db_path: Path,
    reason: str,
    now: datetime,
    public_keys: Mapping[str, bytes],
    *,
    app_version: str = "",
    second_place: Path | None = None,
    differential: bool = False,
) -> Taken:
    """Bundle and flush a backup: with ``differential``, one on the newest full backup of the
    last ``FULL_EVERY_DAYS`` days when it can, else a full one (copied, scrubbed); then copy it
    (and its full backup) to the second place (the one given, else the one in the store's
    settings) and prune both folders. The caller has checked the store (a damaged store is
    never backed up)."""
    folder = data_dir / BACKUP_DIR
    folder.mkdir(mode=0o700, exist_ok=True)
    base = differential_base(folder, now) if differential else None
    job = BackupJob(folder, reason, now, public_keys, app_version, data_dir / "photos")
    made = take_differential(job, db_path, base.path) if base is not None else None
    target, configured = made if made is not None else _take_full(job, db_path)
    fsync_dir(folder)
    prune(folder, now)
    place = second_place or (Path(configured) if configured else None)
    if place is None:
        return Taken(target)
    try:
        if made is not None and base is not None and not (place / base.path.name).exists():
            copy_to(base.path, place, now)
        return Taken(target, copy_to(target, place, now))
    except OSError as error:
        if not place.is_dir():
            return Taken(target, None, SecondPlaceGone(str(place)))
        return Taken(
            target, None, SecondPlaceNotWritten(str(place), reason=error.strerror or error)
        )


def _take_full(job: BackupJob, db_path: Path) -> tuple[Path, str]:
    copy = job.folder / f".store-{job.now:%Y%m%d-%H%M%S}.sqlite3{PARTIAL}"
    try:
        heads, register_id, configured, digests = _scrubbed_copy(db_path, copy)
        target = job.target(heads)
        partial = target.with_name(target.name + PARTIAL)
        write_bundle(
            partial,
            copy_file(copy),
            job.manifest(heads, register_id, store_bytes=copy.stat().st_size),
            job.public_keys,
            job.photos,
            digests=digests,
        )
        os.replace(partial, target)
    finally:
        copy.unlink(missing_ok=True)
    return target, configured


def differential_base(folder: Path, now: datetime) -> Backup | None:
    """The newest backup when it is a full one with page digests, taken in the last
    ``FULL_EVERY_DAYS`` days (or the full backup the newest differential is made on)."""
    found = backups_in(folder)
    if not found or not found[0].bundled or found[0].taken > now + CLOCK_SLACK:
        return None
    try:
        manifest = read_manifest(found[0].path)
        base = found[0] if manifest.kind == FULL else _named(found, manifest.base)
        fresh = base is not None and base.taken >= now - timedelta(days=FULL_EVERY_DAYS)
        return base if fresh and base is not None and read_digests(base.path) else None
    except UNREADABLE_BACKUP:  # an unreadable backup: start a new full one
        return None


def _named(found: list[Backup], name: str) -> Backup | None:
    return next((b for b in found if b.path.name == name), None)


def copy_to(backup: Path, folder: Path, now: datetime) -> Path:
    """The same backup in another folder, written whole or not at all; pruned there too."""
    if not folder.is_dir():
        raise FileNotFoundError(2, "the folder is not there (disk not connected?)", str(folder))
    target = folder / backup.name
    partial = folder / (backup.name + PARTIAL)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    with open(backup, "rb") as source, os.fdopen(fd, "wb") as out:
        shutil.copyfileobj(source, out, 1 << 20)
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, target)
    fsync_dir(folder)
    prune(folder, now)
    return target


def _scrubbed_copy(db_path: Path, copy: Path) -> tuple:
    """The store copied by SQLite's backup API, its pages' digests taken before the token is
    scrubbed (a differential compares the store's own pages with them), then scrubbed."""
    os.close(os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(copy)
        try:
            source.backup(dest)
            digests = page_digests(copy)
            scrub_secrets(dest)
            heads = read_heads(dest)
            meta = dict(dest.execute("SELECT key, value FROM meta").fetchall())
        finally:
            dest.close()
    finally:
        source.close()
    return heads, meta.get("register_id", "K1"), meta.get(SECOND_PLACE_META, ""), digests


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


def prune(folder: Path, now: datetime) -> None:
    """Apply the retention rule (module docstring) to one folder."""
    found = backups_in(folder)
    keep = {b.path for b in found[:KEEP_NEWEST]}
    months: set[tuple[int, int]] = set()
    oldest_month = (now.year * 12 + now.month - 1) - KEEP_MONTHS
    for backup in found:
        month = (backup.taken.year, backup.taken.month)
        if backup.taken <= now + CLOCK_SLACK and month not in months:
            if backup.taken.year * 12 + backup.taken.month - 1 >= oldest_month:
                months.add(month)
                keep.add(backup.path)
    for backup in [b for b in found if b.path in keep and b.bundled]:
        base = _base_name(backup.path)
        if base:
            keep.add(folder / base)  # a differential is restored on its full backup
    for backup in found:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)


def _base_name(path: Path) -> str:
    try:
        manifest = read_manifest(path)
    except (OSError, ValueError, KeyError):
        return ""
    return manifest.base if manifest.kind == DIFFERENTIAL else ""


def fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def store_heads(db_path: Path) -> Heads:
    """The number heads of a store file that no engine has open (an unpacked backup)."""
    db = sqlite3.connect(db_path)
    try:
        return read_heads(db)
    finally:
        db.close()


def store_counter(db_path: Path, name: str) -> int:
    db = sqlite3.connect(db_path)
    try:
        row = db.execute("SELECT value FROM counters WHERE name = ?", (name,)).fetchone()
    finally:
        db.close()
    return int(row[0]) if row else 0


def store_enrolled_as(db_path: Path) -> tuple[str, str] | None:
    """(device id, register id) of an enrolled store file; None when it is not enrolled or
    cannot be read (read-only: the store may be the one being replaced)."""
    try:
        with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as db:
            device = db.execute("SELECT device_id FROM sync_device WHERE id = 1").fetchone()
            register = db.execute("SELECT value FROM meta WHERE key = 'register_id'").fetchone()
    except sqlite3.DatabaseError:
        return None
    if device is None or not device[0]:
        return None
    return str(device[0]), str(register[0]) if register else "?"


def store_holds_history(db_path: Path) -> bool:
    """Whether a store file has a journal row or a staff member (True also when it cannot be
    read: a damaged store is taken to hold history)."""
    try:
        db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    except sqlite3.DatabaseError:
        return True
    try:
        journal = db.execute("SELECT EXISTS (SELECT 1 FROM journal)").fetchone()[0]
        staff = db.execute("SELECT EXISTS (SELECT 1 FROM staff)").fetchone()[0]
    except sqlite3.DatabaseError:
        return True
    finally:
        db.close()
    return bool(journal or staff)


def scrub_file(db_path: Path) -> None:
    """Scrub a store file put back from a backup (an older backup may still hold a token)."""
    db = sqlite3.connect(db_path)
    try:
        scrub_secrets(db)
    finally:
        db.close()


UNREADABLE_BACKUP = (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile, zlib.error)
"""What unpacking a backup raises when its file is damaged or incomplete (a bad CRC is a
``BadZipFile``, a broken deflate stream a ``zlib.error``): the restore passes such a backup over."""


def unpack_store(backup: Backup, target: Path) -> None:
    """The backup's store at ``target`` (0600), from either format (``UNREADABLE_BACKUP``
    when its file is damaged)."""
    if backup.bundled:
        extract_store(backup.path, target)
    else:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out, open(backup.path, "rb") as source:
            shutil.copyfileobj(source, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
