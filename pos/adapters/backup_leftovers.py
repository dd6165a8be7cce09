"""Where backups are kept and the partial files an interrupted backup or restore leaves there.

Every start removes those leftovers before the store is opened; this module is apart from
``backup`` so that starting the counter does not load the backup machinery with it."""

from __future__ import annotations

from pathlib import Path

BACKUP_DIR = "backups"
PARTIAL = ".partial"


def remove_leftovers(data_dir: Path) -> list[Path]:
    """Partial files of a backup or restore that was interrupted (they may hold the store)."""
    leftovers = (
        list((data_dir / BACKUP_DIR).glob(f"*{PARTIAL}"))
        if (data_dir / BACKUP_DIR).is_dir()
        else []
    )
    leftovers += list(data_dir.glob(f"*{PARTIAL}"))
    for path in leftovers:
        path.unlink(missing_ok=True)
    return leftovers
