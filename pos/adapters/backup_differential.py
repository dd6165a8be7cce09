"""The differential backup: the pages of the store that differ from a recent full backup's
(``pos/adapters/backup_pages.py``), bundled with the manifest, the public keys and the photos
the full backup lacks.

A full backup is taken instead when there is none of the last ``FULL_EVERY_DAYS`` days, when
the till kept writing through every try to hold the file still, when more than
``MAX_CHANGED_SHARE`` of the pages changed, or when the device row (with the token a backup
never holds) changed: a full backup scrubs it, and a differential keeps its full backup's
scrubbed page.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pos.adapters.backup_bundle import (
    DIFFERENTIAL,
    Manifest,
    photo_names,
    read_digests,
    write_bundle,
)
from pos.adapters.backup_leftovers import PARTIAL
from pos.adapters.backup_pages import changed_pages, frozen_file, table_pages, write_pages
from pos.adapters.repositories import read_heads
from pos.numbering import Heads

FULL_EVERY_DAYS = 7
MAX_CHANGED_SHARE = 0.5
SECRET_TABLE = "sync_device"
SECOND_PLACE_META = "backup_second_place"
"""A folder (USB disk, network share) every backup is also copied to; empty: none."""


@dataclass(frozen=True)
class BackupJob:
    """What every backup of one call shares: where, why, when, the keys and the photos."""

    folder: Path
    reason: str
    now: datetime
    public_keys: Mapping[str, bytes]
    app_version: str
    photos: Path

    def target(self, heads: Heads) -> Path:
        name = f"omigjen-{self.now:%Y%m%d-%H%M%S}-j{heads.journal[0]:09d}-{self.reason}.zip"
        return self.folder / name

    def manifest(self, heads: Heads, register_id: str, **more: object) -> Manifest:
        return Manifest(
            taken=self.now.isoformat(timespec="seconds"),
            reason=self.reason,
            register_id=register_id,
            heads=heads,
            app_version=self.app_version,
            **more,  # type: ignore[arg-type]
        )


def take_differential(job: BackupJob, db_path: Path, base: Path) -> tuple[Path, str] | None:
    """The differential on the full backup ``base`` (its path and the second place the store
    names), or None when a full backup must be taken instead (module docstring)."""
    digests = read_digests(base)
    with frozen_file(db_path) as snapshot:
        if snapshot is None:
            return None
        delta = changed_pages(db_path, snapshot, digests)
        if table_pages(snapshot, SECRET_TABLE) & set(delta.pages):
            return None
        if len(delta.pages) > MAX_CHANGED_SHARE * snapshot.pages:
            return None
        heads = read_heads(snapshot.connection)
        meta = dict(snapshot.connection.execute("SELECT key, value FROM meta").fetchall())
        manifest = job.manifest(
            heads,
            meta.get("register_id", "K1"),
            kind=DIFFERENTIAL,
            store_bytes=snapshot.pages * snapshot.page_size,
            base=base.name,
            page_size=snapshot.page_size,
            page_count=snapshot.pages,
        )
        target = job.target(heads)
        partial = target.with_name(target.name + PARTIAL)
        write_bundle(
            partial,
            lambda out: write_pages(out, db_path, snapshot.page_size, delta.pages),
            manifest,
            job.public_keys,
            job.photos,
            skip_photos=photo_names(base),
        )
    os.replace(partial, target)
    return target, meta.get(SECOND_PLACE_META, "")
