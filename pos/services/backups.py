"""Backups as the screens and the CLI ask for them: after each Z report, and daily."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pos.adapters.backup import take_backup
from pos.adapters.db import DB_FILE


def backup_after_z(data_dir: Path, now: datetime | None = None) -> Path:
    """The store as it is right after the day's Z reports (kept with the daily backups)."""
    return take_backup(data_dir / DB_FILE, data_dir, "z", now or datetime.now())
