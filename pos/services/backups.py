"""Backups as the till takes them (each after ``integrity_check``): daily at the first start
of a day, after every Z, and when a manager asks; each also copied to the second place named
in the settings (a USB disk or a network folder). A damaged store is never backed up: the check
fails, the damage is noted for the next start and the manager is offered a restore."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pos import __version__
from pos.adapters.backup import SECOND_PLACE_META, Taken, backup_due, take_backup
from pos.adapters.db import DB_FILE
from pos.adapters.key_files import KeyStore
from pos.adapters.store_check import integrity_check, note_damage
from pos.clock import wall_clock_now
from pos.errors import SecondPlaceMissing, StoreDamaged, StoreDamagedAfterZ
from pos.model.staff import Permission
from pos.services import day_log
from pos.services.context import TillContext
from pos.services.settings_journal import journal_settings_change
from pos.unit_of_work import UnitOfWorkFactory


def take(
    data_dir: Path,
    reason: str,
    now: datetime | None = None,
    *,
    after_z: bool = False,
    second_place: Path | None = None,
) -> Taken:
    """Check the store in full (``integrity_check``: every page and every index, so damage
    inside a row that leaves its page well formed is caught too; about 1 s for 100 MB), then
    back it up with the public keys and photos; raises ``StoreDamaged`` (``StoreDamagedAfterZ``
    after a Z, which stands) instead of copying damage."""
    db_path = data_dir / DB_FILE
    problem = full_check(data_dir)
    if problem is not None:
        damaged = StoreDamagedAfterZ if after_z else StoreDamaged
        raise damaged(str(data_dir), reason=problem)
    taken = take_backup(
        data_dir,
        db_path,
        reason,
        now or wall_clock_now(),  # names in Norwegian time whatever the PC's time zone
        public_keys(KeyStore(data_dir / "keys")),
        app_version=__version__,
        second_place=second_place,
        differential=reason in DIFFERENTIAL_REASONS,
    )
    day_log.backup_taken(taken.path, reason)
    return taken


def full_check(data_dir: Path) -> str | None:
    """SQLite's full check of the store; damage found is noted, so the next start refuses the
    store and offers a restore."""
    problem = integrity_check(data_dir / DB_FILE)
    if problem is not None:
        note_damage(data_dir, problem)
    return problem


DIFFERENTIAL_REASONS = ("daily", "z")
"""The backups the till takes by itself are differential (a week's full backup and the pages
changed since); one a manager asks for is whole, a single file to carry away."""


def backup_after_z(data_dir: Path, now: datetime | None = None) -> Taken:
    """The store as it is right after the day's Z reports, checked in full first."""
    return take(data_dir, "z", now, after_z=True)


def backup_if_due(data_dir: Path, now: datetime | None = None) -> Taken | None:
    """The daily backup, unless one was taken today already."""
    moment = now or wall_clock_now()
    return take(data_dir, "daily", moment) if backup_due(data_dir, moment) else None


def public_keys(keys: KeyStore) -> dict[str, bytes]:
    """Every RSA public key version (what a restore anywhere needs to verify)."""
    return {version: keys.public_key_pem(version) for version in keys.versions()}


def second_place(uow_factory: UnitOfWorkFactory) -> str:
    with uow_factory.read() as uow:
        return uow.meta.get_meta(SECOND_PLACE_META) or ""


def set_second_place(uow_factory: UnitOfWorkFactory, ctx: TillContext, folder: str) -> str:
    """Name the folder every backup is also copied to (a manager; journaled). Empty: none.
    A folder that is not there is refused, never made: an unplugged disk's mount point would
    otherwise fill the PC's own disk with copies that look safe."""
    ctx.require(Permission.MANAGE)
    folder = folder.strip()
    if folder and not (Path(folder).is_absolute() and Path(folder).is_dir()):
        raise SecondPlaceMissing(folder)
    with uow_factory() as uow:
        before = uow.meta.get_meta(SECOND_PLACE_META) or ""
        if before != folder:
            uow.meta.set_meta(SECOND_PLACE_META, folder)
            journal_settings_change(
                uow, ctx, {"setting": "backup_second_place", "from": before, "to": folder}
            )
        uow.commit()
    return folder
