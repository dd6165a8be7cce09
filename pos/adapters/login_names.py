"""The centre's and this register's names for the login painted before the store is opened
(``ui.login_first``): plain SQLite, read only, nothing of SQLAlchemy loaded, the store neither
locked, checked nor migrated yet. Any problem (no store yet, a centre not set up, a damaged or
locked store) is no names: the store's own checks come right after, and the counter window
shows the names it reads itself."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pos.adapters.store_check import DB_FILE


def names_at_start(data_dir: Path) -> tuple[str, str] | None:
    """(centre name, register name), or None."""
    path = data_dir / DB_FILE
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=0.1)
    except (OSError, sqlite3.Error):
        return None
    try:
        meta = dict(
            db.execute(
                "SELECT key, value FROM meta WHERE key IN ('centre_name', 'register_id')"
            ).fetchall()
        )
        centre, register = meta.get("centre_name"), meta.get("register_id")
        if not centre or not register:
            return None
        row = db.execute("SELECT name FROM registers WHERE id = ?", (register,)).fetchone()
        return str(centre), str(row[0] if row and row[0] else register)
    except sqlite3.Error:
        return None
    finally:
        db.close()
