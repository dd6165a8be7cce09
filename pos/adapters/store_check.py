"""Is the store sound? SQLite's own checks, and a marker that remembers a store found damaged
while the till ran, so the next start does not use it without a full check.

- at every start: the file and its header (cheap), then ``PRAGMA quick_check`` (every page,
  without comparing indexes to tables: about 1.5 ms per MB) while the store is small
  (``pos.counter.QUICK_CHECK_AT_START_BYTES``); a larger one gets it before the daily backup;
- before every backup (after every Z too), in ``verify-journal`` and for a backup to restore:
  ``integrity_check`` (also every index, so damage inside a row is caught: a damaged store is
  never copied).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

DB_FILE = "omigjen.sqlite3"
"""The store in a data directory (named here, where nothing of SQLAlchemy is loaded)."""
DAMAGED_MARKER = "store-damaged"
_HEADER = b"SQLite format 3\x00"
_DAMAGE_WORDS = ("malformed", "not a database", "corrupt", "disk image", "file is encrypted")


def file_problem(db_path: Path, has_history: bool) -> str | None:
    """A store that is missing its header or was cut short: only an empty file is a new store,
    and only when the register has no history (the high-water mark is empty)."""
    if not db_path.exists():
        return "the database file is missing" if has_history else None
    size = db_path.stat().st_size
    if size == 0:
        return "the database file is empty" if has_history else None
    with open(db_path, "rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(_HEADER):
        return "the file does not start with a SQLite header"
    page_size = int.from_bytes(header[16:18], "big") or 65536
    if page_size == 1:
        page_size = 65536
    pages = int.from_bytes(header[28:32], "big")
    if size % page_size or (pages and size < pages * page_size and not _has_wal(db_path)):
        return f"the file was cut short ({size} bytes, {pages} pages of {page_size})"
    return None


def _has_wal(db_path: Path) -> bool:
    wal = db_path.with_name(db_path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def quick_check(db_path: Path) -> str | None:
    return _pragma_check(db_path, "quick_check")


def integrity_check(db_path: Path) -> str | None:
    return _pragma_check(db_path, "integrity_check")


def _pragma_check(db_path: Path, pragma: str) -> str | None:
    """None when SQLite finds the store sound, else what it says (first lines)."""
    if not db_path.is_file():  # connecting would make an empty database of it
        return "the database file is missing"
    try:
        db = sqlite3.connect(db_path)
        try:
            rows = db.execute(f"PRAGMA {pragma}(20)").fetchall()
        finally:
            db.close()
    except sqlite3.DatabaseError as error:
        return str(error)
    result = "; ".join(str(r[0]) for r in rows[:3])
    return None if result == "ok" else result


def is_damage(error: BaseException | None) -> bool:
    """A SQLite error that means the file is damaged, however SQLAlchemy wrapped it."""
    while error is not None:
        if isinstance(error, sqlite3.DatabaseError) and any(
            word in str(error).lower() for word in _DAMAGE_WORDS
        ):
            return True
        error = error.__cause__ or getattr(error, "orig", None)
    return False


def note_damage(data_dir: Path, reason: str) -> None:
    """Remember that the store was found damaged (best effort: the disk may be failing)."""
    try:
        (data_dir / DAMAGED_MARKER).write_text(reason + "\n", encoding="utf-8")
    except OSError:
        pass


def noted_damage(data_dir: Path) -> str | None:
    marker = data_dir / DAMAGED_MARKER
    try:
        return marker.read_text(encoding="utf-8").strip() or "damaged"
    except OSError:
        return None


def clear_damage_note(data_dir: Path) -> None:
    (data_dir / DAMAGED_MARKER).unlink(missing_ok=True)
