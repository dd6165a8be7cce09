"""Opening the local store: SQLite in WAL mode with synchronous=FULL, foreign keys, and
BEGIN IMMEDIATE so a write transaction holds the lock from its first statement (no lost update
between reading a counter and writing it). Migrations run on open; an old database is upgraded.
Alembic is imported only when the schema is behind, so a normal start stays fast.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError

from pos.adapters.slow_steps import Listener, listening
from pos.adapters.store_check import DB_FILE as DB_FILE  # where the store is named

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
WAL_AUTOCHECKPOINT_PAGES = 10_000
"""About 40 MB of WAL between automatic checkpoints (SQLite's default is 1 000 pages)."""


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Autocommit at the driver level: SQLAlchemy's "begin" hook below issues the real BEGIN.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    # Copying the WAL back into the database (a checkpoint) is paid by whichever commit crosses
    # the threshold: a sale. A larger threshold makes that rare, and the app checkpoints in the
    # background when idle (Counter.checkpoint), so the counter rarely waits for it.
    cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES}")
    cursor.close()


def make_engine(db_path: Path | str) -> Engine:
    """An engine on the SQLite file; builds nothing and migrates nothing by itself."""
    # hide_parameters: PIN hashes, the device token and customers' details never reach a log or
    # an error message, even with SQL logging switched on
    engine = create_engine(f"sqlite:///{db_path}", hide_parameters=True)
    event.listen(engine, "connect", _on_connect)

    @event.listens_for(engine, "begin")
    def _begin_immediate(conn: Any) -> None:
        readonly = conn.get_execution_options().get("omigjen_readonly", False)
        conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")

    return engine


def checkpoint(engine: Engine) -> None:
    """A PASSIVE WAL checkpoint: copies what it can and never waits for the writer."""
    raw = engine.raw_connection()  # outside any transaction: a checkpoint cannot run in one
    try:
        raw.driver_connection.execute("PRAGMA wal_checkpoint(PASSIVE)")  # type: ignore[union-attr]
    finally:
        raw.close()


def is_storage_full(error: BaseException) -> bool:
    """SQLITE_FULL, however SQLAlchemy wrapped it: a full disk or a size-capped database."""
    while error is not None:
        if isinstance(error, sqlite3.OperationalError) and "full" in str(error).lower():
            return True
        error = error.__cause__ or getattr(error, "orig", None)  # type: ignore[assignment]
    return False


def connect(engine: Engine, *, readonly: bool = False) -> Connection:
    """A connection with its transaction begun (IMMEDIATE unless ``readonly``)."""
    conn = engine.connect()
    if readonly:
        conn = conn.execution_options(omigjen_readonly=True)
    conn.begin()
    return conn


__all__ = ["Connection", "Engine", "connect", "make_engine", "migrate", "open_store"]


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


_REVISION_RE = re.compile(r"^revision\s*=\s*[\"'](\w+)[\"']", re.MULTILINE)
_DOWN_REVISION_RE = re.compile(r"^down_revision\s*=\s*(.+)$", re.MULTILINE)


def head_revisions() -> set[str]:
    """The revisions no other migration builds on, read from the version files' text (cheaper
    than loading Alembic's script directory on every start)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        found = _REVISION_RE.search(source)
        if found is None:
            continue
        revisions.add(found.group(1))
        down = _DOWN_REVISION_RE.search(source)
        if down is not None:
            parents.update(re.findall(r"[\"'](\w+)[\"']", down.group(1)))
    return revisions - parents


def head_revision() -> str:
    heads = sorted(head_revisions())
    assert len(heads) == 1, f"migrations have several heads: {heads}"
    return heads[0]


def current_revisions(engine: Engine) -> set[str]:
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except OperationalError:  # no alembic_version table: a new, empty database
        return set()
    return {str(row[0]) for row in rows}


def current_revision(engine: Engine) -> str | None:
    revisions = sorted(current_revisions(engine))
    return revisions[0] if len(revisions) == 1 else None


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema up to ``revision``; cheap (and Alembic-free) when it is already there."""
    if revision == "head" and current_revisions(engine) == head_revisions():
        return
    from alembic import command

    command.upgrade(alembic_config(engine), "heads" if revision == "head" else revision)


def open_store(data_dir: Path, on_slow_step: Listener | None = None) -> Engine:
    """The engine for a data directory, migrated to the current schema; a migration's slow
    step on a big store is said to ``on_slow_step`` as it runs (and logged)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    db_path = data_dir / DB_FILE
    if not db_path.exists():  # readable by the counter's user only; SQLite's -wal/-shm follow
        os.close(os.open(db_path, os.O_CREAT | os.O_WRONLY, 0o600))
    engine = make_engine(db_path)
    with listening(on_slow_step):
        migrate(engine)
    return engine
